"""Schema 8's running totals stay equal to the entries counted afresh, whatever is written.

Random adds, edits (day, kind of values, names, category), deletes to the bin and back, purges
and batch imports run through the real repository on a real encrypted journal; after each
step, every kept row must equal the same sums worked out from the entries in one query.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.conftest import Clock, create_schema
from trustjournal.core.entries import Entry, GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.store.db import Database, open_database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.schema_v8 import COUNTED_AFRESH, KEPT_COLUMNS

NOW = datetime(2026, 7, 1, 12, tzinfo=UTC)
BASE = date(2026, 1, 28)  # days around a month's end, so entries move between months
NAMES = ("sad", "Sad", "calm", "walk", "breathe")
_counter = itertools.count()


def differences(db: Database) -> dict[str, tuple[list[Any], list[Any]]]:
    """Each running-totals table whose kept rows differ from the entries counted afresh."""
    found = {}
    for table, afresh in COUNTED_AFRESH.items():
        kept = sorted(db.query(f"SELECT {KEPT_COLUMNS[table]} FROM {table}"))  # noqa: S608
        counted = sorted(db.query(afresh))
        if kept != counted:
            found[table] = (kept, counted)
    return found


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    offset = timezone(timedelta(hours=draw(st.integers(-12, 14))))
    day = BASE + timedelta(days=draw(st.integers(0, 8)))
    when = datetime(day.year, day.month, day.day, draw(st.integers(0, 23)), tzinfo=offset)
    scale = st.none() | st.integers(0, 10)
    names = st.lists(st.sampled_from(NAMES), unique_by=str.casefold, max_size=3).map(tuple)
    private = draw(st.booleans())
    kind = draw(st.sampled_from(("mood", "gratitude", "trigger")))
    if kind == "mood":
        return MoodCheckIn(
            occurred_at=when,
            mood=draw(st.integers(1, 10)),
            connection=draw(scale),
            trust=draw(scale),
            emotions=draw(names),
            private=private,
        )
    if kind == "gratitude":
        told = draw(st.booleans())
        return GratitudeEntry(occurred_at=when, text="Tea", expressed=told, private=private)
    return TriggerRecord(
        occurred_at=when,
        situation="Something",
        intensity=draw(st.integers(0, 10)),
        intensity_after=draw(scale),
        category=draw(st.none() | st.sampled_from(("Work", "work", "Home"))),
        emotions=draw(names),
        coping=draw(names),
        unfinished=draw(st.booleans()),
        private=private,
    )


steps = st.one_of(
    st.tuples(st.just("add"), entries()),
    st.tuples(st.just("edit"), st.integers(0, 50), entries()),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("undelete"), st.integers(0, 50)),
    st.tuples(st.just("purge")),
    st.tuples(st.just("erase"), st.integers(0, 50)),
    st.tuples(st.just("rename"), st.integers(0, 50), st.sampled_from(NAMES)),
    st.tuples(st.just("import"), st.lists(entries(), max_size=4)),
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("totals")


def _fresh(folder: Path) -> Database:
    db = open_database(folder / f"journal-{next(_counter)}.db", os.urandom(32))
    create_schema(db)
    return db


def _pick(db: Database, index: int, *, deleted: bool) -> int | None:
    state = "IS NOT NULL" if deleted else "IS NULL"
    ids = [int(i) for (i,) in db.query(f"SELECT id FROM entries WHERE deleted_utc {state}")]  # noqa: S608
    return ids[index % len(ids)] if ids else None


def _run(db: Database, repo: EntryRepository, step: tuple[Any, ...]) -> None:  # noqa: PLR0912 - one branch per step
    match step:
        case ("add", entry):
            repo.add(entry)
        case ("edit", index, entry):
            chosen = _pick(db, index, deleted=False)
            if chosen is not None:  # another day, other values and names; even another kind
                repo.update(replace(entry, id=chosen))
        case ("delete", index):
            chosen = _pick(db, index, deleted=False)
            if chosen is not None:
                repo.delete(chosen)
        case ("undelete", index):
            chosen = _pick(db, index, deleted=True)
            if chosen is not None:
                repo.undelete(chosen)
        case ("purge",):
            repo.purge()
        case ("import", batch):
            repo.add_many(batch)
        case ("erase", index):  # a live entry removed outright; its names go by the cascade
            chosen = _pick(db, index, deleted=False)
            if chosen is not None:
                with db.transaction():  # its search text too, as the purge does
                    db.execute("DELETE FROM entries_fts WHERE rowid = ?", (chosen,))
                    db.execute("DELETE FROM entries WHERE id = ?", (chosen,))
        case ("rename", index, name):  # a name row changed in place
            chosen = _pick(db, index, deleted=False)
            if chosen is not None:
                with db.transaction():
                    db.execute(
                        "UPDATE entry_names SET name = ?, name_key = ? WHERE entry_id = ?"
                        " AND position = 0",
                        (name, name.casefold(), chosen),
                    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(steps, min_size=1, max_size=12))
def test_the_running_totals_equal_the_entries_after_every_write(
    folder: Path, written: list[tuple[Any, ...]]
) -> None:
    db = _fresh(folder)
    repo = EntryRepository(db=db, clock=Clock(NOW))
    try:
        for step in written:
            _run(db, repo, step)
            assert differences(db) == {}, step
    finally:
        db.close()
