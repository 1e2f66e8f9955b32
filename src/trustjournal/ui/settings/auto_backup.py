"""The automatic backup a session leaves as it ends: written in the background, then closed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trustjournal.ui.tasks import Tasks

if TYPE_CHECKING:
    from trustjournal.store.vault import Vault

log = logging.getLogger(__name__)


def is_due(vault: Vault, *, changed: bool, clock: Callable[[], datetime]) -> bool:
    """Whether the ending session should leave a backup (never raises: locking goes on)."""
    from trustjournal.services.backups import BackupService

    if not changed:
        return False
    try:
        return BackupService(vault=vault, clock=clock).due(changed=True)
    except Exception as exc:  # a folder that cannot be read must never hold up a lock
        log.warning("could not tell whether a backup is due: %s", type(exc).__name__)
        return False


def back_up_then_close(vault: Vault, *, tasks: Tasks, clock: Callable[[], datetime]) -> None:
    """Write a backup of `vault` on a worker, then close it there.

    The journal is already locked for the person (the screen, the pages, the session's tasks):
    only the closing of the file and the wiping of the key wait for the copy, off the UI
    thread. A backup that fails leaves no folder behind (`BackupService.back_up_now`).
    """
    from trustjournal.services.backups import BackupService

    def work() -> Path:
        try:
            return BackupService(vault=vault, clock=clock).back_up_now()
        finally:
            vault.lock()

    def done(_folder: Path) -> None:
        log.info("automatic backup written")

    def failed(exc: BaseException) -> None:
        log.warning("automatic backup failed: %s", type(exc).__name__)

    tasks.run_in_background(work, done, failed)
