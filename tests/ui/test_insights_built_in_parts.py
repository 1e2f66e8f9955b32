"""Ctrl+3 shows the Insights period bar and first card at once; the other cards follow."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    opened = open_session(vault, MovableClock())
    opened.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=2), mood=6, trust=5))
    opened.entries.add(TriggerRecord(occurred_at=NOW, situation="Late", intensity=7))
    yield opened
    vault.lock()


def _windows() -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if w.isVisible()}


def test_the_period_bar_and_first_card_come_first_and_the_rest_follow_in_order(
    qtbot: QtBot, session: Session
) -> None:
    frame = shown(qtbot, MainFrame(specs=journal_pages(), session=session), (1280, 800))
    frame.activateWindow()
    qtbot.waitUntil(frame.isActiveWindow)
    windows = _windows()
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    assert page.figures is not None  # the tests' tasks run at once: the figures came first
    assert page.bar.isVisibleTo(frame) and page.mood_card.isVisibleTo(frame)
    assert not page.built
    assert not hasattr(page, "year_card")  # not made yet (test_insights_made_later.py)
    assert _windows() == windows  # and never shown as a window of its own

    qtbot.waitUntil(lambda: page.built)
    assert _windows() == windows
    cards = [
        page.mood_card,
        page.year_card,
        page.trigger_card,
        page.helps_card,
        page.gratitude_card,
        page.emotions_card,
        page.together_card,
        page.progress_card,
    ]
    assert all(card.isVisibleTo(page) for card in cards)
    assert not page.written_card.isVisibleTo(page)  # nothing written: no empty card
    tops = [card.mapTo(page.scroll_area.widget(), card.rect().topLeft()).y() for card in cards]
    assert tops == sorted(tops)  # in the order they are read
    assert "Late" not in page.trigger_text.text()  # figures only, never the situation's text
    assert page.trigger_text.text()  # the figures that came before the card reached it
    assert page.hours_text.text()


def test_cards_that_follow_on_an_empty_journal_stay_hidden(qtbot: QtBot, tmp_path: Path) -> None:
    vault = create_vault(tmp_path / "empty")
    try:
        frame = shown(
            qtbot,
            MainFrame(specs=journal_pages(), session=open_session(vault, MovableClock())),
            (1280, 800),
        )
        frame.show_page("insights")  # not the active window: Ctrl+3 would not reach it
        page = frame.page("insights")
        assert isinstance(page, InsightsPage)
        qtbot.waitUntil(lambda: page.built)
        assert page.empty.isVisibleTo(page)
        assert not any(card.isVisibleTo(page) for card in page.cards())
    finally:
        vault.lock()


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_no_card_is_ever_laid_out_shorter_than_its_words_while_the_others_come(
    qtbot: QtBot, session: Session, size: tuple[int, int]
) -> None:
    """Each card added one per turn grows the page's column at once: laid out first inside the
    column's old height, the cards above were squeezed for a frame and their words were drawn
    over the chart."""
    frame = shown(qtbot, MainFrame(specs=journal_pages(), session=session), size)
    frame.activateWindow()
    qtbot.waitUntil(frame.isActiveWindow)
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    squeezed: list[str] = []
    while not page.built:
        QApplication.processEvents()
        for index, card in enumerate(page.cards()):
            if card.isVisible() and card.height() < card.minimumSizeHint().height():
                squeezed.append(f"{index}: {card.height()} < {card.minimumSizeHint().height()}")
    assert squeezed == []
    # and the column is no wider than the window shows: nothing is cut off at the side
    column = page.scroll_area.widget()
    assert column is not None and column.width() <= page.scroll_area.viewport().width()
