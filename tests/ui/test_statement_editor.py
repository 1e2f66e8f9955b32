"""The "I" statement editor: the sentence composed as typed, gentle blame hints, afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.services.export_data import INJECTION, RTL, ZERO_WIDTH
from tests.ui.journal_helpers import (
    HOSTILE,
    NOW,
    editor_of,
    new_entry_pane,
    new_session,
)
from tests.ui.layout_checks import settle
from trustjournal.core import i18n
from trustjournal.core.entries import EntryKind, Statement
from trustjournal.core.query import EntryQuery
from trustjournal.ui.editors.blame_hints import find_blame
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.editors.statement import StatementEditor
from trustjournal.ui.session import Session

DRAFT = "test.statement"
STATEMENTS = EntryQuery(kinds=frozenset({EntryKind.STATEMENT}))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    yield from new_session(tmp_path)


@pytest.fixture
def pane(qtbot: QtBot, session: Session) -> Iterator[EditorPane]:
    yield from new_entry_pane(qtbot, session, EntryKind.STATEMENT, draft_key=DRAFT, size=(620, 760))


def _editor(pane: EditorPane) -> StatementEditor:
    return editor_of(pane, StatementEditor)


def _feel(editor: StatementEditor, *names: str) -> None:
    """Choose feelings as a person does: type the word in the picker's field, then Enter."""
    for name in names:
        QTest.keyClicks(editor.feel.search, name)
        QTest.keyClick(editor.feel.search, Qt.Key.Key_Return)


