"""Sessions, homework and a goal beside the export test journal: for the sessions section."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from tests.services.export_data import HOSTILE_TEXT, at
from trustjournal.core.between import Counts, DoneMark, Goal, GoalStep, Homework, Per
from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.entries_session import TherapySession
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.goals import GoalRepository
from trustjournal.store.homework import HomeworkRepository

SESSION_WITH = "Dr. Lee"
SESSION_WORKED_ON = "Worked on: how we talk about phones"
SESSION_REMEMBER = "Remember: pause before answering"
PRIVATE_SESSION = "CANARY-PRIVATE-SESSION-hazel"
HOMEWORK_TITLE = "Check in every evening"
MANUAL_TITLE = "Say one kind thing out loud"
GOAL_TITLE = "Feel safe talking about money"
GOAL_WHY = "So that Sundays are calm again"
STEP_DONE = "Write down what worries me"
STEP_OPEN = "Ask for a money evening"
PRIVATE_CHECKIN_DAY = 3  # a private check-in on Tuesday 3 March: it must never count


@dataclass(frozen=True)
class BetweenJournal:
    """The ids written: sessions (one private, one hostile), homework items, a goal."""

    session: int
    hostile_session: int
    private_session: int
    checkin_homework: int
    manual_homework: int
    goal: int
    extra_checkin: int  # a check-in of the week of 2 March that a test may leave out


def _id(value: int | None) -> int:
    if value is None:
        raise AssertionError("saved things have ids")
    return value


def fill_between(
    db: Database, repo: EntryRepository, clock: Callable[[], datetime]
) -> BetweenJournal:
    """Write sessions, two homework items with a tick, and a goal with one step done.

    The export journal's check-ins are on 2, 5 and 9 March; one more chosen check-in goes on
    4 March and a private one on 3 March, so the week of 2 March has 3 chosen check-ins.
    """
    session = repo.add(
        TherapySession(
            occurred_at=at(2, 18),
            with_whom=SESSION_WITH,
            worked_on=SESSION_WORKED_ON,
            remember=SESSION_REMEMBER,
            next_at=at(16, 18),
        )
    )
    hostile = repo.add(
        TherapySession(occurred_at=at(9, 18), with_whom="<b>Dr. X</b>", worked_on=HOSTILE_TEXT)
    )
    private = repo.add(
        TherapySession(
            occurred_at=at(13, 18),
            with_whom=PRIVATE_SESSION,
            remember=PRIVATE_SESSION,
            private=True,
        )
    )
    extra = repo.add(MoodCheckIn(occurred_at=at(4), mood=6))
    repo.add(MoodCheckIn(occurred_at=at(PRIVATE_CHECKIN_DAY), mood=2, private=True))
    homework = HomeworkRepository(db=db, clock=clock)
    checkins = homework.add(
        Homework(
            title=HOMEWORK_TITLE,
            counts=Counts.CHECKIN,
            times=1,
            per=Per.DAY,
            start=date(2026, 3, 2),
            session_id=session.id,
        )
    )
    manual = homework.add(
        Homework(
            title=MANUAL_TITLE, counts=Counts.MANUAL, times=2, per=Per.WEEK, start=date(2026, 3, 2)
        )
    )
    homework.add_mark(DoneMark(homework_id=_id(manual.id), at=at(3, 12)))
    goal = GoalRepository(db=db, clock=clock).add(
        Goal(
            title=GOAL_TITLE,
            why=GOAL_WHY,
            steps=(GoalStep(text=STEP_DONE, done_at=at(6, 10)), GoalStep(text=STEP_OPEN)),
            target_on=date(2026, 5, 1),
        )
    )
    return BetweenJournal(
        session=_id(session.id),
        hostile_session=_id(hostile.id),
        private_session=_id(private.id),
        checkin_homework=_id(checkins.id),
        manual_homework=_id(manual.id),
        goal=_id(goal.id),
        extra_checkin=_id(extra.id),
    )
