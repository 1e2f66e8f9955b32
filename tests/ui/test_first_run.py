"""First run: welcome, a passphrase, the recovery code kept, then the main window."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import PASSPHRASE, start_shell, unlock
from trustjournal.store import layout
from trustjournal.store.vault import Vault
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.main_window import TITLE
from trustjournal.ui.screens.passphrase import PassphraseScreen
from trustjournal.ui.screens.recovery_code import RecoveryCodeScreen
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.screens.welcome import WelcomeScreen
from trustjournal.ui.vault_folder import KEY_FILE_NAME
from trustjournal.ui.widgets.recovery_code_panel import last_group


def _create(shell, passphrase: str = PASSPHRASE) -> str:
    welcome = shell.controller.screen()
    assert isinstance(welcome, WelcomeScreen)
    welcome.create_button.click()
    create = shell.controller.screen()
    assert isinstance(create, PassphraseScreen)
    create.form.first.setText(passphrase)
    create.form.second.setText(passphrase)
    create.form.evaluate_now()
    assert create.submit_button.isEnabled()
    create.submit_button.click()
    recovery = shell.controller.screen()
    assert isinstance(recovery, RecoveryCodeScreen)
    return recovery.panel.code_label.text()


def test_first_run_creates_the_journal_and_ends_in_the_main_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = start_shell(qtbot, qapp, tmp_path)
    code = _create(shell)
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){6}", code)
    assert Vault.exists(tmp_path / "journal")
    recovery = shell.controller.screen()
    assert isinstance(recovery, RecoveryCodeScreen)
    assert not recovery.continue_button.isEnabled()
    recovery.panel.check.setText(last_group(code))
    with qtbot.waitSignal(shell.controller.unlocked):
        recovery.continue_button.click()
    assert isinstance(shell.controller.screen(), MainFrame)
    assert shell.window.windowTitle() == TITLE
    shell.controller.lock("test")
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)


def test_the_welcome_screen_appears_only_without_a_journal(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = start_shell(qtbot, qapp, tmp_path)
    assert isinstance(shell.controller.screen(), WelcomeScreen)
    _create(shell)
    shell.controller.shutdown()
    again = start_shell(qtbot, qapp, tmp_path)
    assert isinstance(again.controller.screen(), UnlockScreen)


def test_locking_before_the_code_was_confirmed_issues_a_fresh_code(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = start_shell(qtbot, qapp, tmp_path)
    first_code = _create(shell)
    shell.controller.lock("test")  # walked away from the recovery-code screen
    unlock(shell, PASSPHRASE)
    screen = shell.controller.screen()
    assert isinstance(screen, RecoveryCodeScreen)
    second_code = screen.panel.code_label.text()
    assert second_code != first_code
    screen.panel.check.setText(last_group(second_code))
    with qtbot.waitSignal(shell.controller.unlocked):
        screen.continue_button.click()
    shell.controller.lock("test")
    unlock(shell, first_code, recovery=True)
    unlock_screen = shell.controller.screen()
    assert isinstance(unlock_screen, UnlockScreen)
    assert unlock_screen.error.isVisibleTo(unlock_screen)


def test_a_fresh_code_left_unconfirmed_is_forgotten_and_the_first_still_works(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = start_shell(qtbot, qapp, tmp_path)
    first_code = _create(shell)
    shell.controller.lock("test")
    unlock(shell, PASSPHRASE)
    screen = shell.controller.screen()
    assert isinstance(screen, RecoveryCodeScreen)
    second_code = screen.panel.code_label.text()
    screen.panel.check.setText(last_group(second_code))
    shell.controller.lock("test")  # walked away again, even with the check typed
    unlock(shell, second_code, recovery=True)
    unlock_screen = shell.controller.screen()
    assert isinstance(unlock_screen, UnlockScreen)
    assert unlock_screen.error.isVisibleTo(unlock_screen)
    unlock(shell, first_code, recovery=True)
    assert isinstance(shell.controller.screen(), PassphraseScreen)


def test_a_very_weak_passphrase_cannot_be_submitted(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = start_shell(qtbot, qapp, tmp_path)
    welcome = shell.controller.screen()
    assert isinstance(welcome, WelcomeScreen)
    welcome.create_button.click()
    create = shell.controller.screen()
    assert isinstance(create, PassphraseScreen)
    create.form.first.setText("password1")
    create.form.second.setText("password1")
    create.form.evaluate_now()
    assert not create.submit_button.isEnabled()
    create.form.second.returnPressed.emit()
    assert isinstance(shell.controller.screen(), PassphraseScreen)
    assert not Vault.exists(tmp_path / "journal")


def test_the_shell_knows_the_key_file_by_the_store_s_name() -> None:
    assert KEY_FILE_NAME == layout.KEY_FILE


def test_qsettings_keep_only_window_geometry_and_the_vault_path(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = start_shell(qtbot, qapp, tmp_path)
    code = _create(shell)
    recovery = shell.controller.screen()
    assert isinstance(recovery, RecoveryCodeScreen)
    recovery.panel.check.setText(last_group(code))
    recovery.continue_button.click()
    shell.controller.lock("test")
    shell.window.close()
    settings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    assert sorted(settings.allKeys()) == ["vault/path", "window/geometry"]
    raw = (tmp_path / "qsettings.ini").read_text(encoding="utf-8", errors="replace")
    assert PASSPHRASE not in raw
    assert code not in raw
