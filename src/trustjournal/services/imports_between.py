"""Importing homework, goals and progress: what is new, what is already here, then adding it.

Matched as entries are, by content and never by number: a homework item by its title, what
counts, how often and its dates; a goal by its title, why, steps, target, state and when it
was made. One already here is skipped (its done marks the journal lacks are added to it), so
importing the same file twice adds nothing. What was new gets new ids; links follow them: a
homework item to its session entry, a progress record to its goal or homework item.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from trustjournal.core.between import DoneMark, Goal, Homework, Progress
from trustjournal.services.portable_between import BetweenFile, FileGoal, FileHomework
from trustjournal.store.between_dump import all_goals, all_homework
from trustjournal.store.db import Database
from trustjournal.store.goals import GoalRepository, ProgressRepository
from trustjournal.store.homework import HomeworkRepository

# Progress keys that carry an id of this journal (services/between.py, services/milestones.py).
_GOAL_KEY = re.compile(r"goal:(\d+)")
_STEP_KEY = re.compile(r"step:(\d+):(\d+)")
_KEPT_KEY = re.compile(r"milestone:homework-kept:(\d+)")


def _homework_key(item: Homework) -> Hashable:
    return (item.title, item.counts, item.times, item.per, item.start, item.end, item.ended_on)


def _goal_key(goal: Goal) -> Hashable:
    steps = tuple((s.text, s.done_at.isoformat() if s.done_at else None) for s in goal.steps)
    state_at = goal.state_at.timestamp() if goal.state_at else None
    made = goal.created_at.timestamp() if goal.created_at else None
    return (goal.title, goal.why, steps, goal.target_on, goal.state, state_at, made)


def _moment_key(at: datetime) -> tuple[float, object]:
    return at.timestamp(), at.utcoffset()


def _missing(marks: tuple[datetime, ...], have: Counter[tuple[float, object]]) -> list[datetime]:
    """The ticks of `marks` not among those `have` (each one there matched once)."""
    left = Counter(have)
    missing = []
    for at in marks:
        if left[_moment_key(at)] > 0:
            left[_moment_key(at)] -= 1
        else:
            missing.append(at)
    return missing


@dataclass
class BetweenPlan:
    """What an import of homework, goals and progress would do.

    `homework_same`/`goals_same` pair an item of the file with the id of the same one here.
    """

    homework_new: list[FileHomework] = field(default_factory=list)
    homework_same: list[tuple[FileHomework, int]] = field(default_factory=list)
    goals_new: list[FileGoal] = field(default_factory=list)
    goals_same: list[tuple[FileGoal, int]] = field(default_factory=list)
    marks_new: int = 0  # ticks of items already here that the journal lacks
    progress_new: int = 0
    progress_same: int = 0
    progress: list[Progress] = field(default_factory=list)

    def adds_anything(self) -> bool:
        """Whether applying it could change the journal (new items, records or ticks)."""
        return bool(self.homework_new or self.goals_new or self.progress_new or self.marks_new)

    def sessions_wanted(self) -> set[int]:
        """The file ids of the session entries new homework links to."""
        return {h.session for h in self.homework_new if h.session is not None}

    def summary(self) -> dict[str, dict[str, int]]:
        """The `--json` report's part: added and skipped of each."""
        return {
            "homework": {"added": len(self.homework_new), "skipped": len(self.homework_same)},
            "goals": {"added": len(self.goals_new), "skipped": len(self.goals_same)},
            "progress": {"added": self.progress_new, "skipped": self.progress_same},
        }


def _pair(
    found: list[Any], have: Mapping[Hashable, list[int]], key: Callable[[Any], Hashable]
) -> tuple[list[Any], list[tuple[Any, int]]]:
    """Split `found` into new ones and those already here (each one here matched once)."""
    left = {k: list(ids) for k, ids in have.items()}
    new, same = [], []
    for item in found:
        ids = left.get(key(item))
        if ids:
            same.append((item, ids.pop(0)))
        else:
            new.append(item)
    return new, same


def remap_key(key: str, goals: Mapping[int, int], homework: Mapping[int, int]) -> str | None:
    """The progress key with the file's ids replaced by this journal's; None if one is missing."""
    for pattern, ids in ((_GOAL_KEY, goals), (_STEP_KEY, goals), (_KEPT_KEY, homework)):
        match = pattern.fullmatch(key)
        if match:
            old = int(match.group(1))
            if old not in ids:
                return None
            start, end = match.span(1)
            return key[:start] + str(ids[old]) + key[end:]
    return key


def plan_between(db: Database, clock: Callable[[], datetime], found: BetweenFile) -> BetweenPlan:
    """Decide, without writing, which homework items, goals and progress records are new."""
    held_homework: dict[Hashable, list[int]] = defaultdict(list)
    held_marks: dict[int, Counter[tuple[float, object]]] = {}
    for held in all_homework(db):
        held_homework[_homework_key(held.item)].append(held.item.id or 0)
        if not held.in_bin:  # an item in the bin takes no ticks
            held_marks[held.item.id or 0] = Counter(_moment_key(m.at) for m in held.marks)
    held_goals: dict[Hashable, list[int]] = defaultdict(list)
    for goal in all_goals(db):
        held_goals[_goal_key(goal.goal)].append(goal.goal.id or 0)
    plan = BetweenPlan(progress=list(found.progress))
    plan.homework_new, plan.homework_same = _pair(
        found.homework, held_homework, lambda h: _homework_key(h.item)
    )
    plan.goals_new, plan.goals_same = _pair(found.goals, held_goals, lambda g: _goal_key(g.goal))
    for item, same_id in plan.homework_same:
        if same_id in held_marks:
            plan.marks_new += len(_missing(item.marks, held_marks[same_id]))
    # New items get ids not yet known: their records are new; the others may be here already.
    goals = {g.file_id: i for g, i in plan.goals_same if g.file_id is not None}
    homework = {h.file_id: i for h, i in plan.homework_same if h.file_id is not None}
    keys_here = {p.key for p in ProgressRepository(db=db, clock=clock).list()}
    for record in found.progress:
        key = remap_key(record.key, goals, homework)
        if key is not None and key in keys_here:
            plan.progress_same += 1
        else:
            plan.progress_new += 1
    return plan


def apply_between(
    db: Database, clock: Callable[[], datetime], plan: BetweenPlan, sessions: Mapping[int, int]
) -> None:
    """Add what the plan found new, inside the caller's transaction.

    Args:
        sessions: file id → id here of every session entry imported or already here.
    """
    homework = _apply_homework(db, clock, plan, sessions)
    goals = _apply_goals(db, clock, plan)
    progress_repo = ProgressRepository(db=db, clock=clock)
    for record in plan.progress:
        key = remap_key(record.key, goals, homework)
        if key is None:
            continue  # its goal or item is not in the file: nothing here to link it to
        goal_id = goals.get(record.goal_id) if record.goal_id is not None else None
        progress_repo.record(record.with_changes(key=key, goal_id=goal_id, id=None))


def _apply_homework(
    db: Database, clock: Callable[[], datetime], plan: BetweenPlan, sessions: Mapping[int, int]
) -> dict[int, int]:
    """Add the new items with their ticks, and the ticks missing from those here.

    Returns:
        file id → id here of every item.
    """
    repo = HomeworkRepository(db=db, clock=clock)
    homework = {h.file_id: i for h, i in plan.homework_same if h.file_id is not None}
    binned = {held.item.id for held in all_homework(db) if held.in_bin}
    for found, here in plan.homework_same:
        if here in binned:
            continue  # an item in the bin takes no ticks; it is the same item all the same
        have = Counter(_moment_key(m.at) for m in repo.marks(here))
        for at in _missing(found.marks, have):
            repo.add_mark(DoneMark(homework_id=here, at=at))
    for found in plan.homework_new:
        session = sessions.get(found.session) if found.session is not None else None
        stored = repo.add(found.item.with_changes(id=None, session_id=session))
        assert stored.id is not None  # the store gave it one
        for at in found.marks:
            repo.add_mark(DoneMark(homework_id=stored.id, at=at))
        if found.in_bin:
            repo.set_deleted(stored.id, True)
        if found.file_id is not None:
            homework[found.file_id] = stored.id
    return homework


def _apply_goals(db: Database, clock: Callable[[], datetime], plan: BetweenPlan) -> dict[int, int]:
    """Add the new goals with their steps. Returns file id → id here of every goal."""
    repo = GoalRepository(db=db, clock=clock)
    goals = {g.file_id: i for g, i in plan.goals_same if g.file_id is not None}
    for found in plan.goals_new:
        stored = repo.add(found.goal.with_changes(id=None))
        assert stored.id is not None  # the store gave it one
        if found.in_bin:
            repo.set_deleted(stored.id, True)
        if found.file_id is not None:
            goals[found.file_id] = stored.id
    return goals
