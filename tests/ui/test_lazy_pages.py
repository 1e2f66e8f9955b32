"""Pages are built on first use: only the page shown first exists before the window paints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QBoxLayout,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import (
    NOTE_PAGE,
    PASSPHRASE,
    NotePage,
    fixed_clock,
    make_vault,
    open_journal,
    start_shell,
    texts_in_widgets,
    unlock,
)
from trustjournal.app import Shell
from trustjournal.core.entries import MoodCheckIn
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.icons import Icon
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.registry import PageSpec
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.session import Session

LATER = ["journal", "insights", "share", "settings"]  # every page but Today, in side-bar order
SHORTCUTS = {"today": Qt.Key.Key_1, "journal": Qt.Key.Key_2, "share": Qt.Key.Key_4}
SHORTCUTS["insights"] = Qt.Key.Key_3
SHORTCUTS["settings"] = Qt.Key.Key_5


def _unlocked(qtbot: QtBot, shell: Shell) -> MainFrame:
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    return frame


def _open(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> tuple[Shell, MainFrame]:
    return open_journal(qtbot, qapp, tmp_path)


def _lock(qtbot: QtBot, shell: Shell) -> None:
    with qtbot.waitSignal(shell.controller.locked):
        shell.lock_manager.request("shortcut")


def test_only_the_page_shown_is_built_at_unlock(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = _open(qtbot, qapp, tmp_path)
    assert frame.current_key == "today"
    assert frame.is_built("today")
    assert [key for key in LATER if frame.is_built(key)] == []
    assert frame.page_list.count() == 5  # every page is offered all the same
    assert len(frame.go_actions) == 5


@pytest.mark.parametrize("key", LATER)
def test_its_shortcut_builds_and_shows_a_page(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, key: str
) -> None:
    _shell, frame = _open(qtbot, qapp, tmp_path)
    qtbot.keyClick(frame, SHORTCUTS[key], Qt.KeyboardModifier.ControlModifier)
    assert frame.current_key == key
    assert frame.is_built(key)
    page = frame.page(key)
    assert frame.stack.currentWidget() is page
    assert page.isVisible()
    assert [other for other in LATER if other != key and frame.is_built(other)] == []
    _keys_are_on_a_control_of(page)
    qtbot.keyClick(frame, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert frame.stack.currentWidget() is frame.page("today")
    _keys_are_on_a_control_of(frame.page("today"))


def _keys_are_on_a_control_of(page: QWidget) -> None:
    """After Ctrl+number the keys work in the page at once: on one of its controls (one that
    Tab reaches), not on the frame or the scroll area around it."""
    focused = QApplication.focusWidget()
    assert focused is not None and page.isAncestorOf(focused), focused
    assert focused.focusPolicy() & Qt.FocusPolicy.TabFocus, focused
    assert not isinstance(focused, QAbstractScrollArea), focused


def test_the_go_menu_and_the_side_bar_build_pages_too(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = _open(qtbot, qapp, tmp_path)
    frame.go_actions[4].trigger()  # Go → Settings
    assert frame.current_key == "settings"
    assert frame.stack.currentWidget() is frame.page("settings")
    frame.page_list.setCurrentRow(3)  # a click on Share in the side bar
    assert frame.current_key == "share"
    assert frame.stack.currentWidget() is frame.page("share")


def test_locking_before_other_pages_were_built_then_unlocking_works(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = _open(qtbot, qapp, tmp_path)
    vault = shell.controller.vault
    assert vault is not None
    _lock(qtbot, shell)
    assert vault.is_locked
    assert shell.window.menuWidget() is None
    frame = _unlocked(qtbot, shell)
    assert frame.current_key == "today"
    assert [key for key in LATER if frame.is_built(key)] == []
    for key in LATER:
        qtbot.keyClick(frame, SHORTCUTS[key], Qt.KeyboardModifier.ControlModifier)
        assert frame.stack.currentWidget() is frame.page(key)
    _lock(qtbot, shell)  # every page built this time: all are emptied
    assert shell.controller.vault is None


def test_the_page_they_were_on_is_the_one_built_after_unlocking(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = _open(qtbot, qapp, tmp_path)
    qtbot.keyClick(frame, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    _lock(qtbot, shell)
    frame = _unlocked(qtbot, shell)
    assert frame.current_key == "journal"
    assert frame.stack.currentWidget() is frame.page("journal")
    assert not frame.is_built("today")
    qtbot.keyClick(frame, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(frame.stack.currentWidget(), TodayPage)


def test_an_entry_opened_from_today_builds_the_journal_and_selects_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    make_vault(directory)
    vault = Vault.unlock(directory, PASSPHRASE)
    saved = EntryRepository(db=vault.db, clock=fixed_clock).add(
        MoodCheckIn(occurred_at=fixed_clock(), mood=7, note="a quiet morning")
    )
    vault.lock()
    shell = start_shell(qtbot, qapp, tmp_path, pages=journal_pages())
    frame = _unlocked(qtbot, shell)
    today = frame.page("today")
    assert isinstance(today, TodayPage)
    assert not frame.is_built("journal")
    view = today.today_view
    view.setFocus()
    view.setCurrentIndex(today.today_model.index(today.today_model.row_of(saved.id or 0)))
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert frame.current_key == "journal"
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    assert frame.stack.currentWidget() is journal
    assert journal.current_id() == saved.id
    assert journal.right.currentWidget() is journal.pane
    editor = journal.pane.editor
    assert editor is not None
    assert editor.loaded_id() == saved.id


def test_a_draft_waits_in_the_vault_until_its_page_is_built(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path, pages=(NOTE_PAGE,))
    frame = _unlocked(qtbot, shell)
    note = frame.page("note")
    assert isinstance(note, NotePage)
    note.editor.setPlainText("kept for later, canary-lazy")
    qtbot.keyClick(frame, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    _lock(qtbot, shell)  # on Settings: the note is stashed as a draft
    frame = _unlocked(qtbot, shell)
    assert frame.current_key == "settings"
    assert not frame.is_built("note")
    _lock(qtbot, shell)  # locked again before the note page was ever built
    frame = _unlocked(qtbot, shell)
    assert not frame.is_built("note")
    qtbot.keyClick(frame, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    note = frame.page("note")
    assert isinstance(note, NotePage)
    assert note.editor.toPlainText() == "kept for later, canary-lazy"


def _tab_chain(frame: MainFrame) -> list[str]:
    """What Tab visits after the side bar's list, described, up to the list again."""
    chain: list[str] = []
    widget: QWidget = frame.page_list.nextInFocusChain()
    while widget is not frame.page_list:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            words = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
            chain.append(f"{type(widget).__name__} {widget.accessibleName()} {words}")
        widget = widget.nextInFocusChain()
    return chain


