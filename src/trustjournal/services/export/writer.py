"""Atomic, private file writes for exports: all of the new file or none of it, mode 0600.

The summary is already whole in memory. Where the system allows (Linux `O_TMPFILE`), it is
written into a file with no name, fsynced, and given a hidden name only for the instant before
it is renamed over the target, so a crash while writing leaves nothing behind. Elsewhere a
hidden temp file is created with O_EXCL and mode 0600. Either way, a kill in that last instant
can leave a hidden `.trustjournal-<hex>.part` file: the next export into the same folder sweeps
it, and so does the next start for folders remembered in the vault (S18). On any failure the
temp file is removed and an existing target is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from pathlib import Path

from trustjournal.core.errors import StorageError
from trustjournal.core.i18n import _
from trustjournal.store.db import translate_errors

FILE_MODE = 0o600
TEMP_PREFIX = ".trustjournal-"
TEMP_SUFFIX = ".part"
_TEMP_NAME = re.compile(r"^\.trustjournal-[0-9a-f]{16}\.part$")
# The file system or kernel has no unnamed temp files: fall back to a named one.
_NO_TMPFILE = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL}


def sweep_temp_files(directory: Path) -> list[str]:
    """Remove the temp files an interrupted export left in `directory`; nothing else.

    Returns:
        The names removed.
    """
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    removed = []
    for name in names:
        if _TEMP_NAME.match(name) and not os.path.islink(directory / name):
            with contextlib.suppress(OSError):
                os.unlink(directory / name)
                removed.append(name)
    return removed


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
    with translate_errors():  # a folder we may not look into fails even is_dir()
        if not directory.is_dir():
            raise StorageError(_("The folder to write the summary into does not exist."))
        if target.is_dir():
            raise StorageError(_("That name is a folder, not a file."))
        if target.exists() and not target.is_file():  # a device or pipe: never replace it
            raise StorageError(_("That name is not an ordinary file; please choose another."))
    sweep_temp_files(directory)
    temp = directory / f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}"
    with translate_errors():
        try:
            if not _write_unnamed_then_name(directory, temp, data):
                _write_new_file(os.open(temp, _NAMED_FLAGS, FILE_MODE), data)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        _fsync_directory(directory)


_NAMED_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_NAMED_FLAGS |= getattr(os, "O_BINARY", 0)


def _write_new_file(fd: int, data: bytes) -> None:
    """Write, flush and close a freshly opened file descriptor."""
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)  # the umask may only remove bits; be explicit
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_unnamed_then_name(directory: Path, temp: Path, data: bytes) -> bool:
    """Write `data` into a file with no name (Linux `O_TMPFILE`), then link it in as `temp`.

    Returns:
        False where the system or file system has no unnamed files (nothing was written).
    """
    tmpfile = getattr(os, "O_TMPFILE", 0)
    if not tmpfile or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(directory, tmpfile | os.O_WRONLY | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        if exc.errno in _NO_TMPFILE:
            return False
        raise
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
        _write_all(fd, data)
        os.fsync(fd)
        # linkat(…, AT_SYMLINK_FOLLOW) on the /proc link names the unnamed file; os.link
        # calls linkat only when given a dir fd, so hand it the target folder's.
        dir_fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.link(f"/proc/self/fd/{fd}", temp.name, dst_dir_fd=dir_fd, follow_symlinks=True)
        finally:
            os.close(dir_fd)
    finally:
        os.close(fd)
    return True
