"""The timeline's (id, day) index read a slice at a time, with a search plan fit for a first page.

A person waits for the first screen of results, not for every match. Two things keep a slice
fast on a large journal:

- A search that matches more entries than the slice holds walks the timeline index newest
  first and checks each row against the matches (`SEARCH_PROBED`), so it stops after `limit`
  rows. A search with few matches reads them by id and sorts them (`SEARCH_DRIVES`), which
  beats walking the whole index to find them. Counting the matches reads only the full-text
  index's lists of ids.
- Later slices start after the last row of the one before (`after`, keyset paging), so they
  seek into the index instead of reading and skipping every row shown so far (OFFSET).

Either plan selects exactly the same rows in exactly the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

from trustjournal.core.query import EntryQuery
from trustjournal.store.db import Database
from trustjournal.store.entry_filters import TIMELINE_ORDER, Where, entry_where
from trustjournal.store.search import to_fts_query

# The position of a row in timeline order: (occurred_utc µs, id).
TimelineKey = tuple[int, int]

_COUNT_MATCHES = "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?"


@dataclass(frozen=True)
class TimelineSlice:
    """Matching (id, local day) pairs in timeline order, and where the next slice starts.

    Attributes:
        rows: (id, "YYYY-MM-DD") pairs, newest first.
        after: the position of the last row, to ask for the next slice with; None when there
            are no rows.
    """

    rows: tuple[tuple[int, str], ...]
    after: TimelineKey | None


def probe_search(db: Database, query: EntryQuery, wanted: int | None) -> bool:
    """Whether a query's search is better checked row by row than read whole (see the module).

    Args:
        db: the open database.
        query: the filter.
        wanted: how many rows the caller reads from the start of the timeline (None: all).

    Raises:
        SearchQueryError: if the search text cannot be understood.
    """
    if wanted is None or not query.search:
        return False
    match = to_fts_query(query.search)
    return bool(match) and int(db.scalar(_COUNT_MATCHES, (match,))) > wanted


def timeline_where(
    db: Database, query: EntryQuery, *, wanted: int | None, after: TimelineKey | None = None
) -> Where:
    """The conditions for rows of `query` after `after`, planned for `wanted` rows.

    Raises:
        ValidationError: if the query is not valid.
        SearchQueryError: if the search text cannot be understood.
    """
    where = entry_where(query, probe_search=probe_search(db, query, wanted))
    if after is not None:
        where.add("(occurred_utc, id) < (?, ?)", int(after[0]), int(after[1]))
    return where


def slice_sql(where: Where) -> str:
    """The statement reading one slice: `where`'s parameters, then the limit."""
    return (
        f"SELECT id, local_day, occurred_utc FROM entries {where.sql()}"  # noqa: S608
        f" {TIMELINE_ORDER} LIMIT ?"
    )


def read_slice(
    db: Database, query: EntryQuery, *, limit: int, after: TimelineKey | None = None
) -> TimelineSlice:
    """Up to `limit` matching rows in timeline order, starting after `after`.

    Args:
        db: the open database.
        query: which entries.
        limit: at most this many rows.
        after: the `after` of the slice before (None: from the newest).

    Raises:
        ValidationError: if the query is not valid.
        SearchQueryError: if the search text cannot be understood.
    """
    limit = max(limit, 0)
    where = timeline_where(db, query, wanted=limit, after=after)
    found = db.query(slice_sql(where), (*where.params, limit))
    rows = tuple((int(row[0]), str(row[1])) for row in found)
    last = (int(found[-1][2]), int(found[-1][0])) if found else None
    return TimelineSlice(rows, last)


def read_timeline(
    db: Database, query: EntryQuery, *, limit: int | None, offset: int = 0
) -> list[tuple[int, str]]:
    """Matching (id, local day) pairs in timeline order, `offset` rows skipped, at most `limit`.

    Raises:
        ValidationError: if the query is not valid.
        SearchQueryError: if the search text cannot be understood.
    """
    offset = max(offset, 0)
    wanted = None if limit is None else offset + max(limit, 0)
    where = timeline_where(db, query, wanted=wanted)
    sql = f"SELECT id, local_day FROM entries {where.sql()} {TIMELINE_ORDER}"  # noqa: S608
    params = (*where.params, -1 if limit is None else max(limit, 0), offset)
    return [(int(row[0]), str(row[1])) for row in db.query(f"{sql} LIMIT ? OFFSET ?", params)]


def shows_entry(db: Database, query: EntryQuery, entry_id: int) -> bool:
    """Whether `query` lists the entry, found by its id (no part of the timeline is read).

    Raises:
        ValidationError: if the query is not valid.
        SearchQueryError: if the search text cannot be understood.
    """
    where = entry_where(query)
    where.add("id = ?", int(entry_id))
    return bool(db.scalar(f"SELECT count(*) FROM entries {where.sql()}", where.params))  # noqa: S608
