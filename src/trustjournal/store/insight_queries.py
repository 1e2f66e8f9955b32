"""SQL aggregates for the Insights page: trigger counts, the hour × weekday grid, first days.

Like `aggregates`, private entries count and entries in the bin never do. Every query groups
in SQL, so the rows returned grow with days or weeks, never with entries; most read schema 8's
running totals (a row per day and kind), so the rows read do not either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from trustjournal.core.periods import Period
from trustjournal.store import month_totals
from trustjournal.store.db import Database
from trustjournal.store.entry_filters import Where, add_period

# SQL here is composed only of fixed fragments and `?` placeholders, hence `noqa: S608`.

Bucket = Literal["week", "month"]
# The first local day of an entry's week (Monday) or month, from its YYYY-MM-DD text.
_BUCKET_SQL = {
    "week": "date(local_day, '-6 days', 'weekday 1')",
    "month": "substr(local_day, 1, 7) || '-01'",
}


@dataclass(frozen=True)
class TriggerBucket:
    """The trigger records of one week or month.

    Attributes:
        start: the bucket's first day (a Monday, or the 1st).
        count: how many records.
        intensity: mean intensity at the time over the records that noted an afterwards.
        intensity_after: mean intensity afterwards over the same records, else None.
        with_after: how many records noted an afterwards.
    """

    start: date
    count: int
    intensity: float | None
    intensity_after: float | None
    with_after: int


@dataclass(frozen=True)
class GratitudeBucket:
    """The appreciations of one week or month: how many, and how many of them were told."""

    start: date
    count: int
    told: int


def _live(kind: str, period: Period | None) -> Where:
    where = Where()
    where.add(f"kind = '{kind}'")
    where.add("deleted_utc IS NULL")
    add_period(where, period, "local_day")
    return where


def first_day(db: Database) -> date | None:
    """The earliest lived day of any live entry, or None for an empty journal."""
    value = db.scalar("SELECT min(local_day) FROM entries WHERE deleted_utc IS NULL")
    return None if value is None else date.fromisoformat(str(value))


def has_written(db: Database) -> bool:
    """Whether the journal holds any live reflection, "I" statement or time together."""
    return bool(
        db.scalar(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE kind IN"
            " ('reflection', 'statement', 'quality_time') AND deleted_utc IS NULL)"
        )
    )


def _days(kind: str, period: Period | None) -> Where:
    """The running totals (schema 8) of one kind's days in a period."""
    where = Where()
    where.add("kind = ?", kind)
    add_period(where, period, "local_day")
    return where


def triggers_by_bucket(db: Database, period: Period | None, bucket: Bucket) -> list[TriggerBucket]:
    """Trigger records per week or month, oldest first (buckets without records left out)."""
    where = _days("trigger", period)
    start = _BUCKET_SQL[bucket]
    rows = db.query(
        f"SELECT {start} AS b, sum(entries), sum(pair_intensity_sum), sum(pair_n),"  # noqa: S608
        f" sum(after_sum), sum(after_n) FROM day_totals {where.sql()} GROUP BY b ORDER BY b",
        where.params,
    )
    return [
        TriggerBucket(date.fromisoformat(str(b)), int(n), _mean(i, pairs), _mean(a, w), int(w))
        for b, n, i, pairs, a, w in rows
    ]


def triggers_by_weekday_hour(db: Database, period: Period | None) -> dict[tuple[int, int], int]:
    """Trigger records per (weekday 0 = Monday … 6, lived hour 0–23); missing pairs are zero."""
    where = _live("trigger", period)
    rows = db.query(
        "SELECT (CAST(strftime('%w', local_day) AS INTEGER) + 6) % 7 AS wd,"  # noqa: S608
        f" local_hour, count(*) FROM entries {where.sql()} GROUP BY wd, local_hour",
        where.params,
    )
    return {(int(wd), int(hour)): int(n) for wd, hour, n in rows}


def unfinished_triggers(db: Database, period: Period | None) -> int:
    """Trigger records in the period still marked as to finish."""
    where = _days("trigger", period)
    sql = f"SELECT coalesce(sum(unfinished), 0) FROM day_totals {where.sql()}"  # noqa: S608
    return int(db.scalar(sql, where.params))


def first_entry_of_day(db: Database, day: date) -> int | None:
    """The id of the day's first live check-in (else its first live entry), or None."""
    value = db.scalar(
        "SELECT id FROM entries WHERE deleted_utc IS NULL AND local_day = ?"
        " ORDER BY kind != 'mood', occurred_utc, id LIMIT 1",
        (day.isoformat(),),
    )
    return None if value is None else int(value)


