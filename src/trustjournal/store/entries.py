"""The journal's entries: saving, reading, listing, soft delete and purge (S12)."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from itertools import islice
from typing import Any, TypeVar

from trustjournal.core.entries import Entry
from trustjournal.core.errors import EntryNotFoundError
from trustjournal.core.query import EntryQuery
from trustjournal.store.db import Database
from trustjournal.store.entry_filters import TIMELINE_ORDER, entry_where, placeholders
from trustjournal.store.entry_rows import (
    DATA_COLUMNS,
    SELECT_LIST,
    data_values,
    entry_from_row,
    fts_row,
    name_rows,
    utc_micros,
    utc_moment,
)
from trustjournal.store.timeline import (
    TimelineKey,
    TimelineSlice,
    read_slice,
    read_timeline,
    shows_entry,
    timeline_where,
)

# Saving hands back the same kind it was given.
AnyEntry = TypeVar("AnyEntry", bound=Entry)

CHUNK = 500  # ids per `IN (…)` list
ALL_ENTRIES = EntryQuery()

# SQL here is composed only of fixed fragments and `?` placeholders (see entry_filters), hence
# the `noqa: S608` markers: no value ever reaches the SQL text.

_INSERT_ENTRY = (
    f"INSERT INTO entries (id, created_utc, {', '.join(DATA_COLUMNS)}) "  # noqa: S608
    f"VALUES (?, ?, {placeholders(len(DATA_COLUMNS))})"
)
_ASSIGNMENTS = ", ".join(f"{name} = ?" for name in DATA_COLUMNS)
_UPDATE_ENTRY = f"UPDATE entries SET {_ASSIGNMENTS} WHERE id = ?"  # noqa: S608
_INSERT_NAMES = (
    "INSERT INTO entry_names (entry_id, role, position, name, name_key) VALUES (?, ?, ?, ?, ?)"
)
_INSERT_FTS = "INSERT INTO entries_fts (rowid, body) VALUES (?, ?)"
_IN_BIN = "SELECT id FROM entries WHERE deleted_utc IS NOT NULL"
_PURGE = (
    "DELETE FROM entries_fts WHERE rowid IN (SELECT id FROM entries WHERE deleted_utc IS NOT NULL)",
    "DELETE FROM entry_names WHERE entry_id IN"
    " (SELECT id FROM entries WHERE deleted_utc IS NOT NULL)",
    "DELETE FROM entries WHERE deleted_utc IS NOT NULL",
    # Merge every segment of the index: FTS5 deletes only add tombstones beside the old words.
    "INSERT INTO entries_fts (entries_fts) VALUES ('optimize')",
)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class EntryRepository:
    """Entries in the encrypted database, handed out as frozen dataclasses.

    Every write is one transaction. `delete` is soft (the bin, with undo); `purge` removes the
    bin for good, including the text left behind in the full-text index and the WAL.
    """

    def __init__(self, *, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def _stamps(self, entry: Entry) -> tuple[int, int]:
        """created and updated µs: the entry's own (an import, demo data) or now."""
        created = utc_micros(entry.created_at or self._clock())
        updated = utc_micros(entry.updated_at) if entry.updated_at else created
        return created, updated

    def _write_text(self, entry_id: int, entry: Entry) -> None:
        self._db.executemany(_INSERT_NAMES, name_rows(entry_id, entry))
        self._db.execute(_INSERT_FTS, fts_row(entry_id, entry))

    def add(self, entry: AnyEntry) -> AnyEntry:
        """Save a new entry with its names and search text, in one transaction.

        `created_at`/`updated_at` default to now; an entry that carries them keeps them.

        Returns:
            The entry as stored, with its id and times.

        Raises:
            ValueError: if the entry already has an id (use `update`).
        """
        if entry.id is not None:
            raise ValueError("an entry with an id is saved with update()")
        created, updated = self._stamps(entry)
        with self._db.transaction():
            cursor = self._db.execute(
                _INSERT_ENTRY, (None, created, *data_values(entry, updated_utc=updated))
            )
            entry_id = int(cursor.lastrowid)
            self._write_text(entry_id, entry)
        return replace(
            entry, id=entry_id, created_at=utc_moment(created), updated_at=utc_moment(updated)
        )

    def add_many(self, entries: Iterable[Entry], *, batch: int = 5000) -> int:
        """Save many new entries in one transaction, `batch` rows per statement.

        Returns:
            How many entries were saved.

        Raises:
            ValueError: if an entry already has an id, or batch is not positive.
        """
        if batch < 1:
            raise ValueError("batch must be positive")
        count = 0
        with self._db.transaction():
            next_id = int(self._db.scalar("SELECT coalesce(max(id), 0) FROM entries")) + 1
            for chunk in _chunks(entries, batch):
                rows, names, texts = [], [], []
                for entry in chunk:
                    if entry.id is not None:
                        raise ValueError("an entry with an id is saved with update()")
                    created, updated = self._stamps(entry)
                    rows.append((next_id, created, *data_values(entry, updated_utc=updated)))
                    names.extend(name_rows(next_id, entry))
                    texts.append(fts_row(next_id, entry))
                    next_id += 1
                self._db.executemany(_INSERT_ENTRY, rows)
                self._db.executemany(_INSERT_NAMES, names)
                self._db.executemany(_INSERT_FTS, texts)
                count += len(rows)
        return count

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

    def update(self, entry: AnyEntry) -> AnyEntry:
        """Save an edited entry: every field, its names and its search text; keeps created_at.

        Returns:
            The entry as stored, with its new `updated_at`.

        Raises:
            ValueError: if the entry has no id.
            EntryNotFoundError: if there is no such entry.
        """
        if entry.id is None:
            raise ValueError("an entry without an id is saved with add()")
        updated = utc_micros(self._clock())
        with self._db.transaction():
            created = self._db.scalar("SELECT created_utc FROM entries WHERE id = ?", (entry.id,))
            if created is None:
                raise EntryNotFoundError()
            self._db.execute(_UPDATE_ENTRY, (*data_values(entry, updated_utc=updated), entry.id))
            self._db.execute("DELETE FROM entry_names WHERE entry_id = ?", (entry.id,))
            self._db.execute("DELETE FROM entries_fts WHERE rowid = ?", (entry.id,))
            self._write_text(entry.id, entry)
        return replace(entry, created_at=utc_moment(created), updated_at=utc_moment(updated))

    def delete(self, entry_id: int) -> None:
        """Move an entry to the bin (soft delete); deleting it again changes nothing.

        Raises:
            EntryNotFoundError: if there is no such entry.
        """
        with self._db.transaction():
            self.is_deleted(entry_id)
            self._db.execute(
                "UPDATE entries SET deleted_utc = ? WHERE id = ? AND deleted_utc IS NULL",
                (utc_micros(self._clock()), entry_id),
            )

    def undelete(self, entry_id: int) -> None:
        """Bring an entry back from the bin.

        Raises:
            EntryNotFoundError: if there is no such entry (or it was purged).
        """
        with self._db.transaction():
            self.is_deleted(entry_id)
            self._db.execute("UPDATE entries SET deleted_utc = NULL WHERE id = ?", (entry_id,))

    def purge(self) -> int:
        """Remove every entry in the bin for good (S12).

        Deletes the rows, names and search rows (with `secure_delete`, freed pages are zeroed),
        merges the full-text index so no segment keeps a removed word (this also drops the old
        words of edited entries), then folds the WAL into the database and truncates it.

        Returns:
            How many entries were removed.
        """
        with self._db.transaction():
            count = len(self._db.query(_IN_BIN))
            for statement in _PURGE:
                self._db.execute(statement)
        self._db.checkpoint()
        return count

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
        for chunk in _chunks(dict.fromkeys(ids), CHUNK):
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
        for chunk in _chunks(names, CHUNK):
            for entry_id, role, name in self._db.query(
                "SELECT entry_id, role, name FROM entry_names"  # noqa: S608
                f" WHERE entry_id IN ({placeholders(len(chunk))})"
                " ORDER BY entry_id, role, position",
                chunk,
            ):
                names[int(entry_id)].setdefault(str(role), []).append(str(name))
        return [entry_from_row(row, names[int(row[0])]) for row in rows]
