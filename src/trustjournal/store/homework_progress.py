"""Homework progress per week, computed in SQL from the entries already written and the ticks.

Weeks start on Monday. A week's `target` is `times` for an item per week and 7 × `times` for
one per day, less the days outside the item's from/until (and outside the period asked for):
per day, `times` for each day inside; per week, `times` in proportion to the days inside,
rounded up. An item per day counts at most `times` on one day (three check-ins on Monday are
Monday's, not the week's). What counts: a check-in; an appreciation on the day it was told; a
finished trigger record; an "I" statement on the day it was said; time together; a
reflection; a tick by hand for a manual item. Private entries count (progress is the person's
own view); entries in the bin never do. A summary passes the ids it includes, so its numbers
count only what it shows.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from trustjournal.store.db import Database


@dataclass(frozen=True)
class Week:
    """One week of one homework item: its Monday, what was done, and the target."""

    start: date
    done: int
    target: int


def monday_of(day: date) -> date:
    """The Monday of the week `day` lies in."""
    return day - timedelta(days=day.weekday())


# Each counted kind (in `hits`) is read only when some item asks for it (the EXISTS is evaluated
# once), over its own index range (schema 6: entries_homework, entries_told_day, entries_said_day).


_PROGRESS = """
WITH RECURSIVE
item AS MATERIALIZED (
    SELECT id, counts, times, per,
           max(from_day, :lo) AS first,
           min(coalesce(to_day, :hi), coalesce(ended_day, :hi), :hi) AS last
      FROM homework
     WHERE deleted_utc IS NULL AND id IN (SELECT value FROM json_each(:items))
),
weeks (start) AS (
    SELECT :first_monday
    UNION ALL
    SELECT date(start, '+7 days') FROM weeks WHERE start < :last_monday
),
hits (counts, day, entry_id) AS (
    SELECT 'checkin', local_day, id FROM entries
     WHERE kind = 'mood' AND deleted_utc IS NULL AND local_day BETWEEN :lo AND :hi
       AND EXISTS (SELECT 1 FROM item WHERE counts = 'checkin')
    UNION ALL
    SELECT 'trigger', local_day, id FROM entries
     WHERE kind = 'trigger' AND deleted_utc IS NULL AND local_day BETWEEN :lo AND :hi
       AND unfinished = 0 AND EXISTS (SELECT 1 FROM item WHERE counts = 'trigger')
    UNION ALL
    SELECT 'quality-time', local_day, id FROM entries
     WHERE kind = 'quality_time' AND deleted_utc IS NULL AND local_day BETWEEN :lo AND :hi
       AND EXISTS (SELECT 1 FROM item WHERE counts = 'quality-time')
    UNION ALL
    SELECT 'reflection', local_day, id FROM entries
     WHERE kind = 'reflection' AND deleted_utc IS NULL AND local_day BETWEEN :lo AND :hi
       AND EXISTS (SELECT 1 FROM item WHERE counts = 'reflection')
    UNION ALL
    SELECT 'gratitude-told', coalesce(expressed_on, local_day), id
      FROM entries INDEXED BY entries_told_day
     WHERE kind = 'gratitude' AND expressed = 1 AND deleted_utc IS NULL
       AND coalesce(expressed_on, local_day) BETWEEN :lo AND :hi
       AND EXISTS (SELECT 1 FROM item WHERE counts = 'gratitude-told')
    UNION ALL
    SELECT 'statement', coalesce(said_on, local_day), id
      FROM entries INDEXED BY entries_said_day
     WHERE kind = 'statement' AND said = 1 AND deleted_utc IS NULL
       AND coalesce(said_on, local_day) BETWEEN :lo AND :hi
       AND EXISTS (SELECT 1 FROM item WHERE counts = 'statement')
),
daily (counts, day, n) AS MATERIALIZED (
    SELECT counts, day, count(*) FROM hits
     WHERE :only IS NULL OR entry_id IN (SELECT value FROM json_each(:only))
     GROUP BY counts, day
),
manual (homework_id, day, n) AS MATERIALIZED (
    SELECT homework_id, local_day, count(*) FROM homework_done
     WHERE deleted_utc IS NULL AND local_day BETWEEN :lo AND :hi
       AND homework_id IN (SELECT id FROM item WHERE counts = 'manual')
     GROUP BY homework_id, local_day
),
item_day (id, day, n) AS (
    SELECT i.id, d.day, CASE WHEN i.per = 'day' THEN min(d.n, i.times) ELSE d.n END
      FROM item i JOIN daily d ON d.counts = i.counts AND d.day BETWEEN i.first AND i.last
    UNION ALL
    SELECT i.id, m.day, CASE WHEN i.per = 'day' THEN min(m.n, i.times) ELSE m.n END
      FROM item i JOIN manual m ON m.homework_id = i.id AND m.day BETWEEN i.first AND i.last
),
done (id, week, n) AS (
    SELECT id, date(day, '-6 days', 'weekday 1'), sum(n) FROM item_day GROUP BY 1, 2
),
spans (id, start, times, per, days) AS (
    SELECT i.id, w.start, i.times, i.per,
           CAST(julianday(min(date(w.start, '+6 days'), i.last))
                - julianday(max(w.start, i.first)) + 1 AS INTEGER)
      FROM item i JOIN weeks w ON date(w.start, '+6 days') >= i.first AND w.start <= i.last
     WHERE i.first <= i.last
)
SELECT s.id, s.start, coalesce(dn.n, 0),
       CASE WHEN s.per = 'day' THEN s.times * s.days ELSE (s.times * s.days + 6) / 7 END
  FROM spans s LEFT JOIN done dn ON dn.id = s.id AND dn.week = s.start
 ORDER BY s.id, s.start
"""


def weekly_progress(
    db: Database,
    item_ids: Sequence[int],
    *,
    start: date,
    end: date,
    only_entries: Collection[int] | None = None,
) -> dict[int, list[Week]]:
    """The weeks of each homework item that overlap `start`..`end` (both days counted).

    Args:
        db: the open database.
        item_ids: the items (in the bin or unknown: left out of the answer).
        start, end: the days counted; each item is also held to its own from/until/ended.
        only_entries: count only these entries (a summary's); None counts every live entry.
            Manual ticks always count: they belong to the homework itself.

    Returns:
        For each item that has days in the period, its weeks in order (an item ahead of the
        period, or finished before it, has none).
    """
    if not item_ids or end < start:
        return {}
    params = {
        "items": json.dumps(list(item_ids)),
        "lo": start.isoformat(),
        "hi": end.isoformat(),
        "first_monday": monday_of(start).isoformat(),
        "last_monday": monday_of(end).isoformat(),
        "only": None if only_entries is None else json.dumps(sorted(only_entries)),
    }
    out: dict[int, list[Week]] = {}
    for item_id, monday, done, target in db.query(_PROGRESS, params):
        out.setdefault(int(item_id), []).append(
            Week(date.fromisoformat(monday), int(done), int(target))
        )
    return out
