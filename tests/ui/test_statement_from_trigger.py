"""A trigger record turned into an "I" statement: feelings, what happened and the need carried
over into a new statement in the Journal, the record left as it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import EntryKind, Statement, TriggerRecord
from trustjournal.core.query import EntryQuery
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.editors.statement import StatementEditor
from trustjournal.ui.editors.trigger import TriggerEditor
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


@pytest.fixture
def frame(qtbot: QtBot, session: Session) -> Iterator[MainFrame]:
    built = shown(qtbot, MainFrame(specs=journal_pages(), session=session), (1100, 760))
    yield built
    built.stash_and_clear()


def _journal(frame: MainFrame) -> JournalPage:
    page = frame.page("journal")
    assert isinstance(page, JournalPage)
    return page


def test_turn_this_into_an_i_statement_by_keys_fills_in_a_new_statement(
    frame: MainFrame, session: Session
) -> None:
    record = session.entries.add(
        TriggerRecord(
            occurred_at=session.clock(),
            situation="  The phone was face down at dinner ",
            intensity=7,
            emotions=("hurt", "anxious"),
            need="To know nothing is hidden",
        )
    )
    assert record.id is not None
    assert frame.open_entry(record.id)
    journal = _journal(frame)
    trigger = journal.pane.editor
    assert isinstance(trigger, TriggerEditor)
    QTest.keyClicks(trigger.thoughts, "unsaved thought")  # kept, though not saved yet
    trigger.statement_button.setFocus()
    QTest.keyClick(trigger.statement_button, Qt.Key.Key_Space)
    statement = journal.pane.editor
    assert isinstance(statement, StatementEditor)
    assert statement.isVisible()
    assert statement.feel.chosen() == ["hurt", "anxious"]
    assert statement.when.toPlainText() == "The phone was face down at dinner"
    assert statement.because.toPlainText() == "To know nothing is hidden"
    assert statement.when.hasFocus()  # feelings are there: what happened comes next
    assert statement.preview.text() == (
        "I feel hurt, anxious when The phone was face down at dinner because To know nothing "
        "is hidden."
    )
    QTest.keyClicks(statement.request, "to leave it face up")
    QTest.keyClick(statement.request, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = session.entries.list(EntryQuery(kinds=frozenset({EntryKind.STATEMENT})))
    assert isinstance(saved, Statement) and saved.request == "to leave it face up"
    assert session.entries.get(record.id) == record  # the record itself is unchanged
    assert frame.open_entry(record.id)
    again = journal.pane.editor
    assert isinstance(again, TriggerEditor)
    assert again.thoughts.toPlainText() == "unsaved thought"  # its draft came back


def test_a_new_entry_set_aside_waits_under_its_own_kind_and_is_not_overwritten(
    frame: MainFrame, session: Session
) -> None:
    journal = _journal(frame)
    frame.show_page("journal")
    journal.new_check_in()
    check_in = journal.pane.editor
    assert isinstance(check_in, MoodEditor)
    QTest.keyClicks(check_in.note, "half a check-in")
    record = session.entries.add(
        TriggerRecord(occurred_at=session.clock(), situation="A door slammed", intensity=5)
    )
    assert record.id is not None
    assert frame.open_entry(record.id)  # the new check-in waits, set aside
    session.events.request_new_entry(EntryKind.STATEMENT, {"when": "A door slammed"})
    statement = journal.pane.editor
    assert isinstance(statement, StatementEditor)
    assert statement.when.toPlainText() == "A door slammed"
    journal.new_check_in()  # the check-in set aside comes back as it was left
    back = journal.pane.editor
    assert isinstance(back, MoodEditor)
    assert back.note.toPlainText() == "half a check-in"
