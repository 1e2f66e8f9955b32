"""Atomic, private file writes for exports: all of the new file or none of it, mode 0600.

Where the system allows (Linux `O_TMPFILE`), an export is written into a file with no name,
fsynced, and only then given a name, so a crash or kill while writing leaves nothing behind. A
summary replacing a file is named hidden `.trustjournal-<hex>.part` for the instant before it is
renamed over the target; a full export, which never replaces a file, is linked in under its own
name directly. Elsewhere a hidden `.trustjournal-<hex>.part` file is created with O_EXCL and mode
0600 and renamed at the end. A kill can then leave that file behind: the next export into the
same folder sweeps it, and so does the next start for folders remembered in the vault (S18). On
any failure the temp file is removed and an existing target is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from trustjournal.core.errors import StorageError
from trustjournal.core.i18n import _
from trustjournal.store.db import translate_errors

FILE_MODE = 0o600
TEMP_PREFIX = ".trustjournal-"
TEMP_SUFFIX = ".part"
_TEMP_NAME = re.compile(r"^\.trustjournal-[0-9a-f]{16}\.part$")
# The file system or kernel has no unnamed temp files: fall back to a named one.
_NO_TMPFILE = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL}
# The file system has no hard links (FAT, exFAT, some network shares).
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.ENOSYS}
_NAMED_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_NAMED_FLAGS |= getattr(os, "O_BINARY", 0)


class TargetExistsError(StorageError):
    """A file is already under the name a new file was to take; it was left alone.

    It carries no words of its own: each caller says it in the words of its own screen.
    """


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


def atomic_write(path: Path, data: bytes) -> None:
    """Replace (or create) `path` with `data` atomically, readable only by its owner.

    Raises:
        DiskFullError: if the disk or a file-size limit has no room.
        PermissionDeniedError: if the folder or the file may not be written.
        StorageError: for other failures (e.g. the folder does not exist).
    """
    with named_when_complete(Path(path), replace=True) as out:
        out.write(data)


@contextlib.contextmanager
def named_when_complete(target: Path, *, replace: bool) -> Iterator[BinaryIO]:
    """Open a new private file in `target`'s folder to stream into; name it only once complete.

    The block writes into the yielded file. When it ends without an error the file is flushed,
    fsynced, given `target`'s name and the folder fsynced; when it raises (a cancel, a full
    disk), the file is removed and the error goes on. A kill leaves no file where the system has
    unnamed files, and elsewhere at most a hidden `.trustjournal-<hex>.part` file, which the
    next export into the folder sweeps first.

    Args:
        replace: whether an existing file under `target`'s name may be replaced (a summary
            saved again); without it, such a file is left alone and TargetExistsError raised.

    Raises:
        TargetExistsError: if `replace` is False and `target` exists (also if it appears
            while writing).
        DiskFullError: if the disk or a file-size limit has no room.
        PermissionDeniedError: if the folder or the file may not be written.
        StorageError: for other failures (e.g. the folder does not exist).
    """
    directory = _checked_folder(target, replace=replace)
    sweep_temp_files(directory)
    temp = directory / f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}"
    named, placed = False, False
    with translate_errors(directory):
        fd = _open_unnamed(directory)
        if fd is None:
            fd, named = os.open(temp, _NAMED_FLAGS, FILE_MODE), True
    try:
        out = os.fdopen(fd, "wb")  # owns fd from here on: closing it closes fd
    except BaseException:
        os.close(fd)
        _remove(temp)
        raise
    try:
        with translate_errors(directory):  # a full disk while the block writes, too
            if hasattr(os, "fchmod"):
                os.fchmod(fd, FILE_MODE)  # the umask may only remove bits; be explicit
            yield out
            out.flush()
            os.fsync(fd)
            _give_name(fd, temp, target, named=named, replace=replace)
            placed = True
            out.close()
            _fsync_directory(directory)
    except BaseException:
        with contextlib.suppress(OSError, ValueError):
            out.close()
        _remove(temp)  # under no name yet, or under `temp`: never someone else's file
        if placed and not replace:  # a new file only just named: "nothing saved" stays true
            _remove(target)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _checked_folder(target: Path, *, replace: bool) -> Path:
    directory = target.parent if str(target.parent) else Path(".")
    with translate_errors():  # a folder we may not look into fails even is_dir()
        if not directory.is_dir():
            raise StorageError(_("The folder to write the summary into does not exist."))
        if target.is_dir():
            raise StorageError(_("That name is a folder, not a file."))
        if not replace and os.path.lexists(target):
            raise TargetExistsError()
        if target.exists() and not target.is_file():  # a device or pipe: never replace it
            raise StorageError(_("That name is not an ordinary file; please choose another."))
    return directory


def _open_unnamed(directory: Path) -> int | None:
    """A file with no name in `directory` (Linux `O_TMPFILE`), or None where there is none."""
    tmpfile = getattr(os, "O_TMPFILE", 0)
    if not tmpfile or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(directory, tmpfile | os.O_WRONLY | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        if exc.errno in _NO_TMPFILE:
            return None
        raise


def _give_name(fd: int, temp: Path, target: Path, *, named: bool, replace: bool) -> None:
    """Name the complete file; `named` says whether it is already called `temp`."""
    if not named:
        # linkat(…, AT_SYMLINK_FOLLOW) on the /proc link names the unnamed file; os.link
        # calls linkat only when given a dir fd, so hand it the target folder's. A replacing
        # file goes by `temp` for the instant before the rename; a new one takes its own name.
        name = temp.name if replace else target.name
        dir_fd = os.open(temp.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            _link_new(lambda: os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=dir_fd))
        finally:
            os.close(dir_fd)
        if not replace:
            return
    if replace:
        os.replace(temp, target)
    elif os.name == "nt":
        _link_new(lambda: os.rename(temp, target))  # Windows never renames over a file
    else:
        _rename_without_replacing(temp, target)


def _link_new(make: Callable[[], None]) -> None:
    """Make a new name; a file already there is left alone and refused."""
    try:
        make()
    except FileExistsError:
        raise TargetExistsError() from None


def _rename_without_replacing(temp: Path, target: Path) -> None:
    """Rename `temp` to `target` unless something took that name meanwhile (POSIX rename would
    silently replace it): a hard link refuses an existing name, then the temp name goes."""
    try:
        _link_new(lambda: os.link(temp, target))
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.path.lexists(target):  # no hard links here: check, then rename, as close as can be
            raise TargetExistsError() from None
        os.rename(temp, target)
        return
    os.unlink(temp)
