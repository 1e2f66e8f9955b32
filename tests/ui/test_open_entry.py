"""Opening an entry from another page: rows under "Logged today" open in the Journal's editor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import HOSTILE, NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import Entry, GratitudeEntry, MoodCheckIn
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.journal.timeline_model import Role
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


@pytest.fixture
def frame(qtbot: QtBot, session: Session) -> MainFrame:
    built = shown(qtbot, MainFrame(specs=journal_pages(), session=session), (1280, 800))
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    return built


def _pages(frame: MainFrame) -> tuple[TodayPage, JournalPage]:
    today, journal = frame.page("today"), frame.page("journal")
    assert isinstance(today, TodayPage)
    assert isinstance(journal, JournalPage)
    return today, journal


def _add(session: Session, *entries: Entry) -> list[int]:
    saved = [session.entries.add(entry) for entry in entries]
    session.events.notify({"entries"})
    return [entry.id or 0 for entry in saved]


def _row_of(today: TodayPage, entry_id: int) -> int:
    row = today.today_model.row_of(entry_id)
    assert row >= 0
    return row


def _mood_note(journal: JournalPage) -> str:
    editor = journal.pane.editor
    assert isinstance(editor, MoodEditor)
    return editor.note.toPlainText()


def test_enter_on_a_row_logged_today_opens_it_in_the_journal(
    frame: MainFrame, session: Session
) -> None:
    older, newer = _add(
        session,
        MoodCheckIn(occurred_at=NOW - timedelta(hours=2), mood=4, note="before breakfast"),
        MoodCheckIn(occurred_at=NOW - timedelta(hours=1), mood=6, note="after the walk"),
    )
    today, journal = _pages(frame)
    assert frame.current_key == "today"
    today.today_view.setFocus()
    today.today_view.setCurrentIndex(today.today_model.index(_row_of(today, older)))
    QTest.keyClick(today.today_view, Qt.Key.Key_Return)
    assert frame.current_key == "journal"
    assert journal.right.currentWidget() is journal.pane
    assert journal.current_id() == older
    assert _mood_note(journal) == "before breakfast"
    assert journal.delete_button.isEnabled()
    frame.show_page("today")
    today.today_view.setFocus()
    today.today_view.setCurrentIndex(today.today_model.index(_row_of(today, newer)))
    QTest.keyClick(today.today_view, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert frame.current_key == "journal"
    assert journal.current_id() == newer
    assert _mood_note(journal) == "after the walk"


def test_a_click_on_a_row_opens_it_and_the_heading_opens_nothing(
    qtbot: QtBot, frame: MainFrame, session: Session
) -> None:
    [entry_id] = _add(session, GratitudeEntry(occurred_at=NOW, text="The kettle was on"))
    today, journal = _pages(frame)
    view = today.today_view
    assert today.today_model.is_header(0)
    heading = view.visualRect(today.today_model.index(0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=heading)
    assert frame.current_key == "today"
    row = view.visualRect(today.today_model.index(_row_of(today, entry_id))).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert frame.current_key == "journal"
    assert journal.current_id() == entry_id
    assert journal.pane.editor is not None
    assert journal.pane.editor.loaded_id() == entry_id
    # The double click's second press lands on the Journal by then; a repeated request for
    # the entry already open keeps what is being typed in it.
    editor = journal.pane.editor
    assert editor is not None
    frame.show_page("today")
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row + QPoint(0, 0))
    assert journal.pane.editor is editor
    assert editor.loaded_id() == entry_id


def test_typing_in_the_open_entry_survives_a_second_request_for_it(
    frame: MainFrame, session: Session
) -> None:
    [entry_id] = _add(session, MoodCheckIn(occurred_at=NOW, mood=5, note="first words"))
    _today, journal = _pages(frame)
    session.events.request_open_entry(entry_id)
    editor = journal.pane.editor
    assert isinstance(editor, MoodEditor)
    editor.note.setPlainText("first words, and more")
    session.events.request_open_entry(entry_id)
    assert editor.note.toPlainText() == "first words, and more"


def test_an_entry_the_journal_filters_hide_opens_all_the_same(
    frame: MainFrame, session: Session
) -> None:
    mood_id, gratitude_id = _add(
        session,
        MoodCheckIn(occurred_at=NOW, mood=7, note="hidden by the filter"),
        GratitudeEntry(occurred_at=NOW, text="shown by the filter"),
    )
    _today, journal = _pages(frame)
    journal.filters.kind.setCurrentIndex(journal.filters.kind.findData("gratitude"))
    journal.view.setCurrentIndex(journal.model.index(journal.model.row_of(gratitude_id)))
    assert journal.current_id() == gratitude_id
    assert frame.open_entry(mood_id)
    assert frame.current_key == "journal"
    assert journal.filters.kind.currentData() == "gratitude"  # the person's filter stays
    assert _mood_note(journal) == "hidden by the filter"
    assert journal.current_id() is None  # no other row stands for it
    journal.delete_button.click()  # Delete acts on the entry shown, never on another row
    assert mood_id not in session.entries.ids()
    assert gratitude_id in session.entries.ids()
    assert journal.undo_bar.text.text().startswith("Mood entry of ")


def test_a_missing_or_deleted_entry_opens_nothing(frame: MainFrame, session: Session) -> None:
    [entry_id] = _add(session, MoodCheckIn(occurred_at=NOW, mood=3, note="gone"))
    session.entries.delete(entry_id)
    session.events.notify({"entries"})
    _today, journal = _pages(frame)
    assert not frame.open_entry(entry_id)
    assert not frame.open_entry(entry_id + 1000)
    assert journal.right.currentWidget() is journal.placeholder


def test_after_locking_the_old_frame_no_longer_answers_requests(
    qtbot: QtBot, frame: MainFrame, session: Session
) -> None:
    [entry_id] = _add(session, MoodCheckIn(occurred_at=NOW, mood=5))
    _today, journal = _pages(frame)
    frame.stash_and_clear()
    session.events.request_open_entry(entry_id)
    assert journal.right.currentWidget() is journal.placeholder
    assert frame.current_key == "today"


def test_hostile_text_in_an_opened_entry_shows_literally(
    frame: MainFrame, session: Session
) -> None:
    today, journal = _pages(frame)
    for text in HOSTILE:
        [entry_id] = _add(session, MoodCheckIn(occurred_at=NOW, mood=5, note=text))
        frame.show_page("today")
        index = today.today_model.index(_row_of(today, entry_id))
        assert today.today_model.data(index, Role.ID) == entry_id
        today.today_view.setFocus()
        today.today_view.setCurrentIndex(index)
        QTest.keyClick(today.today_view, Qt.Key.Key_Return)
        assert _mood_note(journal) == text
