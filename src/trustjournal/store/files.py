"""Crash-safe file operations: private files, atomic replacement, fsync, and stale temp files."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import stat
from pathlib import Path

from trustjournal.core.errors import StorageError, UserFacingError
from trustjournal.core.i18n import _
from trustjournal.store.db import translate_errors

log = logging.getLogger(__name__)

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
# Where the system has it, opening a vault's own file never follows a symlink (S17).
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)

LINKED_MESSAGE = (
    "The journal folder holds a link named {name} where its own {kind} belongs. "
    "TrustJournal will not read or write through it; remove the link and try again."
)

# Our temp files are hidden siblings of their target: `.vault.key.<16 hex>.tmp`, and SQLite adds
# `-journal` to the snapshot it writes. Nothing else ever matches, so sweeping them is safe.
_TEMP_NAME = re.compile(r"^\.(?:vault\.key|journal\.db)\.[0-9a-f]{16}\.tmp(?:-journal|-wal|-shm)?$")


def temp_path_for(path: Path) -> Path:
    """A fresh, hidden temp path next to `path` (same directory, so `os.replace` is atomic)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")


def is_temp_name(name: str) -> bool:
    """Whether a file name is one of our temp files (left behind only by a crash)."""
    return _TEMP_NAME.match(name) is not None


def sweep_temp_files(directory: Path) -> None:
    """Remove temp files a crash left in `directory`; anything else is left alone."""
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        if is_temp_name(name):
            with contextlib.suppress(OSError):
                os.remove(directory / name)


def make_private_dir(directory: Path) -> None:
    """Create `directory` (and missing parents) and make it private to the user (0700).

    Raises:
        UserFacingError: for file-system failures.
    """
    with translate_errors():
        directory.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        if os.name != "nt":
            os.chmod(directory, PRIVATE_DIR_MODE)


def make_private_subdir(directory: Path) -> None:
    """Create one of the vault's own folders (`backups/`, a backup in it), private, never a link.

    Unlike `make_private_dir` (for a folder the person chose), nothing here follows a symlink:
    a link in that place is refused, so nothing is written or chmod-ed in someone else's folder.

    Raises:
        StorageError: if a link or a file is in that place.
        UserFacingError: for other file-system failures.
    """
    with translate_errors():
        with contextlib.suppress(FileExistsError):
            os.mkdir(directory, PRIVATE_DIR_MODE)
        refuse_link(directory, kind="folder")
        if not stat.S_ISDIR(os.lstat(directory).st_mode):
            raise StorageError(
                _(
                    "The journal folder holds a file named {name} "
                    "where its own folder belongs; move it away and try again."
                ).format(name=directory.name)
            )
        if os.name != "nt":
            fd = os.open(directory, os.O_RDONLY | NOFOLLOW | getattr(os, "O_DIRECTORY", 0))
            try:
                os.fchmod(fd, PRIVATE_DIR_MODE)
            finally:
                os.close(fd)


def refuse_link(path: Path, *, kind: str = "file") -> None:
    """Refuse a symlink standing where one of the vault's own files or folders belongs.

    Raises:
        StorageError: if `path` is a symlink (a missing path is fine).
    """
    if os.path.islink(path):
        raise StorageError(LINKED_MESSAGE.format(name=path.name, kind=kind))


def create_private_file(path: Path) -> None:
    """Create an empty file readable only by the user; fails if it (or a link) already exists."""
    with translate_errors():
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
        os.close(os.open(path, flags, PRIVATE_FILE_MODE))


def fsync_file(path: Path) -> None:
    """Flush a file's contents to stable storage."""
    with translate_errors():
        fd = os.open(path, os.O_RDONLY | _BINARY | NOFOLLOW)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_directory(directory: Path) -> None:
    """Make renames and creations inside `directory` durable (a no-op where unsupported)."""
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals renames itself.
        return
    with translate_errors():
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_quietly(path: Path) -> None:
    """Delete a file if it exists, ignoring failures (cleanup after an error)."""
    with contextlib.suppress(OSError):
        os.remove(path)


def write_atomically(path: Path, data: bytes) -> bool:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    Writes a 0600 temp file in the same directory, fsyncs it, renames it over `path`, then
    fsyncs the directory so the rename itself survives a power loss. A symlink at `path` is
    replaced, never followed.

    Once the rename has happened the new file IS in place, whatever comes after: a failing
    directory fsync then is logged and reported by the return value, never raised, so no
    caller can tell the person "nothing changed" about a change that is in effect.

    Returns:
        True if the change is confirmed on stable storage; False if it is in place but the
        directory fsync failed (it may not survive a power loss that comes right now).

    Raises:
        UserFacingError: for file-system failures before the rename (disk full, permissions);
            `path` is then unchanged.
    """
    tmp = temp_path_for(path)
    try:
        with translate_errors(path.parent):
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY | NOFOLLOW
            fd = os.open(tmp, flags, PRIVATE_FILE_MODE)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise
    return confirm_directory(path.parent)


def confirm_directory(directory: Path) -> bool:
    """Fsync `directory` after a rename into it has happened; a failure is logged, not raised.

    The rename is already in effect, so the outcome to report is "done"; only its durability
    across a power loss in the next moments is unconfirmed.

    Returns:
        True if flushed; False if the flush failed.
    """
    try:
        fsync_directory(directory)
    except UserFacingError:
        log.warning("a file was replaced, but its folder could not be flushed to disk")
        return False
    return True
