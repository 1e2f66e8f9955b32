"""The vault's single-instance lock: an OS lock on `<vault>/.lock`, released when its process dies.

Plain Python with no store imports: the app takes it before its first paint.

The operating system holds the lock (`flock` on POSIX, `msvcrt.locking` on Windows), not the
file's contents: a process killed at any moment, even while creating the file, leaves nothing
that blocks the next launch (S15). The file is opened without following a symlink; a link or a
folder standing in its place is moved out of the way rather than trusted (S17).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_NAME = ".lock"
_ATTEMPTS = 4  # a lock file replaced under us a few times in a row is not worth chasing
_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class InstanceLock:
    """This process's hold on a vault folder; `release()` lets the next launch in."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def try_acquire(cls, directory: Path) -> InstanceLock | None:
        """Take the vault at `directory` for this process.

        Returns:
            The held lock, or None if another live process holds it.

        Raises:
            OSError: if the lock file cannot be created or locked at all (e.g. a read-only
                folder); no lock is held then.
        """
        path = directory / LOCK_NAME
        for _attempt in range(_ATTEMPTS):
            fd = _open_lock_file(path)
            if fd is None:
                continue  # something that was in the way was moved aside: try again
            if not _lock(fd):
                os.close(fd)
                return None
            if _still_named(path, fd):
                return cls(path, fd)
            os.close(fd)  # released and removed by its holder as we locked it: take the new one
        raise OSError(errno.EAGAIN, "the lock file kept changing")

    def release(self) -> None:
        """Remove the lock file and drop the lock (safe to call twice)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform == "win32":  # an open file cannot be removed on Windows
            os.close(fd)
            with contextlib.suppress(OSError):
                os.remove(self.path)
            return
        # Removed while still locked: a launch that opened the old file finds it renamed away
        # (`_still_named`) and takes a fresh one, so two processes never both hold the vault.
        with contextlib.suppress(OSError):
            if _still_named(self.path, fd):
                os.remove(self.path)
        os.close(fd)


def _open_lock_file(path: Path) -> int | None:
    """An fd of the lock file, never through a link; None if something had to be moved aside."""
    try:
        return os.open(path, _FLAGS, 0o600)
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.EISDIR, errno.EMLINK, errno.EACCES):
            raise
        if not (os.path.islink(path) or os.path.isdir(path)):
            raise
    _move_aside(path)
    return None


def _move_aside(path: Path) -> None:
    """Move a link or folder at the lock file's place out of the way (never follow or delete it)."""
    # os.urandom, not `secrets`: that loads hashlib, which the start defers past the first paint.
    aside = path.with_name(f"{path.name}.{os.urandom(8).hex()}.moved")
    log.warning("something other than a lock file was in the way; it was moved aside")
    if os.path.islink(path):
        # A link is renamed, its target untouched. (Only a launch racing this same rename
        # could lose its fresh lock file to it; a folder of ours never holds such a link.)
        os.rename(path, aside)
        return
    # Renaming onto an empty folder only succeeds for a folder: if a real lock file has
    # taken the place meanwhile, this fails and leaves it alone.
    os.mkdir(aside, 0o700)
    try:
        os.rename(path, aside)
    except OSError:
        os.rmdir(aside)
        return
    with contextlib.suppress(OSError):
        os.rmdir(aside)  # an empty folder was all it was


def _lock(fd: int) -> bool:
    """Take the OS lock on `fd` without waiting; False if another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _still_named(path: Path, fd: int) -> bool:
    """Whether `path` still names the file open as `fd` (it was not removed or replaced)."""
    if sys.platform == "win32":
        return True
    try:
        named = os.lstat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)
