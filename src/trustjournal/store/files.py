"""Crash-safe file operations: private files, atomic replacement, fsync, and stale temp files."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path

from trustjournal.store.db import translate_errors

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700

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


def create_private_file(path: Path) -> None:
    """Create an empty file readable only by the user; fails if it already exists."""
    with translate_errors():
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        os.close(os.open(path, flags, PRIVATE_FILE_MODE))


def fsync_file(path: Path) -> None:
    """Flush a file's contents to stable storage."""
    with translate_errors():
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
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


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    Writes a 0600 temp file in the same directory, flushes and fsyncs it, renames it over
    `path`, then fsyncs the directory so the rename itself survives a power loss.

    Raises:
        UserFacingError: for file-system failures (disk full, permissions); `path` is unchanged.
    """
    tmp = temp_path_for(path)
    try:
        with translate_errors():
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            fd = os.open(tmp, flags, PRIVATE_FILE_MODE)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise
    fsync_directory(path.parent)
