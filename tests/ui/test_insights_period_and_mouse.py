"""Insights by hand: custom dates typed in the period bar, and a click on a day opening it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, new_session, open_insights
from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.periods import Period
from trustjournal.services.insights_figures import PERIOD_SETTING, Span
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.session import Session

TODAY = NOW.date()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    yield from new_session(tmp_path)


def test_typed_custom_dates_choose_the_period_and_are_remembered(
    qtbot: QtBot, session: Session
) -> None:
    session.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=60), mood=4))
    _frame_unused, page = open_insights(qtbot, session)
    page.bar.span.setFocus()
    QTest.keyClick(page.bar.span, Qt.Key.Key_End)  # the last choice: "Choose dates"
    assert page.bar.current_span() == Span.CUSTOM
    assert page.bar.start.isVisible() and page.bar.end.isVisible()
    start = TODAY - timedelta(days=61)
    page.bar.start.setFocus()
    page.bar.start.selectAll()
    QTest.keyClicks(page.bar.start, start.isoformat())
    assert page.figures is not None
    assert page.figures.period == Period(start, TODAY)  # it ended today already
    assert [d.day for d in page.figures.days] == [TODAY - timedelta(days=60)]
    qtbot.waitUntil(lambda: session.settings.get(PERIOD_SETTING) == Span.CUSTOM.value)


def test_a_click_on_a_day_in_the_chart_opens_it_in_the_journal(
    qtbot: QtBot, session: Session
) -> None:
    ids = {}
    for ago in (5, 1):
        entry = session.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=ago), mood=6))
        ids[ago] = entry.id
    frame, page = open_insights(qtbot, session)
    chart = page.chart
    # Days sit evenly across the plot; a click nearest the day five days ago chooses it.
    plot_left, plot_right = 34, chart.width() - 12
    step = (plot_right - plot_left) / 28
    x = int(plot_left + step * (27 - 5 + 0.5))
    QTest.mouseMove(chart, QPoint(x, chart.height() // 2))
    assert chart.focused_day == TODAY - timedelta(days=5)
    assert "mood 6" in page.day_values.text()  # hovering shows the day's values
    QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(x, chart.height() // 2))
    assert frame.current_key == "journal"
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    assert journal.current_id() == ids[5]
