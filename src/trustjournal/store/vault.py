"""The vault: create, unlock, lock, change its secrets, verify, back up and restore it."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from trustjournal.core.errors import (
    UserFacingError,
    VaultCorruptError,
    VaultLockedError,
    VaultUpgradeError,
)
from trustjournal.store.backup import backup_facts, backup_vault, new_backup_dir, restore_vault
from trustjournal.store.backup_copies import (
    CopiesCheck,
    PurgedEntry,
    check_copies,
    rewrite_copy,
    rotate,
    sweep_leftovers,
)
from trustjournal.store.db import Database
from trustjournal.store.files import sweep_temp_files
from trustjournal.store.keyfile import (
    DEFAULT_KDF,
    KdfParams,
    KeyFile,
    Slot,
    SlotName,
    new_recovery_code,
    read_keyfile,
    rewrap,
    unwrap,
)
from trustjournal.store.layout import KEY_FILE
from trustjournal.store.migrations import migrate
from trustjournal.store.schema import MIGRATIONS, Migration
from trustjournal.store.vault_files import (
    create_vault_files,
    install_keyfile,
    open_vault_files,
    wipe,
)

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

UNREADABLE_PAGE_PROBLEM = "integrity_check stopped at a page that could not be read"


@dataclass(frozen=True)
class PendingRecoveryCode:
    """A new recovery code and its wrapped slot, made but not installed (see `Vault`)."""

    code: str = field(repr=False)
    vault_id: str
    slot: Slot = field(repr=False)


def utc_now() -> datetime:
    """The current time in UTC; the default clock of the composition root and the CLI."""
    return datetime.now(UTC)


class Vault:
    """An unlocked vault; after `lock()` it is spent, and `unlock` gives a fresh one.

    The data key lives in a `bytearray` only while unlocked, and `lock()` overwrites it with
    zeros before dropping it. Python cannot guarantee that no other copy remains in memory
    (the immutable `bytes` handed to `cryptography` and SQLCipher are freed, not wiped), so this
    narrows the window rather than closing it. Passphrases are never stored.
    """

    def __init__(
        self,
        *,
        directory: Path,
        keyfile: KeyFile,
        data_key: bytearray,
        database: Database,
        needs_new_passphrase: bool,
        clock: Clock,
    ) -> None:
        self.directory = directory
        self.vault_id = keyfile.vault_id
        self._key: bytearray | None = data_key
        self._db: Database | None = database
        self._needs_new_passphrase = needs_new_passphrase
        self._clock = clock

    @classmethod
    def create(
        cls,
        directory: Path,
        passphrase: str,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        migrations: Sequence[Migration] = MIGRATIONS,
        clock: Clock = utc_now,
    ) -> tuple[Vault, str]:
        """Create and open a vault in a new or empty directory.

        The database is written first and the key file last, so an interrupted creation leaves
        a folder that `unlock` and `create` both describe clearly (`VaultIncompleteError`).

        Returns:
            The open vault and its recovery code, to be shown once.

        Raises:
            EncryptionUnavailableError: if SQLCipher is missing; nothing is created.
            VaultExistsError: if a vault is already there.
            VaultIncompleteError: if an unfinished vault is there.
            NotAVaultError: if the directory holds other files.
            ValidationError: if the passphrase is empty.
        """
        keyfile, data_key, db, code = create_vault_files(
            directory, passphrase, kdf=kdf, migrations=migrations
        )
        vault = cls(
            directory=directory,
            keyfile=keyfile,
            data_key=data_key,
            database=db,
            needs_new_passphrase=False,
            clock=clock,
        )
        return vault, code

    @classmethod
    def unlock(
        cls,
        directory: Path,
        passphrase: str,
        *,
        migrations: Sequence[Migration] = MIGRATIONS,
        clock: Clock = utc_now,
    ) -> Vault:
        """Open the vault with its passphrase, migrating it (after a backup) if needed.

        Raises:
            WrongSecretError: wrong passphrase; checked before the database is touched.
            VaultNotFoundError, NotAVaultError, VaultIncompleteError, VaultCorruptError,
                VaultTooNewError, VaultUpgradeError: with no file changed.
        """
        return cls._open(directory, SlotName.PASSPHRASE, passphrase, migrations, clock)

    @classmethod
    def unlock_with_recovery(
        cls,
        directory: Path,
        recovery_code: str,
        *,
        migrations: Sequence[Migration] = MIGRATIONS,
        clock: Clock = utc_now,
    ) -> Vault:
        """Open the vault with its recovery code; `needs_new_passphrase` is then True.

        Raises:
            WrongSecretError: wrong or malformed recovery code. Otherwise as `unlock`.
        """
        return cls._open(directory, SlotName.RECOVERY, recovery_code, migrations, clock)

    @staticmethod
    def exists(directory: Path) -> bool:
        """Whether `directory` holds a vault key file (so: unlock rather than create)."""
        return (directory / KEY_FILE).is_file()

    @classmethod
    def restore(
        cls, backup_dir: Path, directory: Path, passphrase: str, *, clock: Clock = utc_now
    ) -> None:
        """Replace the (locked) vault at `directory`, or create it, from a backup.

        The passphrase may be the backup's or the current vault's. See `backup.restore_vault`.
        """
        now = clock()
        restore_vault(backup_dir=backup_dir, directory=directory, passphrase=passphrase, now=now)

    @property
    def is_locked(self) -> bool:
        """Whether `lock()` has run."""
        return self._db is None

    @property
    def needs_new_passphrase(self) -> bool:
        """True after a recovery-code unlock, until a new passphrase is set."""
        return self._needs_new_passphrase

    @property
    def db(self) -> Database:
        """The open database.

        Raises:
            VaultLockedError: if the vault is locked.
        """
        if self._db is None:
            raise VaultLockedError()
        return self._db

    def lock(self) -> None:
        """Checkpoint (TRUNCATE) and close the database, then wipe and drop the data key.

        Never raises for storage trouble, and may be called any number of times.
        """
        database, self._db = self._db, None
        if database is not None:
            try:
                database.close()
            except Exception:  # locking must never be blocked, not even by a failing close
                log.warning("closing the journal database failed during lock")
        if self._key is not None:
            wipe(self._key)
            self._key = None

    def change_passphrase(self, old: str, new: str) -> bool:
        """Re-wrap the data key under a new passphrase and replace `vault.key` atomically.

        The database is not rewritten. All or nothing: if this raises, `old` still opens the
        vault; once it returns, `new` does (see `install_keyfile`).

        Returns:
            Whether the change is confirmed on stable storage (it is in effect either way).

        Raises:
            WrongSecretError: if `old` is wrong; nothing is changed.
            ValidationError: if `new` is empty.
            UserFacingError: for file-system failures; nothing is changed.
        """
        key, keyfile = self._verified(old)
        durable = install_keyfile(self.directory, rewrap(keyfile, SlotName.PASSPHRASE, new, key))
        self._needs_new_passphrase = False
        return durable

    def set_passphrase(self, new: str) -> bool:
        """Choose a new passphrase after a recovery-code unlock (the old one is not needed).

        All or nothing, like `change_passphrase`.

        Returns:
            Whether the change is confirmed on stable storage (it is in effect either way).

        Raises:
            RuntimeError: if the vault was not unlocked with the recovery code (a caller bug:
                use `change_passphrase`, which asks for the current passphrase).
            ValidationError: if `new` is empty.
        """
        if not self._needs_new_passphrase:
            raise RuntimeError("set_passphrase is only for a recovery unlock")
        key = bytes(self._require_key())
        keyfile = self._current_keyfile()
        durable = install_keyfile(self.directory, rewrap(keyfile, SlotName.PASSPHRASE, new, key))
        self._needs_new_passphrase = False
        return durable

    def prepare_recovery_code(self, passphrase: str) -> PendingRecoveryCode:
        """Make a new recovery code in memory; nothing on disk changes until `keep_recovery_code`.

        Asks for the passphrase, so someone at an unlocked computer cannot plant a way back in.
        Until the new code is kept, the old one still opens the journal; a pending code that is
        never kept (dialog closed, journal locked, app quit or crashed) is simply forgotten.

        Returns:
            The new code, to be shown once, with its slot ready to install.

        Raises:
            WrongSecretError: if the passphrase is wrong.
        """
        key, keyfile = self._verified(passphrase)
        code = new_recovery_code()
        slot = rewrap(keyfile, SlotName.RECOVERY, code, key).slot(SlotName.RECOVERY)
        return PendingRecoveryCode(code=code, vault_id=self.vault_id, slot=slot)

    def keep_recovery_code(self, pending: PendingRecoveryCode) -> bool:
        """Install a prepared recovery code: from now on it opens the journal, the old one not.

        Only the recovery slot of the key file on disk is replaced, so a passphrase changed
        after the code was prepared stays changed.

        Returns:
            Whether the disk confirmed the change (see `install_keyfile`); either way the new
            code is in effect once this returns.

        Raises:
            VaultLockedError: if the vault was locked in the meantime; nothing is changed.
            VaultCorruptError: if `pending` belongs to another vault.
            UserFacingError: if the key file cannot be written (e.g. `DiskFullError`); the old
                code then still works (`install_keyfile` is all-or-nothing).
        """
        self._require_key()
        if pending.vault_id != self.vault_id:
            raise VaultCorruptError()
        keyfile = self._current_keyfile().with_slot(SlotName.RECOVERY, pending.slot)
        return install_keyfile(self.directory, keyfile)

    def verify(self) -> list[str]:
        """Problems found by `integrity_check` and `cipher_integrity_check`; [] when sound.

        A page that fails its HMAC stops `integrity_check` with an error, so the per-page
        `cipher_integrity_check` findings are reported instead.
        """
        try:
            return self.db.integrity_problems()
        except VaultCorruptError:
            found = [str(row[0]) for row in self.db.query("PRAGMA cipher_integrity_check")]
            return found or [UNREADABLE_PAGE_PROBLEM]

    def backup_to(self, directory: Path, *, progress: Callable[[], object] | None = None) -> None:
        """Write a complete, openable copy of this vault into `directory` (see `backup_vault`).

        The copy is read through a connection of its own, so the journal's connection stays
        free for the person while it is made. `progress` is called now and then meanwhile.
        """
        key = bytes(self._require_key())
        backup_vault(
            db=self.db,
            key=key,
            vault_dir=self.directory,
            target=directory,
            progress=progress,
            own_connection=True,
        )

    def backup_facts(self, copy: Path, *, thorough: bool = False) -> int:
        """How many entries a backup of this vault holds, opened read-only with the data key;
        `thorough` runs the full integrity check first (see `backup.backup_facts`)."""
        return backup_facts(copy, bytes(self._require_key()), self.vault_id, thorough=thorough)

    def check_backups(self, purged: Sequence[PurgedEntry]) -> CopiesCheck:
        """Which of this vault's own backups still hold any of the purged entries (S19)."""
        key = bytes(self._require_key())
        return check_copies(self.directory, key, self.vault_id, purged)

    def rewrite_backup(self, copy: Path, purged: Sequence[PurgedEntry]) -> None:
        """Remove the purged entries from one of this vault's backups (see `rewrite_copy`)."""
        rewrite_copy(copy, bytes(self._require_key()), purged)

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.lock()

    @classmethod
    def _open(
        cls,
        directory: Path,
        slot: SlotName,
        secret: str,
        migrations: Sequence[Migration],
        clock: Clock,
    ) -> Vault:
        keyfile, data_key, database = open_vault_files(directory, slot, secret)
        vault = cls(
            directory=directory,
            keyfile=keyfile,
            data_key=data_key,
            database=database,
            needs_new_passphrase=slot is SlotName.RECOVERY,
            clock=clock,
        )
        try:
            migrate(database, migrations, before_migrating=vault._backup_before_migration)
        except BaseException as exc:
            vault.lock()
            if isinstance(exc, Exception) and not isinstance(exc, UserFacingError):
                raise VaultUpgradeError() from exc  # a migration bug: calm words, cause chained
            raise
        sweep_temp_files(directory)
        sweep_leftovers(directory)
        return vault

    def _backup_before_migration(self, version: int) -> None:
        self.backup_to(new_backup_dir(self.directory, f"before-v{version}", self._clock()))
        rotate(self.directory, f"before-v{version}")

    def _require_key(self) -> bytearray:
        if self._key is None:
            raise VaultLockedError()
        return self._key

    def _current_keyfile(self) -> KeyFile:
        keyfile = read_keyfile(self.directory / KEY_FILE)
        if keyfile.vault_id != self.vault_id:
            raise VaultCorruptError()
        return keyfile

    def _verified(self, passphrase: str) -> tuple[bytes, KeyFile]:
        """The data key and current key file, after checking the passphrase against its slot."""
        key = bytes(self._require_key())
        keyfile = self._current_keyfile()
        if not hmac.compare_digest(unwrap(keyfile, SlotName.PASSPHRASE, passphrase), key):
            raise VaultCorruptError()
        return key, keyfile
