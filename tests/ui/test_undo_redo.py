"""Undo and Redo by keys on a real vault: a delete and an edit in the Journal, "I told them" on
Today; each command named by the entry's kind and day; a save that cannot drop its draft."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import (
    NOW,
    MovableClock,
    create_vault,
    open_session,
    sample_entries,
    shown,
)
from trustjournal.core.entries import About, GratitudeEntry, MoodCheckIn
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.journal.timeline_model import Role
from trustjournal.ui.pages.journal_page import DRAFT_KEY, JournalPage
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.session import Session

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    opened = open_session(vault, MovableClock())
    opened.entries.add_many(sample_entries())
    yield opened
    vault.lock()


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[JournalPage]:
    built = shown(qtbot, JournalPage(session=session))
    yield built
    built.clear()  # as the lock does: no autosave may run once the vault is locked


def _undo(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Z, CTRL)


def _redo(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Z, CTRL_SHIFT)


def _open_first_mood(page: JournalPage) -> MoodEditor:
    for row in range(page.model.rowCount()):
        index = page.model.index(row)
        if not page.model.is_header(row) and index.data(Role.KIND) == "mood":
            page.view.setCurrentIndex(index)
            page.view.setFocus()
            editor = page.pane.editor
            assert isinstance(editor, MoodEditor)
            return editor
    raise AssertionError("no mood entry")


def test_ctrl_z_undoes_a_delete_and_ctrl_shift_z_does_it_again(
    page: JournalPage, session: Session
) -> None:
    _open_first_mood(page)
    entry_id = page.shown_id()
    assert entry_id is not None
    QTest.keyClick(page.view, Qt.Key.Key_Delete)
    assert session.entries.is_deleted(entry_id)
    assert page.undo_stack.undoText() == "delete of the mood entry of Sat 14 Mar"

    _undo(page.view)
    assert not session.entries.is_deleted(entry_id)
    assert page.shown_id() == entry_id
    assert not page.undo_bar.isVisible()
    assert page.undo_stack.redoText() == "delete of the mood entry of Sat 14 Mar"

    _redo(page.view)
    assert session.entries.is_deleted(entry_id)
    assert page.shown_id() != entry_id  # the editor no longer holds it
    assert page.undo_bar.isVisible()  # the bar offers Undo again
    assert page.undo_bar.text.text().startswith("Mood entry of ")

    page.undo_bar.button.click()
    assert not session.entries.is_deleted(entry_id)


def test_ctrl_z_undoes_an_edit_and_ctrl_shift_z_brings_it_back(
    page: JournalPage, session: Session
) -> None:
    editor = _open_first_mood(page)
    entry_id = page.shown_id()
    assert entry_id is not None
    before = session.entries.get(entry_id)
    assert isinstance(before, MoodCheckIn)
    editor.note.setPlainText("A changed note")
    editor.note.setFocus()
    QTest.keyClick(editor.note, Qt.Key.Key_Return, CTRL)
    assert page.undo_stack.undoText() == "edit of the mood entry of Sat 14 Mar"

    page.view.setFocus()  # in the note, Ctrl+Z undoes typing, as in any text field
    _undo(page.view)
    back = session.entries.get(entry_id)
    assert isinstance(back, MoodCheckIn) and back.note == before.note
    assert editor.note.toPlainText() == (before.note or "")  # the editor shows it as it is

    _redo(page.view)
    again = session.entries.get(entry_id)
    assert isinstance(again, MoodCheckIn) and again.note == "A changed note"
    assert editor.note.toPlainText() == "A changed note"
    assert not page.undo_bar.isVisible()  # an edit has no bar; the keys and the menu undo it


def test_a_save_that_cannot_drop_its_draft_saves_nothing_and_keeps_every_word(
    page: JournalPage, session: Session
) -> None:
    editor = _open_first_mood(page)
    entry_id = page.shown_id()
    assert entry_id is not None
    before = session.entries.get(entry_id)
    editor.note.setPlainText("Words that must not be lost")
    page.pane.stash()
    editor.note.setFocus()
    db = session.vault.db
    with db.transaction():  # forgetting a draft fails, as a full disk would make it
        db.execute(
            "CREATE TRIGGER fail_draft_delete BEFORE DELETE ON drafts"
            " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )

    QTest.keyClick(editor.note, Qt.Key.Key_Return, CTRL)

    assert session.entries.get(entry_id) == before  # not saved with a stale draft beside it
    assert page.pane.message.isVisibleTo(page)
    assert "Words that must not be lost" not in page.pane.message.text()
    draft = session.drafts.load(DRAFT_KEY)
    assert draft is not None and draft["data"]["note"] == "Words that must not be lost"
    assert page.undo_stack.count() == 0  # nothing happened, so nothing to undo


def test_ctrl_z_takes_back_i_told_them_on_today_and_ctrl_shift_z_tells_again(
    qtbot: QtBot, session: Session
) -> None:
    stored = session.entries.add(
        GratitudeEntry(occurred_at=NOW, text="You made tea", about=About.PARTNER)
    )
    assert stored.id is not None
    today = shown(qtbot, TodayPage(session=session))
    today.activateWindow()  # keys go to the window in front, as a person's do
    qtbot.waitUntil(lambda: QApplication.activeWindow() is today)
    unshared = today.gratitude.unshared
    [row] = unshared.rows
    row.told_button.click()
    assert today.undo_stack.undoText() == "“I told them” for the gratitude entry of Sat 14 Mar"
    assert "tea" not in today.undo_stack.undoText()

    unshared.undo_button.setFocus()
    _undo(unshared.undo_button)
    back = session.entries.get(stored.id)
    assert isinstance(back, GratitudeEntry) and not back.expressed
    assert [r.entry.id for r in unshared.rows] == [stored.id]
    assert unshared.undo_button.isHidden()

    today.gratitude.another.setFocus()
    _redo(today.gratitude.another)
    told = session.entries.get(stored.id)
    assert isinstance(told, GratitudeEntry) and told.expressed and told.expressed_on == NOW.date()
    assert unshared.rows == []
    assert not unshared.undo_button.isHidden()
    today.clear()
    assert today.undo_stack.count() == 0  # the lock forgets what could be undone
