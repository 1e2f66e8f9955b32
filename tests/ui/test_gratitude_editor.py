"""The gratitude editor through its widgets: every field, errors by the field, drafts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
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
from trustjournal.core.entries import About, EntryKind, GratitudeEntry
from trustjournal.core.query import EntryQuery
from trustjournal.services.gratitude import prompt_of_the_day
from trustjournal.store.vocabulary import VocabularyRepository
from trustjournal.ui.editors.gratitude import NO_PROMPT, GratitudeEditor
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.session import Session

DRAFT = "test.gratitude"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    yield from new_session(tmp_path)


@pytest.fixture
def pane(qtbot: QtBot, session: Session) -> Iterator[EditorPane]:
    yield from new_entry_pane(qtbot, session, EntryKind.GRATITUDE, draft_key=DRAFT, size=(700, 600))


def _editor(pane: EditorPane) -> GratitudeEditor:
    return editor_of(pane, GratitudeEditor)


def test_every_field_typed_chosen_and_ticked_is_saved_with_ctrl_enter(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.text, "Fixed the bike light")
    editor.about.buttons[About.PARTNER].click()
    editor.prompt.use_button.click()
    editor.told.click()
    assert editor.told_on.isVisibleTo(editor)
    assert editor.told_on.date() == QDate(2026, 3, 14)  # today, once ticked
    editor.told_on.setDate(QDate(2026, 3, 13))
    editor.tags.setText("home, bike")
    editor.time.setDateTime(editor.time.dateTime().addSecs(-3600))
    editor.private.click()
    QTest.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = session.entries.list(EntryQuery(kinds=frozenset({EntryKind.GRATITUDE})))
    assert isinstance(saved, GratitudeEntry)
    prompts = VocabularyRepository(db=session.vault.db, clock=session.clock).prompts()
    assert saved.text == "Fixed the bike light"
    assert saved.about is About.PARTNER
    assert saved.prompt == prompt_of_the_day(prompts, NOW.date())
    assert saved.expressed and saved.expressed_on == date(2026, 3, 13)
    assert saved.tags == ("home", "bike")
    assert saved.occurred_at == NOW - timedelta(hours=1)
    assert saved.private


def test_blank_gratitude_is_refused_by_its_field_and_nothing_is_saved(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.text, "   ")
    assert pane.save() is None
    assert editor.errors["gratitude"].isVisibleTo(editor)
    assert "Please write something" in editor.errors["gratitude"].text()
    assert session.entries.count() == 0


def test_clicking_the_chosen_about_again_leaves_it_unsaid(pane: EditorPane) -> None:
    editor = _editor(pane)
    editor.about.buttons[About.US].click()
    editor.about.buttons[About.LIFE].click()
    assert editor.about.value() is About.LIFE
    assert not editor.about.buttons[About.US].isChecked()
    editor.about.buttons[About.LIFE].click()
    assert editor.about.value() is None


def test_an_entry_loads_into_every_widget_and_unticking_forgets_the_date(
    pane: EditorPane, session: Session
) -> None:
    stored = session.entries.add(
        GratitudeEntry(
            occurred_at=NOW,
            text="Tea",
            about=About.US,
            expressed_on=date(2026, 3, 10),
            prompt="A meal we shared recently that I enjoyed.",
            tags=("kitchen",),
        )
    )
    pane.open(stored)
    editor = _editor(pane)
    assert editor.text.toPlainText() == "Tea"
    assert editor.about.value() is About.US
    assert editor.prompt.text.text() == "A meal we shared recently that I enjoyed."
    assert editor.told.isChecked() and editor.told_on.date() == QDate(2026, 3, 10)
    assert not editor.is_dirty()
    editor.told.click()
    editor.prompt.remove_button.click()
    assert editor.prompt.text.text() == NO_PROMPT
    saved = pane.save()
    assert isinstance(saved, GratitudeEntry)
    assert (saved.expressed, saved.expressed_on, saved.prompt) == (False, None, None)
    assert saved.id == stored.id


def test_told_without_a_recorded_date_stays_undated_unless_a_date_is_chosen(
    pane: EditorPane, session: Session
) -> None:
    stored = session.entries.add(GratitudeEntry(occurred_at=NOW, text="Tea", expressed=True))
    pane.open(stored)
    editor = _editor(pane)
    QTest.keyClicks(editor.text, " again")
    saved = pane.save()
    assert isinstance(saved, GratitudeEntry)
    assert saved.expressed and saved.expressed_on is None
    editor.told_on.setDate(QDate(2026, 3, 1))
    saved = pane.save()
    assert isinstance(saved, GratitudeEntry)
    assert saved.expressed_on == date(2026, 3, 1)


def test_a_draft_brings_back_every_field(qtbot: QtBot, pane: EditorPane, session: Session) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.text, "half written")
    editor.about.buttons[About.MYSELF].click()
    editor.told.click()
    editor.tags.setText("later")
    editor.private.click()
    qtbot.waitUntil(lambda: session.drafts.load(DRAFT) is not None, timeout=5000)
    other = EditorPane(session=session, editors=default_editors(), draft_key=DRAFT)
    qtbot.addWidget(other)
    assert other.restore()
    restored = _editor(other)
    assert restored.draft() == editor.draft()
    assert restored.text.toPlainText() == "half written"


def test_hostile_text_is_shown_literally(pane: EditorPane, session: Session) -> None:
    for text in [*HOSTILE, *INJECTION, RTL, ZERO_WIDTH, "<img src=x onerror=alert(1)>"]:
        stored = session.entries.add(GratitudeEntry(occurred_at=NOW, text=text, prompt=text))
        pane.open(stored)
        editor = _editor(pane)
        assert editor.text.toPlainText() == text
        assert editor.prompt.text.text() == text
        assert editor.prompt.text.textFormat() == Qt.TextFormat.PlainText
