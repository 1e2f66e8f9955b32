"""The use cases on a real encrypted vault: each one transaction, each saying what it changed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.store.conftest import START, Clock
from trustjournal.core.entries import About, GratitudeEntry, MoodCheckIn
from trustjournal.core.errors import EntryNotFoundError, UserFacingError, ValidationError
from trustjournal.services.changes import Change, changes_from
from trustjournal.services.operations import Operations, vocabulary_reader
from trustjournal.store.drafts import DraftRepository
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "a long enough passphrase"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    created, _code = Vault.create(tmp_path / "journal", PASSPHRASE, kdf=CHEAP)
    yield created
    created.lock()


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def ops(vault: Vault, clock: Clock) -> Operations:
    return Operations(vault=vault, clock=clock)


def _reopened(vault: Vault, tmp_path: Path) -> Vault:
    """The vault as the next start finds it: only what was committed is there."""
    vault.lock()
    return Vault.unlock(tmp_path / "journal", PASSPHRASE)


def _appreciation(vault: Vault, clock: Clock) -> GratitudeEntry:
    entry = GratitudeEntry(occurred_at=clock(), text="You made tea", about=About.PARTNER)
    return EntryRepository(db=vault.db, clock=clock).add(entry)


def test_add_entry_stores_it_and_forgets_its_draft_together(
    ops: Operations, vault: Vault, clock: Clock, tmp_path: Path
) -> None:
    DraftRepository(db=vault.db, clock=clock).save("today.gratitude", {"text": "You made tea"})
    entry = GratitudeEntry(occurred_at=clock(), text="You made tea")

    outcome = ops.add_entry(entry, draft_key="today.gratitude")

    assert outcome.changes == {Change.ENTRIES}
    assert outcome.value.id is not None
    again = _reopened(vault, tmp_path)
    assert EntryRepository(db=again.db, clock=clock).get(outcome.value.id).text == "You made tea"
    assert DraftRepository(db=again.db, clock=clock).load("today.gratitude") is None
    again.lock()


def test_mark_told_records_the_day_and_returns_it_as_it_was(
    ops: Operations, vault: Vault, clock: Clock, tmp_path: Path
) -> None:
    stored = _appreciation(vault, clock)
    assert stored.id is not None

    outcome = ops.mark_told(stored.id, date(2026, 3, 14))

    assert outcome.changes == {Change.ENTRIES, Change.GRATITUDE_TOLD}
    assert outcome.value.expressed is False  # as it was, for Undo
    again = _reopened(vault, tmp_path)
    told = EntryRepository(db=again.db, clock=clock).get(stored.id)
    assert isinstance(told, GratitudeEntry)
    assert (told.expressed, told.expressed_on) == (True, date(2026, 3, 14))
    again.lock()


def test_set_told_puts_back_what_mark_told_changed(
    ops: Operations, vault: Vault, clock: Clock
) -> None:
    stored = _appreciation(vault, clock)
    assert stored.id is not None
    before = ops.mark_told(stored.id, date(2026, 3, 14)).value

    outcome = ops.set_told(stored.id, expressed=before.expressed, expressed_on=before.expressed_on)

    assert (outcome.value.expressed, outcome.value.expressed_on) == (False, None)
    assert outcome.changes == {Change.ENTRIES, Change.GRATITUDE_TOLD}


def test_mark_told_on_something_not_an_appreciation_changes_nothing(
    ops: Operations, vault: Vault, clock: Clock
) -> None:
    entries = EntryRepository(db=vault.db, clock=clock)
    mood = entries.add(MoodCheckIn(occurred_at=clock(), mood=6))
    assert mood.id is not None

    with pytest.raises(EntryNotFoundError):
        ops.mark_told(mood.id, date(2026, 3, 14))

    assert entries.get(mood.id) == mood


def test_vocabulary_changes_are_kept_and_announced_as_vocabulary(
    ops: Operations, vault: Vault, clock: Clock, tmp_path: Path
) -> None:
    assert ops.add_word("coping", "Cold water").changes == {Change.VOCABULARY}
    assert ops.rename_word("coping", "Cold water", "Cold water on my face").changes == {
        Change.VOCABULARY
    }
    assert ops.hide_word("coping", "Cold water on my face").changes == {Change.VOCABULARY}

    again = _reopened(vault, tmp_path)
    items = vocabulary_reader(vault=again, clock=clock).items("coping", include_hidden=True)
    own = [i for i in items if i.name.startswith("Cold water")]
    assert [(i.name, i.hidden) for i in own] == [("Cold water on my face", True)]
    again.lock()


def test_a_word_the_list_already_has_is_refused_and_nothing_is_added(ops: Operations) -> None:
    ops.add_word("category", "Late replies")

    with pytest.raises(ValidationError):
        ops.add_word("category", "late replies")


def test_save_settings_writes_all_or_keeps_all_old(ops: Operations, vault: Vault) -> None:
    settings = SettingsRepository(db=vault.db)
    assert ops.save_settings({"lock.idle_minutes": 5, "appearance.theme": "dark"}).changes == {
        Change.SETTINGS
    }

    with pytest.raises(TypeError):
        ops.save_settings({"lock.idle_minutes": 10, "appearance.theme": object()})

    assert settings.get("lock.idle_minutes") == 5
    assert settings.get("appearance.theme") == "dark"


def test_old_names_become_typed_changes() -> None:
    assert changes_from({"mood", "settings"}) == {Change.ENTRIES, Change.SETTINGS}
    assert changes_from({Change.VOCABULARY}) == {Change.VOCABULARY}
    with pytest.raises(ValueError, match="moods"):
        changes_from({"moods"})


def _fail_draft_deletes(vault: Vault) -> None:
    """Make forgetting any draft fail as a disk error would, inside SQLite itself."""
    with vault.db.transaction():
        vault.db.execute(
            "CREATE TRIGGER fail_draft_delete BEFORE DELETE ON drafts"
            " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )


def test_save_entry_of_an_edit_stores_it_and_forgets_its_drafts_together(
    ops: Operations, vault: Vault, clock: Clock, tmp_path: Path
) -> None:
    entries = EntryRepository(db=vault.db, clock=clock)
    mood = entries.add(MoodCheckIn(occurred_at=clock(), mood=6, note="first"))
    drafts = DraftRepository(db=vault.db, clock=clock)
    drafts.save("journal.editor", {"kind": "mood", "data": {"note": "second"}})

    outcome = ops.save_entry(replace(mood, note="second"), draft_keys=["journal.editor"])

    assert outcome.changes == {Change.ENTRIES}
    assert outcome.value.before == mood
    assert isinstance(outcome.value.after, MoodCheckIn) and outcome.value.after.note == "second"
    again = _reopened(vault, tmp_path)
    assert mood.id is not None
    stored = EntryRepository(db=again.db, clock=clock).get(mood.id)
    assert isinstance(stored, MoodCheckIn) and stored.note == "second"
    assert DraftRepository(db=again.db, clock=clock).load("journal.editor") is None
    again.lock()


@pytest.mark.parametrize("edited", [False, True])
def test_save_entry_that_cannot_forget_its_draft_stores_nothing(
    ops: Operations, vault: Vault, clock: Clock, tmp_path: Path, edited: bool
) -> None:
    entries = EntryRepository(db=vault.db, clock=clock)
    mood = entries.add(MoodCheckIn(occurred_at=clock(), mood=6, note="first"))
    draft = {"kind": "mood", "data": {"note": "second"}}
    DraftRepository(db=vault.db, clock=clock).save("journal.editor", draft)
    _fail_draft_deletes(vault)
    entry = replace(mood, note="second") if edited else MoodCheckIn(occurred_at=clock(), mood=3)

    with pytest.raises(UserFacingError):
        ops.save_entry(entry, draft_keys=["journal.editor"])

    again = _reopened(vault, tmp_path)
    assert EntryRepository(db=again.db, clock=clock).list() == [mood]  # no half-saved entry
    assert DraftRepository(db=again.db, clock=clock).load("journal.editor") == draft
    again.lock()


def test_delete_and_undelete_entry_each_one_step(
    ops: Operations, vault: Vault, clock: Clock
) -> None:
    entries = EntryRepository(db=vault.db, clock=clock)
    mood = entries.add(MoodCheckIn(occurred_at=clock(), mood=6))
    assert mood.id is not None
    drafts = DraftRepository(db=vault.db, clock=clock)
    drafts.save("journal.editor", {"kind": "mood", "data": {}})

    outcome = ops.delete_entry(mood.id, draft_keys=["journal.editor"])

    assert outcome.value == mood and outcome.changes == {Change.ENTRIES}
    assert entries.is_deleted(mood.id)
    assert drafts.load("journal.editor") is None
    assert ops.undelete_entry(mood.id).value == mood
    assert not entries.is_deleted(mood.id)
    with pytest.raises(EntryNotFoundError):
        ops.delete_entry(mood.id + 100)