@dataclass(frozen=True)
class PeriodTotals:
    """Plain means and counts over the entries of a period (not means of day means).

    Attributes:
        checkins: mood check-ins.
        mood / connection / trust: means over the check-ins that answered them, else None.
        gratitude / told: appreciations, and how many of them were told.
        triggers / unfinished: trigger records, and how many are still to finish.
        intensity: mean intensity at the time over all trigger records, else None.
        intensity_after: mean intensity afterwards over the records that noted one, else None.
        drop: mean of intensity minus intensity afterwards over those records, else None.
        reflections: reflections written.
        statements / said: "I" statements, and how many of them were said.
        together / together_minutes: times together, and the minutes noted for them.
        together_connection: mean connection felt over the times together that noted it.
        together_rated: how many times together noted that connection.
    """

    checkins: int
    mood: float | None
    connection: float | None
    trust: float | None
    gratitude: int
    told: int
    triggers: int
    unfinished: int
    intensity: float | None
    intensity_after: float | None
    drop: float | None = None
    reflections: int = 0
    statements: int = 0
    said: int = 0
    together: int = 0
    together_minutes: int = 0
    together_connection: float | None = None
    together_rated: int = 0


def _mean(total: Any, count: Any) -> float | None:
    return total / count if count else None


_TOTALS_KINDS = "'mood', 'gratitude', 'trigger', 'reflection', 'statement', 'quality_time'"
_TOTALS_COLUMNS = (
    "entries, mood_sum, mood_n, connection_sum, connection_n, trust_sum, trust_n, expressed,"
    " unfinished, intensity_sum, intensity_n, after_sum, after_n, pair_intensity_sum,"
    " pair_after_sum, pair_n, said, minutes"
)


def period_totals(db: Database, period: Period | None) -> PeriodTotals:
    """The period's sums per kind, from schema 8's running totals (a row per day and kind)."""
    where = Where()
    where.add(f"kind IN ({_TOTALS_KINDS})")
    add_period(where, period, "local_day")
    sums = ", ".join(f"sum({name.strip()})" for name in _TOTALS_COLUMNS.split(","))
    rows = db.query(
        f"SELECT kind, {sums} FROM day_totals {where.sql()} GROUP BY kind",  # noqa: S608
        where.params,
    )
    by_kind = {str(row[0]): [int(v or 0) for v in row[1:]] for row in rows}
    none = [0] * 18
    mood = by_kind.get("mood", none)
    grat = by_kind.get("gratitude", none)
    trig = by_kind.get("trigger", none)
    statement = by_kind.get("statement", none)
    together = by_kind.get("quality_time", none)
    return PeriodTotals(
        mood[0],
        _mean(mood[1], mood[2]),
        _mean(mood[3], mood[4]),
        _mean(mood[5], mood[6]),
        grat[0],
        grat[7],
        trig[0],
        trig[8],
        _mean(trig[9], trig[10]),
        _mean(trig[11], trig[12]),
        _mean(trig[13] - trig[14], trig[15]),
        reflections=by_kind.get("reflection", none)[0],
        statements=statement[0],
        said=statement[16],
        together=together[0],
        together_minutes=together[17],
        together_connection=_mean(together[3], together[4]),
        together_rated=together[4],
    )


def emotion_counts(db: Database, period: Period | None) -> list[tuple[str, int]]:
    """Emotions named in check-ins and trigger records (letter case ignored), most frequent
    first; each is shown as first written. Read from schema 8's month totals and the days
    around the period's whole months."""
    tallies = month_totals.name_tallies(db, period, "emotion")
    names = month_totals.first_names(db, "emotion", tallies)
    ranked = sorted(tallies.items(), key=lambda item: (-item[1].count, item[0]))
    return [(names.get(key, key), tally.count) for key, tally in ranked]


def gratitude_by_bucket(
    db: Database, period: Period | None, bucket: Bucket
) -> list[GratitudeBucket]:
    """Appreciations per week or month and how many were told, oldest first (empty ones left
    out)."""
    where = _days("gratitude", period)
    start = _BUCKET_SQL[bucket]
    rows = db.query(
        f"SELECT {start} AS b, sum(entries), sum(expressed)"  # noqa: S608
        f" FROM day_totals {where.sql()} GROUP BY b ORDER BY b",
        where.params,
    )
    return [GratitudeBucket(date.fromisoformat(str(b)), int(n), int(t or 0)) for b, n, t in rows]
