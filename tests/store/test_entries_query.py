"""Listing entries: every EntryQuery condition, combined with AND, paged in SQL, on the indexes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from trustjournal.core.entries import (
    About,
    Entry,
    EntryKind,
    GratitudeEntry,
    MoodCheckIn,
    TriggerRecord,
)
from trustjournal.core.errors import EntryNotFoundError, SearchQueryError, ValidationError
from trustjournal.core.periods import Period
from trustjournal.core.query import EntryQuery
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository

DAY1 = datetime(2026, 3, 1, 12, tzinfo=UTC)


def _at(days: int, hours: int = 0) -> datetime:
    return DAY1 + timedelta(days=days, hours=hours)


@pytest.fixture
def seeded(repo: EntryRepository) -> dict[str, int]:
    """A small journal over five days; names map to ids."""
    entries: dict[str, Entry] = {
        "mood1": MoodCheckIn(occurred_at=_at(0), mood=4, note="harbour walk", tags=("Walk",)),
        "grat1": GratitudeEntry(occurred_at=_at(1), text="tea", about=About.PARTNER),
        "trig1": TriggerRecord(
            occurred_at=_at(1, 2),
            situation="phone face down",
            intensity=7,
            category="Secrecy and phones",
            for_session=True,
            tags=("walk",),
        ),
        "mood2": MoodCheckIn(occurred_at=_at(2), mood=7, private=True, note="harbour again"),
        "grat2": GratitudeEntry(
            occurred_at=_at(3), text="walk together", about=About.US, expressed=True
        ),
        "trig2": TriggerRecord(
            occurred_at=_at(3, 1),
            situation="late home",
            intensity=5,
            category="lateness",
            unfinished=True,
            private=True,
        ),
        "mood3": MoodCheckIn(occurred_at=_at(4), mood=8, tags=("walk",)),
    }
    return {name: repo.add(entry).id or 0 for name, entry in entries.items()}


def _names(seeded: dict[str, int], ids: list[int]) -> list[str]:
    by_id = {v: k for k, v in seeded.items()}
    return [by_id[i] for i in ids]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EntryQuery(), ["mood3", "trig2", "grat2", "mood2", "trig1", "grat1", "mood1"]),
        (EntryQuery(kinds=frozenset({EntryKind.MOOD})), ["mood3", "mood2", "mood1"]),
        (
            EntryQuery(kinds=frozenset({EntryKind.MOOD, EntryKind.GRATITUDE})),
            ["mood3", "grat2", "mood2", "grat1", "mood1"],
        ),
        (
            EntryQuery(period=Period(date(2026, 3, 2), date(2026, 3, 3))),
            ["mood2", "trig1", "grat1"],
        ),
        (EntryQuery(period=Period(date(2026, 3, 4))), ["mood3", "trig2", "grat2"]),
        (EntryQuery(period=Period(None, date(2026, 3, 1))), ["mood1"]),
        (EntryQuery(tag="WALK"), ["mood3", "trig1", "mood1"]),
        (EntryQuery(search="harbour"), ["mood2", "mood1"]),
        (EntryQuery(search="   "), ["mood3", "trig2", "grat2", "mood2", "trig1", "grat1", "mood1"]),
        (EntryQuery(include_private=False), ["mood3", "grat2", "trig1", "grat1", "mood1"]),
        (EntryQuery(for_session=True), ["trig1"]),
        (EntryQuery(for_session=False), ["trig2"]),
        (EntryQuery(unfinished=True), ["trig2"]),
        (EntryQuery(unfinished=False), ["trig1"]),
        (EntryQuery(not_expressed=True), ["grat1"]),
        (EntryQuery(not_expressed=False), ["grat2"]),
        (EntryQuery(category="secrecy and PHONES"), ["trig1"]),
        (EntryQuery(about=frozenset({"us", "myself"})), ["grat2"]),
        (EntryQuery(tag="walk", kinds=frozenset({EntryKind.MOOD})), ["mood3", "mood1"]),
        (EntryQuery(tag="walk", search="harbour", include_private=False), ["mood1"]),
        (EntryQuery(search="walk", period=Period(date(2026, 3, 2))), ["mood3", "grat2", "trig1"]),
        (EntryQuery(include_private=False, period=Period(date(2026, 3, 4))), ["mood3", "grat2"]),
        (EntryQuery(deleted=True), []),
    ],
)
def test_each_condition_filters_and_they_combine_with_and(
    repo: EntryRepository, seeded: dict[str, int], query: EntryQuery, expected: list[str]
) -> None:
    assert _names(seeded, repo.ids(query)) == expected
    assert repo.count(query) == len(expected)
    assert [e.id for e in repo.list(query)] == repo.ids(query)


def test_deleted_lists_only_the_bin_with_its_other_conditions(
    repo: EntryRepository, seeded: dict[str, int]
) -> None:
    for name in ("mood1", "trig1", "grat2"):
        repo.delete(seeded[name])
    assert _names(seeded, repo.ids(EntryQuery(deleted=True))) == ["grat2", "trig1", "mood1"]
    bin_moods = EntryQuery(deleted=True, kinds=frozenset({EntryKind.MOOD}))
    assert _names(seeded, repo.ids(bin_moods)) == ["mood1"]
    assert _names(seeded, repo.ids(EntryQuery(tag="walk"))) == ["mood3"]


def test_paging_walks_the_timeline_without_gaps_or_repeats(
    repo: EntryRepository, seeded: dict[str, int]
) -> None:
    everything = repo.ids()
    pages = [repo.list(limit=3, offset=start) for start in range(0, 9, 3)]
    assert [e.id for page in pages for e in page] == everything
    assert [len(page) for page in pages] == [3, 3, 1]
    assert repo.list(limit=0) == []
    assert repo.list(limit=-5) == []
    assert repo.list(offset=100) == []
    moods = EntryQuery(kinds=frozenset({EntryKind.MOOD}))
    assert [e.id for e in repo.list(moods, limit=1, offset=1)] == [seeded["mood2"]]


def test_entries_at_the_same_instant_are_ordered_newest_id_first(repo: EntryRepository) -> None:
    ids = [repo.add(MoodCheckIn(occurred_at=DAY1, mood=5)).id for _ in range(3)]
    assert repo.ids() == ids[::-1]


def test_invalid_queries_are_clear_errors(repo: EntryRepository, seeded: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        repo.list(EntryQuery(kinds=frozenset({"diary"})))  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        repo.count(EntryQuery(about=frozenset({"the cat"})))
    with pytest.raises(SearchQueryError):
        repo.ids(EntryQuery(search='"unclosed'))


def test_get_many_returns_the_given_order_across_chunks(repo: EntryRepository) -> None:
    assert repo.add_many(
        MoodCheckIn(occurred_at=DAY1 + timedelta(minutes=i), mood=1 + i % 10, tags=(f"t{i}",))
        for i in range(1203)
    )
    ids = repo.ids()
    wanted = ids[::-2] + ids[:3]  # oldest-first half, then repeats
    got = repo.get_many(wanted)
    assert [e.id for e in got] == wanted
    assert all(e.tags == (f"t{(e.id or 0) - 1}",) for e in got)
    assert repo.get_many([]) == []


def test_get_many_raises_not_found_for_a_missing_id(
    repo: EntryRepository, seeded: dict[str, int]
) -> None:
    with pytest.raises(EntryNotFoundError):
        repo.get_many([seeded["mood1"], 404])


def _plan(db: Database, action: Callable[[], object]) -> list[str]:
    """The query plan of the last SELECT on entries that `action` ran."""
    statements: list[str] = []
    db.connection.set_trace_callback(statements.append)
    try:
        action()
    finally:
        db.connection.set_trace_callback(None)
    select = next(s for s in reversed(statements) if s.startswith("SELECT") and "entries" in s)
    return [str(row[3]) for row in db.query("EXPLAIN QUERY PLAN " + select)]


def test_the_newest_page_reads_the_timeline_index_without_sorting(
    repo: EntryRepository, db: Database, seeded: dict[str, int]
) -> None:
    plan = _plan(db, lambda: repo.list(limit=200))
    assert any("entries_timeline" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan
    one_kind = EntryQuery(kinds=frozenset({EntryKind.TRIGGER}))
    plan = _plan(db, lambda: repo.ids(one_kind))
    assert any("entries_kind_timeline" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan
