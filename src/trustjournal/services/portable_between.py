"""Homework, goals and progress in the full export (format 2), written out and read back.

Ids in the file are the exporting journal's own: a homework item names its session by the
session entry's `id` in the same file, a progress record its goal by the goal's `id`. An
import gives everything new ids and follows these links (services/imports_between.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from trustjournal.core.between import Goal, GoalState, GoalStep, Homework, Progress
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.services.imports import Rejected
from trustjournal.store.between_dump import all_goals, all_homework
from trustjournal.store.db import Database
from trustjournal.store.goals import ProgressRepository


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_between(db: Database, clock: Callable[[], datetime]) -> dict[str, list[dict[str, Any]]]:
    """The "homework", "goals" and "progress" sections of a full export."""
    homework = [
        {
            "id": held.item.id,
            "title": held.item.title,
            "counts": held.item.counts.value,
            "times": held.item.times,
            "per": held.item.per.value,
            "from": held.item.start.isoformat(),
            "to": _iso(held.item.end),
            "ended_on": _iso(held.item.ended_on),
            "session_id": held.item.session_id,
            "done": [mark.at.isoformat() for mark in held.marks],
            "in_bin": held.in_bin,
        }
        for held in all_homework(db)
    ]
    goals = [
        {
            "id": held.goal.id,
            "title": held.goal.title,
            "why": held.goal.why,
            "steps": [{"text": s.text, "done_at": _iso(s.done_at)} for s in held.goal.steps],
            "target_on": _iso(held.goal.target_on),
            "state": held.goal.state.value,
            "state_at": _iso(held.goal.state_at),
            "created_at": _iso(held.goal.created_at),
            "in_bin": held.in_bin,
        }
        for held in all_goals(db)
    ]
    progress = [
        {
            "key": p.key,
            "what": p.what.value,
            "reached_on": p.reached_on.isoformat(),
            "title": p.title,
            "goal_id": p.goal_id,
            "step": p.step,
            "acknowledged_at": _iso(p.acknowledged_at),
        }
        for p in ProgressRepository(db=db, clock=clock).list()
    ]
    return {"homework": homework, "goals": goals, "progress": progress}


@dataclass(frozen=True)
class FileHomework:
    """A homework item read from a file: its id there, its session's id there, its marks."""

    file_id: int | None
    item: Homework
    session: int | None
    marks: tuple[datetime, ...]
    in_bin: bool


@dataclass(frozen=True)
class FileGoal:
    """A goal read from a file, with its id there."""

    file_id: int | None
    goal: Goal
    in_bin: bool


@dataclass
class BetweenFile:
    """Everything between sessions that a file holds (empty for format 1)."""

    homework: list[FileHomework] = field(default_factory=list)
    goals: list[FileGoal] = field(default_factory=list)
    progress: list[Progress] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.homework or self.goals or self.progress)


def _file_id(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(_("Its id is not a whole number."), field="id")
    return value


def _day(value: object, field_name: str) -> date | None:
    if value is None:
        return None
    try:
        if isinstance(value, str):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise _bad(field_name)


def _moment(value: object, field_name: str) -> datetime | None:
    if value is None:
        return None
    try:
        if isinstance(value, str):
            return datetime.fromisoformat(value)
    except ValueError:
        pass
    raise _bad(field_name)


def _bad(field_name: str) -> ValidationError:
    return ValidationError(
        _("“{field}” is not written the way this file format writes it.").format(field=field_name),
        field=field_name,
    )


def _homework(item: dict[str, Any]) -> FileHomework:
    done = item.get("done") or []
    if not isinstance(done, list):
        raise _bad("done")
    marks = tuple(_moment(at, "done") for at in done)
    start = _day(item.get("from"), "from")
    return FileHomework(
        file_id=_file_id(item.get("id")),
        item=Homework(
            title=item.get("title"),  # type: ignore[arg-type]  # checked by Homework
            counts=item.get("counts"),  # type: ignore[arg-type]
            times=item.get("times"),  # type: ignore[arg-type]
            per=item.get("per"),  # type: ignore[arg-type]
            start=start,  # type: ignore[arg-type]  # None is refused by Homework
            end=_day(item.get("to"), "to"),
            ended_on=_day(item.get("ended_on"), "ended_on"),
        ),
        session=_file_id(item.get("session_id")),
        marks=tuple(m for m in marks if m is not None),
        in_bin=item.get("in_bin") is True,
    )


def _goal(item: dict[str, Any]) -> FileGoal:
    steps = item.get("steps") or []
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise _bad("steps")
    return FileGoal(
        file_id=_file_id(item.get("id")),
        goal=Goal(
            title=item.get("title"),  # type: ignore[arg-type]  # checked by Goal
            why=item.get("why") or "",
            steps=tuple(
                GoalStep(text=s.get("text"), done_at=_moment(s.get("done_at"), "done_at"))
                for s in steps
            ),
            target_on=_day(item.get("target_on"), "target_on"),
            state=item.get("state") or GoalState.WORKING,
            state_at=_moment(item.get("state_at"), "state_at"),
            created_at=_moment(item.get("created_at"), "created_at"),
        ),
        in_bin=item.get("in_bin") is True,
    )


def _progress(item: dict[str, Any]) -> Progress:
    reached = _day(item.get("reached_on"), "reached_on")
    return Progress(
        key=item.get("key"),  # type: ignore[arg-type]  # checked by Progress
        what=item.get("what"),  # type: ignore[arg-type]
        reached_on=reached,  # type: ignore[arg-type]
        title=item.get("title") or "",
        goal_id=_file_id(item.get("goal_id")),
        step=_file_id(item.get("step")),
        acknowledged_at=_moment(item.get("acknowledged_at"), "acknowledged_at"),
    )


def parse_between(data: dict[str, Any], rejected: list[Rejected]) -> BetweenFile:
    """Read the homework, goals and progress of an export; what cannot be read is named in
    `rejected` by its place ("goal 2"), never by its text."""
    found = BetweenFile()
    sections: list[tuple[str, Callable[[dict[str, Any]], Any], list[Any], Callable[[int], str]]] = [
        ("homework", _homework, found.homework, lambda n: _("homework {number}").format(number=n)),
        ("goals", _goal, found.goals, lambda n: _("goal {number}").format(number=n)),
        ("progress", _progress, found.progress, lambda n: _("progress {number}").format(number=n)),
    ]
    for name, read, into, where in sections:
        raw = data.get(name)
        if not isinstance(raw, list):
            continue
        for index, item in enumerate(raw):
            try:
                if not isinstance(item, dict):
                    raise ValidationError(_("It is not a record this file format allows."))
                into.append(read(item))
            except (ValidationError, TypeError) as exc:
                reason = exc.message if isinstance(exc, ValidationError) else _("It is malformed.")
                rejected.append(Rejected(where(index + 1), reason))
    return found
