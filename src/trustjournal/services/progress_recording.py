"""Milestones found put in the progress list in one short transaction, found outside it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from trustjournal.core.between import Progress
from trustjournal.services.between import PROGRESS
from trustjournal.services.changes import Outcome
from trustjournal.services.milestones import Milestone
from trustjournal.store.goals import ProgressRepository
from trustjournal.store.vault import Vault


def record_found(
    *, vault: Vault, clock: Callable[[], datetime], found: Iterable[Milestone]
) -> Outcome[list[Progress]]:
    """Record each milestone once (as `BetweenOperations.record_milestones` does), given the
    milestones already found: finding them takes about 0.2 s at 100 000 entries, and the
    one connection is held by a transaction for all of its length.

    Returns:
        The records that are new (undo: `forget_progress` for each).
    """
    with vault.db.transaction():
        repo = ProgressRepository(db=vault.db, clock=clock)
        new = [stored for stored, is_new in (repo.record(m.as_progress()) for m in found) if is_new]
    return Outcome(new, PROGRESS if new else frozenset())


def acknowledge_all(
    *, vault: Vault, clock: Callable[[], datetime], keys: Iterable[str], at: datetime
) -> Outcome[list[str]]:
    """Acknowledge several records at once ("Thank you for those too"), in one transaction;
    a record already acknowledged keeps its moment.

    Returns:
        The keys acknowledged now (undo: `unacknowledge` for each).
    """
    with vault.db.transaction():
        repo = ProgressRepository(db=vault.db, clock=clock)
        now = []
        for key in keys:
            record = repo.by_key(key)
            if record is not None and record.acknowledged_at is None:
                repo.set_acknowledged(key, at)
                now.append(key)
    return Outcome(now, PROGRESS if now else frozenset())
