"""Backups and restores of a whole vault: an encrypted snapshot, checked, then renamed into place.

A backup is a directory that is itself a complete vault: a copy of `vault.key` and a snapshot of
the database written with `sqlcipher_export` under the same data key (never a copy of the live
file). Every vault.key of one vault wraps the same data key, so a backup's files are always an
openable pair, whatever moment a crash interrupts an update of them.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from trustjournal.core.errors import (
    EncryptionUnavailableError,
    NotAVaultError,
    UserFacingError,
    VaultCorruptError,
    VaultExistsError,
    VaultIncompleteError,
    VaultInUseError,
    VaultTooNewError,
    WrongSecretError,
)
from trustjournal.store import db as dbmod
from trustjournal.store.backup_copies import rotate, sweep_leftovers
from trustjournal.store.db import Database, open_database, raw_key_material, translate_errors
from trustjournal.store.files import (
    confirm_directory,
    create_private_file,
    fsync_directory,
    fsync_file,
    make_private_dir,
    make_private_subdir,
    remove_quietly,
    sweep_temp_files,
    temp_path_for,
)
from trustjournal.store.keyfile import (
    KeyFile,
    SlotName,
    normalise_recovery_code,
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
from trustjournal.store.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

DIFFERENT_JOURNAL_MESSAGE = "That folder holds a different journal; nothing was changed."
ONTO_ITSELF_MESSAGE = "A journal cannot be backed up onto or restored from itself."
PROGRESS_STEPS = 1_000  # SQLite steps between calls of a snapshot's `progress`
BACKUP_DAMAGED_MESSAGE = "The backup is damaged and could not be used; nothing was changed."
SIDE_FILES_MESSAGE = (
    "That backup is open in TrustJournal or was not closed properly. "
    "Open it once with TrustJournal and close it, then try again."
)


def check_snapshot(path: Path, key: bytes) -> int:
    """Open a database file read-only, check it thoroughly, and return its schema version.

    Uses an immutable read-only connection, so checking never creates or changes a file.

    Raises:
        EncryptionUnavailableError: if SQLCipher is missing.
        VaultCorruptError: if the file does not decrypt with `key` or is unsound.
    """
    if not dbmod.cipher_version():
        raise EncryptionUnavailableError()
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    with translate_errors():
        # `_driver` is looked up at call time so the S1 test's substitution reaches here too.
        conn = dbmod._driver.connect(uri, uri=True, isolation_level=None)
    try:
        conn.set_key(raw_key_material(key))
        with translate_errors():
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
    if problems:
        raise VaultCorruptError(BACKUP_DAMAGED_MESSAGE)
    return version


def snapshot_database(
    db: Database, key: bytes, target: Path, *, progress: Callable[[], object] | None = None
) -> None:
    """Write a checked, encrypted snapshot of `db` to `target`, replacing it atomically.

    The snapshot is exported into a 0600 temp file next to `target` under the same data key
    (bound as a parameter, never pasted into SQL), gets the source's `user_version`
    (`sqlcipher_export` does not copy it), is integrity-checked, fsynced, and only then renamed
    over `target`. A crash at any point leaves the previous `target` untouched.

    Raises:
        VaultInUseError: if `target` has a live WAL or rollback journal beside it.
        UserFacingError: for file-system failures or a snapshot that fails its check.
    """
    if db.connection.in_transaction:
        raise RuntimeError("a snapshot cannot be taken inside a transaction")
    _refuse_live_side_files(target.parent)
    tmp = temp_path_for(target)
    create_private_file(tmp)
    try:
        db.execute("ATTACH DATABASE ? AS snapshot KEY ?", (os.fspath(tmp), raw_key_material(key)))
        if progress is not None:
            db.connection.set_progress_handler(lambda: progress() and 0, PROGRESS_STEPS)
        try:
            # A read of one moment: the journal stays writable while the copy is made.
            with db.read_transaction():
                version = db.user_version
                db.query("SELECT sqlcipher_export('snapshot')")
                db.execute(f"PRAGMA snapshot.user_version = {int(version)}")
        finally:
            if progress is not None:
                db.connection.set_progress_handler(None, 0)
            db.execute("DETACH DATABASE snapshot")
        if check_snapshot(tmp, key) != version:
            raise VaultCorruptError(BACKUP_DAMAGED_MESSAGE)
        fsync_file(tmp)
        for name in DB_SIDE_FILES:  # empty leftovers of an earlier open; never stale content
            remove_quietly(target.parent / name)
        with translate_errors():
            os.replace(tmp, target)
    except BaseException:
        remove_quietly(tmp)
        remove_quietly(tmp.with_name(tmp.name + "-journal"))
        raise
    confirm_directory(target.parent)  # the snapshot is in place: never report it as failed


def backup_vault(
    *,
    db: Database,
    key: bytes,
    vault_dir: Path,
    target: Path,
    progress: Callable[[], object] | None = None,
    own_connection: bool = False,
) -> None:
    """Write a complete, openable copy of the vault at `vault_dir` into the directory `target`.

    `target` may be new, empty, or an earlier backup of the same vault (then it is updated in
    place: key file first, then the database, each replaced atomically). With
    `own_connection`, the database is read through a connection of its own, so `db` stays
    free for others (a backup in the background never holds up the person).

    Raises:
        VaultExistsError: if `target` is the vault itself or holds a different journal.
        NotAVaultError: if `target` holds other files.
        UserFacingError: for file-system failures.
    """
    if target.resolve() == vault_dir.resolve():
        raise VaultExistsError(ONTO_ITSELF_MESSAGE)
    layout = classify(target)
    if layout in (Layout.FOREIGN, Layout.INCOMPLETE):
        raise NotAVaultError(NOT_EMPTY_MESSAGE)
    source = read_keyfile(vault_dir / KEY_FILE)
    if layout in (Layout.VAULT, Layout.KEY_ONLY):
        _require_same_vault(read_keyfile(target / KEY_FILE), source)
    make_private_dir(target)
    sweep_temp_files(target)
    write_keyfile(target / KEY_FILE, source)
    if not own_connection or db.path is None:
        snapshot_database(db, key, target / DB_FILE, progress=progress)
        return
    own = open_database(db.path, key)
    try:
        snapshot_database(own, key, target / DB_FILE, progress=progress)
    finally:
        own.close()


def new_backup_dir(vault_dir: Path, label: str, now: datetime) -> Path:
    """A fresh directory name `<vault>/backups/<label>-<UTC timestamp>` (not yet created).

    What earlier crashed backups left in `backups/` is swept first (S18).

    Raises:
        StorageError: if `backups` is a symlink: it is never followed (S17).
    """
    parent = vault_dir / BACKUPS_DIR
    make_private_subdir(parent)
    sweep_leftovers(vault_dir)
    stem = f"{label}-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    # Numbered past every copy of the same second, never into a gap rotation left: the
    # newest copy must also sort newest, or rotation would remove it first. A dangling link
    # is listed too, so it is never written through.
    with translate_errors():
        taken = [n for n in os.listdir(parent) if n == stem or n.startswith(stem + "-")]
    numbers = [1 if n == stem else int(n[len(stem) + 1 :]) for n in taken if _numbered(n, stem)]
    if not numbers:
        return parent / stem
    return parent / f"{stem}-{max(numbers) + 1}"


def _numbered(name: str, stem: str) -> bool:
    return name == stem or name[len(stem) + 1 :].isdigit()


def restore_vault(*, backup_dir: Path, directory: Path, passphrase: str, now: datetime) -> None:
    """Replace the vault at `directory` (or create it there) from the backup at `backup_dir`.

    The passphrase may be the backup's or, when restoring over the same vault, the current one;
    a recovery code (the backup's or the current one) works as well.
    Restoring over the same vault keeps its current key file, so a passphrase change is never
    undone, and keeps the replaced database as `backups/before-restore-<timestamp>`. The backup
    is copied, checked, fsynced, and renamed over `journal.db` in one atomic step.
    A current key file that cannot be read (damaged) is kept aside byte for byte with the
    database, and the backup's key file takes its place: the backup's secrets then open it.
    The vault must be locked; if it is open in another connection, `VaultInUseError`.

    Raises:
        WrongSecretError: if the passphrase opens neither key file; nothing is changed.
        VaultExistsError: if `directory` holds a different journal.
        NotAVaultError, VaultIncompleteError: if `directory` holds something else.
        VaultCorruptError, VaultTooNewError: if the backup is unsound or too new.
        VaultInUseError: if the vault is open elsewhere.
    """
    require_vault(backup_dir)
    if backup_dir.resolve() == directory.resolve():
        raise VaultExistsError(ONTO_ITSELF_MESSAGE)
    backup_key = read_keyfile(backup_dir / KEY_FILE)
    layout = classify(directory)
    current_key, damaged_key = _current_key(directory, layout, backup_key)
    key = _unwrap_any(passphrase, backup_key, current_key)
    source = backup_dir / DB_FILE
    check_database_file(source)
    _refuse_live_side_files(backup_dir)
    if check_snapshot(source, key) > SCHEMA_VERSION:
        raise VaultTooNewError()

    make_private_dir(directory)
    if current_key is None and not damaged_key:
        # Key file first: a crash then leaves "journal file missing", which a rerun completes.
        write_keyfile(directory / KEY_FILE, backup_key)
    live = _open_exclusively(directory / DB_FILE, key) if layout is Layout.VAULT else None
    tmp = temp_path_for(directory / DB_FILE)
    try:
        create_private_file(tmp)
        with translate_errors(), open(source, "rb") as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst)
        fsync_file(tmp)
        check_snapshot(tmp, key)  # what goes into place is exactly what was checked
        if layout is Layout.VAULT:
            _set_aside(directory, live, key, now, damaged_key=damaged_key)
            live = None
        with translate_errors():
            os.replace(tmp, directory / DB_FILE)
    except BaseException:
        remove_quietly(tmp)
        raise
    finally:
        if live is not None:
            live.close()
    if damaged_key:  # the damaged one is kept aside with the old database
        write_keyfile(directory / KEY_FILE, backup_key)
    confirm_directory(directory)  # the restored journal is in place: never report it as failed


def _current_key(
    directory: Path, layout: Layout, backup_key: KeyFile
) -> tuple[KeyFile | None, bool]:
    """The key file of the journal a backup is restored over, and whether it is damaged.

    Raises:
        VaultExistsError: if it is another journal's; NotAVaultError, VaultIncompleteError:
            if the folder holds something else.
    """
    if layout is Layout.INCOMPLETE:
        raise VaultIncompleteError()
    if layout is Layout.FOREIGN:
        raise NotAVaultError(NOT_EMPTY_MESSAGE)
    if layout not in (Layout.VAULT, Layout.KEY_ONLY):
        return None, False
    try:
        current = read_keyfile(directory / KEY_FILE)
    except (VaultCorruptError, NotAVaultError):
        return None, True  # a reason to restore: kept aside, never judged further
    _require_same_vault(current, backup_key)
    return current, False


def _open_exclusively(db_path: Path, key: bytes) -> Database | None:
    """The current database with its write lock held, or None if it is too damaged to open.

    Raises:
        VaultInUseError: if TrustJournal has the vault open elsewhere; the file stays as it is.
    """
    try:
        check_database_file(db_path)
        live = open_database(db_path, key)
    except UserFacingError:
        return None  # damaged: the reason for restoring
    try:
        live.execute("PRAGMA locking_mode = EXCLUSIVE")
        with live.transaction():  # keeps the lock until close: nobody else can open it now
            pass
    except BaseException:
        live.connection.close()  # no checkpoint: leave the other user's files as they are
        raise
    return live


def _set_aside(
    directory: Path, live: Database | None, key: bytes, now: datetime, *, damaged_key: bool
) -> None:
    """Keep the journal about to be replaced as a backup, so a restore can be undone.

    Closes `live`. A damaged journal (`live` is None, or its key file unreadable) is kept
    byte for byte.
    """
    aside = new_backup_dir(directory, "before-restore", now)
    if live is not None and damaged_key:
        live.close()  # folds its WAL in first: the file copied below is then whole
        live = None
    if live is not None:
        try:
            backup_vault(db=live, key=key, vault_dir=directory, target=aside)
        finally:
            live.close()
    else:
        make_private_dir(aside)
        for name in (KEY_FILE, DB_FILE):  # byte for byte: either may be what is damaged
            with translate_errors():
                shutil.copyfile(directory / name, aside / name, follow_symlinks=False)
            fsync_file(aside / name)
    # A WAL or journal left beside the old database must not be applied to the new one.
    for name in DB_SIDE_FILES:
        if (directory / name).exists():
            with translate_errors():
                os.replace(directory / name, aside / name)
    fsync_directory(aside)
    rotate(directory, "before-restore")


def _unwrap_any(secret: str, *keyfiles: KeyFile | None) -> bytes:
    """The data key from the first slot `secret` opens: a passphrase, or a recovery code."""
    slots = [SlotName.PASSPHRASE]
    try:
        normalise_recovery_code(secret)
        slots.append(SlotName.RECOVERY)  # only text shaped like a code costs a second try
    except WrongSecretError:
        pass
    for slot in slots:
        for keyfile in keyfiles:
            if keyfile is None:
                continue
            try:
                return unwrap(keyfile, slot, secret)
            except WrongSecretError:
                continue
    raise WrongSecretError()


def _require_same_vault(existing: KeyFile, expected: KeyFile) -> None:
    if existing.vault_id != expected.vault_id:
        raise VaultExistsError(DIFFERENT_JOURNAL_MESSAGE)


def _refuse_live_side_files(directory: Path) -> None:
    """A non-empty WAL or rollback journal means that copy is open or was not closed cleanly."""
    for name in DB_SIDE_FILES:
        side = directory / name
        if name != DB_FILE + "-shm" and side.is_file() and side.stat().st_size > 0:
            raise VaultInUseError(SIDE_FILES_MESSAGE)


def backup_facts(backup_dir: Path, key: bytes, vault_id: str, *, thorough: bool) -> int:
    """Open a backup read-only with the data key and return how many entries it holds
    (live and in the bin). With `thorough`, run the full integrity check first.

    Never creates or changes a file in `backup_dir`.

    Raises:
        VaultExistsError: if the backup is of another journal.
        VaultCorruptError: if it does not open with `key` or fails its check.
        VaultTooNewError: if a newer TrustJournal wrote it.
        NotAVaultError, VaultIncompleteError: if it is not a complete vault copy.
    """
    require_vault(backup_dir)
    if read_keyfile(backup_dir / KEY_FILE).vault_id != vault_id:
        raise VaultExistsError(DIFFERENT_JOURNAL_MESSAGE)
    path = backup_dir / DB_FILE
    check_database_file(path)
    if thorough and check_snapshot(path, key) > SCHEMA_VERSION:
        raise VaultTooNewError()
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    with translate_errors():
        conn = dbmod._driver.connect(uri, uri=True, isolation_level=None)
    try:
        conn.set_key(raw_key_material(key))
        with translate_errors():
            return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        conn.close()
