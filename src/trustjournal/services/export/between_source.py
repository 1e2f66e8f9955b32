"""What the sessions section reads besides entries: homework with its weeks, goals, progress."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, datetime
from typing import Protocol

from trustjournal.core.between import Goal, Homework, Progress
from trustjournal.store.db import Database
from trustjournal.store.goals import GoalRepository, ProgressRepository
from trustjournal.store.homework import HomeworkRepository
from trustjournal.store.homework_progress import Week, weekly_progress
from trustjournal.store.vault import Vault


class BetweenSource(Protocol):
    """Homework and goals for a summary (VaultBetween reads them from the vault)."""

    def homework(self) -> Sequence[Homework]:
        """Every homework item not in the bin, ended ones too, but none agreed in a private
        session."""
        ...

    def weeks(
        self, item_ids: Sequence[int], *, start: date, end: date, only_entries: Collection[int]
    ) -> Mapping[int, Sequence[Week]]:
        """Each item's weeks within `start`..`end`, counting only `only_entries`."""
        ...

    def goals(self) -> Sequence[Goal]:
        """Every goal not in the bin, with its steps."""
        ...

    def progress(self) -> Sequence[Progress]:
        """The progress list, in the order things were reached."""
        ...


class VaultBetween:
    """Reads homework, its weekly progress and goals from an open vault (safe in a worker)."""

    def __init__(self, *, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def homework(self) -> list[Homework]:
        """Every homework item not in the bin, ended ones too, but none agreed in a private
        session: a summary shows nothing of what a private session holds (SECURITY.md)."""
        items = HomeworkRepository(db=self._db, clock=self._clock).list(include_ended=True)
        private = {
            row[0]
            for row in self._db.query(
                "SELECT id FROM entries WHERE kind = 'session' AND private = 1"
            )
        }
        return [item for item in items if item.session_id not in private]

    def weeks(
        self, item_ids: Sequence[int], *, start: date, end: date, only_entries: Collection[int]
    ) -> dict[int, list[Week]]:
        """Each item's weeks within `start`..`end`, counting only `only_entries` (and ticks)."""
        return weekly_progress(self._db, item_ids, start=start, end=end, only_entries=only_entries)

    def goals(self) -> list[Goal]:
        """Every goal not in the bin, with its steps."""
        return GoalRepository(db=self._db, clock=self._clock).list()

    def progress(self) -> list[Progress]:
        """The progress list, in the order things were reached (milestones too: the summary
        leaves those out)."""
        return ProgressRepository(db=self._db, clock=self._clock).list()


def between_source(*, vault: Vault, clock: Callable[[], datetime]) -> VaultBetween:
    """The homework and goals of the open `vault`, for the sessions section of a summary."""
    return VaultBetween(db=vault.db, clock=clock)
