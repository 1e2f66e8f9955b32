"""Reflections, I statements and time together in the Journal: rows, filter, search, new, undo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import (
    EntryKind,
    MoodCheckIn,
    QualityTime,
    Reflection,
    Statement,
)
from trustjournal.core.query import EntryQuery
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.editors.reflection import ReflectionEditor
from trustjournal.ui.journal.delegate import KIND_ICONS
from trustjournal.ui.journal.timeline_model import Role
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.session import Session

LONG_BODY = (
    "# A long day\n\n**We talked** about _trust_.\n\n"
    + "Ordinary words. " * 3000
    + ("\n\nAt the end we walked by the lighthouse together.")
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    opened = open_session(vault, MovableClock())
    opened.entries.add_many(
        [
            Reflection(occurred_at=NOW, title="After the session", body=LONG_BODY),
            Reflection(occurred_at=NOW - timedelta(minutes=30), body="- **Small** things"),
            Statement(
                occurred_at=NOW - timedelta(hours=1),
                feel=("hurt", "lonely"),
                when="plans change without a word",
            ),
            QualityTime(
                occurred_at=NOW - timedelta(hours=2),
                what="Walked by the river",
                minutes=90,
                connection=8,
            ),
            MoodCheckIn(occurred_at=NOW - timedelta(hours=3), mood=6),
        ]
    )
    yield opened
    vault.lock()


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> Iterator[JournalPage]:
    built = shown(qtbot, JournalPage(session=session))
    yield built
    built.pane.clear()


def _summaries(page: JournalPage) -> list[str]:
    model = page.model
    return [
        str(model.data(model.index(r), Role.SUMMARY))
        for r in range(model.rowCount())
        if not model.is_header(r)
    ]


def test_each_new_kind_has_its_own_row_summary_and_icon(page: JournalPage) -> None:
    assert _summaries(page) == [
        "After the session · A long day",
        "Small things",  # Markdown's marks are not shown in the row
        "I feel hurt, lonely when plans change without a word",
        "Walked by the river · 1 h 30 min · connection 8 of 10",
        "Mood 6 of 10, okay",
    ]
    for kind in EntryKind:
        assert kind.value in KIND_ICONS
    assert len(set(KIND_ICONS.values())) == len(KIND_ICONS)


def test_the_kind_filter_offers_every_kind(qtbot: QtBot, page: JournalPage) -> None:
    kinds = page.filters.kind
    offered = {kinds.itemData(i) for i in range(kinds.count())}
    assert {kind.value for kind in EntryKind} <= offered
    kinds.setCurrentIndex(kinds.findData(EntryKind.REFLECTION.value))
    assert kinds.currentText() == "Reflections"
    assert _summaries(page) == ["After the session · A long day", "Small things"]
    kinds.setCurrentIndex(kinds.findData(EntryKind.QUALITY_TIME.value))
    assert _summaries(page) == ["Walked by the river · 1 h 30 min · connection 8 of 10"]


def test_a_search_hit_deep_in_a_reflection_shows_in_its_row(
    qtbot: QtBot, page: JournalPage
) -> None:
    page.filters.search.setText("lighthouse")
    qtbot.waitUntil(lambda: len(_summaries(page)) == 1)
    [summary] = _summaries(page)
    assert summary.startswith("After the session · A long day · …")
    assert "walked by the lighthouse together." in summary


def test_the_new_entry_menu_opens_a_reflection_with_the_cursor_in_its_text(
    page: JournalPage,
) -> None:
    actions = page.new_menu.actions_by_kind
    assert EntryKind.REFLECTION in actions and EntryKind.MOOD in actions
    assert actions[EntryKind.REFLECTION].text() == "&Reflection"
    actions[EntryKind.REFLECTION].trigger()
    editor = page.pane.editor
    assert isinstance(editor, ReflectionEditor)
    assert page.right.currentWidget() is page.pane
    assert editor.text.hasFocus()


def test_a_set_aside_reflection_survives_a_new_check_in(
    page: JournalPage, session: Session
) -> None:
    page.new_entry(EntryKind.REFLECTION)
    reflection = page.pane.editor
    assert isinstance(reflection, ReflectionEditor)
    QTest.keyClicks(reflection.text, "words I must not lose")
    QTest.keyClick(reflection.text, Qt.Key.Key_Escape)
    page.new_check_in()
    mood = page.pane.editor
    assert isinstance(mood, MoodEditor)
    QTest.keyClicks(mood.note, "a note")
    page.open_entry_row(1)  # another entry: the check-in is kept as its own draft
    page.new_entry(EntryKind.REFLECTION)
    again = page.pane.editor
    assert isinstance(again, ReflectionEditor)
    assert again.text.toPlainText() == "words I must not lose"
    page.new_check_in()
    back = page.pane.editor
    assert isinstance(back, MoodEditor)
    assert back.note.toPlainText() == "a note"


def test_a_deleted_reflection_comes_back_with_undo(page: JournalPage, session: Session) -> None:
    page.open_entry_row(1)
    assert isinstance(page.pane.editor, ReflectionEditor)
    page.delete_selected()
    assert page.undo_bar.isVisibleTo(page)
    assert page.undo_bar.text.text() == "Reflection of Sat 14 Mar, 09:30 moved to the bin."
    assert page.undo_stack.undoText() == "delete of the reflection of Sat 14 Mar"
    assert len(session.entries.list(EntryQuery())) == 4
    page.undo()
    assert len(session.entries.list(EntryQuery())) == 5
    assert page.shown_id() is not None


def test_an_edit_of_a_reflection_is_undone_by_name(page: JournalPage, session: Session) -> None:
    page.open_entry_row(2)
    editor = page.pane.editor
    assert isinstance(editor, ReflectionEditor)
    editor.text.setFocus()
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    QTest.keyClicks(editor.text, " and more")
    QTest.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.undo_stack.undoText() == "edit of the reflection of Sat 14 Mar"
    page.undo()
    bodies = {e.body for e in session.entries.list(EntryQuery()) if isinstance(e, Reflection)}
    assert "- **Small** things" in bodies
