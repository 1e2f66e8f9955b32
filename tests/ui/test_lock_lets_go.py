"""The lock lets go of the session in memory too: what its pages held in reference cycles is
collected once the unlock screen shows, not at some later full collection (S5)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import open_journal
from trustjournal.core.entries import MoodCheckIn
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.screens.unlock import UnlockScreen


@pytest.fixture
def no_automatic_collection() -> Iterator[None]:
    """Only the collections the app asks for run (one coming due by chance would hide a
    page the lock left in memory)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _insights_shown(qtbot: QtBot, frame: MainFrame) -> tuple[weakref.ref[object], ...]:
    """Show Insights until its cards hold the days' figures; weak references to both."""
    assert frame.show_page("insights")
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    qtbot.waitUntil(lambda: page.built and page.figures is not None and bool(page.figures.days))
    assert page.figures is not None
    return weakref.ref(page), weakref.ref(page.figures)


def test_the_insights_page_and_its_figures_are_let_go_at_lock(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, no_automatic_collection: None
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    now = frame.session.clock()
    for days in range(30):
        frame.session.entries.add(MoodCheckIn(occurred_at=now - timedelta(days=days), mood=6))
    held = _insights_shown(qtbot, frame)
    del frame
    with qtbot.waitSignal(shell.controller.locked):
        shell.lock_manager.request("shortcut")
    assert isinstance(shell.controller.screen(), UnlockScreen)
    qtbot.waitUntil(lambda: all(ref() is None for ref in held), timeout=2_000)
