"""Insights keeps the UI thread's turns short: a new period fills one card per turn, words
shown together are laid out once, and the progress list is worded in the background."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.dialog_helpers import HeldTasks
from tests.ui.journal_helpers import NOW, active_frame, new_session, open_insights
from tests.ui.layout_checks import settle
from trustjournal.core.between import Goal, GoalStep
from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.services.between import BetweenOperations
from trustjournal.services.insights_figures import Span
from trustjournal.ui.insights.wording import mood_summary, trigger_summary
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import ScopedTasks

_GEOMETRY = (QEvent.Type.Move, QEvent.Type.Resize)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    yield from new_session(tmp_path)


class _GeometryCount(QObject):
    """Counts moves and resizes of the widgets it watches (each one a layout that ran)."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.count = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _GEOMETRY:
            self.count += 1
        return False


def _fill(session: Session) -> None:
    """Four weeks without a trigger, three months with one: the trigger card's lines appear."""
    session.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=2), mood=6, trust=5))
    session.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=60), mood=3, trust=4))
    session.entries.add(
        TriggerRecord(occurred_at=NOW - timedelta(days=60), situation="Late", intensity=6)
    )


def test_a_new_period_fills_the_first_card_at_once_and_the_others_one_per_turn(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    _fill(session)
    frame, page = open_insights(qtbot, session)
    page.bar.choose(Span.WEEKS_4)
    qtbot.waitUntil(lambda: page.built)
    before = page.trigger_text.text()
    page.bar.choose(Span.MONTHS_3)  # read at once here (synchronous tasks)
    shown_ = page.figures
    assert shown_ is not None and shown_.period == page.bar.period()
    assert page.mood_text.text() == mood_summary(shown_)  # the first card at once
    assert page.trigger_text.text() == before != trigger_summary(shown_)  # the others later
    later = [made.frame for made in page._made]

    def words() -> list[list[str]]:
        return [[w.text() for w in card.findChildren(QLabel)] for card in later]

    turns = [words()]
    while not page.built:
        qapp.processEvents()  # one turn of the event loop
        turns.append(words())
    for earlier, now in pairwise(turns):
        assert sum(a != b for a, b in zip(earlier, now, strict=True)) <= 1  # one card a turn
    assert page.trigger_text.text() == trigger_summary(shown_)
    assert page.trigger_counts.isVisibleTo(page)
    frame.stash_and_clear()


def test_the_progress_list_shows_its_lines_and_is_laid_out_once_afterwards(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    _fill(session)
    frame, page = open_insights(qtbot, session)
    content = page.scroll_area.widget()
    moved = _GeometryCount([w for w in content.findChildren(QWidget) if w.isVisible()])
    lines = [f"{day} March: a step reached" for day in range(1, 6)]
    page.reached.show_lines(lines)
    assert [line.text() for line in page.reached.lines if line.isVisibleTo(page)] == lines
    assert moved.count == 0  # not laid out on the spot at every line shown
    qtbot.waitUntil(lambda: moved.count > 0)  # but on the next turn, once
    qapp.processEvents()
    shown_lines = [line for line in page.reached.lines if line.isVisible()]
    assert all(line.height() > 0 for line in shown_lines)
    for upper, lower in pairwise(shown_lines):
        assert upper.geometry().bottom() < lower.geometry().top()  # in place, apart
    frame.stash_and_clear()


def test_the_mood_chart_keeps_its_height_when_the_page_is_laid_out_short(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    """While the cards' words change, Qt lays the page out more than once, and for a moment a
    card can have less room than its words need; the chart took that squeeze (in the
    benchmark: 220 -> 180..219 -> 220 px), and each height it was painted at drew the chart
    again on the UI thread."""
    _fill(session)
    frame, page = open_insights(qtbot, session)
    settle()
    height, drawn_here = page.chart.height(), page.chart.drawn_here
    card = page.mood_card  # laid out for a moment with less room than its words now need
    card.resize(card.width(), card.height() - 30)
    assert page.chart.height() == height
    page.chart.repaint()
    assert page.chart.drawn_here == drawn_here
    frame.stash_and_clear()


def test_the_progress_list_is_worded_in_the_background(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    ops = BetweenOperations(vault=session.vault, clock=session.clock)
    goal = ops.add_goal(Goal(title="Talk about money", steps=(GoalStep(text="List costs"),)))
    ops.mark_step_done(goal.value.id or 0, 1, NOW - timedelta(days=3))
    monday = date(2026, 3, 2)
    for offset in range(7):
        moment = datetime.combine(monday + timedelta(offset), NOW.timetz())
        session.entries.add(MoodCheckIn(occurred_at=moment, mood=6))
    ops.record_milestones(NOW.date())
    held = HeldTasks()
    frame = active_frame(
        qtbot, replace(session, tasks=ScopedTasks(tasks=held, is_current=lambda: True))
    )
    held.run_all()  # Today's reads
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    held.run_all()  # the first figures
    qtbot.waitUntil(lambda: page.built)
    handed_back = []  # what each background task hands back to the UI thread
    for read, done, _failed in held.held:
        handed_back.append(read())
        done(handed_back[-1])
    worded = [
        "11 March: You did step 1 of 1 towards “Talk about money”: “List costs”.",
        "8 March: You checked in every day of the week of 2 March: 7 of 7 days.",
    ]
    # the sentences themselves, made off the UI thread (handed back with the list they word)
    assert worded in [back[1] for back in handed_back if isinstance(back, tuple)]
    assert [line.text() for line in page.reached.lines if line.isVisibleTo(page)] == worded
    frame.stash_and_clear()
