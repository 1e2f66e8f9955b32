"""Figures for Insights and Today, computed in SQL over live entries (private ones included).

These are the person's own view, so private entries count; entries in the bin do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.core.periods import Period
from trustjournal.store.db import Database
from trustjournal.store.entry_filters import Where, add_period

# SQL here is composed only of fixed fragments and `?` placeholders (see entry_filters), hence
# the `noqa: S608` markers: no value ever reaches the SQL text.

NO_CATEGORY = ""  # how `triggers_by_category` names trigger records without a category
HOURS = 24


@dataclass(frozen=True)
class DailyMood:
    """The mood check-ins of one lived day, averaged.

    Attributes:
        day: the local day.
        count: how many check-ins.
        mood_avg: mean mood (1–10).
        connection_avg / trust_avg: means over the check-ins that rated them, else None.
    """

    day: date
    count: int
    mood_avg: float
    connection_avg: float | None
    trust_avg: float | None


@dataclass(frozen=True)
class CopingEffect:
    """How one coping strategy went in the trigger records that used it.

    Attributes:
        strategy: its name (as first written).
        uses: trigger records that used it.
        records_with_after: of those, how many noted the intensity afterwards.
        avg_drop: mean of intensity minus intensity afterwards over those records, else None.
    """

    strategy: str
    uses: int
    records_with_after: int
    avg_drop: float | None


def _where(kind: Literal["mood", "trigger"], period: Period | None, prefix: str = "") -> Where:
    """Live entries of one kind in a period; `prefix` is a fixed table alias such as `e.`."""
    where = Where()
    where.add(f"{prefix}kind = '{kind}'")
    where.add(f"{prefix}deleted_utc IS NULL")
    add_period(where, period, f"{prefix}local_day")
    return where


def _optional(value: Any) -> float | None:
    return None if value is None else float(value)


def daily_mood(db: Database, period: Period | None) -> list[DailyMood]:
    """Mood, connection and trust averaged per lived day, oldest day first.

    Walks the partial index `entries_mood_daily` in day order, so nothing is sorted.
    """
    where = _where("mood", period)
    rows = db.query(
        "SELECT local_day, count(*), avg(mood), avg(connection), avg(trust)"  # noqa: S608
        f" FROM entries INDEXED BY entries_mood_daily {where.sql()}"
        " GROUP BY local_day ORDER BY local_day",
        where.params,
    )
    return [
        DailyMood(date.fromisoformat(day), int(count), float(mood), _optional(conn), _optional(tr))
        for day, count, mood, conn, tr in rows
    ]


def coping_effect_sql(period: Period | None = None) -> tuple[str, list[Any]]:
    """The per-strategy coping query and its parameters (also for checking its query plan)."""
    where = _where("trigger", period, "e.")
    # CROSS JOIN fixes the order: walk the trigger records through the covering index
    # entries_trigger_coping (schema v3; no entry row is read) and probe entry_names by its
    # primary key. The other order fetches one random (encrypted) entry page per coping name.
    # Named, since the wider entries_insights (schema 7) covers it too, at more pages read.
    sql = (
        "SELECT n.name, min(n.entry_id), count(*) AS uses, count(e.intensity_after),"  # noqa: S608
        " avg(e.intensity - e.intensity_after) AS drop_avg"
        " FROM entries AS e INDEXED BY entries_trigger_coping CROSS JOIN entry_names AS n"
        " ON n.entry_id = e.id AND n.role = 'coping'"
        f" {where.sql()}"
        " GROUP BY n.name_key"
        " ORDER BY drop_avg IS NULL, drop_avg DESC, uses DESC, n.name_key"
    )
    return sql, list(where.params)


def coping_effect(db: Database, period: Period | None = None) -> list[CopingEffect]:
    """Each coping strategy used in trigger records, the most effective first.

    Effect is the mean drop in intensity over the records that noted the intensity
    afterwards; strategies without any such record come last, most used first.
    """
    sql, params = coping_effect_sql(period)
    rows = db.query(sql, params)
    return [
        CopingEffect(str(name), int(uses), int(with_after), _optional(drop))
        for name, _first, uses, with_after, drop in rows
    ]


def triggers_by_category(db: Database, period: Period | None) -> list[tuple[str, int]]:
    """Trigger records per category (letter case ignored), most frequent first.

    Records without a category are counted under NO_CATEGORY.
    """
    where = _where("trigger", period)
    rows = db.query(
        "SELECT coalesce(category, ?), min(id), count(*) AS records"  # noqa: S608
        f" FROM entries {where.sql()}"
        " GROUP BY category COLLATE NOCASE ORDER BY records DESC, 1 COLLATE NOCASE",
        (NO_CATEGORY, *where.params),
    )
    return [(str(category), int(records)) for category, _first, records in rows]


def triggers_by_hour(db: Database, period: Period | None) -> list[tuple[int, int]]:
    """Trigger records per lived hour of the day, for every hour 0–23 (zero when none)."""
    where = _where("trigger", period)
    rows = db.query(
        f"SELECT local_hour, count(*) FROM entries {where.sql()} GROUP BY local_hour",  # noqa: S608
        where.params,
    )
    counts = {int(hour): int(records) for hour, records in rows}
    return [(hour, counts.get(hour, 0)) for hour in range(HOURS)]


def streak(db: Database, today: date, days: int = 7) -> int:
    """On how many of the last `days` days (today included) there was a mood check-in.

    Raises:
        ValidationError: if days is less than one.
    """
    if days < 1:
        raise ValidationError(_("A period needs at least one day."), field="days")
    where = _where("mood", Period(today - timedelta(days=days - 1), today))
    sql = f"SELECT count(DISTINCT local_day) FROM entries {where.sql()}"  # noqa: S608
    return int(db.scalar(sql, where.params))
