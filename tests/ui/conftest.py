"""UI test fixtures: the services' journal fixtures, and offscreen noise that is not ours."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from tests.services.conftest import clock, db, db_path, journal, repo  # noqa: F401 - shared

# The offscreen platform cannot size or raise native windows and says so; not a fault of ours.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Let the shell's tests ignore the offscreen platform's harmless warnings."""
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def no_window_outlives_its_test() -> Iterator[None]:
    """Close and delete every top-level widget a test leaves behind.

    A widget left alive keeps receiving application-wide events (a later test's style change
    reaches it) after the test's journal and models are gone; on Python 3.12 one such leftover
    scale asked a dead timeline model for its rows.
    """
    yield
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.unfreeze()  # a journal left unlocked left its pages frozen (as the lock does)


def _speaking(code: str) -> Iterator[None]:
    from trustjournal.core import i18n

    i18n.set_language(code)
    yield
    i18n.set_language("en")


@pytest.fixture
def pseudo() -> Iterator[None]:
    """The pseudo-locale for the test: every word of ours shows bracketed and accented."""
    yield from _speaking("pseudo")


@pytest.fixture
def english() -> Iterator[None]:
    """English for the test, whatever an earlier one chose."""
    yield from _speaking("en")


@pytest.fixture
def german() -> Iterator[None]:
    """German for the test."""
    yield from _speaking("de")
