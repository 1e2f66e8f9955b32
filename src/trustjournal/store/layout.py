"""What a vault directory holds, and what a directory that should be a vault actually holds."""

from __future__ import annotations

import os
from enum import Enum, auto
from pathlib import Path

from trustjournal.core.errors import (
    NotAVaultError,
    VaultCorruptError,
    VaultIncompleteError,
    VaultNotFoundError,
)
from trustjournal.core.instance_lock import LOCK_NAME
from trustjournal.store.db import PLAINTEXT_HEADER, translate_errors
from trustjournal.store.files import is_temp_name, refuse_link

KEY_FILE = "vault.key"
DB_FILE = "journal.db"
BACKUPS_DIR = "backups"
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
DB_SIDE_FILES = tuple(DB_FILE + suffix for suffix in _SIDE_SUFFIXES)
INSTANCE_LOCK = LOCK_NAME  # the app's single-instance lock file (left behind by a crash)

# Files operating systems drop into any folder; they do not make a folder "someone's documents".
_OS_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".directory"})
_MIN_PAGE_SIZE = 512

DB_MISSING_MESSAGE = "The journal file (journal.db) is missing from this folder."
NOT_EMPTY_MESSAGE = (
    "That folder already holds other files. Choose an empty or new folder for the journal."
)
PLAINTEXT_MESSAGE = "The journal file is not an encrypted TrustJournal journal."


class Layout(Enum):
    """What a directory holds."""

    MISSING = auto()  # nothing there at all
    EMPTY = auto()  # an empty directory (or only OS litter and our crash leftovers)
    VAULT = auto()  # vault.key and journal.db
    KEY_ONLY = auto()  # vault.key without journal.db
    INCOMPLETE = auto()  # journal.db without vault.key
    FOREIGN = auto()  # a file, or a directory with other things in it


def classify(directory: Path) -> Layout:
    """What `directory` holds, judged by names only (nothing is opened)."""
    if not directory.exists():
        return Layout.MISSING
    if not directory.is_dir():
        return Layout.FOREIGN
    with translate_errors():
        names = set(os.listdir(directory))
    has_key = KEY_FILE in names
    has_db = DB_FILE in names
    if has_key:
        return Layout.VAULT if has_db else Layout.KEY_ONLY
    if has_db:
        return Layout.INCOMPLETE
    ours = {BACKUPS_DIR, INSTANCE_LOCK, *DB_SIDE_FILES} | _OS_LITTER
    if all(name in ours or is_temp_name(name) for name in names):
        # A leftover `backups` folder or WAL file alone is not someone's documents, but a
        # non-empty backups folder is: it may be the last copy of a journal.
        backups = directory / BACKUPS_DIR
        if not backups.is_dir() or not any(backups.iterdir()):
            return Layout.EMPTY
    return Layout.FOREIGN


def require_vault(directory: Path) -> None:
    """Raise the clear error for anything that is not a complete vault.

    Raises:
        VaultNotFoundError: missing or empty directory.
        NotAVaultError: a file, or a directory of other things.
        VaultIncompleteError: journal.db without vault.key.
        VaultCorruptError: vault.key without journal.db.
    """
    layout = classify(directory)
    if layout is Layout.VAULT:
        return
    if layout in (Layout.MISSING, Layout.EMPTY):
        raise VaultNotFoundError()
    if layout is Layout.INCOMPLETE:
        raise VaultIncompleteError()
    if layout is Layout.KEY_ONLY:
        raise VaultCorruptError(DB_MISSING_MESSAGE)
    raise NotAVaultError()


def check_database_file(path: Path) -> None:
    """Refuse a journal file that SQLCipher would misread, before anything opens it.

    An empty file would silently become a new, empty database; a plain SQLite file is not ours;
    a size that is not whole pages means the file was cut short.

    SQLite follows symlinks, so neither the file nor its WAL, shared-memory or journal file
    may be one (S17): a link there would have the journal written into someone else's file.

    Raises:
        StorageError: if the file or one of its side files is a symlink.
        NotAVaultError: for a plaintext SQLite file or a non-file.
        VaultCorruptError: for an empty or truncated file.
    """
    for side in (path.name, *(path.name + suffix for suffix in _SIDE_SUFFIXES)):
        refuse_link(path.with_name(side))
    if not path.is_file():
        raise NotAVaultError()
    with translate_errors():
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(len(PLAINTEXT_HEADER))
    if header == PLAINTEXT_HEADER:
        raise NotAVaultError(PLAINTEXT_MESSAGE)
    if size == 0 or size % _MIN_PAGE_SIZE:
        raise VaultCorruptError()
