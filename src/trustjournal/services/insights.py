"""The figures the pages show (Today's week and streak, coping, categories), read in one place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from trustjournal.core.periods import Period
from trustjournal.store import aggregates
from trustjournal.store.aggregates import CopingEffect, DailyMood
from trustjournal.store.db import Database
from trustjournal.store.vault import Vault
from trustjournal.store.vocabulary import VocabularyList, VocabularyRepository

__all__ = ["CopingEffect", "DailyMood", "Insights", "category_choices"]


class Insights:
    """Read-only figures over the open vault; safe to call from a background task.

    The database is looked up on each call, so a locked vault says so (VaultLockedError)
    rather than reading through a closed connection.
    """

    def __init__(self, *, vault: Vault, clock: Callable[[], datetime]) -> None:
        self._vault = vault
        self._clock = clock

    def daily_mood(self, period: Period | None) -> list[DailyMood]:
        """Mood, connection and trust averaged per lived day in `period` (None: all time)."""
        return aggregates.daily_mood(self._vault.db, period)

    def streak(self, today: date, days: int = 7) -> int:
        """On how many of the last `days` days (today included) there was a mood check-in."""
        return aggregates.streak(self._vault.db, today, days)

    def coping_effect(self, period: Period | None = None) -> list[CopingEffect]:
        """How each coping strategy went in the trigger records that used it."""
        return aggregates.coping_effect(self._vault.db, period)

    def category_choices(self) -> list[str]:
        """Every category offered or used by a record: the person's list first, hidden ones too."""
        return category_choices(self._vault.db, self._clock)


def category_choices(db: Database, clock: Callable[[], datetime]) -> list[str]:
    """Every category offered or used by a record: the person's list first, hidden ones too."""
    vocabulary = VocabularyRepository(db=db, clock=clock)
    names = [i.name for i in vocabulary.items(VocabularyList.CATEGORY, include_hidden=True)]
    known = {n.casefold() for n in names}
    for used, _count in aggregates.triggers_by_category(db, None):
        if used and used.casefold() not in known:
            known.add(used.casefold())
            names.append(used)
    return names
