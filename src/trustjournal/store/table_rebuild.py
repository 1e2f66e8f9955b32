"""Rebuilding `entries` for a migration that must change what SQLite cannot alter (a CHECK)."""

from __future__ import annotations

from trustjournal.store.db import Database


def rebuild_entries(db: Database, *, create: str, new_name: str, columns: str) -> None:
    """Replace `entries` by the table `create` makes (named `new_name`), keeping every row.

    The documented SQLite way: the new table, every row copied with its id (full-text rowids and
    entry_names keep pointing at the same entries), the old table dropped, the new one renamed,
    and every index and trigger made again from its own SQL. Ids are never reused: the
    AUTOINCREMENT counter goes on from where it was, past purged entries too. `columns` names
    what the old table holds; the new table's other columns start empty. Runs inside the
    migration's transaction, with foreign keys off (`Migration.rebuilds_tables`).
    """
    indexes = [
        str(sql)
        for (sql,) in db.query(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries'"
            " AND sql IS NOT NULL ORDER BY name"
        )
    ]
    # Every trigger (schema 8's running totals, on entries and on entry_names, which name
    # entries) is dropped first, as SQLite's own procedure says, and made again at the end.
    triggers = db.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    for name, _sql in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    sequence = db.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'entries'")
    db.execute(create)
    db.execute(f"INSERT INTO {new_name} ({columns}) SELECT {columns} FROM entries")  # noqa: S608
    db.execute("DROP TABLE entries")
    db.execute(f"ALTER TABLE {new_name} RENAME TO entries")
    db.execute("DELETE FROM sqlite_sequence WHERE name IN ('entries', ?)", (new_name,))
    top = db.scalar("SELECT max(id) FROM entries")
    highest = max(int(sequence or 0), int(top or 0))
    if highest:
        db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('entries', ?)", (highest,))
    for sql in indexes:
        db.execute(sql)
    for _name, sql in triggers:
        db.execute(str(sql))
