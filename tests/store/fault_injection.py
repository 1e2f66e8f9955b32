"""Injected OS failures at the OS boundary: the Nth `os.write`/`os.fsync`/`os.replace` fails.

This is how a full disk (ENOSPC) or a failing one (EIO) looks to our code at each step of a
write; SQLite's own I/O happens in C and is not affected (the tmpfs tests cover it).
"""

from __future__ import annotations

import errno
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

STEPS = ("write", "fsync", "replace")
ERRORS = (errno.ENOSPC, errno.EIO)

Point = tuple[str, int]


@contextmanager
def _patched(on_call: Callable[[str, int], None]) -> Iterator[None]:
    counts: Counter[str] = Counter()
    with pytest.MonkeyPatch.context() as patch:
        for name in STEPS:
            real = getattr(os, name)

            def wrapper(*args: Any, _name: str = name, _real: Any = real) -> Any:
                counts[_name] += 1
                on_call(_name, counts[_name])
                return _real(*args)

            patch.setattr(os, name, wrapper)
        yield


def injection_points(operation: Callable[[], object]) -> list[Point]:
    """Every (step, call number) that `operation` reaches when nothing fails."""
    seen: list[Point] = []
    with _patched(lambda name, number: seen.append((name, number))):
        operation()
    assert seen, "the operation made no write, fsync or rename at all"
    return seen


@contextmanager
def failing_at(point: Point, error: int) -> Iterator[None]:
    """Within the block, the call `point` raises `OSError(error)` instead of running."""

    def maybe_fail(name: str, number: int) -> None:
        if (name, number) == point:
            raise OSError(error, os.strerror(error))

    with _patched(maybe_fail):
        yield
