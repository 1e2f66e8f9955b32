"""Atomic, private file writes for exports: all of the new file or none of it, mode 0600.

A temporary file is created beside the target with O_EXCL and mode 0600, written, fsynced and
renamed over the target; the folder is then fsynced. On any failure the temporary file is
removed and an existing target is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from trustjournal.core.errors import StorageError
from trustjournal.store.db import translate_errors

FILE_MODE = 0o600
TEMP_PREFIX = ".trustjournal-"
TEMP_SUFFIX = ".part"


def _fsync_directory(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; rename is durable there
        return
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write(path: Path, data: bytes) -> None:
    """Replace (or create) `path` with `data` atomically, readable only by its owner.

    Raises:
        DiskFullError: if the disk or a file-size limit has no room.
        PermissionDeniedError: if the folder or the file may not be written.
        StorageError: for other failures (e.g. the folder does not exist).
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise StorageError("The folder to write the summary into does not exist.")
    if target.is_dir():
        raise StorageError("That name is a folder, not a file.")
    temp = directory / f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    with translate_errors():
        fd = os.open(temp, flags, FILE_MODE)
        try:
            try:
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, FILE_MODE)  # the umask may only remove bits; be explicit
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        _fsync_directory(directory)
