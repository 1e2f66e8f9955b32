"""The repositories a session reads through, built here so the UI never constructs one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from trustjournal.services.between import BetweenOperations
from trustjournal.services.between_reader import BetweenReader
from trustjournal.store.drafts import DraftRepository
from trustjournal.store.entries import EntryRepository
from trustjournal.store.exports import ExportLogRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault


@dataclass(frozen=True)
class SessionStores:
    """What an open session reads (and, until each moves onto `Operations`, writes) through."""

    settings: SettingsRepository
    drafts: DraftRepository
    entries: EntryRepository


def settings_of(vault: Vault) -> SettingsRepository:
    """The preferences kept inside the open vault."""
    return SettingsRepository(db=vault.db)


def session_stores(*, vault: Vault, clock: Callable[[], datetime]) -> SessionStores:
    """The repositories of a new session over the open `vault`."""
    return SessionStores(
        settings=settings_of(vault),
        drafts=DraftRepository(db=vault.db, clock=clock),
        entries=EntryRepository(db=vault.db, clock=clock),
    )


def between_reader(*, vault: Vault, clock: Callable[[], datetime]) -> BetweenReader:
    """Homework with its weeks, goals, progress and milestones, and the sessions around now."""
    return BetweenReader(vault=vault, clock=clock)


def between_operations(*, vault: Vault, clock: Callable[[], datetime]) -> BetweenOperations:
    """The changes to homework, goals and progress (each with its undo pair)."""
    return BetweenOperations(vault=vault, clock=clock)


def export_history(*, vault: Vault, clock: Callable[[], datetime]) -> ExportLogRepository:
    """The list of summaries shared, and when (the Share page shows it under Save)."""
    return ExportLogRepository(db=vault.db, clock=clock)
