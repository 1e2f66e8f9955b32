"""Reading the journal's entries: one, many, pages and slices of a timeline, counts and tags."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from trustjournal.core.entries import Entry
from trustjournal.core.errors import EntryNotFoundError
from trustjournal.core.query import EntryQuery
from trustjournal.store.db import Database
from trustjournal.store.entry_filters import TIMELINE_ORDER, entry_where, placeholders
from trustjournal.store.entry_rows import SELECT_LIST, entry_from_row
from trustjournal.store.timeline import (
    TimelineKey,
    TimelineSlice,
    read_slice,
    read_timeline,
    shows_entry,
    timeline_where,
)

CHUNK = 500  # ids per `IN (…)` list
ALL_ENTRIES = EntryQuery()


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """`items` in lists of at most `size`."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class EntryReader:
    """Entries read from the encrypted database, as frozen dataclasses; nothing is written."""

    def __init__(self, *, db: Database) -> None:
        self._db = db

    def get(self, entry_id: int) -> Entry:
        """The entry with this id, live or in the bin.

        Raises:
            EntryNotFoundError: if there is none (or it was purged).
        """
        [entry] = self.get_many([entry_id])
        return entry

    def is_deleted(self, entry_id: int) -> bool:
        """Whether the entry is in the bin.

        Raises:
            EntryNotFoundError: if there is no such entry.
        """
        row = self._db.query_one("SELECT deleted_utc FROM entries WHERE id = ?", (entry_id,))
        if row is None:
            raise EntryNotFoundError()
        return row[0] is not None

    def list(
        self, query: EntryQuery = ALL_ENTRIES, *, limit: int = 200, offset: int = 0
    ) -> builtins.list[Entry]:
        """One page of matching entries, newest first.

        Raises:
            ValidationError: if the query is not valid.
            SearchQueryError: if the search text cannot be understood.
        """
        where = timeline_where(self._db, query, wanted=max(offset, 0) + max(limit, 0))
        sql = f"SELECT {SELECT_LIST} FROM entries {where.sql()} {TIMELINE_ORDER}"  # noqa: S608
        rows = self._db.query(f"{sql} LIMIT ? OFFSET ?", (*where.params, max(limit, 0), offset))
        return self._entries(rows)

    def count(self, query: EntryQuery = ALL_ENTRIES) -> int:
        """How many entries match.

        Raises:
            ValidationError: if the query is not valid.
            SearchQueryError: if the search text cannot be understood.
        """
        where = entry_where(query)
        sql = f"SELECT count(*) FROM entries {where.sql()}"  # noqa: S608
        return int(self._db.scalar(sql, where.params))

    def ids(self, query: EntryQuery = ALL_ENTRIES) -> builtins.list[int]:
        """Every matching id, newest first (for lazy list models).

        Raises:
            ValidationError: if the query is not valid.
            SearchQueryError: if the search text cannot be understood.
        """
        where = entry_where(query)
        sql = f"SELECT id FROM entries {where.sql()} {TIMELINE_ORDER}"  # noqa: S608
        return [int(row[0]) for row in self._db.query(sql, where.params)]

    def timeline(
        self, query: EntryQuery = ALL_ENTRIES, *, limit: int | None = None, offset: int = 0
    ) -> builtins.list[tuple[int, str]]:
        """Matching (id, local day "YYYY-MM-DD") pairs, newest first: a lazy timeline's index.

        Args:
            query: which entries.
            limit: at most this many (None: all).
            offset: skip this many first (`timeline_slice` pages without re-reading them).

        Raises:
            ValidationError: if the query is not valid.
            SearchQueryError: if the search text cannot be understood.
        """
        return read_timeline(self._db, query, limit=limit, offset=offset)

    def timeline_slice(
        self, query: EntryQuery = ALL_ENTRIES, *, limit: int, after: TimelineKey | None = None
    ) -> TimelineSlice:
        """The next `limit` (id, local day) pairs of a timeline, newest first, after `after`.

        Args:
            query: which entries.
            limit: at most this many.
            after: the `after` of the previous slice (None: from the newest entry).

        Raises:
            ValidationError: if the query is not valid.
            SearchQueryError: if the search text cannot be understood.
        """
        return read_slice(self._db, query, limit=limit, after=after)

    def shows(self, query: EntryQuery, entry_id: int) -> bool:
        """Whether `query` lists this entry (checked by its id, not by reading the list).

        Raises:
            ValidationError: if the query is not valid.
            SearchQueryError: if the search text cannot be understood.
        """
        return shows_entry(self._db, query, entry_id)

    def get_many(self, ids: Sequence[int]) -> builtins.list[Entry]:
        """The entries with these ids, in the given order.

        Raises:
            EntryNotFoundError: if any of them does not exist (or was purged).
        """
        found: dict[int, Entry] = {}
        for chunk in chunks(dict.fromkeys(ids), CHUNK):
            marks = placeholders(len(chunk))
            sql = f"SELECT {SELECT_LIST} FROM entries WHERE id IN ({marks})"  # noqa: S608
            found.update(
                (e.id, e) for e in self._entries(self._db.query(sql, chunk)) if e.id is not None
            )
        try:
            return [found[entry_id] for entry_id in ids]
        except KeyError:
            raise EntryNotFoundError() from None

    def tags(self) -> builtins.list[tuple[str, int]]:
        """Tags of live entries with their use counts, most used first.

        A tag is shown in its first spelling (the one of the oldest entry using it).
        """
        rows = self._db.query(
            "SELECT n.name, min(n.entry_id), count(*) AS uses FROM entry_names AS n"
            " JOIN entries AS e ON e.id = n.entry_id"
            " WHERE n.role = 'tag' AND e.deleted_utc IS NULL"
            " GROUP BY n.name_key ORDER BY uses DESC, n.name_key"
        )
        return [(str(name), int(uses)) for name, _first, uses in rows]

    def _entries(self, rows: Sequence[Sequence[Any]]) -> builtins.list[Entry]:
        """Entries from rows, with their names fetched in one query per chunk."""
        names: dict[int, dict[str, builtins.list[str]]] = {int(row[0]): {} for row in rows}
        for chunk in chunks(names, CHUNK):
            for entry_id, role, name in self._db.query(
                "SELECT entry_id, role, name FROM entry_names"  # noqa: S608
                f" WHERE entry_id IN ({placeholders(len(chunk))})"
                " ORDER BY entry_id, role, position",
                chunk,
            ):
                names[int(entry_id)].setdefault(str(role), []).append(str(name))
        return [entry_from_row(row, names[int(row[0])]) for row in rows]
