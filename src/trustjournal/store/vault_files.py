"""Creating and opening a vault's files, in the order and with the checks that make it safe."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

from trustjournal.core.errors import (
    EncryptionUnavailableError,
    NotAVaultError,
    UserFacingError,
    VaultExistsError,
    VaultIncompleteError,
)
from trustjournal.store import db as dbmod
from trustjournal.store.db import Database, looks_plaintext, open_database
from trustjournal.store.files import (
    create_private_file,
    fsync_directory,
    make_private_dir,
    remove_quietly,
    sweep_temp_files,
)
from trustjournal.store.keyfile import (
    KdfParams,
    KeyFile,
    SlotName,
    create_keyfile,
    new_data_key,
    new_recovery_code,
    read_keyfile,
    unwrap,
    write_keyfile,
)
from trustjournal.store.layout import (
    BACKUPS_DIR,
    DB_FILE,
    DB_SIDE_FILES,
    KEY_FILE,
    NOT_EMPTY_MESSAGE,
    Layout,
    check_database_file,
    classify,
    require_vault,
)
from trustjournal.store.migrations import migrate
from trustjournal.store.schema import Migration

log = logging.getLogger(__name__)


def create_vault_files(
    directory: Path, passphrase: str, *, kdf: KdfParams, migrations: Sequence[Migration]
) -> tuple[KeyFile, bytearray, Database, str]:
    """Create a vault's files: the database first, the key file last.

    An interrupted creation therefore leaves either nothing, or a database without a key file
    (`VaultIncompleteError`), never a key file that promises a journal that is not there.
    A failure that is reported removes what was made, the key file first: afterwards
    `create` works again. Once the key file is renamed in, creation has succeeded.

    Returns:
        The key file, the data key, the open database and the recovery code.

    Raises:
        EncryptionUnavailableError: if SQLCipher is missing; nothing is created.
        VaultExistsError, VaultIncompleteError, NotAVaultError: the place is taken.
    """
    if not dbmod.cipher_version():
        raise EncryptionUnavailableError()
    layout = classify(directory)
    if layout in (Layout.VAULT, Layout.KEY_ONLY):
        raise VaultExistsError()
    if layout is Layout.INCOMPLETE:
        raise VaultIncompleteError()
    if layout is Layout.FOREIGN:
        raise NotAVaultError(NOT_EMPTY_MESSAGE)
    data_key = bytearray(new_data_key())
    code = new_recovery_code()
    keyfile = create_keyfile(
        data_key=bytes(data_key), passphrase=passphrase, recovery_code=code, kdf=kdf
    )
    make_private_dir(directory)
    sweep_temp_files(directory)
    for name in DB_SIDE_FILES:  # orphans of a deleted database must not join the new one
        remove_quietly(directory / name)
    db_path = directory / DB_FILE
    db: Database | None = None
    try:
        create_private_file(db_path)
        db = open_database(db_path, bytes(data_key))
        migrate(db, migrations)
        db.checkpoint()
        if looks_plaintext(db_path):
            raise EncryptionUnavailableError()
        # journal.db's own directory entry reaches the disk before the key file can appear.
        fsync_directory(directory)
        write_keyfile(directory / KEY_FILE, keyfile)  # the last step; it never fails after it
    except BaseException:
        if db is not None:
            db.close()
        # The key file first (if this creation renamed it in), so that no moment of the
        # cleanup leaves a key file promising a journal that is gone.
        _remove_own_keyfile(directory / KEY_FILE, keyfile.vault_id)
        for name in (DB_FILE, *DB_SIDE_FILES):
            remove_quietly(directory / name)
        if layout is Layout.MISSING:
            _remove_dir_quietly(directory)
        wipe(data_key)
        raise
    return keyfile, data_key, db, code


def open_vault_files(
    directory: Path, slot: SlotName, secret: str
) -> tuple[KeyFile, bytearray, Database]:
    """Check the vault, unwrap its data key and open its database; no migration yet.

    Everything that can be refused is refused before SQLCipher opens the file, so a failure
    changes no file and creates none.

    Raises:
        WrongSecretError: if the secret does not open the slot (before the database is read).
        VaultNotFoundError, NotAVaultError, VaultIncompleteError, VaultCorruptError,
            VaultTooNewError, EncryptionUnavailableError: as their names say.
    """
    require_vault(directory)
    keyfile = read_keyfile(directory / KEY_FILE)
    data_key = bytearray(unwrap(keyfile, slot, secret))
    try:
        db_path = directory / DB_FILE
        check_database_file(db_path)
        database = open_database(db_path, bytes(data_key))
    except BaseException:
        wipe(data_key)
        raise
    return keyfile, data_key, database


def install_keyfile(directory: Path, keyfile: KeyFile) -> bool:
    """Install a re-wrapped key file, then give it to the vault's own backups too.

    All or nothing, and truthful: if this raises, the vault's key file is the old one and
    the old secrets open it; once it returns, the new key file is in place and the new
    secrets open the vault, even if a later step (flushing the folder, updating a backup's
    copy) failed; those failures are logged, never raised.

    Every key file of a vault wraps the same data key, so the backups stay openable, and a
    passphrase or recovery code given up here stops opening the copies kept inside the vault
    as well. Copies elsewhere keep the secrets they were made with. A `backups` folder or
    backup that is a symlink is skipped, never followed.

    Returns:
        Whether the vault's new key file is confirmed on stable storage (it is in effect
        either way).

    Raises:
        UserFacingError: if the key file could not be replaced; nothing changed.
    """
    durable = write_keyfile(directory / KEY_FILE, keyfile)
    for backup_key in _own_backup_keyfiles(directory):
        try:
            if read_keyfile(backup_key).vault_id == keyfile.vault_id:
                write_keyfile(backup_key, keyfile)
        except UserFacingError:
            log.warning("a backup's key file could not be updated")
    return durable


def _own_backup_keyfiles(directory: Path) -> list[Path]:
    """The key files of the backups inside the vault, without following any symlink."""
    backups = directory / BACKUPS_DIR
    if os.path.islink(backups) or not backups.is_dir():
        return []
    try:
        names = sorted(os.listdir(backups))
    except OSError:
        return []
    found = []
    for name in names:
        folder = backups / name
        if not os.path.islink(folder) and folder.is_dir():
            found.append(folder / KEY_FILE)
    return [path for path in found if not os.path.islink(path) and path.is_file()]


def _remove_own_keyfile(path: Path, vault_id: str) -> None:
    """Remove the key file this creation wrote (none other: it must hold our vault id)."""
    try:
        if read_keyfile(path).vault_id != vault_id:
            return
    except UserFacingError:
        return
    remove_quietly(path)


def wipe(buffer: bytearray) -> None:
    """Overwrite a key buffer with zeros (best effort: Python may hold other copies)."""
    buffer[:] = bytes(len(buffer))


def _remove_dir_quietly(directory: Path) -> None:
    try:
        os.rmdir(directory)
    except OSError:
        log.debug("could not remove the folder of an unfinished vault")
