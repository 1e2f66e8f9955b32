"""What is open: the vault, its settings, and the `Session` the pages get while it is open.

The store is imported only inside the methods: this module is built with the shell, which
must not load any database or crypto module before a journal is opened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from trustjournal.ui.events import JournalEvents
from trustjournal.ui.lock import LockManager
from trustjournal.ui.settings.auto_backup import back_up_then_close, is_due
from trustjournal.ui.tasks import ScopedTasks, Tasks
from trustjournal.ui.theme import ThemeManager

if TYPE_CHECKING:
    from datetime import datetime

    from trustjournal.store.settings import SettingsRepository
    from trustjournal.store.vault import Vault
    from trustjournal.ui.session import Session

log = logging.getLogger(__name__)


class JournalSession(QObject):
    """Owns the open vault (if any) and hands out one `Session` per stretch of it being shown.

    Signals:
        opening: a vault is about to be taken (nothing is open yet).
        opened: a vault was taken; its preferences are applied right after.
    """

    opening = Signal()
    opened = Signal()

    def __init__(
        self,
        *,
        tasks: Tasks,
        events: JournalEvents,
        lock_manager: LockManager,
        theme: ThemeManager,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._events = events
        self._lock_manager = lock_manager
        self._theme = theme
        self._clock = clock
        self._vault: Vault | None = None
        self._stretch = 0  # bumped on every begin and lock; the pages' tasks check it
        self._accepting = True
        self._changed = False  # whether this vault's session changed anything (for a backup)
        events.changed.connect(self._note_changed)

    @property
    def vault(self) -> Vault | None:
        """The open vault, or None while locked."""
        return self._vault

    @property
    def accepting(self) -> bool:
        """False once the app is closing: no vault is taken any more."""
        return self._accepting

    def refuse_new(self) -> None:
        """The app is closing: a vault that opens from now on is locked again at once."""
        self._accepting = False

    def adopt(self, vault: Vault) -> bool:
        """Take an opened vault, unless the app is closing or one is open (then lock it)."""
        from trustjournal.ui import preferences  # not needed before a journal opens

        if not self._accepting or self._vault is not None:
            vault.lock()
            return False
        self.opening.emit()
        self._vault = vault
        self._changed = False
        self.opened.emit()
        preferences.apply(
            preferences.load(self.settings()), lock_manager=self._lock_manager, theme=self._theme
        )
        return True

    def settings(self) -> SettingsRepository:
        """The preferences kept inside the open vault."""
        from trustjournal.services.stores import settings_of

        assert self._vault is not None
        return settings_of(self._vault)

    def recovery_code_unconfirmed(self) -> bool:
        """Whether the journal was locked before its recovery code was confirmed."""
        from trustjournal.ui.preferences import RECOVERY_CONFIRMED

        return self.settings().get(RECOVERY_CONFIRMED) is False

    def note_recovery_code(self, *, confirmed: bool) -> None:
        """Remember whether the recovery code shown last was confirmed."""
        from trustjournal.ui.preferences import RECOVERY_CONFIRMED

        self.settings().set(RECOVERY_CONFIRMED, confirmed)

    def begin(self) -> Session:
        """A new `Session` over the open vault; its tasks are held until `tasks.release()`."""
        from trustjournal.services.stores import session_stores
        from trustjournal.ui.session import Session

        vault = self._vault
        assert vault is not None
        self._stretch += 1
        stretch = self._stretch

        def is_open() -> bool:
            return self._stretch == stretch and self._vault is not None

        tasks = ScopedTasks(tasks=self._tasks, is_current=is_open)
        tasks.hold()  # the first page's background reads start once it has painted
        stores = session_stores(vault=vault, clock=self._clock)
        return Session(
            vault=vault,
            settings=stores.settings,
            drafts=stores.drafts,
            entries=stores.entries,
            tasks=tasks,
            events=self._events,
            clock=self._clock,
            is_open=is_open,
        )

    def lock(self, *, while_open: Callable[[], None]) -> bool:
        """End the session: its tasks' results are dropped from now, `while_open` runs (drafts
        are saved then), then the vault closes. False when nothing was open.

        If the session changed something and no backup was made today, the vault is handed to
        a background job that writes the backup and then closes it: the person sees the lock
        at once, and only the file's closing waits for the copy, off the UI thread.
        """
        if self._vault is None:
            return False
        self._stretch += 1
        while_open()
        vault, self._vault = self._vault, None
        if is_due(vault, changed=self._changed, clock=self._clock):
            back_up_then_close(vault, tasks=self._tasks, clock=self._clock)
            return True
        try:
            vault.lock()
        except Exception as exc:
            log.error("closing the journal failed: %s", type(exc).__name__)
        return True

    def _note_changed(self, _changes: object) -> None:
        if self._vault is not None:
            self._changed = True
