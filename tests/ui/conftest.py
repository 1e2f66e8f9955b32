"""UI test fixtures: the services' journal fixtures, and offscreen noise that is not ours."""

from __future__ import annotations

import pytest

from tests.services.conftest import clock, db, db_path, journal, repo  # noqa: F401 - shared

# The offscreen platform cannot size or raise native windows and says so; not a fault of ours.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Let the shell's tests ignore the offscreen platform's harmless warnings."""
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
