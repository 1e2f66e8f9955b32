"""The journal's entries: saving, editing, soft delete and purge (S12); reads: entry_reads."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from trustjournal.core.entries import Entry
from trustjournal.core.errors import EntryNotFoundError
from trustjournal.store.backup_copies import PurgedEntry
from trustjournal.store.db import Database
from trustjournal.store.entry_filters import placeholders
from trustjournal.store.entry_reads import EntryReader, chunks
from trustjournal.store.entry_rows import (
    DATA_COLUMNS,
    data_values,
    fts_row,
    name_rows,
    utc_micros,
    utc_moment,
)

# Saving hands back the same kind it was given.
AnyEntry = TypeVar("AnyEntry", bound=Entry)


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
_BIN_IDENTITIES = "SELECT id, created_utc FROM entries WHERE deleted_utc IS NOT NULL"
PURGED_SETTING = "purged_entries"  # ids and creation instants only, never text
_PURGE = (
    "DELETE FROM entries_fts WHERE rowid IN (SELECT id FROM entries WHERE deleted_utc IS NOT NULL)",
    "DELETE FROM entry_names WHERE entry_id IN"
    " (SELECT id FROM entries WHERE deleted_utc IS NOT NULL)",
    "DELETE FROM entries WHERE deleted_utc IS NOT NULL",
    # Merge every segment of the index: FTS5 deletes only add tombstones beside the old words.
    "INSERT INTO entries_fts (entries_fts) VALUES ('optimize')",
)


class EntryRepository(EntryReader):
    """Entries in the encrypted database, handed out as frozen dataclasses.

    Reading is `EntryReader`'s. Every write is one transaction. `delete` is soft (the bin, with
    undo); `purge` removes the bin for good, including the text left behind in the full-text
    index and the WAL.
    """

    def __init__(self, *, db: Database, clock: Callable[[], datetime]) -> None:
        super().__init__(db=db)
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
            # Past every id ever given (AUTOINCREMENT's own counter): the newest entries may
            # have been purged, and an id is never given twice (undo, the export log).
            next_id = 1 + int(
                self._db.scalar(
                    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'entries'),"
                    " 0), coalesce((SELECT max(id) FROM entries), 0))"
                )
            )
            for chunk in chunks(entries, batch):
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
        Each removed entry's id and creation instant (never its text) are added to the purge
        record, so the vault's own backups that still hold it can be found (S19).

        Returns:
            How many entries were removed.
        """
        with self._db.transaction():
            removed = [PurgedEntry(int(i), int(c)) for i, c in self._db.query(_BIN_IDENTITIES)]
            for statement in _PURGE:
                self._db.execute(statement)
            if removed:
                self._write_purged([*self.purged(), *removed])
        self._db.checkpoint()
        return len(removed)

    def purged(self) -> list[PurgedEntry]:
        """The purge record: entries removed for good that a backup may still hold."""
        row = self._db.query_one("SELECT value FROM settings WHERE key = ?", (PURGED_SETTING,))
        pairs = json.loads(row[0]) if row is not None else []
        return [PurgedEntry(int(i), int(c)) for i, c in pairs]

    def keep_purged(self, still_held: Iterable[PurgedEntry]) -> None:
        """Shrink the purge record to the entries some backup still holds (none: it is gone)."""
        with self._db.transaction():
            self._write_purged(list(still_held))

    def _write_purged(self, purged: list[PurgedEntry]) -> None:
        if not purged:
            self._db.execute("DELETE FROM settings WHERE key = ?", (PURGED_SETTING,))
            return
        unique = sorted({(p.id, p.created_utc) for p in purged})
        self._db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (PURGED_SETTING, json.dumps(unique)),
        )
