"""Writing entries into a journal made at an older schema, as the app of that version did."""

from __future__ import annotations

from datetime import datetime

from trustjournal.core.entries import Entry
from trustjournal.store.db import Database
from trustjournal.store.entry_filters import placeholders
from trustjournal.store.entry_rows import DATA_COLUMNS, data_values, fts_row, name_rows, utc_micros

# The columns of `entries` before schema v5 added those of the new kinds.
V4_COLUMNS = DATA_COLUMNS[: DATA_COLUMNS.index("title")]
# The columns of `entries` before schema v6 added those of the session.
V5_COLUMNS = DATA_COLUMNS[: DATA_COLUMNS.index("with_whom")]


def add_before_v5(db: Database, entry: Entry, *, now: datetime) -> Entry:
    """Store an entry of an old kind the way versions 1–4 did, and return it with its id."""
    return _add_old(db, entry, now=now, columns=V4_COLUMNS)


def add_before_v6(db: Database, entry: Entry, *, now: datetime) -> Entry:
    """Store an entry of a kind before sessions the way version 5 did, with its id."""
    return _add_old(db, entry, now=now, columns=V5_COLUMNS)


def _add_old(db: Database, entry: Entry, *, now: datetime, columns: tuple[str, ...]) -> Entry:
    micros = utc_micros(now)
    values = data_values(entry, updated_utc=micros)[: len(columns)]
    with db.transaction():
        cursor = db.execute(
            f"INSERT INTO entries (created_utc, {', '.join(columns)})"  # noqa: S608
            f" VALUES (?, {placeholders(len(columns))})",
            (micros, *values),
        )
        entry_id = int(cursor.lastrowid)
        db.executemany(
            "INSERT INTO entry_names (entry_id, role, position, name, name_key)"
            " VALUES (?, ?, ?, ?, ?)",
            name_rows(entry_id, entry),
        )
        db.execute("INSERT INTO entries_fts (rowid, body) VALUES (?, ?)", fts_row(entry_id, entry))
    return entry.with_changes(id=entry_id, created_at=now, updated_at=now)
