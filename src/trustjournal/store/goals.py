"""Goals with their steps in order, and the progress list (what was reached, acknowledged once)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from trustjournal.core.between import Goal, GoalStep, Progress
from trustjournal.core.errors import GoalNotFoundError
from trustjournal.core.times import from_micros
from trustjournal.store.db import Database
from trustjournal.store.entry_rows import moment_columns, utc_micros, utc_moment

_GOAL_COLUMNS = "id, title, why, target_day, state, state_utc, created_utc"
_PROGRESS_COLUMNS = "id, key, what, reached_day, title, goal_id, step, acknowledged_utc"


def _moment(micros: int | None, minutes: int | None) -> datetime | None:
    return from_micros(micros, minutes or 0) if micros is not None else None


class GoalRepository:
    """Goals in the encrypted database; a goal is saved whole, its steps with it."""

    def __init__(self, *, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def add(self, goal: Goal) -> Goal:
        """Store a new goal with its steps (an id it carries is kept: import, undo)."""
        now = utc_micros(self._clock())
        with self._db.transaction():
            cursor = self._db.execute(
                "INSERT INTO goals (id, title, why, target_day, state, state_utc, created_utc,"
                " updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    goal.id,
                    goal.title,
                    goal.why,
                    goal.target_on.isoformat() if goal.target_on else None,
                    goal.state.value,
                    utc_micros(goal.state_at) if goal.state_at else None,
                    utc_micros(goal.created_at) if goal.created_at else now,
                    now,
                ),
            )
            goal_id = int(cursor.lastrowid)
            self._write_steps(goal_id, goal.steps)
        return self.get(goal_id)

    def _write_steps(self, goal_id: int, steps: Sequence[GoalStep]) -> None:
        self._db.execute("DELETE FROM goal_steps WHERE goal_id = ?", (goal_id,))
        rows = []
        for position, step in enumerate(steps):
            micros = minutes = None
            if step.done_at is not None:
                micros, minutes, _day, _hour = moment_columns(step.done_at)
            rows.append((goal_id, position, step.text, micros, minutes))
        self._db.executemany(
            "INSERT INTO goal_steps (goal_id, position, text, done_utc, done_offset_min)"
            " VALUES (?, ?, ?, ?, ?)",
            rows,
        )

    def update(self, goal: Goal) -> Goal:
        """Store an edited goal: title, why, steps, target date and state.

        Raises:
            GoalNotFoundError: if it is gone.
        """
        if goal.id is None:
            raise GoalNotFoundError()
        with self._db.transaction():
            self.get(goal.id)
            self._db.execute(
                "UPDATE goals SET title = ?, why = ?, target_day = ?, state = ?, state_utc = ?,"
                " updated_utc = ? WHERE id = ?",
                (
                    goal.title,
                    goal.why,
                    goal.target_on.isoformat() if goal.target_on else None,
                    goal.state.value,
                    utc_micros(goal.state_at) if goal.state_at else None,
                    utc_micros(self._clock()),
                    goal.id,
                ),
            )
            self._write_steps(goal.id, goal.steps)
        return self.get(goal.id)

    def get(self, goal_id: int) -> Goal:
        """The goal with its steps, unless it is in the bin.

        Raises:
            GoalNotFoundError: if there is none.
        """
        row = self._db.query_one(
            f"SELECT {_GOAL_COLUMNS} FROM goals WHERE id = ? AND deleted_utc IS NULL",  # noqa: S608
            (goal_id,),
        )
        if row is None:
            raise GoalNotFoundError()
        return self._goal(row)

    def _goal(self, row: Sequence[Any]) -> Goal:
        steps = tuple(
            GoalStep(text=text, done_at=_moment(micros, minutes))
            for text, micros, minutes in self._db.query(
                "SELECT text, done_utc, done_offset_min FROM goal_steps WHERE goal_id = ?"
                " ORDER BY position",
                (row[0],),
            )
        )
        return Goal(
            id=row[0],
            title=row[1],
            why=row[2],
            target_on=date.fromisoformat(row[3]) if row[3] else None,
            state=row[4],
            state_at=utc_moment(row[5]) if row[5] is not None else None,
            created_at=utc_moment(row[6]),
            steps=steps,
        )

    def list(self) -> list[Goal]:
        """Every goal not in the bin, oldest first."""
        rows = self._db.query(
            f"SELECT {_GOAL_COLUMNS} FROM goals WHERE deleted_utc IS NULL"  # noqa: S608
            " ORDER BY created_utc, id"
        )
        return [self._goal(row) for row in rows]

    def set_deleted(self, goal_id: int, deleted: bool) -> None:
        """Move a goal to the bin, or bring it back.

        Raises:
            GoalNotFoundError: if there is no such goal.
        """
        with self._db.transaction():
            cursor = self._db.execute(
                "UPDATE goals SET deleted_utc = ? WHERE id = ?",
                (utc_micros(self._clock()) if deleted else None, goal_id),
            )
            if cursor.rowcount == 0:
                raise GoalNotFoundError()


class ProgressRepository:
    """What was reached: recorded once per key, acknowledged once."""

    def __init__(self, *, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def record(self, progress: Progress) -> tuple[Progress, bool]:
        """Record something reached, unless it is already recorded.

        Returns:
            The record as stored (the earlier one, if any) and whether it is new.
        """
        with self._db.transaction():
            cursor = self._db.execute(
                f"INSERT OR IGNORE INTO progress ({_PROGRESS_COLUMNS})"  # noqa: S608
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    progress.id,
                    progress.key,
                    progress.what.value,
                    progress.reached_on.isoformat(),
                    progress.title,
                    progress.goal_id,
                    progress.step,
                    utc_micros(progress.acknowledged_at) if progress.acknowledged_at else None,
                ),
            )
            stored = self.by_key(progress.key)
        assert stored is not None  # inserted or already there, in this transaction
        return stored, cursor.rowcount == 1

    def by_key(self, key: str) -> Progress | None:
        """The record for `key`, if any."""
        row = self._db.query_one(
            f"SELECT {_PROGRESS_COLUMNS} FROM progress WHERE key = ?",  # noqa: S608
            (key,),
        )
        return _progress(row) if row is not None else None

    def forget(self, key: str) -> None:
        """Remove a record never acknowledged (the undo of what recorded it)."""
        self._db.execute("DELETE FROM progress WHERE key = ? AND acknowledged_utc IS NULL", (key,))

    def set_acknowledged(self, key: str, at: datetime | None) -> None:
        """Mark a record acknowledged at `at` (None: not yet, the undo)."""
        self._db.execute(
            "UPDATE progress SET acknowledged_utc = ? WHERE key = ?",
            (utc_micros(at) if at else None, key),
        )

    def list(self, *, unacknowledged_only: bool = False) -> list[Progress]:
        """The progress list, in the order things were reached."""
        where = " WHERE acknowledged_utc IS NULL" if unacknowledged_only else ""
        rows = self._db.query(
            f"SELECT {_PROGRESS_COLUMNS} FROM progress{where}"  # noqa: S608
            " ORDER BY reached_day, id"
        )
        return [_progress(row) for row in rows]


def _progress(row: Sequence[Any]) -> Progress:
    return Progress(
        id=row[0],
        key=row[1],
        what=row[2],
        reached_on=date.fromisoformat(row[3]),
        title=row[4],
        goal_id=row[5],
        step=row[6],
        acknowledged_at=utc_moment(row[7]) if row[7] is not None else None,
    )
