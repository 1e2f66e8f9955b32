"""The numbered schema migrations of the journal database (`PRAGMA user_version`).

Each migration runs in one transaction together with the `user_version` bump, so a failure
leaves the previous version intact. Never edit a released migration: add the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trustjournal.store.db import Database
from trustjournal.store.schema_v6 import create_v6
from trustjournal.store.schema_v7 import create_v7
from trustjournal.store.schema_v8 import create_v8
from trustjournal.store.table_rebuild import rebuild_entries


@dataclass(frozen=True)
class Migration:
    """One step of the schema: from `version - 1` to `version`."""

    version: int
    name: str
    apply: Callable[[Database], None]
    # SQLite cannot alter a CHECK constraint: the table is rebuilt, and dropping the old one
    # would cascade into entry_names if foreign keys were enforced. `migrate` turns them off
    # around this migration's transaction and checks them before it commits.
    rebuilds_tables: bool = False


_V1 = """
CREATE TABLE entries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo, export log
    kind            TEXT    NOT NULL CHECK (kind IN ('mood', 'gratitude', 'trigger')),
    occurred_utc    INTEGER NOT NULL,   -- microseconds since the Unix epoch, UTC
    utc_offset_min  INTEGER NOT NULL,   -- the local offset when it happened
    local_day       TEXT    NOT NULL,   -- YYYY-MM-DD, the day as lived
    local_hour      INTEGER NOT NULL,   -- 0-23, the hour as lived
    created_utc     INTEGER NOT NULL,
    updated_utc     INTEGER NOT NULL,
    deleted_utc     INTEGER,            -- soft delete; purge removes the row
    private         INTEGER NOT NULL DEFAULT 0,
    -- mood check-in
    mood            INTEGER CHECK (mood BETWEEN 1 AND 10),
    connection      INTEGER CHECK (connection BETWEEN 0 AND 10),
    trust           INTEGER CHECK (trust BETWEEN 0 AND 10),
    note            TEXT,
    -- gratitude
    text            TEXT,
    about           TEXT,
    expressed       INTEGER,
    expressed_on    TEXT,
    prompt          TEXT,
    -- trigger record
    situation       TEXT,
    category        TEXT,
    intensity       INTEGER CHECK (intensity BETWEEN 0 AND 10),
    intensity_after INTEGER CHECK (intensity_after BETWEEN 0 AND 10),
    thoughts        TEXT,
    body            TEXT,
    urge            TEXT,
    response        TEXT,
    need            TEXT,
    for_session     INTEGER,
    unfinished      INTEGER
);

-- Tags, emotions and coping strategies of an entry, in the order the person gave them.
CREATE TABLE entry_names (
    entry_id  INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    role      TEXT    NOT NULL CHECK (role IN ('tag', 'emotion', 'coping')),
    position  INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    name_key  TEXT    NOT NULL,         -- casefolded, for matching
    PRIMARY KEY (entry_id, role, position)
) WITHOUT ROWID;
CREATE INDEX entry_names_by_name ON entry_names (role, name_key, entry_id);

CREATE INDEX entries_timeline ON entries (occurred_utc DESC, id DESC)
    WHERE deleted_utc IS NULL;
CREATE INDEX entries_kind_timeline ON entries (kind, occurred_utc DESC, id DESC)
    WHERE deleted_utc IS NULL;
CREATE INDEX entries_by_day ON entries (local_day, kind)
    WHERE deleted_utc IS NULL;
CREATE INDEX entries_mood_daily ON entries (local_day, mood, connection, trust)
    WHERE kind = 'mood' AND deleted_utc IS NULL;
CREATE INDEX entries_deleted ON entries (deleted_utc)
    WHERE deleted_utc IS NOT NULL;

-- All searchable text of an entry, rowid = entries.id; kept in step by the repository.
CREATE VIRTUAL TABLE entries_fts USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- Unfinished editor text, autosaved (encrypted with everything else).
CREATE TABLE drafts (
    key          TEXT PRIMARY KEY,
    payload      TEXT    NOT NULL,     -- JSON
    updated_utc  INTEGER NOT NULL
);

-- Preferences that could reveal anything (JSON values).
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- The person's own vocabulary, and their choices about the shipped one (hidden, renamed).
CREATE TABLE vocabulary (
    id         INTEGER PRIMARY KEY,
    list       TEXT    NOT NULL CHECK (list IN ('emotion', 'category', 'coping')),
    name       TEXT    NOT NULL,
    name_key   TEXT    NOT NULL,
    family     TEXT,                   -- emotion family, for emotions
    shipped_key TEXT,                  -- the shipped name this row overrides, if any
    hidden     INTEGER NOT NULL DEFAULT 0,
    created_utc INTEGER NOT NULL,
    UNIQUE (list, name_key)
);
"""


def _create_v1(db: Database) -> None:
    for statement in _statements(_V1):
        db.execute(statement)


def _statements(script: str) -> list[str]:
    """Split a DDL script on semicolons that end a line (none of ours sit inside strings)."""
    body = "\n".join(line for line in script.splitlines() if not line.strip().startswith("--"))
    return [part.strip() for part in body.split(";\n") if part.strip().rstrip(";")]


_V2 = """
-- The export log: what was shared, with whom and when (entry ids and choices, never text).
CREATE TABLE exports (
    id             INTEGER PRIMARY KEY,
    created_utc    INTEGER NOT NULL,   -- microseconds since the Unix epoch, UTC
    audience       TEXT    NOT NULL,
    format         TEXT    NOT NULL,
    period_start   TEXT    NOT NULL,   -- YYYY-MM-DD
    period_end     TEXT    NOT NULL,
    entry_ids      TEXT    NOT NULL,   -- JSON array of entry ids
    sections       TEXT    NOT NULL,   -- JSON array of section names
    trigger_fields TEXT    NOT NULL DEFAULT '[]'  -- JSON array of trigger fields shown
);
CREATE INDEX exports_by_audience ON exports (audience, created_utc DESC, id DESC);
"""


def _create_v2(db: Database) -> None:
    for statement in _statements(_V2):
        db.execute(statement)


# The per-strategy coping figures walk live trigger records and read only these columns, so
# this index covers them: no whole (encrypted) entry row is read. deleted_utc is a column as
# well as the filter, so SQLite sees every column the query names in the index.
_V3 = """
CREATE INDEX entries_trigger_coping
    ON entries (kind, local_day, intensity, intensity_after, deleted_utc)
    WHERE kind = 'trigger' AND deleted_utc IS NULL;
