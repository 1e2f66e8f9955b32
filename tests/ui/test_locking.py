"""Locking (S5) is never blocked: drafts kept, dialogs closed, widgets emptied, vault closed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import (
    NOTE_PAGE,
    PASSPHRASE,
    NotePage,
    make_vault,
    open_journal,
    start_shell,
    texts_in_widgets,
    unlock,
)
from trustjournal.app import Shell
from trustjournal.ui.dialogs.change_passphrase import ChangePassphraseDialog
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.pages.share_page import SharePage
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tasks import BackgroundTasks

CANARY_TEXT = "I could not say this to anyone, canary-7f3a"
CANARY_TITLE = "canary title 51c2"


def _open_with_note(qtbot: QtBot, qapp: QApplication, tmp_path: Path, **kwargs) -> Shell:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path, pages=(NOTE_PAGE,), **kwargs)
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        unlock(shell, PASSPHRASE)
    return shell


def _type_note(qtbot: QtBot, shell: Shell) -> NotePage:
    frame = shell.controller.frame
    assert frame is not None
    frame.show_page("note")
    page = frame.page("note")
    assert isinstance(page, NotePage)
    page.title.setText(CANARY_TITLE)
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, CANARY_TEXT)
    return page


def _assert_locked_and_clean(qapp: QApplication, shell: Shell) -> None:
    assert shell.controller.vault is None
    assert isinstance(shell.controller.screen(), UnlockScreen)
    held = [t for t in texts_in_widgets(qapp) if "canary" in t]
    assert held == []


def _assert_draft_back(qtbot: QtBot, shell: Shell, *, on_page: str = "note") -> None:
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    assert frame.current_key == on_page  # back on the page they were on
    page = frame.page("note")
    assert isinstance(page, NotePage)
    assert page.editor.toPlainText() == CANARY_TEXT
    assert page.title.text() == CANARY_TITLE


def test_ctrl_l_while_typing_locks_and_the_draft_comes_back(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open_with_note(qtbot, qapp, tmp_path)
    page = _type_note(qtbot, shell)
    vault = shell.controller.vault
    assert vault is not None
    with qtbot.waitSignal(shell.controller.locked):
        qtbot.keyClick(page.editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert vault.is_locked
    _assert_locked_and_clean(qapp, shell)
    print(f"lock took {shell.controller.last_lock_seconds * 1000:.1f} ms")
    _assert_draft_back(qtbot, shell)


def test_idle_timer_locks_while_typing_and_the_draft_comes_back(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open_with_note(qtbot, qapp, tmp_path)
    _type_note(qtbot, shell)
    with qtbot.waitSignal(shell.controller.locked, timeout=10_000):
        shell.lock_manager.set_idle_ms(50)
    _assert_locked_and_clean(qapp, shell)
    _assert_draft_back(qtbot, shell)


def test_the_sidebar_lock_button_locks(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    shell = _open_with_note(qtbot, qapp, tmp_path)
    frame = shell.controller.frame
    assert frame is not None
    with qtbot.waitSignal(shell.controller.locked):
        frame.lock_button.click()


def test_lock_while_a_message_box_waits_for_an_answer(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open_with_note(qtbot, qapp, tmp_path)
    _type_note(qtbot, shell)
    frame = shell.controller.frame
    assert frame is not None
    frame.show_page("settings")
    settings = frame.page("settings")
    assert isinstance(settings, SettingsPage)
    QTimer.singleShot(50, lambda: shell.controller.lock("idle"))
    settings.never_check.click()  # the warning runs its own event loop until answered
    _assert_locked_and_clean(qapp, shell)
    assert not [w for w in qapp.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    _assert_draft_back(qtbot, shell, on_page="settings")
    assert shell.lock_manager.idle_ms is not None  # the unanswered warning changed nothing


def test_lock_with_the_change_passphrase_dialog_open(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open_with_note(qtbot, qapp, tmp_path)
    frame = shell.controller.frame
    assert frame is not None
    frame.show_page("settings")
    settings = frame.page("settings")
    assert isinstance(settings, SettingsPage)
    settings.change_button.click()
    dialog = next(w for w in qapp.topLevelWidgets() if isinstance(w, ChangePassphraseDialog))
    dialog.current.setText("canary in a dialog")
    box = QMessageBox(QMessageBox.Icon.Question, "t", "a second prompt", parent=dialog)
    box.open()
    shell.controller.lock("shortcut")
    assert not dialog.isVisible()
    assert not box.isVisible()
    _assert_locked_and_clean(qapp, shell)


def test_work_finishing_after_lock_is_dropped_silently(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    tasks = BackgroundTasks()
    shell = _open_with_note(qtbot, qapp, tmp_path, tasks=tasks)
    frame = shell.controller.frame
    assert frame is not None
    page = frame.page("note")
    assert isinstance(page, NotePage)
    gate = threading.Event()
    results: list[object] = []
    page._session.tasks.run_in_background(
        lambda: gate.wait(10) and "late result", results.append, results.append
    )
    shell.controller.lock("test")  # does not wait for the running task
    assert isinstance(shell.controller.screen(), UnlockScreen)
    with qtbot.waitSignal(tasks.idle, timeout=10_000):
        gate.set()
    assert results == []
    assert not page._session.is_open()


def test_lock_clears_the_clipboard_only_if_it_still_holds_our_text(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open_with_note(qtbot, qapp, tmp_path)
    board = QApplication.clipboard()
    shell.clipboard.copy("ABCD-EFGH")
    shell.controller.lock("test")
    assert board.text() == ""
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    shell.clipboard.copy("ABCD-EFGH")
    board.setText("something else")
    shell.controller.lock("test")
    assert board.text() == "something else"


def test_ctrl_l_does_nothing_on_the_unlock_screen(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)
    screen = shell.controller.screen()
    with qtbot.assertNotEmitted(shell.controller.locked):
        shell.window.lock_action.trigger()
    assert shell.controller.screen() is screen


def test_quitting_keeps_the_draft_and_closes_the_journal(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    from PySide6.QtGui import QKeySequence

    shell = _open_with_note(qtbot, qapp, tmp_path)
    _type_note(qtbot, shell)
    vault = shell.controller.vault
    assert vault is not None
    assert shell.window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    shell.window.quit_action.trigger()
    assert not shell.window.isVisible()
    assert vault.is_locked
    again = start_shell(qtbot, qapp, tmp_path, pages=(NOTE_PAGE,))
    _assert_draft_back(qtbot, again)


def _todays_trigger_log(frame: MainFrame) -> QPlainTextEdit:
    page = frame.page("today")
    assert isinstance(page, TodayPage)
    return page.trigger.situation


def _share_note(frame: MainFrame) -> QPlainTextEdit:
    page = frame.page("share")
    assert isinstance(page, SharePage)
    return page.note


@pytest.mark.parametrize(
    ("key", "field"),
    [("today", _todays_trigger_log), ("share", _share_note)],
    ids=["trigger log", "share note"],
)
def test_words_typed_just_before_ctrl_l_come_back(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    key: str,
    field: Callable[[MainFrame], QPlainTextEdit],
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    frame.show_page(key)
    typed = field(frame)
    typed.setFocus()
    qtbot.keyClicks(typed, CANARY_TEXT)  # no pause for the autosave: the lock must keep them
    with qtbot.waitSignal(shell.controller.locked):
        qtbot.keyClick(typed, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _assert_locked_and_clean(qapp, shell)
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    assert frame.current_key == key
    assert field(frame).toPlainText() == CANARY_TEXT
