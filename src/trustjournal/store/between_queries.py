"""Reads for between sessions: sessions around now, and the figures milestones are found from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from trustjournal.core.times import from_micros
from trustjournal.store.db import Database
from trustjournal.store.entry_rows import utc_micros


@dataclass(frozen=True)
class FullWeek:
    """A Monday-to-Sunday week with a check-in on every day."""

    start: date
    checkins: int


@dataclass(frozen=True)
class MonthAverage:
    """The mean of the trust answers given in one calendar month."""

    month: date  # its first day
    mean: float
    answers: int


def next_session(db: Database, now: datetime) -> datetime | None:
    """The earliest next session still ahead, as recorded on a live session entry."""
    row = db.query_one(
        "SELECT next_utc, next_offset_min FROM entries WHERE kind = 'session'"
        " AND deleted_utc IS NULL AND next_utc >= ? ORDER BY next_utc LIMIT 1",
        (utc_micros(now),),
    )
    return from_micros(row[0], row[1]) if row is not None else None


def last_session_day(db: Database, *, on_or_before: date, include_private: bool) -> date | None:
    """The local day of the latest live session on or before a day (a summary's period start).

    Args:
        include_private: False for anything shared (a private session is never shown there).
    """
    sql = (
        "SELECT max(local_day) FROM entries WHERE kind = 'session' AND deleted_utc IS NULL"
        " AND local_day <= ?"
    )
    if not include_private:
        sql += " AND private = 0"
    day = db.scalar(sql, (on_or_before.isoformat(),))
    return date.fromisoformat(day) if day else None


def first_full_checkin_week(db: Database, *, before: date) -> FullWeek | None:
    """The first week (ending before `before`) with a live check-in on each of its 7 days."""
    # Schema 8's running totals: a row per day with a check-in, so seven rows make a full week.
    row = db.query_one(
        "SELECT date(local_day, '-6 days', 'weekday 1') AS week, sum(entries)"
        " FROM day_totals WHERE kind = 'mood' AND local_day < ?"
        " GROUP BY week HAVING count(*) = 7 ORDER BY week LIMIT 1",
        (before.isoformat(),),
    )
    return FullWeek(date.fromisoformat(row[0]), int(row[1])) if row is not None else None


def monthly_trust(db: Database, *, before: date) -> list[MonthAverage]:
    """The trust mean of each calendar month that ended before `before`, oldest first.

    Unanswered trust (NULL) is left out, as in Insights; entries in the bin never count.
    """
    rows = db.query(
        "SELECT substr(local_day, 1, 7) AS month, sum(trust_sum) * 1.0 / sum(trust_n),"
        " sum(trust_n) FROM day_totals WHERE kind = 'mood' AND local_day < ?"
        " GROUP BY month HAVING sum(trust_n) > 0 ORDER BY month",
        (before.replace(day=1).isoformat(),),
    )
    return [
        MonthAverage(date.fromisoformat(f"{month}-01"), float(mean), int(count))
        for month, mean, count in rows
    ]


@dataclass(frozen=True)
class MonthDrop:
    """The mean drop in intensity (before minus after) of one month's coped trigger records."""

    month: date  # its first day
    mean: float
    records: int


def monthly_coping_drop(db: Database, *, before: date) -> list[MonthDrop]:
    """Per calendar month ended before `before`, the mean drop of finished trigger records
    that name a way of coping and give intensity both before and after; oldest first."""
    rows = db.query(
        "SELECT substr(local_day, 1, 7) AS month, avg(intensity - intensity_after), count(*)"
        " FROM entries e WHERE kind = 'trigger' AND deleted_utc IS NULL"
        " AND coalesce(unfinished, 0) = 0 AND intensity IS NOT NULL"
        " AND intensity_after IS NOT NULL AND local_day < ?"
        " AND EXISTS (SELECT 1 FROM entry_names n WHERE n.entry_id = e.id AND n.role = 'coping')"
        " GROUP BY month ORDER BY month",
        (before.replace(day=1).isoformat(),),
    )
    return [
        MonthDrop(date.fromisoformat(f"{month}-01"), float(mean), int(count))
        for month, mean, count in rows
    ]


@dataclass(frozen=True)
class MoodWeek:
    """A Monday-to-Sunday week's check-ins: how many, and their mean mood (1 to 10)."""

    start: date
    mean: float
    checkins: int


def first_told_after_hard_week(
    db: Database, *, before: date, most: float, least: int
) -> tuple[MoodWeek, date] | None:
    """The first week ending before `before` (a Monday) with at least `least` check-ins whose
    mean mood is at most `most`, followed in the very next week by an appreciation told (on
    its told day, or its own day when none was given); with that first told day.

    One query (a loop of one query per hard week took 0.18 s at 100 000 entries): the weeks come
    from schema 8's running totals, a row per day, and each hard week, oldest first, looks for
    a told day in the week after it through their own index (schema 6). Joining every week's
    told days instead read every told appreciation's row: 60-80 ms at 100 000 entries.
    """
    row = db.query_one(
        "WITH hard AS (SELECT date(local_day, '-6 days', 'weekday 1') AS week,"
        " sum(mood_sum) * 1.0 / sum(mood_n) AS mean, sum(entries) AS checkins FROM day_totals"
        " WHERE kind = 'mood' AND local_day < ? GROUP BY week HAVING checkins >= ? AND mean <= ?)"
        " SELECT week, mean, checkins, (SELECT min(coalesce(expressed_on, local_day)) FROM entries"
        " INDEXED BY entries_told_day WHERE kind = 'gratitude' AND expressed = 1"
        " AND deleted_utc IS NULL AND coalesce(expressed_on, local_day) >= date(week, '+7 days')"
        " AND coalesce(expressed_on, local_day) < date(week, '+14 days')) AS told"
        " FROM hard WHERE told IS NOT NULL ORDER BY week LIMIT 1",
        (before.isoformat(), least, most),
    )
    if row is None:
        return None
    week = MoodWeek(date.fromisoformat(row[0]), float(row[1]), int(row[2]))
    return week, date.fromisoformat(row[3])
