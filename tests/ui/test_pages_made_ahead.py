"""A page slow to make (Insights) is made ahead, a moment after unlock, in turns of its own:
Ctrl+3 then only shows it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication
from pytestqt.qtbot import QtBot

from tests.ui.dialog_helpers import HeldTasks
from tests.ui.journal_helpers import NOW, active_frame, new_session
from tests.ui.shell_helpers import open_journal
from trustjournal.core.entries import MoodCheckIn
from trustjournal.ui import controller
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.journal_pages import INSIGHTS_MODULES
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import ScopedTasks

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    yield from new_session(tmp_path)


def _frame(qtbot: QtBot, session: Session) -> MainFrame:
    session.entries.add(MoodCheckIn(occurred_at=NOW, mood=6))
    return active_frame(qtbot, session)


def test_a_prepared_page_is_made_on_one_turn_and_put_in_place_on_the_next(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    frame = _frame(qtbot, session)
    assert not frame.is_built("insights")
    frame.prepare_pages()  # the modules are loaded already here: made at once
    assert frame.is_built("insights") and not frame.is_prepared("insights")
    qtbot.waitUntil(lambda: frame.is_prepared("insights"))
    made = frame.page("insights")
    assert isinstance(made, InsightsPage)
    assert made.parent() is frame.stack and not made.isVisible()
    assert not frame.is_built("journal") and not frame.is_built("share")  # only Insights
    qtbot.waitUntil(lambda: made.figures is not None)  # its first period, read meanwhile
    assert made.cards() == (made.mood_card,)  # the others wait for it to be shown
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert frame.stack.currentWidget() is made and made.isVisible()
    focused = QApplication.focusWidget()
    assert focused is made.bar.span  # the keys on its first control, as when built then
    qtbot.waitUntil(lambda: made.built)
    assert len(made.cards()) > 5
    frame.stash_and_clear()


def test_a_page_asked_for_before_its_turn_in_the_stack_is_put_there_at_once(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    frame = _frame(qtbot, session)
    frame.prepare_pages()
    assert frame.is_built("insights") and not frame.is_prepared("insights")
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert frame.is_prepared("insights")
    assert frame.stack.currentWidget() is page and page.isVisible()
    focused = QApplication.focusWidget()
    assert focused is not None and page.isAncestorOf(focused)
    assert not isinstance(focused, QAbstractScrollArea)
    for _ in range(5):
        qapp.processEvents()  # its own turn comes and finds it in place
    assert frame.stack.indexOf(page) == frame.stack.count() - 1
    assert frame.stack.count() == 2  # Today and Insights, once each
    qtbot.waitUntil(lambda: isinstance(page, InsightsPage) and page.built)
    frame.stash_and_clear()


def test_a_lock_between_the_two_turns_empties_the_page_made_and_makes_no_more(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    frame = _frame(qtbot, session)
    frame.prepare_pages()
    (made,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, InsightsPage)]
    frame.stash_and_clear()  # as the lock does
    assert made.figures is None  # emptied like every built page
    for _ in range(5):
        qapp.processEvents()
    assert not frame.is_prepared("insights")
    assert frame.stack.count() == 1


def test_the_shell_makes_insights_ahead_a_moment_after_unlock(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    assert not frame.is_built("insights")  # not before the window has painted and settled
    qtbot.waitUntil(lambda: frame.is_prepared("insights"), timeout=controller.PREPARE_AFTER_MS * 5)
    assert frame.current_key == "today"  # made hidden: Today is still what is shown
    assert not frame.is_built("journal")
    with qtbot.waitSignal(shell.controller.locked):
        shell.lock_manager.request("shortcut")


def test_the_insights_modules_list_everything_its_page_imports() -> None:
    """Made ahead, its modules are imported one a turn first; a module left off the list
    would be imported in the turn that makes the page."""
    script = f"""
import sys
from trustjournal.ui.controller import MAIN_MODULES
import importlib
for name in MAIN_MODULES:
    importlib.import_module(name)
for name in {INSIGHTS_MODULES!r}[:-1]:
    importlib.import_module(name)
before = set(sys.modules)
import trustjournal.ui.pages.insights_page
print(sorted(n for n in set(sys.modules) - before if n != "trustjournal.ui.pages.insights_page"))
"""
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert out.stdout.strip() == "[]"


def test_a_page_made_ahead_whose_read_failed_still_makes_its_cards_when_shown(
    qtbot: QtBot, qapp: QApplication, session: Session
) -> None:
    held = HeldTasks()
    frame = _frame(qtbot, replace(session, tasks=ScopedTasks(tasks=held, is_current=lambda: True)))
    held.run_all()  # Today's reads
    frame.prepare_pages()
    qtbot.waitUntil(lambda: frame.is_prepared("insights"))
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    ((_read, _done, failed),) = held.held
    held.held.clear()
    failed(OSError("disk"))  # while hidden
    assert page.cards() == (page.mood_card,)
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.built)
    assert len(page.cards()) > 5
    assert "could not be read" in page.empty.text() and page.empty.isVisible()
    frame.stash_and_clear()
