"""The lived days Insights' "Together with" compares on: a told appreciation, a trigger record.

Like `aggregates`, private entries count and entries in the bin never do. Each query reads
schema 8's running totals, one row per day, never one per entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from trustjournal.core.periods import Period
from trustjournal.store.db import Database
from trustjournal.store.entry_filters import Where, add_period

# The SQL here is composed only of fixed fragments and `?` placeholders, hence `noqa: S608`.

# One range of schema 8's running totals (kind, local_day): a row per day, no entry is read.
TRIGGER_DAYS_SQL = "SELECT local_day FROM day_totals {where} ORDER BY local_day"


@dataclass(frozen=True)
class MarkedDays:
    """Which lived days had a told appreciation, and which had a trigger record.

    Attributes:
        told: days of the period with at least one appreciation marked as told.
        triggers: days with at least one trigger record: the period's, and the day just
            before it (so that "the day after a trigger" is known for the period's first day).
    """

    told: frozenset[date]
    triggers: frozenset[date]


def trigger_days_sql(period: Period) -> tuple[str, list[object]]:
    """The trigger-days query and its parameters (also for checking its query plan)."""
    start = None if period.start is None else period.start - timedelta(days=1)
    where = Where()
    where.add("kind = 'trigger'")
    add_period(where, Period(start, period.end), "local_day")
    return TRIGGER_DAYS_SQL.format(where=where.sql()), list(where.params)


def marked_days(db: Database, period: Period) -> MarkedDays:
    """Read the told-appreciation days and the trigger days of `period`."""
    told = Where()
    told.add("kind = 'gratitude'")
    told.add("expressed > 0")
    add_period(told, period, "local_day")
    told_rows = db.query(
        f"SELECT local_day FROM day_totals {told.sql()}",  # noqa: S608
        told.params,
    )
    sql, params = trigger_days_sql(period)
    trigger_rows = db.query(sql, params)
    return MarkedDays(
        told=frozenset(date.fromisoformat(str(day)) for (day,) in told_rows),
        triggers=frozenset(date.fromisoformat(str(day)) for (day,) in trigger_rows),
    )
