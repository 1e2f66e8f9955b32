"""Timeline slices: whichever plan a search takes, and however it is paged, the rows are the same.

The reference is a brute-force filter: every entry read one by one, the conditions checked in
Python (the search by asking the full-text index about that one entry alone), sorted in Python.
The vault is a real encrypted one whose ids do not follow time (entries back-dated and written
out of order, several at the very same moment), with private, deleted, tagged entries of every
kind.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.store.conftest import Clock, create_schema
from trustjournal.core.entries import Entry, EntryKind, GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.periods import Period
from trustjournal.core.query import EntryQuery
from trustjournal.store.db import Database, open_database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.entry_rows import utc_micros
from trustjournal.store.search import to_fts_query
from trustjournal.store.timeline import slice_sql, timeline_where

WORDS = ("tea", "teacup", "walk", "walked", "quiet", "evening", "phone", "garden")
FIRST_DAY = date(2026, 1, 1)
SEARCHES = (
    None,
    "tea",
    "walk",
    "te*",
    "wal*",
    "garden",
    '"quiet evening"',
    '"quiet eve"*',
    "tea walk",
    "phone te*",
    "nowhere",
)


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def _entry(rng: random.Random, when: datetime) -> Entry:
    tags = tuple(rng.sample(("home", "Work", "night"), rng.randint(0, 2)))
    private = rng.random() < 0.2
    kind = rng.choice(list(EntryKind))
    if kind is EntryKind.MOOD:
        return MoodCheckIn(occurred_at=when, mood=5, note=_text(rng), tags=tags, private=private)
    if kind is EntryKind.GRATITUDE:
        return GratitudeEntry(occurred_at=when, text=_text(rng), tags=tags, private=private)
    return TriggerRecord(
        occurred_at=when, situation=_text(rng), intensity=6, tags=tags, private=private
    )


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, EntryRepository]]:
    """About 150 entries over two months, written in random order; a few share one moment."""
    rng = random.Random(20260630)
    path: Path = tmp_path_factory.mktemp("slices") / "journal.db"
    db = open_database(path, os.urandom(32))
    create_schema(db)
    repo = EntryRepository(db=db, clock=Clock())
    zones = (UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=9)))
    moments = [
        datetime(2026, 1, 1, 6, tzinfo=UTC) + timedelta(hours=rng.randint(0, 24 * 60))
        for _ in range(120)
    ]
    moments += [moments[0]] * 10 + [moments[1]] * 10  # ties: ordered by id
    rng.shuffle(moments)  # back-dated: ids do not follow time
    for moment in moments:
        repo.add(_entry(rng, moment.astimezone(rng.choice(zones))))
    for entry_id in rng.sample(range(1, len(moments) + 1), 25):
        repo.delete(entry_id)
    yield db, repo
    db.close()


def _matches(db: Database, entry_id: int, search: str) -> bool:
    match = to_fts_query(search)
    sql = "SELECT count(*) FROM entries_fts WHERE rowid = ? AND entries_fts MATCH ?"
    return bool(db.scalar(sql, (entry_id, match)))


def _brute_force(db: Database, repo: EntryRepository, query: EntryQuery) -> list[tuple[int, str]]:
    """The query answered entry by entry, without the store's SQL filters or ordering."""
    ids = [int(row[0]) for row in db.query("SELECT id FROM entries")]
    kept: list[Entry] = []
    for entry in repo.get_many(ids):
        assert entry.id is not None
        day = entry.occurred_at.date()
        period = query.period
        if repo.is_deleted(entry.id) != query.deleted:
            continue
        if query.kinds and entry.kind not in query.kinds:
            continue
        if period is not None and not (period.start or day) <= day <= (period.end or day):
            continue
        if not query.include_private and entry.private:
            continue
        if query.tag and query.tag.casefold() not in {t.casefold() for t in entry.tags}:
            continue
        if query.search and not _matches(db, entry.id, query.search):
            continue
        kept.append(entry)
    kept.sort(key=lambda e: (utc_micros(e.occurred_at), e.id or 0), reverse=True)
    return [(e.id or 0, e.occurred_at.date().isoformat()) for e in kept]


