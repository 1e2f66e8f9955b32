"""Therapy sessions in the app: the editor, their Journal row, filter, undo, never in Share."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.i18n_helpers import escaped_texts
from tests.ui.journal_helpers import (
    NOW,
    editor_of,
    new_entry_pane,
    new_session,
    shown,
)
from tests.ui.share_helpers import labels, make_composer
from trustjournal.core import i18n
from trustjournal.core.entries import EntryKind, MoodCheckIn, TherapySession
from trustjournal.core.query import EntryQuery
from trustjournal.services.export.request import Audience, Section
from trustjournal.services.session_homework import homework_of_session
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.editors.session import SessionEditor
from trustjournal.ui.journal.delegate import KIND_ICONS
from trustjournal.ui.journal.timeline_model import Role
from trustjournal.ui.pages.journal_page import JournalPage, deleted_text
from trustjournal.ui.session import Session
from trustjournal.ui.undo import delete_words, edit_words

DRAFT = "test.session"
SESSIONS = EntryQuery(kinds=frozenset({EntryKind.SESSION}))
NEXT = datetime(2026, 3, 19, 18, 0, tzinfo=NOW.tzinfo)  # the Thursday after


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    yield from new_session(tmp_path)


@pytest.fixture
def pane(qtbot: QtBot, session: Session) -> Iterator[EditorPane]:
    yield from new_entry_pane(qtbot, session, EntryKind.SESSION, draft_key=DRAFT, size=(620, 600))


def _editor(pane: EditorPane) -> SessionEditor:
    return editor_of(pane, SessionEditor)


def test_every_field_typed_by_keys_is_saved_with_ctrl_enter(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    editor.focus_first()
    QTest.keyClicks(editor.with_whom, "Dr. Lee")
    QTest.keyClick(editor.with_whom, Qt.Key.Key_Tab)
    assert editor.worked_on.hasFocus()
    QTest.keyClicks(editor.worked_on, "Listening without fixing")
    QTest.keyClick(editor.worked_on, Qt.Key.Key_Tab)
    assert editor.remember.hasFocus()
    QTest.keyClicks(editor.remember, "Ask before advising")
    QTest.keyClick(editor.remember, Qt.Key.Key_Tab)
    lines = editor.agreed.lines
    assert lines.hasFocus()
    QTest.keyClicks(lines, "Take a walk together")
    QTest.keyClick(lines, Qt.Key.Key_Return)  # one per line
    QTest.keyClicks(lines, "Say one thing I appreciate")
    QTest.keyClick(lines, Qt.Key.Key_Tab)
    booked = editor.next_session.known
    assert booked.hasFocus() and not editor.next_session.time.isEnabled()
    QTest.keyClick(booked, Qt.Key.Key_Space)
    assert editor.next_session.time.isEnabled()
    editor.next_session.time.set_moment(NEXT)
    QTest.keyClick(editor.remember, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = session.entries.list(SESSIONS)
    assert isinstance(saved, TherapySession)
    assert (saved.with_whom, saved.worked_on) == ("Dr. Lee", "Listening without fixing")
    assert saved.remember == "Ask before advising"
    assert saved.next_at == NEXT
    items = homework_of_session(vault=session.vault, clock=session.clock, session_id=saved.id or 0)
    assert [i.title for i in items] == ["Take a walk together", "Say one thing I appreciate"]
    assert editor.agreed.titles.isVisibleTo(editor) and not lines.isVisibleTo(editor)


def test_the_next_session_stays_unknown_unless_booked(pane: EditorPane, session: Session) -> None:
    editor = _editor(pane)
    assert not editor.next_session.known.isChecked()
    assert editor.next_session.time.dateTime().date().day() == 21  # a week on, ready to tick
    QTest.keyClicks(editor.with_whom, "Couples session")
    saved = pane.save()
    assert isinstance(saved, TherapySession) and saved.next_at is None
    # One written on the command line opens with its next session, and keeps it untouched.
    stored = session.entries.add(TherapySession(occurred_at=NOW, with_whom="Dr. Lee", next_at=NEXT))
    pane.open(stored)
    assert editor.next_session.known.isChecked() and not editor.is_dirty()
    assert editor.entry() == stored
    editor.next_session.known.setChecked(False)
    assert editor.is_dirty()
    cleared = pane.save()
    assert isinstance(cleared, TherapySession) and cleared.next_at is None


def test_a_draft_brings_back_every_field(qtbot: QtBot, pane: EditorPane, session: Session) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.with_whom, "Dr. Lee")
    QTest.keyClicks(editor.remember, "Breathe first")
    editor.next_session.known.setChecked(True)
    editor.next_session.time.set_moment(NEXT)
    qtbot.waitUntil(lambda: session.drafts.load(DRAFT) is not None, timeout=5000)
    other = EditorPane(session=session, editors=default_editors(), draft_key=DRAFT)
    qtbot.addWidget(other)
    assert other.restore()
    restored = other.editor
    assert isinstance(restored, SessionEditor)
    assert restored.draft() == editor.draft()
    assert restored.next_session.time.isEnabled()
    other.clear()


def test_the_editor_has_no_untranslated_words(qtbot: QtBot, session: Session) -> None:
    i18n.set_language("pseudo")
    try:
        editor = SessionEditor(session=session)
        qtbot.addWidget(editor)
        assert escaped_texts(editor) == []
    finally:
        i18n.set_language("en")


@pytest.fixture
def journal(qtbot: QtBot, session: Session) -> Iterator[JournalPage]:
    session.entries.add_many(
        [
            TherapySession(occurred_at=NOW, with_whom="Dr. Lee", worked_on="Repair after a fight"),
            TherapySession(occurred_at=NOW - timedelta(hours=1)),
            MoodCheckIn(occurred_at=NOW - timedelta(hours=2), mood=6),
        ]
    )
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


def test_a_session_has_its_row_icon_filter_and_new_entry_item(journal: JournalPage) -> None:
    assert _summaries(journal)[:2] == ["Dr. Lee · Repair after a fight", "Session"]
    assert EntryKind.SESSION.value in KIND_ICONS
    kinds = journal.filters.kind
    kinds.setCurrentIndex(kinds.findData(EntryKind.SESSION.value))
    assert kinds.currentText() == "Therapy sessions"
    assert _summaries(journal) == ["Dr. Lee · Repair after a fight", "Session"]
    action = journal.new_menu.actions_by_kind[EntryKind.SESSION]
    assert action.text() == "Therapy &session"
    action.trigger()
    editor = journal.pane.editor
    assert isinstance(editor, SessionEditor) and editor.with_whom.hasFocus()


def test_a_session_opens_and_its_delete_is_undone_by_name_not_text(
    journal: JournalPage, session: Session
) -> None:
    journal.open_entry_row(1)
    editor = journal.pane.editor
    assert isinstance(editor, SessionEditor) and editor.with_whom.text() == "Dr. Lee"
    [stored, *_] = session.entries.list(SESSIONS)
    assert delete_words(stored).undo == "&Undo delete of the session entry of Sat 14 Mar"
    assert edit_words(stored).text == "edit of the session entry of Sat 14 Mar"
    assert "Dr. Lee" not in deleted_text(stored)
    assert deleted_text(stored).startswith("Session entry of Sat 14 Mar")


def test_share_offers_sessions_only_in_their_section_and_private_ones_never(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot, tmp_path)
    public = composer.repo.add(
        TherapySession(
            occurred_at=NOW - timedelta(days=4), with_whom="Dr. Lee", worked_on="Quiet harbour"
        )
    )
    private = composer.repo.add(
        TherapySession(
            occurred_at=NOW - timedelta(days=5),
            with_whom="Secret therapist",
            remember="Hidden lantern",
            private=True,
        )
    )
    assert public.id is not None and private.id is not None
    page = composer.page
    for audience in Audience:
        page.choices.set_audience(audience)
        for box in page.choices.sections.values():
            box.setChecked(True)
        page.flush()
        assert page.model.row_of(public.id) >= 0
        assert page.model.row_of(private.id) < 0
        shown_text = page.preview.toPlainText() + " ".join(labels(page))
        assert "Dr. Lee" in shown_text and "Quiet harbour" in shown_text
        for words in ("Secret therapist", "Hidden lantern"):
            assert words not in shown_text
        page.choices.sections[Section.SESSIONS].setChecked(False)
        page.flush()
        assert page.model.row_of(public.id) < 0
        assert "Quiet harbour" not in page.preview.toPlainText() + " ".join(labels(page))