"""


def _create_v3(db: Database) -> None:
    for statement in _statements(_V3):
        db.execute(statement)


# A slice of the timeline is (id, local day) pairs newest first; a search's first page walks
# this index and checks each row against the matches. With local_day in the index the walk
# never reads a whole (encrypted) entry row. deleted_utc is a column as well as the filter,
# so SQLite sees every column the query names in the index (as for migration 3).
_V4 = """
DROP INDEX entries_timeline;
CREATE INDEX entries_timeline ON entries (occurred_utc DESC, id DESC, local_day, deleted_utc)
    WHERE deleted_utc IS NULL;
"""


def _create_v4(db: Database) -> None:
    for statement in _statements(_V4):
        db.execute(statement)


# Reflections, "I" statements and time together (issue 21). The kind CHECK cannot be altered in
# SQLite, so `entries` is rebuilt the documented way: a new table, every row copied with its id
# (full-text rowids and entry_names keep pointing at the same entries), the old table dropped,
# the new one renamed, and every index of the old table made again from its own SQL. Columns the
# new kinds share with old ones keep their meaning: `body` and `prompt` hold a reflection's text
# and prompt, `connection` the closeness of time together (every query of it names its kind).
_ENTRIES_V5 = """
CREATE TABLE entries_v5 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo, export log
    kind            TEXT    NOT NULL CHECK (kind IN ('mood', 'gratitude', 'trigger',
                                                     'reflection', 'statement', 'quality_time')),
    occurred_utc    INTEGER NOT NULL,
    utc_offset_min  INTEGER NOT NULL,
    local_day       TEXT    NOT NULL,
    local_hour      INTEGER NOT NULL,
    created_utc     INTEGER NOT NULL,
    updated_utc     INTEGER NOT NULL,
    deleted_utc     INTEGER,
    private         INTEGER NOT NULL DEFAULT 0,
    mood            INTEGER CHECK (mood BETWEEN 1 AND 10),
    connection      INTEGER CHECK (connection BETWEEN 0 AND 10),
    trust           INTEGER CHECK (trust BETWEEN 0 AND 10),
    note            TEXT,
    text            TEXT,
    about           TEXT,
    expressed       INTEGER,
    expressed_on    TEXT,
    prompt          TEXT,
    situation       TEXT,
    category        TEXT,
    intensity       INTEGER CHECK (intensity BETWEEN 0 AND 10),
    intensity_after INTEGER CHECK (intensity_after BETWEEN 0 AND 10),
    thoughts        TEXT,
    body            TEXT,
    urge            TEXT,
    response        TEXT,
    need            TEXT,
    for_session     INTEGER,
    unfinished      INTEGER,
    title           TEXT,               -- reflection
    when_text       TEXT,               -- statement: "when …"
    because         TEXT,
    request         TEXT,
    said            INTEGER,
    said_on         TEXT,
    outcome         TEXT,
    felt_after      TEXT,
    what            TEXT,               -- time together
    minutes         INTEGER CHECK (minutes BETWEEN 1 AND 10080),
    appreciated     TEXT
)
"""

_V4_COLUMNS = (
    "id, kind, occurred_utc, utc_offset_min, local_day, local_hour, created_utc, updated_utc,"
    " deleted_utc, private, mood, connection, trust, note, text, about, expressed, expressed_on,"
    " prompt, situation, category, intensity, intensity_after, thoughts, body, urge, response,"
    " need, for_session, unfinished"
)


def _create_v5(db: Database) -> None:
    rebuild_entries(db, create=_ENTRIES_V5, new_name="entries_v5", columns=_V4_COLUMNS)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "entries, names, search, drafts, settings, vocabulary", _create_v1),
    Migration(2, "export log", _create_v2),
    Migration(3, "covering index for the coping figures", _create_v3),
    Migration(4, "the timeline index covers the day, for search pages", _create_v4),
    Migration(5, "reflections, statements and time together", _create_v5, rebuilds_tables=True),
    Migration(6, "sessions, homework, goals and progress", create_v6, rebuilds_tables=True),
    Migration(7, "covering index for the Insights figures", create_v7),
    Migration(8, "running totals per day and month for Insights", create_v8),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
