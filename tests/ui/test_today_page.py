"""The Today page: quick check-in, today's entries, the week, flagged records, a gentle streak."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, sample_entries
from tests.ui.shell_helpers import PASSPHRASE, open_journal, unlock
from trustjournal.core.entries import About, GratitudeEntry, MoodCheckIn
from trustjournal.services.changes import Change
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.pages.today_page import DRAFT_KEY, TodayPage, streak_text
from trustjournal.ui.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def _page(qtbot: QtBot, session: Session) -> TodayPage:
    page = TodayPage(session=session)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def test_streak_celebrates_progress_and_never_counts_what_was_missed() -> None:
    assert streak_text(5) == "You checked in on 5 of the last 7 days."
    assert streak_text(7) == "You checked in on every one of the last 7 days."
    assert streak_text(1) == "You checked in on 1 of the last 7 days."
    for days in range(8):
        assert "miss" not in streak_text(days).casefold()


def test_quick_check_in_saves_and_shows_under_today(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session)
    assert page.nothing_today.isVisible()
    editor = page.pane.editor
    assert isinstance(editor, MoodEditor)
    QTest.keyClick(editor.scale.group.button(1), Qt.Key.Key_8)
    assert editor.scale.value() == 8
    editor.trust.setValue(7)
    editor.note.setFocus()
    QTest.keyClick(editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = session.entries.list(limit=1)[0]
    assert isinstance(saved, MoodCheckIn)
    assert (saved.mood, saved.trust) == (8, 7)
    assert page.today_model.entry_count() == 1
    assert page.streak.text() == "You checked in on 1 of the last 7 days."
    assert page.week.cells[-1][1].text() == "8"
    assert page.week.cells[-1][3].text() == "7"
    assert editor.scale.value() is None  # ready for the next check-in of the day


def test_week_strip_flagged_records_and_streak_come_from_the_vault(
    qtbot: QtBot, session: Session
) -> None:
    session.entries.add_many(sample_entries(days=5))
    session.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=6), mood=3, connection=2))
    page = _page(qtbot, session)
    assert page.streak.text() == "You checked in on 6 of the last 7 days."
    assert page.week.cells[0][2].text() == "2"
    assert "A late message 0" in page.flagged.text()
    assert "A late message 1" not in page.flagged.text()


def test_escape_sets_the_check_in_aside_and_it_can_be_brought_back(
    qtbot: QtBot, session: Session
) -> None:
    page = _page(qtbot, session)
    editor = page.pane.editor
    assert isinstance(editor, MoodEditor)
    QTest.keyClicks(editor.note, "later")
    QTest.keyClick(editor.note, Qt.Key.Key_Escape)
    assert editor.note.toPlainText() == ""
    assert session.drafts.load(DRAFT_KEY) is not None
    page.bring_back.click()
    assert editor.note.toPlainText() == "later"


def test_locking_while_typing_keeps_the_note_as_a_draft(
    qtbot: QtBot,
    qapp,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    page = frame.page("today")
    assert isinstance(page, TodayPage)
    editor = page.pane.editor
    assert isinstance(editor, MoodEditor)
    QTest.keyClicks(editor.note, "words before the lock")
    shell.controller.lock("test")
    assert editor.note.toPlainText() == ""
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    page = frame.page("today")
    assert isinstance(page, TodayPage)
    editor = page.pane.editor
    assert isinstance(editor, MoodEditor)
    assert editor.note.toPlainText() == "words before the lock"


def test_a_settings_only_change_reads_nothing_again(qtbot: QtBot, session: Session) -> None:
    """Nothing on Today comes from the journal's settings (Insights keeps its period there at
    every switch): only other changes read the journal again."""
    page = _page(qtbot, session)
    before = page.streak.text()
    # written, not yet announced
    session.entries.add(MoodCheckIn(occurred_at=NOW, mood=6))
    waited = GratitudeEntry(occurred_at=NOW, text="You waited for me", about=About.PARTNER)
    session.entries.add(waited)
    session.events.announce(frozenset({Change.SETTINGS}))
    assert page.streak.text() == before
    assert page.gratitude.unshared.texts() == []
    session.events.announce(frozenset({Change.ENTRIES, Change.SETTINGS}))
    assert page.streak.text() == "You checked in on 1 of the last 7 days."
    qtbot.waitUntil(lambda: len(page.gratitude.unshared.texts()) == 1)
