"""Property: any valid entry of any kind is stored and read back unchanged, and found by search."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.conftest import Clock, create_schema
from trustjournal.core.entries import (
    About,
    Entry,
    GratitudeEntry,
    MoodCheckIn,
    QualityTime,
    Reflection,
    Statement,
    TherapySession,
    TriggerRecord,
)
from trustjournal.core.query import EntryQuery
from trustjournal.store.db import open_database
from trustjournal.store.entries import EntryRepository

HOSTILE = (
    "<img src=file:///etc/passwd>",
    '<script>alert("x")</script>',
    "![x](https://example.invalid/x.png) [a](javascript:alert(1))",
    "\u202eevil\u202c \u200b\u200c\u200d\ufeff zero-width",
    "שלום עולם — مرحبا بالعالم",
    "😀👩‍❤️‍👨 🇳🇱 family",
    "'; DROP TABLE entries; --",
    'a "quoted" NEAR(x y) col:x AND OR NOT *',
    "line one\r\nline two\x00nul\tand tab",
)
BIG = ("a long letter " * 7500)[:100_000]  # 100 KB

texts = st.one_of(st.text(max_size=200), st.sampled_from(HOSTILE), st.just(BIG))
short_texts = st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE))
names = st.lists(st.one_of(st.text(min_size=1, max_size=30), st.sampled_from(HOSTILE)), max_size=6)
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
moments = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2150, 1, 1), timezones=offsets
)
scale = st.integers(min_value=0, max_value=10)
envelope = {"occurred_at": moments, "tags": names, "private": st.booleans()}

moods = st.builds(
    MoodCheckIn,
    mood=st.integers(min_value=1, max_value=10),
    emotions=names,
    connection=st.none() | scale,
    trust=st.none() | scale,
    note=texts,
    **envelope,
)
gratitudes = st.builds(
    GratitudeEntry,
    text=texts.filter(str.strip),
    about=st.none() | st.sampled_from(About),
    expressed=st.booleans(),
    expressed_on=st.none() | st.dates(min_value=date(1950, 1, 1)),
    prompt=st.none() | short_texts,
    **envelope,
)
triggers = st.builds(
    TriggerRecord,
    situation=texts.filter(str.strip),
    intensity=scale,
    category=st.none() | short_texts,
    emotions=names,
    thoughts=texts,
    body=texts,
    urge=texts,
    response=texts,
    coping=names,
    intensity_after=st.none() | scale,
    need=texts,
    for_session=st.booleans(),
    unfinished=st.booleans(),
    **envelope,
)
reflections = st.builds(
    Reflection,
    body=texts.filter(str.strip),
    title=short_texts,
    prompt=st.none() | short_texts,
    **envelope,
)
statements = st.builds(
    Statement,
    feel=names.filter(lambda found: any(" ".join(n.split()) for n in found)),
    when=texts.filter(str.strip),
    because=texts,
    request=texts,
    said=st.booleans(),
    said_on=st.none() | st.dates(min_value=date(1950, 1, 1)),
    outcome=texts,
    felt_after=texts,
    **envelope,
)
together = st.builds(
    QualityTime,
    what=texts.filter(str.strip),
    minutes=st.none() | st.integers(min_value=1, max_value=7 * 24 * 60),
    connection=st.none() | scale,
    appreciated=texts,
    **envelope,
)
sessions = st.builds(
    TherapySession,
    with_whom=short_texts,
    worked_on=texts,
    remember=texts,
    next_at=st.none() | moments,
    **envelope,
)
# A word no generated text can glue itself to: it is stored on a line of its own.
markers = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=6, max_size=12)


@pytest.fixture(scope="module")
def shared_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EntryRepository]:
    """One encrypted database for every example (Hypothesis reruns the test body)."""
    path: Path = tmp_path_factory.mktemp("roundtrip") / "journal.db"
    db = open_database(path, os.urandom(32))
    create_schema(db)
    yield EntryRepository(db=db, clock=Clock())
    db.close()


def _with_marker(entry: Entry, marker: str) -> Entry:
    name = {
        MoodCheckIn: "note",
        GratitudeEntry: "text",
        TriggerRecord: "situation",
        Reflection: "body",
        Statement: "when",
        QualityTime: "what",
        TherapySession: "worked_on",
    }[type(entry)]
    return entry.with_changes(**{name: f"{getattr(entry, name)}\n{marker}\n"})


def _check_round_trip(repo: EntryRepository, entry: Entry, marker: str) -> None:
    original = _with_marker(entry, marker)
    saved = repo.add(original)
    assert saved.id is not None
    stored = repo.get(saved.id)
    assert stored == saved
    # Every field equal (dataclass equality); the store only adds the id and its two times.
    assert stored == replace(
        original, id=saved.id, created_at=saved.created_at, updated_at=saved.updated_at
    )
    assert stored.occurred_at == original.occurred_at  # the same instant
    assert stored.occurred_at.utcoffset() == original.occurred_at.utcoffset()
    assert stored.occurred_at.isoformat() == original.occurred_at.isoformat()
    if isinstance(original, TherapySession) and original.next_at is not None:
        assert isinstance(stored, TherapySession) and stored.next_at is not None
        assert stored.next_at.isoformat() == original.next_at.isoformat()  # its offset too
    assert repo.get_many([saved.id]) == [stored]
    assert saved.id in repo.ids(EntryQuery(search=marker))
    assert saved.id in repo.ids(EntryQuery(search=marker.upper()[:-2] + "*"))


ROUND_TRIP = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(entry=moods, marker=markers)
def test_any_mood_check_in_round_trips(
    shared_repo: EntryRepository, entry: MoodCheckIn, marker: str
) -> None:
    _check_round_trip(shared_repo, entry, marker)


@ROUND_TRIP
@given(entry=gratitudes, marker=markers)
def test_any_gratitude_entry_round_trips(
    shared_repo: EntryRepository, entry: GratitudeEntry, marker: str
) -> None:
    _check_round_trip(shared_repo, entry, marker)


@ROUND_TRIP
@given(entry=triggers, marker=markers)
def test_any_trigger_record_round_trips(
    shared_repo: EntryRepository, entry: TriggerRecord, marker: str
) -> None:
    _check_round_trip(shared_repo, entry, marker)


@ROUND_TRIP
@given(entry=st.one_of(reflections, statements, together, sessions), marker=markers)
def test_any_reflection_statement_time_together_or_session_round_trips(
    shared_repo: EntryRepository, entry: Entry, marker: str
) -> None:
    _check_round_trip(shared_repo, entry, marker)


@ROUND_TRIP
@given(first=triggers, second=moods)
def test_an_update_round_trips_too(
    shared_repo: EntryRepository, first: TriggerRecord, second: MoodCheckIn
) -> None:
    saved = shared_repo.add(first)
    edited = shared_repo.update(replace(second, id=saved.id))
    assert shared_repo.get(saved.id or 0) == edited
    assert edited.created_at == saved.created_at
