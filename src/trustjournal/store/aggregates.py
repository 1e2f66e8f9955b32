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
from trustjournal.store import month_totals
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

    Reads schema 8's running totals, one row per day in day order, so nothing is sorted.
    """
    where = Where()
    where.add("kind = 'mood'")
    add_period(where, period, "local_day")
    rows = db.query(
        "SELECT local_day, entries, mood_sum, mood_n, connection_sum, connection_n,"  # noqa: S608
        f" trust_sum, trust_n FROM day_totals {where.sql()} ORDER BY local_day",
        where.params,
    )
    return [
        DailyMood(
            date.fromisoformat(day),
            int(count),
            mood / mood_n,
            _mean(conn, conn_n),
            _mean(trust, trust_n),
        )
        for day, count, mood, mood_n, conn, conn_n, trust, trust_n in rows
        if mood_n
    ]


def _mean(total: int, count: int) -> float | None:
    return total / count if count else None


def coping_effect(db: Database, period: Period | None = None) -> list[CopingEffect]:
    """Each coping strategy used in trigger records, the most effective first.

    Effect is the mean drop in intensity over the records that noted the intensity
    afterwards; strategies without any such record come last, most used first. Read from
    schema 8's month totals and the days around the period's whole months.
    """
    tallies = month_totals.name_tallies(db, period, "coping")
    names = month_totals.first_names(db, "coping", tallies)
    found = [
        (key, CopingEffect(names.get(key, key), t.count, t.after_n, _mean(t.drop_sum, t.pair_n)))
        for key, t in tallies.items()
    ]
    found.sort(
        key=lambda item: (
            item[1].avg_drop is None,
            -(item[1].avg_drop or 0.0),
            -item[1].uses,
            item[0],
        )
    )
    return [effect for _key, effect in found]


def triggers_by_category(db: Database, period: Period | None) -> list[tuple[str, int]]:
    """Trigger records per category (letter case ignored), most frequent first.

    Records without a category are counted under NO_CATEGORY. Each category is shown as its
    first record wrote it.
    """
    tallies = month_totals.category_tallies(db, period)
    written = month_totals.categories_of(db, tallies)
    found = [(written.get(key) or NO_CATEGORY, t.count) for key, t in tallies.items()]
    found.sort(key=lambda item: (-item[1], _nocase(item[0])))
    return found


def _nocase(text: str) -> str:
    """The order of COLLATE NOCASE: ASCII letters folded, nothing else."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


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
