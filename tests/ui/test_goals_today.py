"""Goals on Today: the next step and "2 of 5 steps done", a step ticked with Undo, goals written
and deleted through the goal dialog (with Undo), and what was reached said once, warmly."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.dialog_helpers import HeldTasks
from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.between import Goal, GoalState, GoalStep
from trustjournal.core.entries import MoodCheckIn
from trustjournal.services.between import BetweenOperations
from trustjournal.services.between_reader import BetweenReader
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import ScopedTasks
from trustjournal.ui.today.goal_dialog import GoalChoice, GoalDialog
from trustjournal.ui.today.goals_card import GoalsCard
from trustjournal.ui.today.progress_note import ProgressNotes

DONE = datetime(2026, 3, 10, 18, 0, tzinfo=NOW.tzinfo)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def _frame(qtbot: QtBot, session: Session) -> MainFrame:
    return shown(qtbot, MainFrame(specs=journal_pages(), session=session), (800, 600))


@pytest.fixture
def frame(qtbot: QtBot, session: Session) -> Iterator[MainFrame]:
    built = _frame(qtbot, session)
    yield built
    built.stash_and_clear()


def _page(frame: MainFrame) -> TodayPage:
    page = frame.page("today")
    assert isinstance(page, TodayPage)
    return page


def _ops(session: Session) -> BetweenOperations:
    return BetweenOperations(vault=session.vault, clock=session.clock)


def _reader(session: Session) -> BetweenReader:
    return BetweenReader(vault=session.vault, clock=session.clock)


def test_goals_are_read_after_todays_first_paint_and_a_late_read_is_dropped(
    qtbot: QtBot, session: Session
) -> None:
    _goal(session)
    held = HeldTasks()
    later = replace(session, tasks=ScopedTasks(tasks=held, is_current=lambda: True))
    card = shown(qtbot, GoalsCard(session=later, undo_stack=QUndoStack()), (700, 400))
    assert card.rows == [] and not card.nothing.isVisibleTo(card)  # nothing read, nothing said
    held.run_all()
    assert [row.title.text() for row in card.rows] == ["Talk calmly"]
    card.refresh()
    card.clear()  # the journal locks before the read answers
    held.run_all()
    assert card.rows == []


def _goal(session: Session, *, done: int = 1, total: int = 3, title: str = "Talk calmly") -> Goal:
    steps = tuple(
        GoalStep(text=f"Step {n}", done_at=DONE if n <= done else None) for n in range(1, total + 1)
    )
    return _ops(session).add_goal(Goal(title=title, why="For us", steps=steps)).value


def _cards(frame: MainFrame) -> tuple[GoalsCard, ProgressNotes]:
    page = _page(frame)
    return page.goals, page.progress_notes


def test_each_goal_shows_its_next_step_and_how_many_are_done(
    qtbot: QtBot, session: Session
) -> None:
    _goal(session, done=2, total=5)
    _goal(session, done=0, total=0, title="Rest more")
    aside = _goal(session, title="Set aside one")
    _ops(session).set_goal_state(aside.id or 0, GoalState.SET_ASIDE, NOW)
    frame = _frame(qtbot, session)
    goals, _notes = _cards(frame)
    shown_rows = [(r.title.text(), r.next_text.text(), r.count.text()) for r in goals.rows]
    assert shown_rows == [
        ("Talk calmly", "Next: Step 3", "2 of 5 steps done"),
        ("Rest more", "No steps yet. Edit adds the first small one.", "No steps yet"),
    ]
    assert not goals.rows[1].done_button.isVisibleTo(goals)
    frame.stash_and_clear()


def test_ticking_the_next_step_is_kept_said_once_and_undone(qtbot: QtBot, session: Session) -> None:
    goal = _goal(session)
    frame = _frame(qtbot, session)
    goals, notes = _cards(frame)
    goals.rows[0].done_button.setFocus()
    QTest.keyClick(goals.rows[0].done_button, Qt.Key.Key_Space)
    [stored] = _reader(session).goals()
    assert [s.done_at for s in stored.steps] == [DONE, NOW, None]
    assert goals.rows[0].count.text() == "2 of 3 steps done"
    assert goals.status.text() == "Step done: “Step 2”."
    # said once, warmly, with its numbers
    assert [r.text.text() for r in notes.rows] == [
        "You did step 2 of 3 towards “Talk calmly”: “Step 2”."
    ]
    assert notes.isVisibleTo(frame)
    goals.undo_button.click()
    [back] = _reader(session).goals()
    assert [s.done_at for s in back.steps] == [DONE, None, None]
    assert notes.rows == [] and not notes.isVisibleTo(frame)
    goals.undo_stack.redo()  # Edit → Redo does it again
    assert [s.done_at for s in _reader(session).goals()[0].steps] == [DONE, NOW, None]
    assert goal.id == back.id
    frame.stash_and_clear()


def test_space_again_ticks_the_next_step_never_undo(qtbot: QtBot, session: Session) -> None:
    _goal(session, done=0)
    frame = _frame(qtbot, session)
    goals, _notes = _cards(frame)
    frame.activateWindow()
    qtbot.waitUntil(frame.isActiveWindow)
    goals.rows[0].done_button.setFocus()
    for _ in range(2):  # a person ticking two steps in a row, with Space where the focus is
        done_button = goals.rows[0].done_button
        qtbot.waitUntil(done_button.isVisible)
        focused = QApplication.focusWidget()
        assert focused is done_button  # the rebuilt row keeps the person's place
        QTest.keyClick(focused, Qt.Key.Key_Space)
    assert goals.rows[0].count.text() == "2 of 3 steps done"
    assert goals.rows[0].done_button.hasFocus()
    frame.stash_and_clear()


def test_thank_you_acknowledges_once_and_it_stays_in_the_progress_list(
    qtbot: QtBot, session: Session
) -> None:
    goal = _goal(session)
    _ops(session).mark_step_done(goal.id or 0, 2, NOW)
    frame = _frame(qtbot, session)
    _goals, notes = _cards(frame)
    [row] = notes.rows
    row.thanks.setFocus()
    QTest.keyClick(row.thanks, Qt.Key.Key_Space)
    assert notes.rows == [] and not notes.isVisibleTo(frame)
    [kept] = _reader(session).progress()
    assert kept.key == f"step:{goal.id}:2" and kept.acknowledged
    frame.stash_and_clear()
    again = _frame(qtbot, session)  # the next time Today opens, it is not said again
    assert _cards(again)[1].rows == []
    again.stash_and_clear()


def test_thank_you_by_keys_moves_on_to_the_next_line(qtbot: QtBot, session: Session) -> None:
    goal = _goal(session, done=0)
    for number in (1, 2):
        _ops(session).mark_step_done(goal.id or 0, number, NOW)
    frame = _frame(qtbot, session)
    frame.activateWindow()
    qtbot.waitUntil(frame.isActiveWindow)
    _goals, notes = _cards(frame)
    first, second = notes.rows
    assert "step 2 of 3" in first.text.text()  # the latest first
    first.thanks.setFocus()
    QTest.keyClick(first.thanks, Qt.Key.Key_Space)
    [left] = notes.rows
    assert left.key == second.key
    qtbot.waitUntil(left.thanks.isVisible)
    assert left.thanks.hasFocus()  # the next line's "Thank you", not a card further down
    QTest.keyClick(left.thanks, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert not notes.isAncestorOf(QApplication.focusWidget())  # Tab reads the lines in order
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert left.thanks.hasFocus()
    frame.stash_and_clear()


def test_a_milestone_is_found_recorded_and_said_with_its_numbers(
    qtbot: QtBot, session: Session
) -> None:
    monday = date(2026, 3, 2)
    for offset in range(7):
        moment = datetime.combine(monday + timedelta(offset), NOW.timetz())
        session.entries.add(MoodCheckIn(occurred_at=moment, mood=6))
    frame = _frame(qtbot, session)
    _goals, notes = _cards(frame)
    assert [r.text.text() for r in notes.rows] == [
        "You checked in every day of the week of 2 March: 7 of 7 days."
    ]
    [recorded] = _reader(session).progress(unacknowledged_only=True)
    assert recorded.key == "milestone:checkin-week"
    frame.stash_and_clear()


def test_many_found_at_once_show_three_and_thank_the_rest_together(
    qtbot: QtBot, session: Session
) -> None:
    goal = _goal(session, done=0, total=5)
    for number in range(1, 6):
        _ops(session).mark_step_done(goal.id or 0, number, NOW)
    frame = _frame(qtbot, session)
    _goals, notes = _cards(frame)
    assert [r.key for r in notes.rows] == [f"step:{goal.id}:{n}" for n in (5, 4, 3)]
    assert notes.more.text() == (
        "And 2 more reached before, in Insights under “Reached along the way”."
    )
    notes.all_thanks.click()
    assert [p.step for p in _reader(session).progress(unacknowledged_only=True)] == [3, 4, 5]
    frame.stash_and_clear()


def _choose(choice: GoalChoice | None) -> object:
    def ask(
        _cls: type[GoalDialog], _parent: QWidget, *, goal: Goal | None, clock: object
    ) -> GoalChoice | None:
        return choice

    return classmethod(ask)


def test_a_new_goal_from_the_dialog_is_saved_and_undone(
    frame: MainFrame, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    goals, _notes = _cards(frame)
    written = Goal(title="Walk on Sundays", steps=(GoalStep(text="Pick a route"),))
    monkeypatch.setattr(GoalDialog, "ask", _choose(GoalChoice(written)))
    goals.new_button.click()
    assert [g.title for g in _reader(session).goals()] == ["Walk on Sundays"]
    assert [r.title.text() for r in goals.rows] == ["Walk on Sundays"]
    goals.undo_button.click()
    assert _reader(session).goals() == []


def test_deleting_a_goal_has_undo_and_editing_keeps_done_dates(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal = _goal(session)
    frame = _frame(qtbot, session)
    goals, _notes = _cards(frame)
    edited = goal.with_changes(title="Talk calmly, often", steps=(*goal.steps[:2],))
    monkeypatch.setattr(GoalDialog, "ask", _choose(GoalChoice(edited)))
    goals.rows[0].edit_button.click()
    [stored] = _reader(session).goals()
    assert stored.title == "Talk calmly, often"
    assert [s.done_at for s in stored.steps] == [DONE, None]
    monkeypatch.setattr(GoalDialog, "ask", _choose(GoalChoice(None, delete=True)))
    goals.rows[0].edit_button.click()
    assert _reader(session).goals() == [] and goals.rows == []
    assert goals.status.text() == "Goal deleted."
    goals.undo_button.click()
    assert [g.title for g in _reader(session).goals()] == ["Talk calmly, often"]
    frame.stash_and_clear()


def test_milestones_are_found_and_recorded_off_the_ui_thread(
    qtbot: QtBot, session: Session
) -> None:
    from dataclasses import replace

    from tests.ui.dialog_helpers import HeldTasks
    from trustjournal.ui.tasks import ScopedTasks

    monday = date(2026, 3, 2)
    for offset in range(7):
        moment = datetime.combine(monday + timedelta(offset), NOW.timetz())
        session.entries.add(MoodCheckIn(occurred_at=moment, mood=6))
    held = HeldTasks()
    waiting = replace(session, tasks=ScopedTasks(tasks=held, is_current=lambda: True))
    frame = _frame(qtbot, waiting)
    _goals, notes = _cards(frame)
    assert _reader(session).progress() == [] and notes.rows == []  # nothing on the UI thread
    held.run_all()
    assert [p.key for p in _reader(session).progress()] == ["milestone:checkin-week"]
    assert len(notes.rows) == 1
    frame.stash_and_clear()


def test_goals_and_notes_have_every_word_translatable(
    qtbot: QtBot, session: Session, pseudo: None
) -> None:
    from tests.ui.i18n_helpers import escaped_texts
    from tests.ui.layout_checks import overlaps

    goal = _goal(session, done=1, total=3)
    _goal(session, done=0, total=0, title="Rest more")
    _ops(session).mark_step_done(goal.id or 0, 2, NOW)
    frame = _frame(qtbot, session)
    goals, notes = _cards(frame)
    goals.mark_next_done(_reader(session).goals()[0])
    user = ["Talk calmly", "Rest more", "Step 1", "Step 2", "Step 3"]
    assert escaped_texts(goals, user_texts=user) == []
    assert escaped_texts(notes, user_texts=user) == []
    assert notes.rows and overlaps(goals) == []
    frame.stash_and_clear()
