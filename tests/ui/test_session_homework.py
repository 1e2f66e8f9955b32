"""Homework agreed in a session: typed one per line in the session editor, made with the new
session in one transaction, shown (not typed again) when the session is opened later."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import (
    NOW,
    editor_of,
    new_entry_pane,
    new_session,
)
from trustjournal.core import i18n
from trustjournal.core.between import Counts, Per
from trustjournal.core.entries import EntryKind, TherapySession
from trustjournal.core.errors import ValidationError
from trustjournal.core.query import EntryQuery
from trustjournal.services.operations import Operations
from trustjournal.services.session_homework import homework_of_session
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.editors.session import SessionEditor
from trustjournal.ui.session import Session

DRAFT = "test.session-homework"
SESSIONS = EntryQuery(kinds=frozenset({EntryKind.SESSION}))
NEXT = datetime(2026, 3, 19, 18, 0, tzinfo=NOW.tzinfo)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    yield from new_session(tmp_path)


@pytest.fixture
def pane(qtbot: QtBot, session: Session) -> Iterator[EditorPane]:
    yield from new_entry_pane(qtbot, session, EntryKind.SESSION, draft_key=DRAFT, size=(620, 600))


def _editor(pane: EditorPane) -> SessionEditor:
    return editor_of(pane, SessionEditor)


def _agreed(session: Session, saved: object) -> list:  # type: ignore[type-arg]
    assert isinstance(saved, TherapySession) and saved.id is not None
    return homework_of_session(vault=session.vault, clock=session.clock, session_id=saved.id)


def test_each_line_becomes_weekly_manual_homework_until_the_day_before_the_next_session(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.with_whom, "Dr. Lee")
    QTest.keyClicks(editor.agreed.lines, "Walk together")
    QTest.keyClick(editor.agreed.lines, Qt.Key.Key_Return)
    QTest.keyClick(editor.agreed.lines, Qt.Key.Key_Return)  # a blank line is no homework
    QTest.keyClicks(editor.agreed.lines, "  Ask,   don't guess  ")
    editor.next_session.known.setChecked(True)
    editor.next_session.time.set_moment(NEXT)
    QTest.keyClick(editor.with_whom, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = session.entries.list(SESSIONS)
    items = _agreed(session, saved)
    assert [i.title for i in items] == ["Walk together", "Ask, don't guess"]
    for item in items:
        assert (item.counts, item.times, item.per) == (Counts.MANUAL, 1, Per.WEEK)
        assert (item.start, item.end) == (NOW.date(), date(2026, 3, 18))
        assert item.session_id == saved.id


def test_without_a_next_session_the_homework_has_no_end(pane: EditorPane, session: Session) -> None:
    editor = _editor(pane)
    editor.agreed.lines.setPlainText("Breathe before answering")
    saved = pane.save()
    [item] = _agreed(session, saved)
    assert (item.start, item.end) == (NOW.date(), None)


def test_a_saved_session_shows_its_homework_to_read_and_saving_it_again_adds_none(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    editor.agreed.lines.setPlainText("Walk together\nAsk first")
    saved = pane.save()
    assert isinstance(saved, TherapySession)
    pane.open(None, EntryKind.SESSION)
    assert editor.agreed.lines.isVisibleTo(editor) and editor.agreed.lines.toPlainText() == ""
    pane.open(saved)
    assert not editor.agreed.lines.isVisibleTo(editor)
    assert editor.agreed.titles.text() == "• Walk together\n• Ask first"
    assert editor.agreed.note.text() == "Edit these on Today."
    QTest.keyClicks(editor.remember, "Kindness first")
    again = pane.save()
    assert isinstance(again, TherapySession) and again.remember == "Kindness first"
    assert len(_agreed(session, again)) == 2
    # One written without homework says so, with no note pointing anywhere.
    bare = session.entries.add(TherapySession(occurred_at=NOW, with_whom="Dr. Lee"))
    pane.open(bare)
    assert editor.agreed.titles.text() == "No homework was agreed in this session."
    assert not editor.agreed.note.isVisibleTo(editor)


def test_the_draft_keeps_the_homework_lines(
    qtbot: QtBot, pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.agreed.lines, "Walk together")
    QTest.keyClick(editor.agreed.lines, Qt.Key.Key_Return)
    QTest.keyClicks(editor.agreed.lines, "Ask first")
    qtbot.waitUntil(lambda: session.drafts.load(DRAFT) is not None, timeout=5000)
    other = EditorPane(session=session, editors=default_editors(), draft_key=DRAFT)
    qtbot.addWidget(other)
    assert other.restore()
    restored = other.editor
    assert isinstance(restored, SessionEditor)
    assert restored.agreed.lines.toPlainText() == "Walk together\nAsk first"
    assert restored.homework_agreed() == ["Walk together", "Ask first"]
    other.clear()


def test_a_line_too_long_is_named_by_its_field_and_nothing_is_saved(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    editor.agreed.lines.setPlainText("Walk\n" + "x" * 600)
    assert pane.save() is None
    assert "Homework line 2" in editor.errors["homework"].text()
    assert session.entries.list(SESSIONS) == []
    assert editor.agreed.lines.toPlainText().startswith("Walk\n")  # every word still there


def test_the_session_and_its_homework_are_one_transaction(session: Session) -> None:
    ops = Operations(vault=session.vault, clock=session.clock)
    entry = TherapySession(occurred_at=NOW, with_whom="Dr. Lee")
    with pytest.raises(ValidationError):
        ops.save_entry(entry, homework=["Walk", "x" * 600])
    assert session.entries.list(SESSIONS) == []
    saved = ops.save_entry(entry, homework=["Walk"]).value
    assert [h.session_id for h in saved.homework] == [saved.after.id]


def test_tab_goes_from_booked_to_when_the_next_session_is(qtbot: QtBot, pane: EditorPane) -> None:
    editor = _editor(pane)
    known, when = editor.next_session.known, editor.next_session.time
    known.setFocus()
    qtbot.waitUntil(known.hasFocus)
    QTest.keyClick(known, Qt.Key.Key_Space)
    assert when.isEnabled()
    QTest.keyClick(known, Qt.Key.Key_Tab)
    assert when.hasFocus()  # the date follows its box, not the tags below
    QTest.keyClick(when, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert known.hasFocus()


def test_german_calls_them_hausaufgaben_as_today_does(qtbot: QtBot, session: Session) -> None:
    i18n.set_language("de")
    try:
        other = EditorPane(session=session, editors=default_editors(), draft_key=DRAFT)
        qtbot.addWidget(other)
        other.open(None, EntryKind.SESSION)
        editor = _editor(other)
        today_word = i18n.pgettext("heading of the Today card", "Homework")
        assert today_word == "Hausaufgaben"
        # "Edit these on Today" sends the person there: the same word must meet them.
        assert today_word in editor.agreed.lines.accessibleName()
        saved = other.save()
        other.open(saved)
        assert "Hausaufgabe" in editor.agreed.titles.text()
    finally:
        i18n.set_language("en")
