"""Shared test configuration: headless Qt and cheap key derivation for speed."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

# Set before anything imports Qt, so `pytest` alone runs headless (STYLE.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def collector_off_in_threads() -> Iterator[None]:
    """For tests that run Python in threads of their own: collect now, on the main thread, and
    keep the cycle collector off until the test ends, as the app's task runner does while a
    worker runs (collected in another thread, a Qt object left by an earlier test crashes Qt)."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
