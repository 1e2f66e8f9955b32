"""Between sessions: homework, its done marks, goals with steps, and progress (issue 20).

These are not entries: they live in the vault beside them. Each is a frozen dataclass that
validates and normalises itself on construction (NFC text, field-named errors), like an entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from trustjournal.core.entry_base import (
    check_date,
    check_moment,
    check_scale,
    clean_text,
    field_label,
)
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _

MAX_TITLE = 500  # a homework item's or goal's title: a sentence, not a letter
MAX_TIMES = 100  # how often in a day or week: more is a typo, not homework
MAX_STEPS = 100

V = TypeVar("V")


class Counts(StrEnum):
    """What counts as doing a homework item: entries already written, or a tick by hand."""

    CHECKIN = "checkin"
    GRATITUDE_TOLD = "gratitude-told"
    TRIGGER = "trigger"  # a finished trigger record
    STATEMENT = "statement"  # an "I" statement said
    QUALITY_TIME = "quality-time"
    REFLECTION = "reflection"
    MANUAL = "manual"


class Per(StrEnum):
    """The span `times` is counted in."""

    DAY = "day"
    WEEK = "week"


class GoalState(StrEnum):
    """Where a goal stands."""

    WORKING = "working"
    REACHED = "reached"
    SET_ASIDE = "set_aside"


class ProgressKind(StrEnum):
    """What a progress record is about."""

    STEP = "step"
    GOAL = "goal"
    MILESTONE = "milestone"


def _choice(enum: type[StrEnum], value: Any, field_name: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        raise ValidationError(
            _("{field} is not one of the choices.").format(field=field_label(field_name)),
            field=field_name,
        ) from None


def _id(value: int | None, field_name: str = "id") -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValidationError(
            _("{field} must be a whole number.").format(field=field_label(field_name)),
            field=field_name,
        )


class _Valued:
    """`with_changes` for the frozen values of this module."""

    def with_changes(self: V, **changes: Any) -> V:
        """A copy with some fields changed, validated again."""
        return replace(self, **changes)  # type: ignore[type-var]


@dataclass(frozen=True, kw_only=True)
class Homework(_Valued):
    """A homework item: what, what counts, how often (`times` per day or week), from and until.

    `ended_on` is the day it was ended early; its weeks up to then stay as they were. `session_id`
    is the session it was agreed in, if any.
    """

    title: str
    counts: Counts
    times: int
    per: Per
    start: date
    end: date | None = None
    ended_on: date | None = None
    session_id: int | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        _id(self.id)
        _id(self.session_id, "id")
        title = clean_text(self.title, field_name="title", required=True, limit=MAX_TITLE)
        object.__setattr__(self, "title", " ".join(title.split()))
        object.__setattr__(self, "counts", _choice(Counts, self.counts, "counts"))
        object.__setattr__(self, "per", _choice(Per, self.per, "per"))
        check_scale(self.times, field_name="times", low=1, high=MAX_TIMES, required=True)
        if self.start is None:
            raise ValidationError(
                _("{field} is required.").format(field=field_label("from")), field="from"
            )
        check_date(self.start, field_name="from")
        check_date(self.end, field_name="to")
        check_date(self.ended_on, field_name="ended_on")
        if self.end is not None and self.end < self.start:
            raise ValidationError(
                _("The homework ends before it starts: its end date is before its start date."),
                field="to",
            )

    @property
    def last_day(self) -> date | None:
        """The last day it counts: its end, or the day it was ended, whichever is first."""
        days = [d for d in (self.end, self.ended_on) if d is not None]
        return min(days) if days else None


@dataclass(frozen=True, kw_only=True)
class DoneMark(_Valued):
    """A manual homework item ticked as done at a moment."""

    homework_id: int
    at: datetime
    id: int | None = None

    def __post_init__(self) -> None:
        _id(self.id)
        _id(self.homework_id, "homework")
        check_moment(self.at, "at", required=True)


@dataclass(frozen=True, kw_only=True)
class GoalStep(_Valued):
    """One step of a goal, in order; done at a moment, or not yet (None)."""

    text: str
    done_at: datetime | None = None

    def __post_init__(self) -> None:
        text = clean_text(self.text, field_name="step", required=True, limit=MAX_TITLE)
        object.__setattr__(self, "text", " ".join(text.split()))
        check_moment(self.done_at, "step", required=False)


@dataclass(frozen=True, kw_only=True)
class Goal(_Valued):
    """What I want, why it matters to me, its steps in order, an optional target date, a state."""

    title: str
    why: str = ""
    steps: tuple[GoalStep, ...] = ()
    target_on: date | None = None
    state: GoalState = GoalState.WORKING
    id: int | None = None
    created_at: datetime | None = None
    state_at: datetime | None = field(default=None, compare=True)

    def __post_init__(self) -> None:
        _id(self.id)
        title = clean_text(self.title, field_name="title", required=True, limit=MAX_TITLE)
        object.__setattr__(self, "title", " ".join(title.split()))
        object.__setattr__(self, "why", clean_text(self.why, field_name="why"))
        steps = tuple(self.steps)
        if any(not isinstance(step, GoalStep) for step in steps):
            raise ValidationError(
                _("{field} must be a list of steps.").format(field=field_label("steps")),
                field="steps",
            )
        if len(steps) > MAX_STEPS:
            raise ValidationError(
                _("A goal can have up to {limit} steps.").format(limit=MAX_STEPS), field="steps"
            )
        object.__setattr__(self, "steps", steps)
        check_date(self.target_on, field_name="target_on")
        object.__setattr__(self, "state", _choice(GoalState, self.state, "state"))
        check_moment(self.created_at, "created", required=False)
        check_moment(self.state_at, "state", required=False)

    def step_index(self, number: int) -> int:
        """The index of step `number`, counting from 1 as people do.

        Raises:
            ValidationError: if the goal has no such step.
        """
        if isinstance(number, bool) or not isinstance(number, int):
            raise ValidationError(
                _("{field} must be a whole number.").format(field=field_label("step")),
                field="step",
            )
        if not 1 <= number <= len(self.steps):
            if not self.steps:
                message = _("This goal has no steps.")
            else:
                message = _("This goal has steps 1 to {count}; there is no step {number}.").format(
                    count=len(self.steps), number=number
                )
            raise ValidationError(message, field="step")
        return number - 1


@dataclass(frozen=True, kw_only=True)
class Progress(_Valued):
    """Something reached, kept so it is acknowledged once and listed afterwards.

    `key` names what was reached, uniquely ("goal:3", "step:3:2", "milestone:…"), so recording
    the same thing twice keeps the first record (and its acknowledgement).
    """

    key: str
    what: ProgressKind
    reached_on: date
    title: str = ""
    goal_id: int | None = None
    step: int | None = None
    acknowledged_at: datetime | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        _id(self.id)
        _id(self.goal_id, "goal")
        object.__setattr__(self, "what", _choice(ProgressKind, self.what, "what"))
        object.__setattr__(self, "key", clean_text(self.key, field_name="id", required=True))
        object.__setattr__(self, "title", clean_text(self.title, field_name="title"))
        check_date(self.reached_on, field_name="when")
        check_moment(self.acknowledged_at, "when", required=False)

    @property
    def acknowledged(self) -> bool:
        """Whether the person has seen it acknowledged (it is then only listed)."""
        return self.acknowledged_at is not None
