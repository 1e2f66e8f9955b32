"""What pages get while the journal is open: the vault's repositories and the shell's helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trustjournal.store.drafts import DraftRepository
    from trustjournal.store.entries import EntryRepository
    from trustjournal.store.settings import SettingsRepository
    from trustjournal.store.vault import Vault
    from trustjournal.ui.events import JournalEvents
    from trustjournal.ui.operations import SessionServices
    from trustjournal.ui.tasks import ScopedTasks


@dataclass(frozen=True)
class Session:
    """One unlocked stretch of time; everything in it is useless once the journal locks.

    Attributes:
        vault: the open vault.
        settings: preferences stored inside the vault.
        drafts: encrypted unfinished text.
        entries: the journal's entries.
        tasks: background work whose results are dropped after locking.
        events: the one "journal changed" channel.
        clock: now, as an aware datetime in the local offset.
        is_open: whether this session is still the current, unlocked one.
        services: the use cases (operations) and figures (insights) over this vault.
    """

    vault: Vault
    settings: SettingsRepository
    drafts: DraftRepository
    entries: EntryRepository
    tasks: ScopedTasks
    events: JournalEvents
    clock: Callable[[], datetime]
    is_open: Callable[[], bool]

    @property
    def services(self) -> SessionServices:
        """Made from the fields above on each use (cheap), so whoever makes a Session, or a copy
        of one, needs no change."""
        from trustjournal.ui.operations import SessionServices

        return SessionServices(vault=self.vault, clock=self.clock, events=self.events)