def test_the_sentence_grows_as_each_part_is_typed_and_is_saved_with_ctrl_enter(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    assert editor.preview.text() == "I feel … when …"
    _feel(editor, "hurt")
    assert editor.preview.text() == "I feel hurt when …"
    QTest.keyClicks(editor.when, "plans change at the last minute")
    assert editor.preview.text() == "I feel hurt when plans change at the last minute."
    QTest.keyClicks(editor.because, "I need to know where I stand")
    QTest.keyClicks(editor.request, "a message when things change")
    assert editor.preview.text() == (
        "I feel hurt when plans change at the last minute because I need to know where I "
        "stand. What I would like is a message when things change."
    )
    assert editor.preview.textFormat() == Qt.TextFormat.PlainText
    QTest.keyClick(editor.request, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = session.entries.list(STATEMENTS)
    assert isinstance(saved, Statement)
    assert saved.feel == ("hurt",)
    assert saved.when == "plans change at the last minute"
    assert saved.because == "I need to know where I stand"
    assert saved.request == "a message when things change"
    assert not saved.said


def test_blame_phrasing_gets_a_kinder_hint_and_never_stops_the_save(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    assert not editor.hints.isVisibleTo(editor)
    _feel(editor, "lonely")
    QTest.keyClicks(editor.when, "you never call when you are late")
    assert editor.hints.isVisibleTo(editor)
    assert editor.hints_heading.isVisibleTo(editor)
    assert "“you never”" in editor.hints.text()
    assert "what you would like to happen more often" in editor.hints.text()
    QTest.keyClicks(editor.request, "you should tell me")
    assert "“you should”" in editor.hints.text()
    assert "Would you be willing to" in editor.hints.text()
    assert pane.save() is not None  # a hint, never a block
    assert session.entries.count() == 1
    editor.when.setPlainText("the phone is face down at dinner")
    editor.request.setPlainText("to leave it in the hall")
    assert not editor.hints.isVisibleTo(editor)  # gone once the words change


def test_the_blame_phrases_come_from_the_resource_file_of_the_language() -> None:
    found = find_blame("You’re always on your phone and it's your fault")
    assert [hint.id for hint in found] == ["you-always", "your-fault"]
    assert found[0].found == "You’re always"
    assert find_blame("always, never, a shoulder") == []  # words alone are not blame
    try:
        i18n.set_language("de")
        german = find_blame("Du kommst immer zu spät, und du solltest das wissen")
        assert [hint.id for hint in german] == ["you-always", "you-should"]
        assert german[0].hint.startswith("„Immer“")
    finally:
        i18n.set_language("en")


def test_feelings_and_when_are_needed_each_said_by_its_field(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.when, "the door slammed")
    assert pane.save() is None
    assert editor.errors["feel"].isVisibleTo(editor)
    assert "at least one feeling" in editor.errors["feel"].text()
    _feel(editor, "scared")
    editor.when.clear()
    assert pane.save() is None
    assert editor.errors["when"].isVisibleTo(editor)
    assert not editor.errors["feel"].isVisibleTo(editor)
    assert session.entries.count() == 0


def test_afterwards_said_on_a_day_how_it_went_and_how_i_felt(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    _feel(editor, "anxious")
    QTest.keyClicks(editor.when, "we argue in front of friends")
    assert not editor.said_on.isVisibleTo(editor)
    editor.said.click()
    assert editor.said_on.isVisibleTo(editor)
    assert editor.said_on.date() == QDate(2026, 3, 14)
    editor.said_on.setDate(QDate(2026, 3, 12))
    QTest.keyClicks(editor.outcome, "They listened")
    QTest.keyClicks(editor.felt_after, "Lighter")
    saved = pane.save()
    assert isinstance(saved, Statement)
    assert saved.said and saved.said_on == date(2026, 3, 12)
    assert (saved.outcome, saved.felt_after) == ("They listened", "Lighter")
    pane.open(saved)
    assert editor.said.isChecked() and editor.said_on.date() == QDate(2026, 3, 12)
    assert editor.preview.text() == "I feel anxious when we argue in front of friends."


def test_a_draft_brings_back_every_part(qtbot: QtBot, pane: EditorPane, session: Session) -> None:
    editor = _editor(pane)
    _feel(editor, "hurt", "sad")
    QTest.keyClicks(editor.when, "half written")
    QTest.keyClicks(editor.because, "I need")
    editor.said.click()
    editor.tags.setText("talk")
    qtbot.waitUntil(lambda: session.drafts.load(DRAFT) is not None, timeout=5000)
    other = EditorPane(session=session, editors=default_editors(), draft_key=DRAFT)
    qtbot.addWidget(other)
    assert other.restore()
    restored = other.editor
    assert isinstance(restored, StatementEditor)
    assert restored.draft() == editor.draft()
    assert restored.preview.text() == "I feel hurt, sad when half written because I need."


def test_hostile_text_is_shown_literally_in_the_sentence(
    pane: EditorPane, session: Session
) -> None:
    for text in [*HOSTILE[:4], *INJECTION, RTL, ZERO_WIDTH]:
        stored = session.entries.add(
            Statement(occurred_at=NOW, feel=("hurt",), when=text, request=text)
        )
        pane.open(stored)
        editor = _editor(pane)
        assert editor.when.toPlainText() == text
        assert " ".join(text.split()) in editor.preview.text()
        assert editor.preview.textFormat() == Qt.TextFormat.PlainText


def test_the_whole_sentence_and_its_hints_show_however_long_they_grow(pane: EditorPane) -> None:
    pane.resize(380, 600)  # as narrow as the Journal's pane in a small window
    editor = _editor(pane)
    _feel(editor, "hurt", "lonely", "scared")
    QTest.keyClicks(editor.when, "you always come home late and you never send a message " * 3)
    QTest.keyClicks(editor.request, "a message when plans change, even a short one " * 3)
    settle()
    for words in (editor.preview, editor.hints):
        assert words.height() >= words.heightForWidth(words.width()) > 0


def test_escape_sets_the_statement_aside_and_keeps_every_word(
    qtbot: QtBot, pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    _feel(editor, "hurt")
    QTest.keyClicks(editor.when, "we talk about money")
    with qtbot.waitSignal(pane.set_aside):
        QTest.keyClick(editor.when, Qt.Key.Key_Escape)
    draft = session.drafts.load(DRAFT)
    assert draft is not None and draft["kind"] == "statement"
    assert draft["data"]["when"] == "we talk about money" and draft["data"]["feel"] == ["hurt"]
    assert session.entries.count() == 0
