"""Every homework item, done mark and goal, those in the bin too, as a full export reads them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from trustjournal.core.between import DoneMark, Goal, GoalStep, Homework
from trustjournal.core.times import from_micros
from trustjournal.store.db import Database
from trustjournal.store.entry_rows import utc_moment
from trustjournal.store.homework import homework_from_row

# The columns homework_from_row reads, in its order.
_HOMEWORK = "id, title, counts, times, per, from_day, to_day, ended_day, session_id"


@dataclass(frozen=True)
class HomeworkHeld:
    """A homework item with its standing done marks, and whether it is in the bin."""

    item: Homework
    marks: tuple[DoneMark, ...]
    in_bin: bool


@dataclass(frozen=True)
class GoalHeld:
    """A goal with its steps, and whether it is in the bin."""

    goal: Goal
    in_bin: bool


def all_homework(db: Database) -> list[HomeworkHeld]:
    """Every item, live and binned, oldest id first, with the marks not taken back.

    A mark taken back is left out: it is kept in the journal only so Undo can restore it.
    """
    marks: dict[int, list[DoneMark]] = defaultdict(list)
    for mark_id, homework_id, micros, minutes in db.query(
        "SELECT id, homework_id, at_utc, offset_min FROM homework_done"
        " WHERE deleted_utc IS NULL ORDER BY at_utc, id"
    ):
        at = from_micros(micros, minutes)
        marks[homework_id].append(DoneMark(id=mark_id, homework_id=homework_id, at=at))
    rows = db.query(
        f"SELECT {_HOMEWORK}, deleted_utc IS NOT NULL FROM homework ORDER BY id"  # noqa: S608
    )
    return [
        HomeworkHeld(homework_from_row(row), tuple(marks.get(row[0], ())), bool(row[-1]))
        for row in rows
    ]


def all_goals(db: Database) -> list[GoalHeld]:
    """Every goal, live and binned, oldest id first, each with its steps in order."""
    steps: dict[int, list[GoalStep]] = defaultdict(list)
    for goal_id, text, micros, minutes in db.query(
        "SELECT goal_id, text, done_utc, done_offset_min FROM goal_steps ORDER BY goal_id, position"
    ):
        done = from_micros(micros, minutes or 0) if micros is not None else None
        steps[goal_id].append(GoalStep(text=text, done_at=done))
    rows = db.query(
        "SELECT id, title, why, target_day, state, state_utc, created_utc,"
        " deleted_utc IS NOT NULL FROM goals ORDER BY id"
    )
    return [
        GoalHeld(
            Goal(
                id=row[0],
                title=row[1],
                why=row[2],
                target_on=date.fromisoformat(row[3]) if row[3] else None,
                state=row[4],
                state_at=utc_moment(row[5]) if row[5] is not None else None,
                created_at=utc_moment(row[6]),
                steps=tuple(steps.get(row[0], ())),
            ),
            bool(row[7]),
        )
        for row in rows
    ]
