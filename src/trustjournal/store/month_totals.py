"""Emotions, coping strategies and categories of a period, from schema 8's month totals.

A period is read as its whole calendar months (one row per month and name) plus the days at
either end that do not fill a month, read from the entries themselves; the two are added up.
Like `aggregates`, private entries count and entries in the bin never do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from trustjournal.core.periods import Period
from trustjournal.store.db import Database
from trustjournal.store.entry_filters import Where, add_period, placeholders
from trustjournal.store.entry_reads import chunks
from trustjournal.store.schema_v8 import CATEGORY_KEY

# SQL here is composed only of fixed fragments and `?` placeholders, hence `noqa: S608`.

IN_LIST = 500  # ids looked up per query


@dataclass(frozen=True)
class Split:
    """A period as whole months (`first`…`last`, 'YYYY-MM', None where open) and edge days.

    Attributes:
        months: whether any whole month is in the period.
        first / last: the first and last whole month (None: from the start / to the end).
        edges: the days outside those months, read entry by entry.
    """

    months: bool
    first: str | None
    last: str | None
    edges: tuple[Period, ...]


def _next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def split(period: Period | None) -> Split:
    """Cut `period` into its whole calendar months and the days around them."""
    start = None if period is None else period.start
    end = None if period is None else period.end
    first = start if start is None or start.day == 1 else _next_month(start)
    after = None if end is None else end + timedelta(days=1)
    stop = after if after is None or after.day == 1 else after.replace(day=1)  # first day after
    if first is not None and stop is not None and first >= stop:
        return Split(False, None, None, (Period(start, end),))
    edges = []
    if start is not None and first is not None and start < first:
        edges.append(Period(start, first - timedelta(days=1)))
    if end is not None and stop is not None and stop <= end:
        edges.append(Period(stop, end))
    last = None if stop is None else (stop - timedelta(days=1)).strftime("%Y-%m")
    return Split(True, None if first is None else first.strftime("%Y-%m"), last, tuple(edges))


def _month_where(parts: Split) -> Where:
    where = Where()
    if parts.first is not None:
        where.add("month >= ?", parts.first)
    if parts.last is not None:
        where.add("month <= ?", parts.last)
    return where


@dataclass
class Tally:
    """One name's or category's figures, added up over months and edge days."""

    count: int = 0
    first_id: int | None = None
    after_n: int = 0
    pair_n: int = 0
    drop_sum: int = 0

    def add(self, count: int, first_id: int, after_n: int, pair_n: int, drop_sum: int) -> None:
        """Add one month's or edge's row."""
        self.count += count
        self.first_id = first_id if self.first_id is None else min(self.first_id, first_id)
        self.after_n += after_n
        self.pair_n += pair_n
        self.drop_sum += drop_sum


def _add_rows(tallies: dict[str, Tally], rows: Iterable[tuple[Any, ...]]) -> None:
    for key, count, first_id, after_n, pair_n, drop_sum in rows:
        tally = tallies.setdefault(str(key), Tally())
        tally.add(count, first_id, after_n or 0, pair_n or 0, drop_sum or 0)


def name_tallies(db: Database, period: Period | None, role: str) -> dict[str, Tally]:
    """Per name key of `role` ('emotion' or 'coping'): uses, first entry id, coping figures."""
    parts = split(period)
    tallies: dict[str, Tally] = {}
    if parts.months:
        where = _month_where(parts)
        where.add("role = ?", role)
        _add_rows(
            tallies,
            db.query(
                "SELECT name_key, sum(uses), min(first_id), sum(after_n), sum(pair_n),"  # noqa: S608
                f" sum(drop_sum) FROM month_names {where.sql()} GROUP BY name_key",
                where.params,
            ),
        )
    kinds = "('mood', 'trigger')" if role == "emotion" else "('trigger')"
    for edge in parts.edges:
        where = Where()
        where.add(f"e.kind IN {kinds}")
        where.add("e.deleted_utc IS NULL")
        add_period(where, edge, "e.local_day")
        # A few weeks at most: the entries come from the covering index entries_insights
        # (schema 7) and each probes entry_names by its primary key.
        _add_rows(
            tallies,
            db.query(
                "SELECT n.name_key, count(*), min(n.entry_id), count(e.intensity_after),"  # noqa: S608
                " count(e.intensity - e.intensity_after), sum(e.intensity - e.intensity_after)"
                f" FROM entries AS e CROSS JOIN entry_names AS n ON n.entry_id = e.id"
                f" AND n.role = ? {where.sql()} GROUP BY n.name_key",
                [role, *where.params],
            ),
        )
    return tallies


def first_names(db: Database, role: str, tallies: dict[str, Tally]) -> dict[str, str]:
    """Each key's name as written in its first entry (its first position there)."""
    ids = sorted({t.first_id for t in tallies.values() if t.first_id is not None})
    found: dict[str, str] = {}
    for part in chunks(ids, IN_LIST):
        rows = db.query(
            "SELECT entry_id, name_key, name FROM entry_names"  # noqa: S608
            f" WHERE role = ? AND entry_id IN ({placeholders(len(part))}) ORDER BY position DESC",
            [role, *part],
        )
        for entry_id, key, name in rows:  # the lowest position is written last and kept
            if tallies.get(str(key)) is not None and tallies[str(key)].first_id == entry_id:
                found[str(key)] = str(name)
    return found


def category_tallies(db: Database, period: Period | None) -> dict[str, Tally]:
    """Per category key (see schema_v8.CATEGORY_KEY): trigger records and the first one's id."""
    parts = split(period)
    tallies: dict[str, Tally] = {}
    if parts.months:
        where = _month_where(parts)
        _add_rows(
            tallies,
            db.query(
                "SELECT category_key, sum(records), min(first_id), 0, 0, 0"  # noqa: S608
                f" FROM month_categories {where.sql()} GROUP BY category_key",
                where.params,
            ),
        )
    key = CATEGORY_KEY.replace("X.", "")
    for edge in parts.edges:
        where = Where()
        where.add("kind = 'trigger'")
        where.add("deleted_utc IS NULL")
        add_period(where, edge, "local_day")
        _add_rows(
            tallies,
            db.query(
                f"SELECT {key}, count(*), min(id), 0, 0, 0 FROM entries {where.sql()}"  # noqa: S608
                " GROUP BY 1",
                where.params,
            ),
        )
    return tallies


def categories_of(db: Database, tallies: dict[str, Tally]) -> dict[str, str | None]:
    """Each category key's category as written in its first record (None: no category)."""
    by_id = {t.first_id: key for key, t in tallies.items() if t.first_id is not None}
    ids = sorted(by_id)
    found: dict[str, str | None] = {}
    for part in chunks(ids, IN_LIST):
        rows = db.query(
            f"SELECT id, category FROM entries WHERE id IN ({placeholders(len(part))})",  # noqa: S608
            part,
        )
        for entry_id, category in rows:
            found[by_id[int(entry_id)]] = None if category is None else str(category)
    return found
