"""Today's time-together card: what and connection by keys, Enter saves, Undo takes it back;
and the buttons that start an "I" statement (or a reflection) in the Journal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import EntryKind, QualityTime
from trustjournal.core.query import EntryQuery
from trustjournal.ui.editors.statement import StatementEditor
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.session import Session
from trustjournal.ui.today.together_card import TogetherCard

TOGETHER = EntryQuery(kinds=frozenset({EntryKind.QUALITY_TIME}))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


@pytest.fixture
def frame(qtbot: QtBot, session: Session) -> Iterator[MainFrame]:
    built = shown(qtbot, MainFrame(specs=journal_pages(), session=session), (800, 600))
    yield built
    built.stash_and_clear()


def _card(frame: MainFrame) -> TogetherCard:
    page = frame.page("today")
    assert isinstance(page, TodayPage)
    return page.together


def test_what_and_connection_by_keys_saved_with_enter_and_undone(
    frame: MainFrame, session: Session
) -> None:
    card = _card(frame)
    card.focus_field()
    QTest.keyClicks(card.what, "Cooked dinner together")
    QTest.keyClick(card.what, Qt.Key.Key_Tab)
    QTest.keyClick(card.what, Qt.Key.Key_Tab)  # past Save, to how connected
    assert card.connection.hasFocus()
    QTest.keyClicks(card.connection, "8")
    card.focus_field()
    QTest.keyClick(card.what, Qt.Key.Key_Return)
    [saved] = session.entries.list(TOGETHER)
    assert isinstance(saved, QualityTime)
    assert (saved.what, saved.connection, saved.minutes) == ("Cooked dinner together", 8, None)
    assert card.what.text() == "" and card.connection.text() == "Not answered"
    assert card.status.text() == "Saved to your journal."
    assert card.undo_button.isVisibleTo(card)
    card.undo_button.click()
    assert session.entries.list(TOGETHER) == []
    assert not card.undo_button.isVisibleTo(card)
    card.undo_stack.redo()  # Edit → Redo brings it back
    assert [e.id for e in session.entries.list(TOGETHER)] == [saved.id]


def test_ctrl_z_on_today_takes_the_quick_save_back(frame: MainFrame, session: Session) -> None:
    card = _card(frame)
    card.focus_field()
    QTest.keyClicks(card.what, "A walk")
    QTest.keyClick(card.what, Qt.Key.Key_Return)
    assert session.entries.count() == 1
    card.save_button.setFocus()  # out of the text field, which keeps Ctrl+Z for its typing
    QTest.keyClick(card.save_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.entries.count() == 0


def test_nothing_typed_saves_nothing_and_says_so_gently(frame: MainFrame, session: Session) -> None:
    card = _card(frame)
    card.focus_field()
    QTest.keyClick(card.what, Qt.Key.Key_Return)
    assert session.entries.count() == 0
    assert card.status.text() == "Write a few words first; nothing was saved."


def test_unfinished_words_survive_a_lock_as_a_draft(qtbot: QtBot, session: Session) -> None:
    page = shown(qtbot, TodayPage(session=session), (800, 600))
    QTest.keyClicks(page.together.what, "half")
    page.together.connection.setValue(4)
    page.stash_drafts()  # as the lock does, then empties the page
    page.clear()
    assert page.together.what.text() == ""
    again = shown(qtbot, TodayPage(session=session), (800, 600))
    again.restore_drafts()
    assert again.together.what.text() == "half"
    assert again.together.connection.value() == 4
    again.clear()


def test_prepare_an_i_statement_opens_a_new_one_in_the_journal(frame: MainFrame) -> None:
    card = _card(frame)
    card.statement_button.setFocus()
    QTest.keyClick(card.statement_button, Qt.Key.Key_Space)
    assert frame.current_key == "journal"
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    editor = journal.pane.editor
    assert isinstance(editor, StatementEditor) and editor.isVisible()
    assert editor.feel.search.hasFocus()
    # A reflection can be started from here once there is an editor for it.
    assert card.reflection_button.isVisibleTo(card) is journal._editors.can_edit(
        EntryKind.REFLECTION
    )
