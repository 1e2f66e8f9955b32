"""Saving a goal edited as a whole (the goal dialog): steps ticked there reach the progress list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from trustjournal.core.between import Goal, GoalState, Progress, ProgressKind
from trustjournal.services.between import GOALS_AND_PROGRESS, goal_key, step_key
from trustjournal.services.changes import Outcome
from trustjournal.store.goals import GoalRepository, ProgressRepository
from trustjournal.store.vault import Vault


@dataclass(frozen=True)
class GoalSaved:
    """A goal as it was and as it is, and the progress keys the save recorded (for Undo)."""

    before: Goal
    after: Goal
    recorded: tuple[str, ...]


class GoalSaving:
    """Stores an edited goal in one transaction; Undo puts it back as it was."""

    def __init__(self, *, vault: Vault, clock: Callable[[], datetime]) -> None:
        self._vault = vault
        self._clock = clock

    def save(self, goal: Goal) -> Outcome[GoalSaved]:
        """Store `goal` whole. A step newly done (a done time the goal did not have) and the
        goal newly reached go in the progress list once, to be acknowledged on Today; done
        times already there are kept as they were.

        Raises:
            GoalNotFoundError: if it is gone.
        """
        db = self._vault.db
        with db.transaction():
            goals = GoalRepository(db=db, clock=self._clock)
            progress = ProgressRepository(db=db, clock=self._clock)
            before = goals.get(goal.id or 0)
            if goal.state is not before.state:
                goal = goal.with_changes(state_at=self._clock())
            after = goals.update(goal)
            known = {step.done_at for step in before.steps if step.done_at is not None}
            records = [
                Progress(
                    key=step_key(after.id or 0, number),
                    what=ProgressKind.STEP,
                    reached_on=step.done_at.date(),
                    title=step.text,
                    goal_id=after.id,
                    step=number,
                )
                for number, step in enumerate(after.steps, start=1)
                if step.done_at is not None and step.done_at not in known
            ]
            if after.state is GoalState.REACHED and before.state is not GoalState.REACHED:
                records.append(
                    Progress(
                        key=goal_key(after.id or 0),
                        what=ProgressKind.GOAL,
                        reached_on=self._clock().date(),
                        title=after.title,
                        goal_id=after.id,
                    )
                )
            elif after.state is not GoalState.REACHED:
                progress.forget(goal_key(after.id or 0))
            recorded = tuple(r.key for r in records if progress.record(r)[1])
        return Outcome(GoalSaved(before, after, recorded), GOALS_AND_PROGRESS)

    def put_back(self, saved: GoalSaved) -> Outcome[Goal]:
        """Undo `save`: the goal as it was, and what it recorded out of the list again
        (unless already acknowledged: what was seen stays).

        Raises:
            GoalNotFoundError: if it is gone.
        """
        db = self._vault.db
        with db.transaction():
            progress = ProgressRepository(db=db, clock=self._clock)
            back = GoalRepository(db=db, clock=self._clock).update(saved.before)
            for key in saved.recorded:
                progress.forget(key)
        return Outcome(back, GOALS_AND_PROGRESS)
