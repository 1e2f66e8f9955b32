"""Backups found in a folder while the journal is locked (or cannot be opened), and restoring one.

Nothing here needs the journal's key: a folder is read by names only, so the unlock screen can
offer the backups of a journal that no longer opens. Which folder the person chose in Settings
is kept inside the encrypted journal, so the journal's own `backups/` is where the search starts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from trustjournal.core.errors import UserFacingError
from trustjournal.core.i18n import _
from trustjournal.services.backups import BackupInfo, restore
from trustjournal.store.keyfile import read_keyfile
from trustjournal.store.layout import BACKUPS_DIR, DB_FILE, KEY_FILE, Layout, classify

_STAMPED = re.compile(r"^[a-z][a-z0-9-]*?-(\d{8}T\d{6}Z)(?:-(\d+))?$")


class SecretsOfBackup(Enum):
    """Which secrets open a backup about to be restored, as far as can be told unopened."""

    SAME = "same"  # made under the passphrase of now
    EARLIER = "earlier"  # made under an earlier passphrase: that one works, and today's too
    OWN_ONLY = "own_only"  # the journal's key file cannot be read: only the backup's secrets


@dataclass(frozen=True)
class FoundBackups:
    """What a folder holds: its backups of this journal, newest first, and what is wrong."""

    folder: Path
    backups: list[BackupInfo]
    problem: str | None = None


def default_folder(vault_dir: Path) -> Path:
    """The journal's own backups folder, where automatic backups go unless moved."""
    return vault_dir / BACKUPS_DIR


def find_backups(folder: Path, vault_dir: Path) -> FoundBackups:
    """The complete backups in `folder` (or `folder` itself, if it is one), newest first.

    When the journal's key file can be read, backups of other journals are left out; when it
    cannot, every backup is offered, since none can be told apart. Links are never followed.
    Never raises for a folder that cannot be read: `problem` says so.
    """
    if _is_copy(folder):
        candidates = [folder]
    else:
        try:
            names = sorted(os.listdir(folder))
        except FileNotFoundError:
            names = []  # no backups made there yet
        except OSError:
            return FoundBackups(folder, [], _("That folder could not be read."))
        candidates = [folder / n for n in names if not n.startswith(".")]
    journal_id = _vault_id(vault_dir)
    found = [
        _info(path)
        for path in candidates
        if path.resolve() != vault_dir.resolve()
        and _is_copy(path)
        and (journal_id is None or _vault_id(path) == journal_id)
    ]
    found.sort(key=lambda info: info.made_at, reverse=True)
    return FoundBackups(folder, found)


def secrets_of(backup: Path, vault_dir: Path) -> SecretsOfBackup:
    """Which secrets will open `backup` when restored over the journal at `vault_dir`."""
    try:
        current = read_keyfile(vault_dir / KEY_FILE)
    except UserFacingError:
        return SecretsOfBackup.OWN_ONLY
    try:
        own = read_keyfile(backup / KEY_FILE)
    except UserFacingError:
        return SecretsOfBackup.SAME  # restoring it will say what is wrong
    return SecretsOfBackup.SAME if own.passphrase == current.passphrase else SecretsOfBackup.EARLIER


def restore_over_locked(
    backup: Path, vault_dir: Path, secret: str, *, clock: Callable[[], datetime]
) -> None:
    """Restore `backup` over the journal at `vault_dir`, which is locked or cannot be opened.

    What is there now is kept first as `backups/before-restore-…` (a damaged journal byte for
    byte, key file included), then the backup is put in place (see `backups.restore`).
    `secret` is a passphrase or a recovery code, the journal's or the backup's.

    Raises:
        WrongSecretError: if it opens neither; nothing was changed.
        UserFacingError: anything else that stopped it; the journal is as it was.
    """
    restore(backup, vault_dir, secret, clock=clock)


def _is_copy(path: Path) -> bool:
    try:
        return not path.is_symlink() and classify(path) is Layout.VAULT
    except UserFacingError:
        return False


def _vault_id(path: Path) -> str | None:
    try:
        return read_keyfile(path / KEY_FILE).vault_id
    except UserFacingError:
        return None


def _info(path: Path) -> BackupInfo:
    found = _STAMPED.match(path.name)
    if found is not None:
        moment = datetime.strptime(found.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        moment = moment.replace(microsecond=min(int(found.group(2) or 1) - 1, 999_999))
    else:
        try:
            moment = datetime.fromtimestamp((path / DB_FILE).stat().st_mtime, UTC)
        except OSError:
            moment = datetime.fromtimestamp(0, UTC)
    size = 0
    for name in (KEY_FILE, DB_FILE):
        try:
            size += (path / name).lstat().st_size
        except OSError:
            continue
    return BackupInfo(path, moment, size, None)
