"""Log a trigger now (Ctrl+T on Today), finish it later in the Journal, and its filters."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import open_journal
from trustjournal.core.entries import EntryKind, TriggerRecord
from trustjournal.core.query import EntryQuery
from trustjournal.ui.editors.trigger import TriggerEditor
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.today.unfinished import trigger_meta

TRIGGERS = EntryQuery(kinds=frozenset({EntryKind.TRIGGER}))


def test_quick_log_with_ctrl_t_then_finish_it_in_the_journal(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = open_journal(qtbot, qapp, tmp_path)
    frame.show_page("journal")
    journal = frame.page("journal")
    today = frame.page("today")
    assert isinstance(journal, JournalPage) and isinstance(today, TodayPage)
    journal.view.setFocus()
    QTest.keyClick(journal.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    card = today.trigger
    qtbot.waitUntil(card.situation.hasFocus)
    assert frame.current_key == "today"
    QTest.keyClicks(card.situation, "A message they deleted")
    card.intensity.group.button(7).click()
    QTest.keyClick(card.situation, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    session = journal._session
    [logged] = session.entries.list(TRIGGERS)
    assert isinstance(logged, TriggerRecord) and logged.unfinished and logged.intensity == 7
    [row] = card.unfinished.rows
    assert row.text.text() == "A message they deleted"
    row.finish_button.click()
    assert frame.current_key == "journal"
    editor = journal.pane.editor
    assert isinstance(editor, TriggerEditor) and editor.loaded_id() == logged.id
    assert editor.banner.isVisibleTo(editor)
    editor.emotions.choose("Hurt")
    editor.coping.choose("Slow breathing")
    editor.intensity_after.group.button(3).click()
    QTest.keyClicks(editor.need, "To talk about it on Sunday")
    editor.finish_button.click()
    assert journal.pane.save() is not None
    done = session.entries.get(logged.id or 0)
    assert isinstance(done, TriggerRecord)
    assert not done.unfinished and done.intensity_after == 3
    assert done.coping == ("Slow breathing",) and done.need == "To talk about it on Sunday"
    assert card.unfinished.rows == []
    journal.filters.show_triggers(unfinished=True)
    assert journal.model.entry_count() == 0
    journal.filters.unfinished.setChecked(False)
    assert journal.model.entry_count() == 1


def test_a_record_to_finish_says_when_its_intensity_stayed_the_same() -> None:
    when = datetime(2026, 3, 14, 19, 40, tzinfo=UTC)
    steady = TriggerRecord(occurred_at=when, situation="s", intensity=4, intensity_after=4)
    assert trigger_meta(steady) == "Sat 14 Mar, 19:40 · 4 of 10 before and after"
    fresh = TriggerRecord(occurred_at=when, situation="s", intensity=7, category="Work")
    assert trigger_meta(fresh) == "Sat 14 Mar, 19:40 · 7 of 10 · Work"
