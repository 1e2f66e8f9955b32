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
from PySide6.QtGui import QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.dialog_helpers import HeldTasks
from tests.ui.journal_helpers import NOW, active_frame, new_session, open_insights
from tests.ui.layout_checks import settle
from trustjournal.core.between import Goal, GoalStep
from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.services.between import BetweenOperations
from trustjournal.services.insights_figures import PERIOD_SETTING, Span
from trustjournal.ui.insights.wording import mood_summary, trigger_summary
from trustjournal.ui.main_frame import MainFrame
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


def _held_insights(qtbot: QtBot, session: Session) -> tuple[MainFrame, InsightsPage, HeldTasks]:
    """Insights opened by Ctrl+3 over background work that waits for `run_all()`, settled."""
    held = HeldTasks()
    frame = active_frame(
        qtbot, replace(session, tasks=ScopedTasks(tasks=held, is_current=lambda: True))
    )
    held.run_all()
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    _settle(qtbot, page, held)
    return frame, page, held


def _settle(qtbot: QtBot, page: InsightsPage, held: HeldTasks) -> None:
    def settled() -> bool:
        held.run_all()
        return page.built and not held.held

    qtbot.waitUntil(settled)


def test_while_a_new_period_is_read_the_cards_keep_still_and_then_all_show_it(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    """The read of a period and the UI thread need the same interpreter: while it runs, no card
    is laid out again (not the older period's, not the progress list's own lines), and the
    period is remembered only once every card shows it."""
    _fill(session)
    ops = BetweenOperations(vault=session.vault, clock=session.clock)
    steps = (GoalStep(text="List costs"), GoalStep(text="Pick a quiet hour"))
    goal = ops.add_goal(Goal(title="Talk about money", steps=steps))
    ops.mark_step_done(goal.value.id or 0, 1, NOW - timedelta(days=200))  # in 12 months
    ops.mark_step_done(goal.value.id or 0, 2, NOW - timedelta(days=60))  # and in 3 months
    frame, page, held = _held_insights(qtbot, session)
    later = [made.frame for made in page._made]

    def words() -> list[list[str]]:
        return [[w.text() for w in card.findChildren(QLabel)] for card in later]

    page.bar.choose(Span.MONTHS_12)
    held.run_all()  # its figures and the list's two lines: the cards follow, one per turn
    qapp.processEvents()
    assert not page.built  # some cards still show four weeks
    page.bar.choose(Span.MONTHS_3)  # before they all came; its reads wait
    before = words()
    for _ in range(20):
        qapp.processEvents()
    assert words() == before  # the older cards wait for the newer figures
    list_read, list_done, _failed = held.held.pop(0)  # the list's own read is asked first
    list_done(list_read())
    for _ in range(20):
        qapp.processEvents()
    assert words() == before  # its one line too
    held.run_all()  # the figures
    turns = [words()]
    while not page.built:
        assert session.settings.get(PERIOD_SETTING) != Span.MONTHS_3.value
        held.run_all()
        qapp.processEvents()
        turns.append(words())
    for earlier, now in pairwise(turns):  # one card a turn still, the older round stopped
        assert sum(a != b for a, b in zip(earlier, now, strict=True)) <= 1
    _settle(qtbot, page, held)
    assert session.settings.get(PERIOD_SETTING) == Span.MONTHS_3.value  # once all show it
    shown = page.figures
    assert shown is not None and shown.period == page.bar.period()
    assert page.trigger_text.text() == trigger_summary(shown)
    lines = [line.text() for line in page.reached.lines if line.isVisibleTo(page)]
    assert lines == [
        "13 January: You did step 2 of 2 towards “Talk about money”: “Pick a quiet hour”."
    ]
    frame.stash_and_clear()


class _Painted(QObject):
    """The tallest part of the widget it watches painted again."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.tallest = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.tallest = max(self.tallest, event.rect().height())
        return False


def test_words_that_grow_a_card_below_the_view_repaint_nothing_in_view(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    """A card's new words grow the page below the view: the cards in view are not moved and
    painted again (Qt laid them out squeezed in the page's old height first, then in the
    grown one, and painted the whole view: 8-13 ms at 1280 x 800)."""
    _fill(session)
    frame, page = open_insights(qtbot, session)
    settle()
    last = page.cards()[-1]
    assert page.mood_card.visibleRegion().boundingRect().height() > 0
    assert last.visibleRegion().isEmpty()  # below the view
    painted = _Painted(page.mood_card)
    page.progress_text.setText("\n".join(f"Line {n} of the progress card" for n in range(8)))
    settle()
    assert page.progress_card.visibleRegion().isEmpty()
    assert painted.tallest < 40  # a line of it at most, not the card (about 440 px)
    frame.stash_and_clear()


def test_the_page_is_as_tall_as_its_words_after_the_window_widens_and_narrows(
    qtbot: QtBot, session: Session
) -> None:
    """The column's least height follows its words at the width it has now: widened, the page
    leaves no empty stretch below its last card; narrowed, no card is cut short."""
    _fill(session)
    frame, page = open_insights(qtbot, session)
    content = page.scroll_area.widget()
    column = content.layout()
    for size in ((800, 600), (1280, 800), (800, 600), (1600, 900)):
        frame.resize(*size)
        settle()
        assert content.height() == column.heightForWidth(content.width())
    frame.stash_and_clear()


def test_when_the_figures_cannot_be_read_the_progress_list_still_shows_its_lines(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    _fill(session)
    ops = BetweenOperations(vault=session.vault, clock=session.clock)
    goal = ops.add_goal(Goal(title="Talk about money", steps=(GoalStep(text="List costs"),)))
    ops.mark_step_done(goal.value.id or 0, 1, NOW - timedelta(days=60))
    frame, page, held = _held_insights(qtbot, session)
    page.bar.choose(Span.MONTHS_3)
    (list_read, list_done, _), (_read, _done, failed) = held.held
    held.held.clear()
    list_done(list_read())  # kept back for the figures' turn
    assert not [line for line in page.reached.lines if line.isVisibleTo(page)]
    failed(OSError("disk"))
    assert "could not be read" in page.empty.text()
    lines = [line.text() for line in page.reached.lines if line.isVisibleTo(page)]
    assert lines == ["13 January: You did step 1 of 1 towards “Talk about money”: “List costs”."]
    frame.stash_and_clear()
