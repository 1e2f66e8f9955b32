"""The operations for reflections, "I" statements and time together, on a real vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.store.conftest import START, Clock
from trustjournal.core.entries import Entry, QualityTime, Reflection, Statement
from trustjournal.core.errors import EntryNotFoundError
from trustjournal.core.query import EntryQuery
from trustjournal.services.changes import Change
from trustjournal.services.operations import Operations
from trustjournal.store.drafts import DraftRepository
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "a long enough passphrase"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    created, _code = Vault.create(tmp_path / "journal", PASSPHRASE, kdf=CHEAP)
    yield created
    created.lock()  # safe to call again


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def ops(vault: Vault, clock: Clock) -> Operations:
    return Operations(vault=vault, clock=clock)


def _new(clock: Clock) -> list[Entry]:
    return [
        Reflection(occurred_at=clock(), title="Sunday", body="A long **quiet** day.\n\n- walk"),
        Statement(occurred_at=clock(), feel=("hurt", "lonely"), when="plans change late"),
        QualityTime(occurred_at=clock(), what="a walk by the river", minutes=50, connection=8),
    ]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_add_edit_delete_and_restore_each_new_kind(
    ops: Operations, vault: Vault, clock: Clock, tmp_path: Path, index: int
) -> None:
    drafts = DraftRepository(db=vault.db, clock=clock)
    drafts.save("journal.editor", {"kind": "x"})
    added = ops.add_entry(_new(clock)[index], draft_key="journal.editor")
    assert added.changes == {Change.ENTRIES}
    assert drafts.load("journal.editor") is None
    entry_id = added.value.id or 0

    edited = ops.save_entry(added.value.with_changes(tags=("us",), private=True))
    assert edited.value.before == added.value
    assert edited.value.after.tags == ("us",)

    assert ops.delete_entry(entry_id).value == edited.value.after
    repo = EntryRepository(db=vault.db, clock=clock)
    assert repo.ids(EntryQuery()) == []
    assert ops.undelete_entry(entry_id).value == edited.value.after
    # Undo of the edit: save what was there before.
    ops.save_entry(edited.value.before or added.value)

    vault.lock()
    with Vault.unlock(tmp_path / "journal", PASSPHRASE) as again:
        restored = EntryRepository(db=again.db, clock=clock).get(entry_id)
        assert restored == added.value.with_changes(updated_at=restored.updated_at)


def test_mark_said_records_the_day_and_set_said_undoes_it(
    ops: Operations, vault: Vault, clock: Clock
) -> None:
    statement = ops.add_entry(_new(clock)[1]).value
    entry_id = statement.id or 0

    before = ops.mark_said(entry_id, date(2026, 3, 15))
    assert before.value == statement
    assert before.changes == {Change.ENTRIES}
    stored = EntryRepository(db=vault.db, clock=clock).get(entry_id)
    assert isinstance(stored, Statement)
    assert (stored.said, stored.said_on) == (True, date(2026, 3, 15))

    back = ops.set_said(entry_id, said=False, said_on=None).value
    assert (back.said, back.said_on) == (False, None)


def test_mark_said_on_something_not_a_statement_changes_nothing(
    ops: Operations, vault: Vault, clock: Clock
) -> None:
    reflection = ops.add_entry(_new(clock)[0]).value
    with pytest.raises(EntryNotFoundError):
        ops.mark_said(reflection.id or 0, date(2026, 3, 15))
    assert EntryRepository(db=vault.db, clock=clock).get(reflection.id or 0) == reflection
