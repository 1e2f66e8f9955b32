"""Keeping the decrypted journal out of core dumps: a crash must not leave it on disk (S4)."""

from __future__ import annotations

import ctypes
import resource
import sys

PR_SET_DUMPABLE = 4  # from <linux/prctl.h>
PR_GET_DUMPABLE = 3


def _libc() -> ctypes.CDLL | None:
    """The C library's symbols, through the running program (no `ldconfig` call at start-up)."""
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def forbid_core_dumps() -> bool:
    """Stop this process from ever writing a core dump; True if every step took.

    While the journal is open, its decrypted pages and entries are in this process's memory,
    and a core dump (written by the kernel, or kept by `systemd-coredump`, where the same
    login can read it back with `coredumpctl`) would put them on disk in plain text. The core
    size limit is set to zero, and on Linux the process is marked not dumpable, which also
    stops other programs of the same user attaching a debugger to it.
    """
    done = True
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        done = False
    if sys.platform.startswith("linux"):
        libc = _libc()
        if libc is None or libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            done = False
    return done


def core_dumps_forbidden() -> bool:
    """Whether this process can write no core dump (the check `forbid_core_dumps` is for)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    if soft != 0 or hard != 0:
        return False
    if sys.platform.startswith("linux"):
        libc = _libc()
        return libc is not None and libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0
    return True