def test_a_page_built_late_takes_its_place_in_the_tab_order(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = _open(qtbot, qapp, tmp_path)
    qtbot.keyClick(frame, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    built_late = _tab_chain(frame)
    _lock(qtbot, shell)
    frame = _unlocked(qtbot, shell)  # Settings is now the page built with the frame
    assert frame.current_key == "settings"
    assert _tab_chain(frame) == built_late
    assert built_late[0].startswith("QPushButton")  # the side bar's Lock, then the page
    assert "QSpinBox Lock after this many minutes without use " in built_late


class _ProbePage(QWidget):
    """Starts background work while it is built, and notes what had happened when it ran."""

    def __init__(self, *, session: Session, log: list[str]) -> None:
        super().__init__()
        self._log = log
        session.tasks.run_in_background(lambda: None, self._on_ran, self._on_ran)
        log.append("built")

    def _on_ran(self, _result: object) -> None:
        self._log.append("background work ran")

    def restore_drafts(self) -> None:
        self._log.append("drafts restored")

    def stash_drafts(self) -> None:
        """Nothing to keep."""

    def clear(self) -> None:
        """Nothing to empty."""


def _probe_shell(qtbot: QtBot, qapp: QApplication, tmp_path: Path, log: list[str]) -> Shell:
    """A shell whose only page is a `_ProbePage` writing what happens to it into `log`."""
    probe = PageSpec(
        key="probe",
        title="Probe",
        icon=Icon.TODAY,
        shortcut="Ctrl+1",
        build=lambda session: _ProbePage(session=session, log=log),
    )
    make_vault(tmp_path / "journal")
    return start_shell(qtbot, qapp, tmp_path, pages=(probe,))


def test_the_first_pages_background_work_starts_once_it_is_built(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    # One connection serves the journal: reads started in the background while the page is
    # still being built would hold up the page's own reads on the UI thread.
    log: list[str] = []
    shell = _probe_shell(qtbot, qapp, tmp_path, log)
    _unlocked(qtbot, shell)
    assert log == ["built", "drafts restored", "background work ran"]


def test_a_lock_before_the_first_paint_drops_the_held_work_and_the_signal(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    log: list[str] = []
    shell = _probe_shell(qtbot, qapp, tmp_path, log)
    announced: list[bool] = []
    shell.controller.unlocked.connect(lambda: announced.append(True))
    unlock(shell, PASSPHRASE)  # opened and built at once: the runner here is synchronous
    assert shell.controller.frame is not None
    shell.controller.lock("test")  # before the event loop turned, so before the first paint
    qtbot.wait(50)
    assert log == ["built", "drafts restored"]
    assert announced == []
    assert isinstance(shell.controller.screen(), UnlockScreen)
    _unlocked(qtbot, shell)  # and the next unlock is whole
    assert log[-1] == "background work ran"


def _painted_with(shell: Shell, probe: Callable[[], object]) -> list[object]:
    """What `probe()` returned when the window's next paint came (filled in once it has)."""
    seen: list[object] = []

    class _FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not seen and event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Expose):
                seen.append(probe())
            return False

    watcher = _FirstPaint(shell.window)
    shell.window.installEventFilter(watcher)
    handle = shell.window.windowHandle()
    assert handle is not None
    handle.installEventFilter(watcher)
    return seen


def test_todays_cards_below_the_fold_are_built_once_the_page_has_painted(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path, pages=journal_pages())

    shell.window.resize(1280, 1000)  # the first paint's cards fit without scrolling

    def at_first_paint() -> tuple[bool, int]:
        frame = shell.controller.frame
        assert frame is not None
        today = cast(TodayPage, frame.page("today"))
        return today._later is not None, today.gratitude.width()

    seen = _painted_with(shell, at_first_paint)
    frame = _unlocked(qtbot, shell)
    today = frame.page("today")
    assert isinstance(today, TodayPage)
    qtbot.wait(20)  # the layout settles with the later cards in it
    # The main window painted without them, and the cards it showed keep their width once
    # they come (the scroll bar's room was kept).
    assert seen == [(False, today.gratitude.width())]
    assert today._later is not None  # and they were there before `unlocked`
    for later in (today.trigger, today.coping, today.flagged):
        assert later.isVisible()
    tab_chain = _tab_chain(frame)
    assert any("Log it" in stop for stop in tab_chain)  # the trigger log is reachable by Tab


def test_a_trigger_log_draft_comes_back_though_its_card_is_built_later(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = _open(qtbot, qapp, tmp_path)
    today = frame.page("today")
    assert isinstance(today, TodayPage)
    QTest.keyClicks(today.trigger.situation, "canary-later-cards")
    _lock(qtbot, shell)
    assert "canary-later-cards" not in list(texts_in_widgets(qapp))
    unlock(shell, PASSPHRASE)  # and lock again before the page could paint
    early = shell.controller.frame
    assert early is not None
    assert cast(TodayPage, early.page("today"))._later is None
    _lock(qtbot, shell)
    frame = _unlocked(qtbot, shell)
    today = frame.page("today")
    assert isinstance(today, TodayPage)
    assert today.trigger.situation.toPlainText() == "canary-later-cards"


@pytest.mark.parametrize(("height", "built_first"), [(800, False), (1000, True)])
def test_one_above_the_other_a_tall_page_has_the_trigger_log_from_its_first_paint(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, height: int, built_first: bool
) -> None:
    # One column (narrow): the trigger log sits between the check-in and gratitude, so it
    # cannot come later where the first paint would show gratitude in its place.
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path, pages=journal_pages())
    shell.window.resize(1000, height)

    def built() -> bool:
        frame = shell.controller.frame
        return frame is not None and cast(TodayPage, frame.page("today"))._later is not None

    seen = _painted_with(shell, built)
    frame = _unlocked(qtbot, shell)
    today = frame.page("today")
    assert isinstance(today, TodayPage)
    assert today.sides.direction() == QBoxLayout.Direction.TopToBottom
    assert seen == [built_first]
