"""The time-together editor: what we did, how long (optional), connection, what I appreciated."""

from __future__ import annotations

from collections.abc import Iterator
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
from trustjournal.core.entries import EntryKind, QualityTime
from trustjournal.core.query import EntryQuery
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.quality_time import QualityTimeEditor
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.session import Session

DRAFT = "test.together"
TOGETHER = EntryQuery(kinds=frozenset({EntryKind.QUALITY_TIME}))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    yield from new_session(tmp_path)


@pytest.fixture
def pane(qtbot: QtBot, session: Session) -> Iterator[EditorPane]:
    yield from new_entry_pane(
        qtbot, session, EntryKind.QUALITY_TIME, draft_key=DRAFT, size=(620, 600)
    )


def _editor(pane: EditorPane) -> QualityTimeEditor:
    return editor_of(pane, QualityTimeEditor)


def test_every_field_typed_by_keys_is_saved_with_ctrl_enter(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    editor.focus_first()
    QTest.keyClicks(editor.what, "A walk by the river")
    QTest.keyClick(editor.what, Qt.Key.Key_Tab)
    assert editor.minutes.hasFocus()
    QTest.keyClicks(editor.minutes, "45")
    QTest.keyClick(editor.minutes, Qt.Key.Key_Tab)
    assert editor.connection.hasFocus()
    QTest.keyClicks(editor.connection, "7")
    QTest.keyClick(editor.connection, Qt.Key.Key_Tab)
    assert editor.appreciated.hasFocus()
    QTest.keyClicks(editor.appreciated, "They held my hand")
    QTest.keyClick(editor.appreciated, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = session.entries.list(TOGETHER)
    assert isinstance(saved, QualityTime)
    assert (saved.what, saved.minutes, saved.connection) == ("A walk by the river", 45, 7)
    assert saved.appreciated == "They held my hand"


def test_how_long_and_connection_may_stay_unsaid(pane: EditorPane, session: Session) -> None:
    editor = _editor(pane)
    assert editor.minutes.text() == "Not noted"
    assert editor.connection.text() == "Not answered"
    QTest.keyClicks(editor.what, "Dinner")
    saved = pane.save()
    assert isinstance(saved, QualityTime)
    assert saved.minutes is None and saved.connection is None
    pane.open(session.entries.add(QualityTime(occurred_at=NOW, what="Talk", connection=0)))
    assert editor.connection.value() == 0 and editor.minutes.text() == "Not noted"


def test_what_we_did_is_needed_and_said_by_its_field(pane: EditorPane, session: Session) -> None:
    editor = _editor(pane)
    editor.connection.setValue(5)
    assert pane.save() is None
    assert editor.errors["what"].isVisibleTo(editor)
    assert session.entries.count() == 0


def test_a_draft_brings_back_every_field(qtbot: QtBot, pane: EditorPane, session: Session) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.what, "Cooked together")
    editor.minutes.setValue(90)
    editor.connection.setValue(8)
    QTest.keyClicks(editor.appreciated, "Patience")
    qtbot.waitUntil(lambda: session.drafts.load(DRAFT) is not None, timeout=5000)
    other = EditorPane(session=session, editors=default_editors(), draft_key=DRAFT)
    qtbot.addWidget(other)
    assert other.restore()
    restored = other.editor
    assert isinstance(restored, QualityTimeEditor)
    assert restored.draft() == editor.draft()
    assert restored.minutes.value() == 90
