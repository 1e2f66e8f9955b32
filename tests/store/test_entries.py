"""EntryRepository: saving, reading, editing, the bin, bulk adds and tags."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.store.conftest import START, Clock
from trustjournal.core.entries import About, Entry, GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.errors import EntryNotFoundError, ValidationError
from trustjournal.core.periods import Period
from trustjournal.core.query import EntryQuery
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository

NEW_YORK_WINTER = timezone(timedelta(hours=-5))
LATE_EVENING = datetime(2026, 3, 1, 23, 30, tzinfo=NEW_YORK_WINTER)  # 04:30 UTC on 2 March


def _mood(**changes: object) -> MoodCheckIn:
    fields: dict[str, object] = {"occurred_at": LATE_EVENING, "mood": 6}
    fields.update(changes)
    return MoodCheckIn(**fields)  # type: ignore[arg-type]


def test_add_returns_the_entry_with_id_and_times(repo: EntryRepository, clock: Clock) -> None:
    saved = repo.add(_mood(note="A quiet evening"))
    assert saved.id is not None
    assert saved.created_at == saved.updated_at == START
    assert saved.note == "A quiet evening"
    assert repo.get(saved.id) == saved


def test_every_field_of_every_kind_is_stored(repo: EntryRepository) -> None:
    entries: list[Entry] = [
        _mood(emotions=("calm", "Hopeful"), connection=0, trust=10, tags=("home",), private=True),
        GratitudeEntry(
            occurred_at=LATE_EVENING,
            text="Made me tea",
            about=About.PARTNER,
            expressed_on=date(2026, 3, 2),
            prompt="What did they do today?",
            tags=("us", "Tea"),
        ),
        TriggerRecord(
            occurred_at=LATE_EVENING,
            situation="Phone face down",
            intensity=8,
            category="Secrecy and phones",
            emotions=("hurt", "anxious"),
            thoughts="T",
            body="B",
            urge="U",
            response="R",
            coping=("Pause before reacting", "walk"),
            intensity_after=3,
            need="N",
            for_session=True,
            unfinished=True,
        ),
    ]
    for entry in entries:
        saved = repo.add(entry)
        assert saved.id is not None
        stored = repo.get(saved.id)
        assert stored == saved
        assert stored.occurred_at.utcoffset() == timedelta(hours=-5)


def test_the_lived_day_and_hour_come_from_the_entry_own_offset(
    repo: EntryRepository, db: Database
) -> None:
    saved = repo.add(_mood())
    assert db.query_one(
        "SELECT local_day, local_hour, utc_offset_min FROM entries WHERE id = ?", (saved.id,)
    ) == ("2026-03-01", 23, -300)
    first = EntryQuery(period=Period(date(2026, 3, 1), date(2026, 3, 1)))
    assert repo.ids(first) == [saved.id]
    assert repo.ids(EntryQuery(period=Period(date(2026, 3, 2), date(2026, 3, 2)))) == []


def test_an_impossible_offset_is_a_clear_validation_error(repo: EntryRepository) -> None:
    far = datetime(2026, 3, 1, 12, tzinfo=timezone(timedelta(hours=20)))
    with pytest.raises(ValidationError, match="time"):
        repo.add(_mood(occurred_at=far))
    assert repo.count() == 0


def test_an_entry_that_has_an_id_is_not_added_again(repo: EntryRepository) -> None:
    saved = repo.add(_mood())
    with pytest.raises(ValueError, match="update"):
        repo.add(saved)
    with pytest.raises(ValueError, match="update"):
        repo.add_many([saved])
    assert repo.count() == 1


def test_get_of_a_missing_entry_raises_not_found(repo: EntryRepository) -> None:
    with pytest.raises(EntryNotFoundError):
        repo.get(41)
    with pytest.raises(EntryNotFoundError):
        repo.is_deleted(41)


def test_update_keeps_created_at_sets_updated_at_and_refreshes_everything(
    repo: EntryRepository, clock: Clock
) -> None:
    saved = repo.add(_mood(note="lighthouse", emotions=("calm",), tags=("old",)))
    later = clock.advance(hours=3)
    edited = repo.update(saved.with_changes(note="harbour", emotions=("tired",), tags=("new",)))
    assert edited.created_at == START
    assert edited.updated_at == later
    assert repo.get(saved.id or 0) == edited
    assert repo.ids(EntryQuery(search="lighthouse")) == []
    assert repo.ids(EntryQuery(search="harbour")) == [saved.id]
    assert repo.ids(EntryQuery(tag="old")) == []
    assert repo.tags() == [("new", 1)]


def test_update_may_change_the_kind_and_leaves_no_field_of_the_old_one(
    repo: EntryRepository, db: Database
) -> None:
    saved = repo.add(_mood(note="was a mood", connection=4))
    trigger = TriggerRecord(id=saved.id, occurred_at=LATE_EVENING, situation="now", intensity=2)
    assert repo.update(trigger) == repo.get(saved.id or 0)
    assert db.query_one("SELECT mood, connection, note FROM entries WHERE id = ?", (saved.id,)) == (
        None,
        None,
        None,
    )


def test_update_needs_an_existing_id(repo: EntryRepository) -> None:
    with pytest.raises(ValueError, match="add"):
        repo.update(_mood())
    with pytest.raises(EntryNotFoundError):
        repo.update(_mood(id=99))


def test_delete_moves_to_the_bin_and_undelete_brings_it_back(
    repo: EntryRepository, clock: Clock
) -> None:
    keep = repo.add(_mood(note="keep"))
    gone = repo.add(_mood(note="bin me"))
    assert gone.id is not None
    repo.delete(gone.id)
    assert repo.is_deleted(gone.id)
    assert not repo.is_deleted(keep.id or 0)
    assert repo.get(gone.id) == gone  # still readable from the bin
    assert repo.ids() == [keep.id]
    assert repo.ids(EntryQuery(deleted=True)) == [gone.id]
    assert repo.ids(EntryQuery(deleted=True, search="bin")) == [gone.id]
    repo.delete(gone.id)  # twice is harmless
    repo.undelete(gone.id)
    assert not repo.is_deleted(gone.id)
    assert repo.count() == 2


def test_delete_and_undelete_of_a_missing_entry_raise_not_found(repo: EntryRepository) -> None:
    with pytest.raises(EntryNotFoundError):
        repo.delete(5)
    with pytest.raises(EntryNotFoundError):
        repo.undelete(5)


def test_purge_removes_only_the_bin_for_good(
    repo: EntryRepository, db: Database, db_path: Path
) -> None:
    keep = repo.add(_mood(tags=("stay",)))
    gone = [repo.add(_mood(note=f"gone {i}", tags=("go",))) for i in range(3)]
    for entry in gone:
        repo.delete(entry.id or 0)
    assert repo.purge() == 3
    assert db_path.with_name(db_path.name + "-wal").stat().st_size == 0  # checkpointed
    assert repo.purge() == 0
    for entry in gone:
        with pytest.raises(EntryNotFoundError):
            repo.get(entry.id or 0)
        with pytest.raises(EntryNotFoundError):
            repo.undelete(entry.id or 0)
    assert repo.ids() == [keep.id]
    assert repo.count(EntryQuery(deleted=True)) == 0
    assert db.scalar("SELECT count(*) FROM entry_names") == 1
    assert db.scalar("SELECT count(*) FROM entries_fts") == 1


def test_add_many_saves_every_entry_with_names_and_search(
    repo: EntryRepository, clock: Clock
) -> None:
    first = repo.add(_mood(note="before"))
    entries = [
        _mood(
            occurred_at=LATE_EVENING + timedelta(minutes=i),
            note=f"bulk word{i}",
            tags=("bulk",),
            created_at=datetime(2025, 1, 1, tzinfo=UTC) if i == 0 else None,
        )
        for i in range(25)
    ]
    assert repo.add_many(iter(entries), batch=7) == 25
    assert repo.count() == 26
    newest = repo.list(limit=1)[0]
    assert isinstance(newest, MoodCheckIn)
    assert newest.note == "bulk word24"
    assert newest.tags == ("bulk",)
    assert newest.created_at == START
    assert repo.ids(EntryQuery(search="word0"))
    assert repo.get(repo.ids(EntryQuery(search="word0"))[0]).created_at == datetime(
        2025, 1, 1, tzinfo=UTC
    )
    assert first.id not in repo.ids(EntryQuery(tag="bulk"))
    assert repo.add_many([]) == 0
    with pytest.raises(ValueError, match="batch"):
        repo.add_many(entries, batch=0)


def test_add_many_is_all_or_nothing(repo: EntryRepository) -> None:
    entries = [_mood(note="fine"), _mood(id=3, note="already saved")]
    with pytest.raises(ValueError, match="update"):
        repo.add_many(entries, batch=1)
    assert repo.count() == 0


def test_tags_are_counted_case_insensitively_in_first_spelling(repo: EntryRepository) -> None:
    repo.add(_mood(tags=("Weekend", "home")))
    repo.add(_mood(tags=("weekend",)))
    repo.add(_mood(tags=("WEEKEND", "walk")))
    deleted = repo.add(_mood(tags=("home", "walk", "bin only")))
    repo.delete(deleted.id or 0)
    assert repo.tags() == [("Weekend", 3), ("home", 1), ("walk", 1)]
    assert repo.ids(EntryQuery(tag="  WeekEnd ")) == repo.ids(EntryQuery(tag="weekend"))
    assert len(repo.ids(EntryQuery(tag="weekend"))) == 3
