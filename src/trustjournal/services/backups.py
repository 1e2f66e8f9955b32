"""Automatic, rotating backups: where they go, when to make one, which to keep, check, restore.

A backup is the encrypted vault itself (a key file and a checked snapshot, `store.backup`), so
the folder may be on another disk or a synced folder. Automatic backups are named
`auto-<UTC stamp>`; only those are ever removed by the rule, never a folder the person made.
By default they live in the vault's own `backups/` folder, where a purge finds them (S19).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from trustjournal.core.errors import UserFacingError, VaultLockedError, WrongSecretError
from trustjournal.core.i18n import _
from trustjournal.store.db import translate_errors
from trustjournal.store.files import fsync_directory, make_private_dir, make_private_subdir
from trustjournal.store.keyfile import SlotName, normalise_recovery_code, read_keyfile, unwrap
from trustjournal.store.layout import BACKUPS_DIR, KEY_FILE
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault

FOLDER_SETTING = "backups.folder"  # a path chosen by the person, or absent for the default
AUTOMATIC_SETTING = "backups.automatic"  # on unless turned off
PREFIX = "auto-"
_NAME = re.compile(r"^auto-(\d{8}T\d{6}Z)(?:-(\d+))?$")
_PARTIAL = re.compile(r"^\.auto-\d{8}T\d{6}Z(?:-\d+)?\.partial$")

DAILY_DAYS = 7  # one a day for a week
WEEKLY_DAYS = 31  # one a week for a month
MONTHLY_DAYS = 365  # one a month for a year


def to_keep(made: Iterable[datetime], today: date) -> set[datetime]:
    """The backups the rule keeps, given when each was made (local times) and today.

    The newest is always kept; then the newest of each day for the last week, of each ISO week
    for the last month, and of each month for the last year. A backup dated after today (a
    clock that was wrong) is kept: the rule never removes what it cannot place.
    """
    newest_first = sorted(set(made), reverse=True)
    if not newest_first:
        return set()
    kept = {newest_first[0]}
    buckets: set[tuple[str, object]] = set()
    for moment in newest_first:
        age = (today - moment.date()).days
        bucket: tuple[str, object]
        if age < 0:
            kept.add(moment)
            continue
        if age < DAILY_DAYS:
            bucket = ("day", moment.date())
        elif age < WEEKLY_DAYS:
            bucket = ("week", moment.isocalendar()[:2])
        elif age < MONTHLY_DAYS:
            bucket = ("month", (moment.year, moment.month))
        else:
            continue
        if bucket not in buckets:
            buckets.add(bucket)
            kept.add(moment)
    return kept


def should_back_up(*, enabled: bool, changed: bool, last_day: date | None, today: date) -> bool:
    """Whether a session that is ending should leave an automatic backup: only if automatic
    backups are on, something changed, and none was made today yet (at most one a day)."""
    return enabled and changed and (last_day is None or last_day < today)


@dataclass(frozen=True)
class BackupInfo:
    """One automatic backup as listed: where, when (UTC), its size, and how many entries.

    `entries` is None when the backup could not be opened; `problem` then says why.
    """

    path: Path
    made_at: datetime
    size_bytes: int
    entries: int | None
    problem: str | None = None


def made_at(name: str) -> datetime | None:
    """When an automatic backup folder was made, from its name; None for any other name.

    Copies made in one second (`-2`, `-3`…) are a microsecond apart, so each is its own moment.
    """
    found = _NAME.match(name)
    if found is None:
        return None
    moment = datetime.strptime(found.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return moment.replace(microsecond=min(int(found.group(2) or 1) - 1, 999_999))


def _order(name: str) -> tuple[str, int]:
    found = _NAME.match(name)
    return ("", 0) if found is None else (found.group(1), int(found.group(2) or 1))


class BackupService:
    """Automatic backups of one unlocked vault. Runs on whatever thread calls it; the caller
    must not use the vault's database from another thread at the same time."""

    def __init__(self, *, vault: Vault, clock: Callable[[], datetime]) -> None:
        self._vault = vault
        self._clock = clock
        self._settings = SettingsRepository(db=vault.db)

    @property
    def journal_directory(self) -> Path:
        """The folder of the journal these backups are of."""
        return self._vault.directory

    # -- settings ---------------------------------------------------------------------------

    def folder(self) -> Path:
        """Where automatic backups go: the chosen folder, or the vault's own `backups/`."""
        chosen = self._settings.get(FOLDER_SETTING)
        if isinstance(chosen, str) and chosen:
            return Path(chosen)
        return self._vault.directory / BACKUPS_DIR

    def is_default_folder(self) -> bool:
        """Whether backups go to the vault's own folder (then no symlink is ever followed)."""
        return self.folder() == self._vault.directory / BACKUPS_DIR

    def set_folder(self, folder: Path | None) -> None:
        """Choose the folder (None: back to the default). Backups already made stay where they
        are; the rule only tidies the folder in use.

        Raises:
            UserFacingError: if the folder is inside the journal's own folder but not `backups/`.
        """
        if folder is None:
            self._settings.set(FOLDER_SETTING, None)
            return
        folder = Path(os.path.abspath(folder.expanduser()))
        vault = Path(os.path.abspath(self._vault.directory))
        if folder == vault or (vault in folder.parents and folder != vault / BACKUPS_DIR):
            raise UserFacingError(
                _("Please choose a folder outside the journal's own folder for backups.")
            )
        self._settings.set(FOLDER_SETTING, None if folder == vault / BACKUPS_DIR else str(folder))

    def automatic(self) -> bool:
        """Whether automatic backups are on (they are unless turned off)."""
        return self._settings.get(AUTOMATIC_SETTING, True) is not False

    def set_automatic(self, on: bool) -> None:
        """Turn automatic backups on or off."""
        self._settings.set(AUTOMATIC_SETTING, bool(on))

    # -- making and keeping -----------------------------------------------------------------

    def due(self, *, changed: bool) -> bool:
        """Whether a session ending now (that did or did not change anything) should back up."""
        newest = self._newest()
        return should_back_up(
            enabled=self.automatic(),
            changed=changed,
            last_day=None if newest is None else newest.astimezone().date(),
            today=self._clock().astimezone().date(),
        )

    def back_up_now(self, *, spare: Path | None = None) -> Path:
        """Write a new automatic backup, then apply the rule to the folder (never removing
        `spare`: the backup about to be restored, when this copy is the one made first).

        The copy is written into a hidden `.auto-….partial` folder and renamed into place only
        once it is complete and checked; an interrupted backup is swept away next time.

        Returns:
            The new backup's folder.

        Raises:
            UserFacingError: if the folder cannot be used or the copy fails; nothing is kept.
        """
        folder = self._prepare()
        final = self._new_name(folder)
        partial = folder / f".{final.name}.partial"
        try:
            self._vault.backup_to(partial)
            with translate_errors():
                os.rename(partial, final)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        fsync_directory(folder)
        # Locked just after a complete copy: it is kept, and the rule tidies next time.
        with contextlib.suppress(VaultLockedError):
            self.apply_rule(spare=spare)
        return final

    def apply_rule(self, *, spare: Path | None = None) -> list[Path]:
        """Remove the automatic backups the rule no longer keeps (but never `spare`); returns
        what was removed."""
        backups = self._automatic_folders()
        stamps = {path: moment for path in backups if (moment := made_at(path.name)) is not None}
        local = {path: moment.astimezone() for path, moment in stamps.items()}
        kept = to_keep(local.values(), self._clock().astimezone().date())
        removed = []
        for path, moment in local.items():
            if moment not in kept and path != spare:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
        return removed

    def backups(self) -> list[BackupInfo]:
        """The automatic backups in the folder, newest first, each opened read-only to count
        its entries (a backup that cannot be opened is listed with the reason)."""
        out = []
        for path in reversed(self._automatic_folders()):
            moment = made_at(path.name)
            assert moment is not None  # _automatic_folders matched the name
            try:
                entries: int | None = self._vault.backup_facts(path)
                problem = None
            except UserFacingError as exc:
                entries, problem = None, exc.message
            out.append(BackupInfo(path, moment, _size(path), entries, problem))
        return out

    def check(self, path: Path) -> int:
        """Open a backup read-only with the data key and run the full integrity check.

        Returns:
            How many entries it holds.

        Raises:
            UserFacingError: naming what is wrong (damaged, another journal's, too new).
        """
        return self._vault.backup_facts(path, thorough=True)

    # -- inside -----------------------------------------------------------------------------

    def _prepare(self) -> Path:
        folder = self.folder()
        if self.is_default_folder():
            make_private_subdir(folder)  # S17: the vault's own folder is never a link
        else:
            make_private_dir(folder)  # a folder the person chose, wherever it points
        self._sweep(folder)
        return folder

    def _sweep(self, folder: Path) -> None:
        """Remove the hidden folders of interrupted backups: never half-kept."""
        with translate_errors():
            names = os.listdir(folder)
        for name in names:
            path = folder / name
            if _PARTIAL.match(name) and not path.is_symlink() and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)

    def _new_name(self, folder: Path) -> Path:
        stem = PREFIX + f"{self._clock().astimezone(UTC):%Y%m%dT%H%M%SZ}"
        with translate_errors():
            taken = [n for n in os.listdir(folder) if n.lstrip(".").startswith(stem)]
        numbers = [_order(n.lstrip(".").removesuffix(".partial"))[1] for n in taken]
        return folder / (stem if not numbers else f"{stem}-{max(numbers) + 1}")

    def _automatic_folders(self) -> list[Path]:
        """Complete automatic backups in the folder, oldest first (links are never followed)."""
        folder = self.folder()
        if not folder.is_dir() or (self.is_default_folder() and folder.is_symlink()):
            return []
        with translate_errors():
            names = [n for n in os.listdir(folder) if _NAME.match(n)]
        paths = [folder / n for n in sorted(names, key=_order)]
        return [p for p in paths if not p.is_symlink() and self._ours(p)]

    def _ours(self, path: Path) -> bool:
        """Whether a folder holds a backup of this journal: a folder shared by two journals
        never has one journal's rule remove the other's backups."""
        try:
            return read_keyfile(path / KEY_FILE).vault_id == self._vault.vault_id
        except UserFacingError:
            return False  # unreadable: not ours to judge, so never removed

    def _newest(self) -> datetime | None:
        folders = self._automatic_folders()
        return made_at(folders[-1].name) if folders else None


