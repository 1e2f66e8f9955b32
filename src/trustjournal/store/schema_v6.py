"""Schema 6: therapy sessions as entries; homework, done marks, goals and progress (issue 20)."""

from __future__ import annotations

from trustjournal.store.db import Database
from trustjournal.store.table_rebuild import rebuild_entries

# The session kind needs the kind CHECK widened, which SQLite cannot alter: `entries` is rebuilt
# as migration 5 did (ids kept, so full-text rowids and entry_names still point at the same
# entries; the AUTOINCREMENT counter kept; every index made again from its own SQL).
_ENTRIES_V6 = """
CREATE TABLE entries_v6 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo, export log
    kind            TEXT    NOT NULL CHECK (kind IN ('mood', 'gratitude', 'trigger',
                                                     'reflection', 'statement', 'quality_time',
                                                     'session')),
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
    title           TEXT,
    when_text       TEXT,
    because         TEXT,
    request         TEXT,
    said            INTEGER,
    said_on         TEXT,
    outcome         TEXT,
    felt_after      TEXT,
    what            TEXT,
    minutes         INTEGER CHECK (minutes BETWEEN 1 AND 10080),
    appreciated     TEXT,
    with_whom       TEXT,               -- session
    worked_on       TEXT,
    remember        TEXT,
    next_utc        INTEGER,            -- the next session: µs UTC and its local offset
    next_offset_min INTEGER
)
"""

_V5_COLUMNS = (
    "id, kind, occurred_utc, utc_offset_min, local_day, local_hour, created_utc, updated_utc,"
    " deleted_utc, private, mood, connection, trust, note, text, about, expressed, expressed_on,"
    " prompt, situation, category, intensity, intensity_after, thoughts, body, urge, response,"
    " need, for_session, unfinished, title, when_text, because, request, said, said_on, outcome,"
    " felt_after, what, minutes, appreciated"
)

# Homework items, their manual done marks, goals with their steps, and what was reached. Nothing
# here is deleted by an edit: an item is ended (ended_on) or moved to the bin (deleted_utc, with
# undo); a done mark taken back keeps its row with deleted_utc set, so undo can bring it back.
_TABLES = (
    """
    CREATE TABLE homework (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        title        TEXT    NOT NULL,
        counts       TEXT    NOT NULL CHECK (counts IN ('checkin', 'gratitude-told', 'trigger',
                                     'statement', 'quality-time', 'reflection', 'manual')),
        times        INTEGER NOT NULL CHECK (times >= 1),
        per          TEXT    NOT NULL CHECK (per IN ('day', 'week')),
        from_day     TEXT    NOT NULL,   -- YYYY-MM-DD
        to_day       TEXT,
        ended_day    TEXT,               -- ended early on this day
        session_id   INTEGER REFERENCES entries (id) ON DELETE SET NULL,
        created_utc  INTEGER NOT NULL,
        updated_utc  INTEGER NOT NULL,
        deleted_utc  INTEGER,
        CHECK (to_day IS NULL OR to_day >= from_day)
    )
    """,
    """
    CREATE TABLE homework_done (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        homework_id  INTEGER NOT NULL REFERENCES homework (id) ON DELETE CASCADE,
        at_utc       INTEGER NOT NULL,
        offset_min   INTEGER NOT NULL,
        local_day    TEXT    NOT NULL,
        deleted_utc  INTEGER
    )
    """,
    """
    CREATE INDEX homework_done_by_day ON homework_done (homework_id, local_day, deleted_utc)
        WHERE deleted_utc IS NULL
    """,
    """
    CREATE TABLE goals (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        title        TEXT    NOT NULL,
        why          TEXT    NOT NULL DEFAULT '',
        target_day   TEXT,
        state        TEXT    NOT NULL CHECK (state IN ('working', 'reached', 'set_aside')),
        state_utc    INTEGER,
        created_utc  INTEGER NOT NULL,
        updated_utc  INTEGER NOT NULL,
        deleted_utc  INTEGER
    )
    """,
    """
    CREATE TABLE goal_steps (
        goal_id      INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,   -- 0-based order
        text         TEXT    NOT NULL,
        done_utc     INTEGER,
        done_offset_min INTEGER,
        PRIMARY KEY (goal_id, position)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE progress (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        key          TEXT    NOT NULL UNIQUE,  -- what was reached: acknowledged once
        what         TEXT    NOT NULL CHECK (what IN ('step', 'goal', 'milestone')),
        reached_day  TEXT    NOT NULL,
        title        TEXT    NOT NULL DEFAULT '',
        goal_id      INTEGER REFERENCES goals (id) ON DELETE CASCADE,
        step         INTEGER,
        acknowledged_utc INTEGER
    )
    """,
    # Homework progress per week reads the counted kinds day by day: each walk is a range of one
    # index, never a whole (encrypted) entry row. A told appreciation and a said statement count
    # on the day they were told or said, hence the expression indexes.
    """
    CREATE INDEX entries_homework ON entries (kind, local_day, unfinished, deleted_utc)
        WHERE deleted_utc IS NULL
    """,
    """
    CREATE INDEX entries_told_day ON entries (coalesce(expressed_on, local_day), deleted_utc)
        WHERE kind = 'gratitude' AND expressed = 1 AND deleted_utc IS NULL
    """,
    """
    CREATE INDEX entries_said_day ON entries (coalesce(said_on, local_day), deleted_utc)
        WHERE kind = 'statement' AND said = 1 AND deleted_utc IS NULL
    """,
    """
    CREATE INDEX entries_sessions ON entries (occurred_utc, deleted_utc, private)
        WHERE kind = 'session' AND deleted_utc IS NULL
    """,
)


def create_v6(db: Database) -> None:
    """Rebuild `entries` with the session kind, then add the between-sessions tables."""
    rebuild_entries(db, create=_ENTRIES_V6, new_name="entries_v6", columns=_V5_COLUMNS)
    for statement in _TABLES:
        db.execute(statement)