periods = st.one_of(
    st.none(),
    st.builds(
        lambda start, length: Period(
            FIRST_DAY + timedelta(days=start), FIRST_DAY + timedelta(days=start + length)
        ),
        st.integers(0, 60),
        st.integers(0, 40),
    ),
)
queries = st.builds(
    EntryQuery,
    kinds=st.frozensets(st.sampled_from(list(EntryKind)), max_size=2),
    period=periods,
    tag=st.sampled_from((None, "home", "work")),
    search=st.sampled_from(SEARCHES),
    include_private=st.booleans(),
    deleted=st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(query=queries, sizes=st.lists(st.integers(1, 40), min_size=1, max_size=5))
def test_slices_after_slices_are_the_brute_force_timeline(
    vault: tuple[Database, EntryRepository], query: EntryQuery, sizes: list[int]
) -> None:
    db, repo = vault
    expected = _brute_force(db, repo, query)
    read: list[tuple[int, str]] = []
    after = None
    for step in range(len(expected) + 1):
        size = sizes[step % len(sizes)]
        part = repo.timeline_slice(query, limit=size, after=after)
        read.extend(part.rows)
        after = part.after
        if len(part.rows) < size:
            break
    assert read == expected
    assert repo.ids(query) == [entry_id for entry_id, _day in expected]
    listed = {entry_id for entry_id, _day in expected}
    assert {i for i in range(1, 150) if repo.shows(query, i)} == listed


@settings(max_examples=100, deadline=None)
@given(query=queries, limit=st.integers(0, 60), offset=st.integers(0, 60))
def test_a_page_at_an_offset_is_the_brute_force_page(
    vault: tuple[Database, EntryRepository], query: EntryQuery, limit: int, offset: int
) -> None:
    db, repo = vault
    expected = _brute_force(db, repo, query)[offset : offset + limit]
    assert repo.timeline(query, limit=limit, offset=offset) == expected
    assert [e.id for e in repo.list(query, limit=limit, offset=offset)] == [i for i, _ in expected]


def _plan(db: Database, query: EntryQuery, *, wanted: int, after: tuple[int, int] | None) -> str:
    where = timeline_where(db, query, wanted=wanted, after=after)
    rows = db.query(f"EXPLAIN QUERY PLAN {slice_sql(where)}", (*where.params, wanted))
    return " | ".join(str(row[-1]) for row in rows)


def test_a_word_with_more_matches_than_the_slice_walks_the_timeline_index(
    vault: tuple[Database, EntryRepository],
) -> None:
    db, _repo = vault
    plan = _plan(db, EntryQuery(search="te*"), wanted=5, after=None)
    assert "SCAN entries USING COVERING INDEX entries_timeline" in plan
    assert "TEMP B-TREE" not in plan  # no sort: it stops after five rows, reading no entry row


def test_a_later_slice_seeks_into_the_timeline_index(
    vault: tuple[Database, EntryRepository],
) -> None:
    db, _repo = vault
    plan = _plan(db, EntryQuery(search="te*"), wanted=5, after=(utc_micros(datetime.now(UTC)), 9))
    assert "SEARCH entries USING COVERING INDEX entries_timeline (occurred_utc<?)" in plan
    assert "TEMP B-TREE" not in plan
    assert "SEARCH entries USING COVERING INDEX entries_timeline" in _plan(
        db, EntryQuery(), wanted=5, after=(utc_micros(datetime.now(UTC)), 9)
    )


def test_a_word_with_few_matches_reads_them_by_id(
    vault: tuple[Database, EntryRepository],
) -> None:
    db, _repo = vault
    plan = _plan(db, EntryQuery(search="nowhere"), wanted=500, after=None)
    assert "SEARCH entries USING INTEGER PRIMARY KEY (rowid=?)" in plan
