"""Between sessions: the operations on homework, goals and progress, each with its undo pair.

Every method is one transaction and returns an Outcome whose value is what Undo needs: the
item as it was before, or the id to take back. Nothing is removed for good: homework is ended
or binned, a tick taken back is kept aside, a step undone keeps the goal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

from trustjournal.core.between import (
    DoneMark,
    Goal,
    GoalState,
    Homework,
    Progress,
    ProgressKind,
)
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.services.changes import Change, Outcome
from trustjournal.services.milestones import find_milestones
from trustjournal.store.goals import GoalRepository, ProgressRepository
from trustjournal.store.homework import HomeworkRepository
from trustjournal.store.vault import Vault

HOMEWORK = frozenset({Change.HOMEWORK})
GOALS = frozenset({Change.GOALS})
GOALS_AND_PROGRESS = frozenset({Change.GOALS, Change.PROGRESS})
PROGRESS = frozenset({Change.PROGRESS})

T = TypeVar("T")


@dataclass(frozen=True)
class Edited(Generic[T]):
    """A thing as it was before an operation (for Undo) and as it is now."""

    before: T
    after: T


def step_key(goal_id: int, number: int) -> str:
    """The progress key of step `number` (from 1) of a goal."""
    return f"step:{goal_id}:{number}"


def goal_key(goal_id: int) -> str:
    """The progress key of a goal reached."""
    return f"goal:{goal_id}"


class BetweenOperations:
    """What may change homework, goals and progress; Qt-free, so the CLI and tests use it."""

    def __init__(self, *, vault: Vault, clock: Callable[[], datetime]) -> None:
        self._vault = vault
        self._clock = clock

    def _homework(self) -> HomeworkRepository:
        return HomeworkRepository(db=self._vault.db, clock=self._clock)

    def _goals(self) -> GoalRepository:
        return GoalRepository(db=self._vault.db, clock=self._clock)

    def _progress(self) -> ProgressRepository:
        return ProgressRepository(db=self._vault.db, clock=self._clock)

    # --- homework ------------------------------------------------------------------------------

    def add_homework(self, item: Homework) -> Outcome[Homework]:
        """Store a new item (undo: `delete_homework`)."""
        with self._vault.db.transaction():
            stored = self._homework().add(item)
        return Outcome(stored, HOMEWORK)

    def edit_homework(self, item: Homework) -> Outcome[Edited[Homework]]:
        """Store an edited item; its ticks stay (undo: `edit_homework(before)`).

        Raises:
            HomeworkNotFoundError: if it is gone.
        """
        with self._vault.db.transaction():
            repo = self._homework()
            before = repo.get(item.id or 0)
            after = repo.update(item)
        return Outcome(Edited(before, after), HOMEWORK)

    def end_homework(self, homework_id: int, on: date) -> Outcome[Edited[Homework]]:
        """End an item on `on`: its weeks until then stay as they were (undo: `edit_homework`).

        Raises:
            HomeworkNotFoundError: if it is gone.
            ValidationError: if it would end before it starts, or has already ended.
        """
        with self._vault.db.transaction():
            repo = self._homework()
            before = repo.get(homework_id)
            if before.ended_on is not None:
                raise ValidationError(_("This homework has already ended."), field="ended_on")
            if on < before.start:
                raise ValidationError(
                    _("This homework starts later; it cannot end before it starts."),
                    field="ended_on",
                )
            after = repo.update(before.with_changes(ended_on=on))
        return Outcome(Edited(before, after), HOMEWORK)

    def delete_homework(self, homework_id: int) -> Outcome[Homework]:
        """Move an item to the bin, its ticks with it (undo: `undelete_homework`)."""
        with self._vault.db.transaction():
            repo = self._homework()
            before = repo.get(homework_id)
            repo.set_deleted(homework_id, True)
        return Outcome(before, HOMEWORK)

    def undelete_homework(self, homework_id: int) -> Outcome[Homework]:
        """Bring an item back from the bin."""
        with self._vault.db.transaction():
            repo = self._homework()
            repo.set_deleted(homework_id, False)
            back = repo.get(homework_id)
        return Outcome(back, HOMEWORK)

    def mark_done(self, homework_id: int, at: datetime) -> Outcome[DoneMark]:
        """Tick a manual item done at `at` (undo: `take_back_mark(mark.id)`).

        Raises:
            HomeworkNotFoundError: if it is gone.
            ValidationError: if it is counted from entries (ticking it would count twice).
        """
        with self._vault.db.transaction():
            repo = self._homework()
            item = repo.get(homework_id)
            if item.counts.value != "manual":
                raise ValidationError(
                    _(
                        "This homework counts entries you write, so it is done by writing them, "
                        "not by ticking it."
                    ),
                    field="counts",
                )
            mark = repo.add_mark(DoneMark(homework_id=homework_id, at=at))
        return Outcome(mark, HOMEWORK)

    def take_back_mark(self, mark_id: int) -> Outcome[DoneMark]:
        """Take a tick back; it is kept aside (undo: `restore_mark`)."""
        with self._vault.db.transaction():
            mark = self._homework().set_mark_taken_back(mark_id, True)
        return Outcome(mark, HOMEWORK)

    def restore_mark(self, mark_id: int) -> Outcome[DoneMark]:
        """Bring a tick back that was taken back."""
        with self._vault.db.transaction():
            mark = self._homework().set_mark_taken_back(mark_id, False)
        return Outcome(mark, HOMEWORK)

    # --- goals ---------------------------------------------------------------------------------

    def add_goal(self, goal: Goal) -> Outcome[Goal]:
        """Store a new goal (undo: `delete_goal`)."""
        with self._vault.db.transaction():
            stored = self._goals().add(goal)
        return Outcome(stored, GOALS)

    def edit_goal(self, goal: Goal) -> Outcome[Edited[Goal]]:
        """Store an edited goal (undo: `edit_goal(before)`).

        Raises:
            GoalNotFoundError: if it is gone.
        """
        with self._vault.db.transaction():
            repo = self._goals()
            before = repo.get(goal.id or 0)
            after = repo.update(goal)
        return Outcome(Edited(before, after), GOALS)

    def delete_goal(self, goal_id: int) -> Outcome[Goal]:
        """Move a goal to the bin (undo: `undelete_goal`)."""
        with self._vault.db.transaction():
            repo = self._goals()
            before = repo.get(goal_id)
            repo.set_deleted(goal_id, True)
        return Outcome(before, GOALS_AND_PROGRESS)

    def undelete_goal(self, goal_id: int) -> Outcome[Goal]:
        """Bring a goal back from the bin."""
        with self._vault.db.transaction():
            repo = self._goals()
            repo.set_deleted(goal_id, False)
            back = repo.get(goal_id)
        return Outcome(back, GOALS_AND_PROGRESS)

    def mark_step_done(self, goal_id: int, number: int, at: datetime) -> Outcome[Edited[Goal]]:
        """Mark step `number` (from 1) done at `at`, and put it in the progress list once.

        Undo: `mark_step_undone(goal_id, number)`.

        Raises:
            GoalNotFoundError: if it is gone.
            ValidationError: if the goal has no such step, or it is done already.
        """
        with self._vault.db.transaction():
            repo = self._goals()
            before = repo.get(goal_id)
            index = before.step_index(number)
            step = before.steps[index]
            if step.done_at is not None:
                raise ValidationError(_("That step is already done."), field="step")
            steps = list(before.steps)
            steps[index] = step.with_changes(done_at=at)
            after = repo.update(before.with_changes(steps=tuple(steps)))
            self._progress().record(
                Progress(
                    key=step_key(goal_id, number),
                    what=ProgressKind.STEP,
                    reached_on=at.date(),
                    title=step.text,
                    goal_id=goal_id,
                    step=number,
                )
            )
        return Outcome(Edited(before, after), GOALS_AND_PROGRESS)

    def mark_step_undone(self, goal_id: int, number: int) -> Outcome[Edited[Goal]]:
        """Mark a step not done; its progress record goes too unless it was acknowledged
        (an acknowledgement happens once, so what was seen stays in the list).

        Raises:
            GoalNotFoundError: if it is gone.
            ValidationError: if the goal has no such step.
        """
        with self._vault.db.transaction():
            repo = self._goals()
            before = repo.get(goal_id)
            index = before.step_index(number)
            steps = list(before.steps)
            steps[index] = steps[index].with_changes(done_at=None)
            after = repo.update(before.with_changes(steps=tuple(steps)))
            self._progress().forget(step_key(goal_id, number))
        return Outcome(Edited(before, after), GOALS_AND_PROGRESS)

    def set_goal_state(self, goal_id: int, state: GoalState, at: datetime) -> Outcome[Edited[Goal]]:
        """Mark a goal reached, set aside, or working on it again (undo: back to `before.state`).

        A goal without steps, or with steps not done, may be reached: the person says so.
        Reaching it puts it in the progress list once; leaving "reached" before it was
        acknowledged takes it out again.

        Raises:
            GoalNotFoundError: if it is gone.
        """
        state = GoalState(state)
        with self._vault.db.transaction():
            repo = self._goals()
            before = repo.get(goal_id)
            after = repo.update(before.with_changes(state=state, state_at=at))
            progress = self._progress()
            if state is GoalState.REACHED:
                progress.record(
                    Progress(
                        key=goal_key(goal_id),
                        what=ProgressKind.GOAL,
                        reached_on=at.date(),
                        title=before.title,
                        goal_id=goal_id,
                    )
                )
            else:
                progress.forget(goal_key(goal_id))
        return Outcome(Edited(before, after), GOALS_AND_PROGRESS)

    # --- progress ------------------------------------------------------------------------------

    def record_progress(self, progress: Progress) -> Outcome[tuple[Progress, bool]]:
        """Put something reached (e.g. a milestone found) in the progress list, once.

        Returns:
            The record and whether it is new (undo of a new one: `forget_progress(key)`).
        """
        with self._vault.db.transaction():
            result = self._progress().record(progress)
        return Outcome(result, PROGRESS if result[1] else frozenset())

    def forget_progress(self, key: str) -> Outcome[None]:
        """Remove a record not yet acknowledged (the undo of `record_progress`)."""
        with self._vault.db.transaction():
            self._progress().forget(key)
        return Outcome(None, PROGRESS)

    def acknowledge(self, key: str, at: datetime) -> Outcome[Progress]:
        """Mark a record acknowledged, so it is shown warmly once and then only listed.

        Returns:
            The record as it was before (undo: `unacknowledge(key)`).

        Raises:
            ValidationError: if there is no such record.
        """
        with self._vault.db.transaction():
            repo = self._progress()
            before = repo.by_key(key)
            if before is None:
                raise ValidationError(_("There is no such progress to acknowledge."), field="id")
            if before.acknowledged_at is None:
                repo.set_acknowledged(key, at)
        return Outcome(before, PROGRESS)

    def record_milestones(self, today: date) -> Outcome[list[Progress]]:
        """Put every milestone found as of `today` in the progress list, each once.

        Returns:
            The records that are new (undo: `forget_progress` for each).
        """
        with self._vault.db.transaction():
            items = self._homework().list()
            progress = self._progress()
            new = [
                stored
                for stored, is_new in (
                    progress.record(m.as_progress())
                    for m in find_milestones(self._vault.db, items, today=today)
                )
                if is_new
            ]
        return Outcome(new, PROGRESS if new else frozenset())

    def unacknowledge(self, key: str) -> Outcome[None]:
        """Take an acknowledgement back (the undo of `acknowledge`)."""
        with self._vault.db.transaction():
            self._progress().set_acknowledged(key, None)
        return Outcome(None, PROGRESS)
