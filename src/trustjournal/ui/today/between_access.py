"""Goals and progress for the UI: reads, and changes run through the session's one runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from trustjournal.core.between import Goal, Progress
from trustjournal.services.changes import Change
from trustjournal.services.progress_recording import record_found
from trustjournal.services.stores import between_operations, between_reader

if TYPE_CHECKING:
    from trustjournal.services.between import BetweenOperations
    from trustjournal.services.changes import Outcome
    from trustjournal.services.milestones import Milestone
    from trustjournal.services.operations import Operations
    from trustjournal.ui.session import Session

T = TypeVar("T")


def as_operation(
    session: Session, change: Callable[[BetweenOperations], Outcome[T]]
) -> Callable[[Operations], Outcome[T]]:
    """`change` in the shape the runner and `OperationCommand` take (they hand it `Operations`;
    it uses the between-sessions operations over the same vault)."""
    ops = between_operations(vault=session.vault, clock=session.clock)
    return lambda _operations: change(ops)


def run_between(session: Session, change: Callable[[BetweenOperations], Outcome[T]]) -> T:
    """Run one between-sessions change through the runner, so it is announced once."""
    return session.services.operations.run(as_operation(session, change))


@dataclass(frozen=True)
class ProgressView:
    """What Today and Insights show of goals and progress, read together off the UI thread.

    Attributes:
        goals: every goal not in the bin, by id.
        progress: the progress list (or only what is still to be acknowledged).
        milestones: every milestone the data holds today, by key, with its numbers.
    """

    goals: dict[int, Goal]
    progress: list[Progress]
    milestones: dict[str, Milestone]


def read_progress(
    session: Session, today: date, *, unacknowledged_only: bool, record: bool = False
) -> Outcome[ProgressView]:
    """Goals, the progress list and today's milestones; with `record`, new milestones are put
    in the list first, each once (its changes say so). Slow at 100 000 entries (about 0.2 s
    to find the milestones), so call it in the background."""
    from trustjournal.services.changes import Outcome

    reader = between_reader(vault=session.vault, clock=session.clock)
    found = reader.milestones(today)
    changes: frozenset[Change] = frozenset()
    if record:
        changes = record_found(vault=session.vault, clock=session.clock, found=found).changes
    goals = {goal.id or 0: goal for goal in reader.goals()}
    progress = reader.progress(unacknowledged_only=unacknowledged_only)
    return Outcome(ProgressView(goals, progress, {m.key: m for m in found}), changes)
