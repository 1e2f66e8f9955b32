"""Insights' progress list: steps, goals and milestones reached in the period, with their days
and numbers, in words Tab reaches; acknowledged or not, each stays listed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, new_session, open_insights
from trustjournal.core.between import Goal, GoalState, GoalStep
from trustjournal.core.entries import MoodCheckIn
from trustjournal.services.between import BetweenOperations
from trustjournal.services.insights_figures import Span
from trustjournal.ui.insights import progress_card
from trustjournal.ui.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    yield from new_session(tmp_path)


def _fill(session: Session) -> None:
    ops = BetweenOperations(vault=session.vault, clock=session.clock)
    steps = (GoalStep(text="List our costs"), GoalStep(text="Pick a quiet hour"))
    goal = ops.add_goal(Goal(title="Talk about money", steps=steps)).value
    goal_id = goal.id or 0
    ops.mark_step_done(goal_id, 1, NOW - timedelta(days=60))  # long before the period
    ops.mark_step_done(goal_id, 2, NOW - timedelta(days=3))
    ops.acknowledge(f"step:{goal_id}:2", NOW)  # seen on Today: still listed here
    ops.set_goal_state(goal_id, GoalState.REACHED, NOW - timedelta(days=2))
    monday = date(2026, 3, 2)  # a full week of check-ins, inside the last four weeks
    for offset in range(7):
        moment = datetime.combine(monday + timedelta(offset), NOW.timetz())
        session.entries.add(MoodCheckIn(occurred_at=moment, mood=6))
    ops.record_milestones(NOW.date())


def test_the_period_lists_what_was_reached_with_days_and_numbers(
    qtbot: QtBot, session: Session
) -> None:
    _fill(session)
    frame, page = open_insights(qtbot, session)
    page.bar.choose(Span.WEEKS_4)
    qtbot.waitUntil(lambda: page.built)  # the list's lines come in its card's turn
    shown_lines = [line.text() for line in page.reached.lines if line.isVisibleTo(page)]
    assert shown_lines == [
        "12 March: You reached your goal “Talk about money”.",
        "11 March: You did step 2 of 2 towards “Talk about money”: “Pick a quiet hour”.",
        "8 March: You checked in every day of the week of 2 March: 7 of 7 days.",
    ]
    assert not page.reached.nothing.isVisibleTo(page)
    page.bar.choose(Span.MONTHS_3)
    qtbot.waitUntil(lambda: page.built)
    assert len([line for line in page.reached.lines if line.isVisibleTo(page)]) == 4
    # each line is reachable by Tab, and read with the card's name
    first = page.reached.lines[0]
    assert first.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert first.accessibleDescription() == "Reached along the way"
    frame.stash_and_clear()


def test_nothing_reached_says_so_plainly(qtbot: QtBot, session: Session) -> None:
    session.entries.add(MoodCheckIn(occurred_at=NOW, mood=5))
    frame, page = open_insights(qtbot, session)
    assert page.reached.nothing.isVisibleTo(page)
    assert not [line for line in page.reached.lines if line.isVisibleTo(page)]
    frame.stash_and_clear()


def test_a_new_period_words_the_list_again_without_reading_it_again(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding milestones reads the whole journal; the list does not depend on the period, so
    only a change to what it shows reads it again."""
    _fill(session)
    reads: list[date] = []
    real = progress_card.read_progress

    def counted(s: Session, today: date, **options: bool) -> Any:
        reads.append(today)
        return real(s, today, **options)

    monkeypatch.setattr(progress_card, "read_progress", counted)
    frame, page = open_insights(qtbot, session)
    page.bar.choose(Span.WEEKS_4)
    read_at_first = len(reads)
    page.bar.choose(Span.MONTHS_3)
    page.bar.choose(Span.ALL)
    page.bar.choose(Span.WEEKS_4)
    qtbot.waitUntil(lambda: page.built)
    assert len(reads) == read_at_first  # none for the three new periods
    assert len([line for line in page.reached.lines if line.isVisibleTo(page)]) == 3

    ops = BetweenOperations(vault=session.vault, clock=session.clock)
    added = ops.add_goal(Goal(title="Walk on Sundays"))
    reached = ops.set_goal_state(added.value.id or 0, GoalState.REACHED, NOW)
    session.events.announce(added.changes | reached.changes)  # as the goal dialog does
    qtbot.waitUntil(lambda: len(reads) > read_at_first)
    page.bar.choose(Span.MONTHS_3)
    qtbot.waitUntil(lambda: page.built)
    shown_lines = [line.text() for line in page.reached.lines if line.isVisibleTo(page)]
    assert shown_lines[0] == "14 March: You reached your goal “Walk on Sundays”."
    frame.stash_and_clear()
