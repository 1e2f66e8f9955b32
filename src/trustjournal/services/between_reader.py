"""What the pages and the CLI read between sessions: homework with its weeks, goals, progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from trustjournal.core.between import Goal, Homework, Progress
from trustjournal.services.milestones import Milestone, find_milestones
from trustjournal.store import between_queries
from trustjournal.store.goals import GoalRepository, ProgressRepository
from trustjournal.store.homework import HomeworkRepository
from trustjournal.store.homework_progress import Week, monday_of, weekly_progress
from trustjournal.store.vault import Vault


@dataclass(frozen=True)
class HomeworkProgress:
    """A homework item and its weeks so far (this week's target is the whole week's)."""

    item: Homework
    weeks: tuple[Week, ...]

    @property
    def this_week(self) -> Week | None:
        """The last week shown: the current one while the item runs."""
        return self.weeks[-1] if self.weeks else None


class BetweenReader:
    """Reads for Today, the Share page, the Journal and the CLI; it changes nothing."""

    def __init__(self, *, vault: Vault, clock: Callable[[], datetime]) -> None:
        self._vault = vault
        self._clock = clock

    def homework(self, today: date, *, include_ended: bool = True) -> list[HomeworkProgress]:
        """Every item (not in the bin) with its weeks from its start to the end of this week."""
        items = HomeworkRepository(db=self._vault.db, clock=self._clock).list(
            include_ended=include_ended
        )
        if not items:
            return []
        sunday = monday_of(today) + timedelta(days=6)
        start = min(item.start for item in items)
        weeks = weekly_progress(self._vault.db, [i.id or 0 for i in items], start=start, end=sunday)
        return [HomeworkProgress(i, tuple(weeks.get(i.id or 0, ()))) for i in items]

    def homework_item(self, homework_id: int, today: date) -> HomeworkProgress:
        """One item with its weeks.

        Raises:
            HomeworkNotFoundError: if it is gone.
        """
        item = HomeworkRepository(db=self._vault.db, clock=self._clock).get(homework_id)
        sunday = monday_of(today) + timedelta(days=6)
        weeks = weekly_progress(self._vault.db, [homework_id], start=item.start, end=sunday)
        return HomeworkProgress(item, tuple(weeks.get(homework_id, ())))

    def goals(self) -> list[Goal]:
        """Every goal not in the bin, oldest first, with its steps."""
        return GoalRepository(db=self._vault.db, clock=self._clock).list()

    def progress(self, *, unacknowledged_only: bool = False) -> list[Progress]:
        """The progress list (or only what is still to be acknowledged, for Today)."""
        repo = ProgressRepository(db=self._vault.db, clock=self._clock)
        return repo.list(unacknowledged_only=unacknowledged_only)

    def milestones(self, today: date) -> list[Milestone]:
        """Every milestone the data holds as of today, with its numbers."""
        items = HomeworkRepository(db=self._vault.db, clock=self._clock).list()
        return find_milestones(self._vault.db, items, today=today)

    def next_session(self, now: datetime) -> datetime | None:
        """When the next session is, as recorded on a session entry (None: none ahead)."""
        return between_queries.next_session(self._vault.db, now)

    def last_session_day(self, today: date, *, include_private: bool = True) -> date | None:
        """The day of the latest session up to today (the Share page's "since my last
        session"; pass include_private=False for anything shared)."""
        return between_queries.last_session_day(
            self._vault.db, on_or_before=today, include_private=include_private
        )