def _size(path: Path) -> int:
    total = 0
    for name in _names(path):
        try:
            total += (path / name).lstat().st_size
        except OSError:
            continue
    return total


def _names(path: Path) -> Sequence[str]:
    try:
        return os.listdir(path)
    except OSError:
        return ()


def restore(
    backup_dir: Path, vault_dir: Path, passphrase: str, *, clock: Callable[[], datetime]
) -> None:
    """Replace the (locked) journal at `vault_dir` with a backup, keeping what was there.

    The journal there now is first kept as `backups/before-restore-<stamp>` (a damaged one byte
    for byte), and only then is the backup renamed into place, so there is never a moment
    with neither. The journal's current key file stays, so the current passphrase and recovery
    code keep working; `passphrase` may be the current one or the one the backup was made under.
    """
    Vault.restore(backup_dir, vault_dir, passphrase, clock=clock)


def require_passphrase_for(backup_dir: Path, vault_dir: Path, passphrase: str) -> None:
    """Make sure `restore` will accept this passphrase (the current one or the backup's, or a
    recovery code of either) before anything is locked or moved: a restore asked for from the
    app checks it first.

    Raises:
        WrongSecretError: if it opens neither key file.
        UserFacingError: if a key file cannot be read.
    """
    slots = [SlotName.PASSPHRASE]
    with contextlib.suppress(WrongSecretError):
        normalise_recovery_code(passphrase)
        slots.append(SlotName.RECOVERY)  # only text shaped like a code costs a second try
    for slot in slots:
        for keyfile in (vault_dir / KEY_FILE, backup_dir / KEY_FILE):
            try:
                unwrap(read_keyfile(keyfile), slot, passphrase)
            except WrongSecretError:
                continue
            return
    raise WrongSecretError(
        _("That passphrase opens neither your journal now nor this backup. Please try again.")
    )
