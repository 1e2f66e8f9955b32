"""Drafts: unfinished editor text kept encrypted, one upsert per save."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.conftest import Clock
from trustjournal.store.db import Database
from trustjournal.store.drafts import DraftRepository

CANARY = "zqxvdraftcanary"


@pytest.fixture
def drafts(db: Database, clock: Clock) -> DraftRepository:
    return DraftRepository(db=db, clock=clock)


def test_a_saved_draft_loads_back_equal(drafts: DraftRepository) -> None:
    payload = {
        "kind": "trigger",
        "situation": "half written\n<img src=file:///etc/passwd> \u202eRTL 😀",
        "intensity": 7,
        "coping": ["walk", "breathe"],
        "nested": {"private": True, "after": None},
        "lone": "\ud800 surrogate typed in the editor",
    }
    drafts.save("new-trigger", payload)
    assert drafts.load("new-trigger") == payload


def test_saving_again_replaces_the_draft_and_records_when(
    drafts: DraftRepository, db: Database, clock: Clock
) -> None:
    drafts.save("entry-4", {"note": "first"})
    later = clock.advance(seconds=2)
    drafts.save("entry-4", {"note": "second"})
    assert drafts.load("entry-4") == {"note": "second"}
    assert drafts.keys() == ["entry-4"]
    updated = db.scalar("SELECT updated_utc FROM drafts WHERE key = ?", ("entry-4",))
    assert updated == int(later.timestamp()) * 1_000_000


def test_missing_drafts_load_as_none_and_delete_is_idempotent(drafts: DraftRepository) -> None:
    assert drafts.load("nothing") is None
    drafts.save("b", {"x": 1})
    drafts.save("a", {"x": 2})
    assert drafts.keys() == ["a", "b"]
    drafts.delete("a")
    drafts.delete("a")
    assert drafts.keys() == ["b"]
    assert drafts.load("a") is None


def test_a_draft_that_json_cannot_carry_is_refused_and_nothing_is_saved(
    drafts: DraftRepository,
) -> None:
    with pytest.raises(TypeError):
        drafts.save("bad", {"when": object()})
    with pytest.raises(ValueError, match="key"):
        drafts.save("", {"x": 1})
    assert drafts.keys() == []


def test_drafts_are_encrypted_on_disk(drafts: DraftRepository, db: Database, db_path: Path) -> None:
    drafts.save("new-mood", {"note": CANARY})
    db.checkpoint()
    for file in db_path.parent.iterdir():
        assert CANARY.encode() not in file.read_bytes(), file.name


def test_moving_a_draft_keeps_it_once_under_the_new_key(drafts: DraftRepository) -> None:
    drafts.save("journal.editor", {"note": "typed in B"})
    drafts.save("journal.editor.entry-7", {"note": "an older draft of B"})
    assert drafts.move("journal.editor", "journal.editor.entry-7")
    assert drafts.load("journal.editor") is None
    assert drafts.load("journal.editor.entry-7") == {"note": "typed in B"}
    assert not drafts.move("journal.editor", "journal.editor.entry-8")
    assert drafts.keys() == ["journal.editor.entry-7"]


def test_a_save_told_it_is_stale_writes_nothing(drafts: DraftRepository) -> None:
    drafts.save("k", {"body": "kept"})
    assert drafts.save("k", {"body": "stale"}, unless=lambda: True) is False
    assert drafts.load("k") == {"body": "kept"}
    assert drafts.save("k", {"body": "new"}, unless=lambda: False) is True
    assert drafts.load("k") == {"body": "new"}
