"""Widgets run operations, and the operation sends one typed notice of what changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import About, GratitudeEntry
from trustjournal.services.changes import Change
from trustjournal.store.vocabulary import VocabularyList
from trustjournal.ui.session import Session
from trustjournal.ui.settings.vocabulary_list import VocabularyListEditor
from trustjournal.ui.today.gratitude_card import DRAFT_KEY, GratitudeCard


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def _notices(session: Session) -> list[frozenset[Change]]:
    seen: list[frozenset[Change]] = []
    session.events.changed.connect(seen.append)
    return seen


def test_a_quick_gratitude_is_one_entries_notice_and_its_draft_is_gone(
    qtbot: QtBot, session: Session
) -> None:
    card = shown(qtbot, GratitudeCard(session=session), (600, 700))
    QTest.keyClicks(card.field, "You fixed the gate")
    card.stash_drafts()
    seen = _notices(session)

    stored = card.save()

    assert stored is not None
    assert seen == [{Change.ENTRIES}]
    assert all(type(c) is Change for c in seen[0])
    assert session.drafts.load(DRAFT_KEY) is None


def test_i_told_them_and_its_undo_each_send_one_told_notice(qtbot: QtBot, session: Session) -> None:
    card = shown(qtbot, GratitudeCard(session=session), (600, 700))
    session.entries.add(GratitudeEntry(occurred_at=NOW, text="Tea", about=About.PARTNER))
    card.refresh()
    seen = _notices(session)

    card.unshared.rows[0].told_button.click()
    card.unshared.undo_button.click()

    told = {Change.ENTRIES, Change.GRATITUDE_TOLD}
    assert seen == [told, told]


def test_adding_a_word_sends_one_vocabulary_notice(qtbot: QtBot, session: Session) -> None:
    editor = VocabularyListEditor(
        session=session,
        kind=VocabularyList.COPING,
        title="Coping",
        placeholder="A way of coping of your own",
    )
    shown(qtbot, editor, (500, 500))
    seen = _notices(session)

    editor.field.setText("Cold water")
    editor.save()

    assert seen == [{Change.VOCABULARY}]
    assert all(type(c) is Change for c in seen[0])
