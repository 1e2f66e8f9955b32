"""SQL aggregates for the Insights page: trigger counts, the hour × weekday grid, first days.

Like `aggregates`, private entries count and entries in the bin never do. Every query groups
in SQL, so the rows returned grow with days or weeks, never with entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from trustjournal.core.periods import Period
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


def triggers_by_bucket(db: Database, period: Period | None, bucket: Bucket) -> list[TriggerBucket]:
    """Trigger records per week or month, oldest first (buckets without records left out)."""
    where = _live("trigger", period)
    start = _BUCKET_SQL[bucket]
    rows = db.query(
        f"SELECT {start} AS b, count(*), avg(CASE WHEN intensity_after IS NOT NULL"  # noqa: S608
        " THEN intensity END), avg(intensity_after), count(intensity_after)"
        f" FROM entries {where.sql()} GROUP BY b ORDER BY b",
        where.params,
    )
    return [
        TriggerBucket(
            date.fromisoformat(str(b)),
            int(n),
            None if i is None else float(i),
            None if a is None else float(a),
            int(w),
        )
        for b, n, i, a, w in rows
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
    where = _live("trigger", period)
    where.add("unfinished = 1")
    return int(db.scalar(f"SELECT count(*) FROM entries {where.sql()}", where.params))  # noqa: S608


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


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


_TOTALS_KINDS = "'mood', 'gratitude', 'trigger', 'reflection', 'statement', 'quality_time'"


def period_totals(db: Database, period: Period | None) -> PeriodTotals:
    """One pass over the period's live entries, grouped in SQL."""
    where = Where()
    # Only these kinds are counted; naming them lets SQLite walk one range of the covering
    # index entries_insights (schema 7) per kind, never a whole entry row.
    where.add(f"kind IN ({_TOTALS_KINDS})")
    where.add("deleted_utc IS NULL")
    add_period(where, period, "local_day")
    # One group per kind, each aggregate a plain column: the index hands the rows over kind
    # by kind, and no row evaluates another kind's CASE (half the time of one mixed pass).
    rows = db.query(
        "SELECT kind, count(*), avg(mood), avg(connection), avg(trust),"  # noqa: S608
        " sum(expressed = 1), sum(unfinished = 1), avg(intensity), avg(intensity_after),"
        " avg(intensity - intensity_after), sum(said = 1), sum(minutes), count(connection)"
        f" FROM entries {where.sql()} GROUP BY kind",
        where.params,
    )
    by_kind = {str(row[0]): row[1:] for row in rows}
    none: tuple[Any, ...] = (0,) + (None,) * 11
    mood = by_kind.get("mood", none)
    grat = by_kind.get("gratitude", none)
    trig = by_kind.get("trigger", none)
    statement = by_kind.get("statement", none)
    together = by_kind.get("quality_time", none)
    return PeriodTotals(
        int(mood[0]),
        _float(mood[1]),
        _float(mood[2]),
        _float(mood[3]),
        int(grat[0]),
        int(grat[4] or 0),
        int(trig[0]),
        int(trig[5] or 0),
        _float(trig[6]),
        _float(trig[7]),
        _float(trig[8]),
        reflections=int(by_kind.get("reflection", none)[0]),
        statements=int(statement[0]),
        said=int(statement[9] or 0),
        together=int(together[0]),
        together_minutes=int(together[10] or 0),
        together_connection=_float(together[2]),
        together_rated=int(together[11] or 0),
    )


# From this many days on (about four years, measured at 100 000 entries), walking every emotion
# ever named beats probing entry_names once per entry of the period (each probe a random
# encrypted page); shorter periods probe.
WALK_NAMES_DAYS = 1461


def emotion_counts(db: Database, period: Period | None) -> list[tuple[str, int]]:
    """Emotions named in check-ins and trigger records (letter case ignored), most frequent
    first; each is shown as first written."""
    where = Where()
    where.add("kind IN ('mood', 'trigger')")
    where.add("deleted_utc IS NULL")
    add_period(where, period, "local_day")
    # The period's entry ids come from the covering index entries_insights (schema 7).
    ids = f"SELECT id FROM entries {where.sql()}"  # noqa: S608
    if _long(period):
        # Into one in-memory set; the emotions are then walked in name order through
        # entry_names_by_name (`+` keeps SQLite from probing by entry id), so counting needs
        # no sort. Only each emotion's first naming is looked up for its written form.
        groups = (
            "SELECT n.name_key AS key, min(n.entry_id) AS first, count(*) AS uses"  # noqa: S608
            " FROM entry_names AS n INDEXED BY entry_names_by_name"
            f" WHERE n.role = 'emotion' AND +n.entry_id IN ({ids}) GROUP BY n.name_key"
        )
    else:
        groups = (
            "SELECT n.name_key AS key, min(n.entry_id) AS first, count(*) AS uses"  # noqa: S608
            f" FROM ({ids}) AS e CROSS JOIN entry_names AS n"
            " ON n.entry_id = e.id AND n.role = 'emotion' GROUP BY n.name_key"
        )
    rows = db.query(
        "SELECT (SELECT f.name FROM entry_names AS f WHERE f.entry_id = g.first"  # noqa: S608
        " AND f.role = 'emotion' AND f.name_key = g.key ORDER BY f.position LIMIT 1),"
        f" g.uses FROM ({groups}) AS g ORDER BY g.uses DESC, g.key",
        where.params,
    )
    return [(str(name), int(uses)) for name, uses in rows]


def _long(period: Period | None) -> bool:
    if period is None or period.start is None or period.end is None:
        return True
    return (period.end - period.start).days + 1 >= WALK_NAMES_DAYS


def gratitude_by_bucket(
    db: Database, period: Period | None, bucket: Bucket
) -> list[GratitudeBucket]:
    """Appreciations per week or month and how many were told, oldest first (empty ones left
    out)."""
    where = _live("gratitude", period)
    start = _BUCKET_SQL[bucket]
    rows = db.query(
        f"SELECT {start} AS b, count(*), sum(expressed = 1)"  # noqa: S608
        f" FROM entries {where.sql()} GROUP BY b ORDER BY b",
        where.params,
    )
    return [GratitudeBucket(date.fromisoformat(str(b)), int(n), int(t or 0)) for b, n, t in rows]
