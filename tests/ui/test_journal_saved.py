"""The Journal's editor says "Saved." after Save and after Ctrl+Enter, then steps aside."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import open_journal
from trustjournal.core.entries import TriggerRecord
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.editors.trigger import TriggerEditor
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_page import SAVED, JournalPage
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.widgets.fading import CONFIRMATION_MS


def _trigger_in_journal(frame: MainFrame, situation: str) -> tuple[JournalPage, TriggerEditor, int]:
    today = frame.page("today")
    assert isinstance(today, TodayPage)
    today.trigger.situation.setPlainText(situation)
    today.trigger.intensity.set_value(6)
    record = today.trigger.save()
    assert record is not None and record.id is not None
    assert frame.open_entry(record.id)
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    editor = journal.pane.editor
    assert isinstance(editor, TriggerEditor)
    return journal, editor, record.id


def test_ctrl_enter_in_the_trigger_editor_says_saved(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(800, 600)
    journal, editor, entry_id = _trigger_in_journal(frame, "The door")
    pane = journal.pane
    editor.situation.setFocus()
    qtbot.waitUntil(editor.situation.hasFocus)
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(qapp.focusWidget(), " slammed")
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    stored = journal._session.entries.get(entry_id)
    assert isinstance(stored, TriggerRecord) and stored.situation == "The door slammed"
    assert pane.status.text() == SAVED
    assert pane.status.isVisibleTo(shell.window)
    qtbot.waitUntil(lambda: pane.status.text() == "", timeout=CONFIRMATION_MS * 2)


def test_the_save_button_says_saved_and_another_entry_clears_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = open_journal(qtbot, qapp, tmp_path)
    journal, _editor, first = _trigger_in_journal(frame, "A message")
    _journal, _other, second = _trigger_in_journal(frame, "A call")
    pane = journal.pane
    pane.save_button.setFocus()
    QTest.keyClick(pane.save_button, Qt.Key.Key_Space)
    assert pane.status.text() == SAVED
    assert frame.open_entry(first)
    assert pane.status.text() == ""  # it spoke of the other entry
    assert second != first


def test_todays_check_in_keeps_its_own_message(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = open_journal(qtbot, qapp, tmp_path)
    today = frame.page("today")
    assert isinstance(today, TodayPage)
    editor = today.pane.editor
    assert isinstance(editor, MoodEditor)
    editor.scale.set_value(6)
    assert today.pane.save() is not None
    assert today.pane.status.text() == ""  # Today says it once, in its own words
    assert today.status.text() != ""
