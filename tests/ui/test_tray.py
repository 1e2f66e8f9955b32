"""The tray menu locks, shows and quits, with neutral words only (there is no tray offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import NOTE_PAGE, PASSPHRASE, make_vault, start_shell, unlock
from trustjournal.app import Shell
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tray import TOOLTIP, tray_menu


def _open(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Shell:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path, pages=(NOTE_PAGE,))
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        unlock(shell, PASSPHRASE)
    return shell


def _action(shell: Shell, name: str) -> QAction:
    menu = tray_menu(window=shell.window, lock_manager=shell.lock_manager)
    found = [a for a in menu.actions() if a.objectName() == name]
    assert len(found) == 1
    return found[0]


def test_lock_now_from_the_tray_locks_the_journal(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    with qtbot.waitSignal(shell.controller.locked):
        _action(shell, "tray-lock").trigger()
    assert shell.controller.vault is None
    assert isinstance(shell.controller.screen(), UnlockScreen)


def test_show_from_the_tray_restores_a_minimised_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    shell.window.showMinimized()
    _action(shell, "tray-show").trigger()
    assert not shell.window.isMinimized()
    assert shell.window.isVisible()


def test_quit_from_the_tray_closes_the_journal(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    _action(shell, "tray-quit").trigger()
    qtbot.waitUntil(lambda: shell.controller.vault is None)
    assert not shell.window.isVisible()


def test_the_tray_says_nothing_about_the_journal(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    menu = tray_menu(window=shell.window, lock_manager=shell.lock_manager)
    words = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert words == ["Lock now", "Show TrustJournal", "Quit"]
    assert TOOLTIP == "TrustJournal"
