"""Insights' later cards are made on their own turns of the event loop, after the first figures:
never all at Ctrl+3, safe to lock meanwhile, and showing the newest period whenever made."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.dialog_helpers import HeldTasks
from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.services.insights_figures import Span
from trustjournal.ui.insights.compare import emotion_summary, gratitude_summary, progress_lines
from trustjournal.ui.insights.wording import trigger_summary, year_summary
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import CARDS_PER_TURN, InsightsPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import ScopedTasks

LATER = 9  # cards after the first: a year, triggers, what helps, gratitude, emotions, together
# with, writing, progress, the progress list


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    opened = open_session(vault, MovableClock())
    opened.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=2), mood=6, trust=5))
    opened.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=60), mood=3, trust=4))
    opened.entries.add(
        TriggerRecord(occurred_at=NOW - timedelta(days=60), situation="Late", intensity=6)
    )
    yield opened
    vault.lock()


def _cards(frame: MainFrame) -> list[QWidget]:
    """Every card (a rounded surface) that exists now, on a page or not, but Today's."""
    today = frame.page("today")
    cards = [w for w in QApplication.allWidgets() if w.property("card") is True]
    return [w for w in cards if not today.isAncestorOf(w)]


def _frame(qtbot: QtBot, session: Session, held: HeldTasks) -> MainFrame:
    frame = MainFrame(
        specs=journal_pages(),
        session=replace(session, tasks=ScopedTasks(tasks=held, is_current=lambda: True)),
    )
    shown(qtbot, frame, (1280, 800))
    frame.activateWindow()
    qtbot.waitUntil(frame.isActiveWindow)
    held.run_all()  # Today's reads
    qtbot.waitUntil(lambda: frame.page("today").isVisible())
    return frame


def _ctrl_3(frame: MainFrame) -> InsightsPage:
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    return page


def test_ctrl_3_makes_only_the_first_card_and_the_others_come_one_turn_at_a_time(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    held = HeldTasks()
    frame = _frame(qtbot, session, held)
    before = len(_cards(frame))
    page = _ctrl_3(frame)
    assert len(_cards(frame)) == before + 1  # the first card only: the others' widgets do not exist
    for _turn in range(5):
        qapp.processEvents()  # while the first figures are read, nothing else is made
    assert len(_cards(frame)) == before + 1 and not page.built
    held.run_all()  # the first figures arrive
    made = [len(_cards(frame))]
    while not page.built:
        qapp.processEvents()  # one turn of the event loop
        made.append(len(_cards(frame)))
        newest = page.cards()[-1]
        assert newest.parent() is not None  # made straight onto the page, never a window
    steps = [later - earlier for earlier, later in pairwise(made)]
    assert max(steps) <= CARDS_PER_TURN < LATER
    assert made[-1] == before + 1 + LATER
    assert page.year_text.text() and page.trigger_text.text()  # filled as they were made
    frame.stash_and_clear()


def test_locking_while_cards_are_still_being_made_is_safe_and_makes_no_more(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    held = HeldTasks()
    frame = _frame(qtbot, session, held)
    windows = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    page = _ctrl_3(frame)
    held.run_all()
    qapp.processEvents()
    qapp.processEvents()  # two of the later cards made, seven still to come
    made = len(_cards(frame))
    frame.stash_and_clear()  # as the lock does
    for _turn in range(12):
        qapp.processEvents()
    assert len(_cards(frame)) == made  # nothing made for a journal that is closing
    assert page.figures is None and not page.year_text.text()  # those made were emptied
    assert {w for w in QApplication.topLevelWidgets() if w.isVisible()} == windows
    frame.deleteLater()  # then the page goes, with its (stopped) turns
    for _turn in range(3):
        qapp.processEvents()


def test_a_period_chosen_while_cards_are_being_made_shows_in_every_card(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    held = HeldTasks()
    frame = _frame(qtbot, session, held)
    page = _ctrl_3(frame)
    held.run_all()  # four weeks: the trigger of two months ago is not in them
    four_weeks = page.figures
    assert four_weeks is not None
    qapp.processEvents()
    qapp.processEvents()  # the year and the triggers made, the others not yet
    page.bar.span.setCurrentIndex(page.bar.span.findData(Span.MONTHS_3.value))
    qapp.processEvents()  # one more card made while the new period is read
    held.run_all()
    qtbot.waitUntil(lambda: page.built)
    held.run_all()  # the progress list's own reads
    shown_ = page.figures
    assert shown_ is not None and shown_.period == page.bar.period() != four_weeks.period
    assert trigger_summary(shown_) != trigger_summary(four_weeks)  # the test tells them apart
    assert page.trigger_text.text() == trigger_summary(shown_)  # made before the change
    assert page.year_text.text() == year_summary(shown_.year_days)
    assert page.gratitude_text.text() == gratitude_summary(shown_)  # made after it
    assert page.emotion_text.text() == emotion_summary(shown_)
    assert page.progress_text.text() == "\n".join(progress_lines(shown_))
    assert all(card.isVisibleTo(page) for card in page.cards() if card is not page.written_card)
    frame.stash_and_clear()
