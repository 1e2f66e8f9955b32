"""Goals and progress as Today and Insights read them, off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from trustjournal.core.between import Goal, Progress
from trustjournal.services.changes import Change
from trustjournal.services.progress_recording import record_found
from trustjournal.services.stores import between_reader

if TYPE_CHECKING:
    from trustjournal.services.changes import Outcome
    from trustjournal.services.milestones import Milestone
    from trustjournal.ui.session import Session


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
