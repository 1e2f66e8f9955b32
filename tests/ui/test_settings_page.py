"""Settings: preferences live in the vault; passphrase change; a new recovery code."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import PASSPHRASE, make_vault, start_shell, unlock
from trustjournal.app import Shell
from trustjournal.core.errors import WrongSecretError
from trustjournal.store.settings import SettingsRepository
from trustjournal.ui import preferences
from trustjournal.ui.dialogs import change_passphrase, new_recovery_code
from trustjournal.ui.dialogs.change_passphrase import ChangePassphraseDialog
from trustjournal.ui.dialogs.new_recovery_code import NewRecoveryCodeDialog
from trustjournal.ui.pages import settings_page
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.screens.passphrase import PassphraseScreen
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.theme import ThemePreference
from trustjournal.ui.widgets.recovery_code_panel import last_group

NEW_PASSPHRASE = "pebble orchard quietly humming"


def _settings_page(qtbot: QtBot, shell: Shell, passphrase: str = PASSPHRASE) -> SettingsPage:
    if shell.controller.vault is None:
        with qtbot.waitSignal(shell.controller.unlocked):
            unlock(shell, passphrase)
    frame = shell.controller.frame
    assert frame is not None
    assert frame.show_page("settings")
    page = frame.page("settings")
    assert isinstance(page, SettingsPage)
    return page


@pytest.fixture
def shell(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Shell:
    make_vault(tmp_path / "journal")
    return start_shell(qtbot, qapp, tmp_path)


def test_settings_round_trip_through_the_vault(qtbot: QtBot, shell: Shell, tmp_path: Path) -> None:
    page = _settings_page(qtbot, shell)
    page.idle_spin.setValue(12)
    page.minimise_check.setChecked(True)
    page.inactive_check.setChecked(False)
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("dark"))
    assert shell.lock_manager.idle_ms == 12 * 60_000
    assert shell.lock_manager.lock_on_minimise
    assert shell.theme.is_dark
    shell.controller.lock("test")
    shell.lock_manager.set_idle_minutes(5)  # forget in memory: the vault must bring it back
    page = _settings_page(qtbot, shell)
    assert page.idle_spin.value() == 12
    assert page.minimise_check.isChecked()
    assert not page.inactive_check.isChecked()
    assert page.theme_combo.currentData() == "dark"
    assert shell.lock_manager.idle_ms == 12 * 60_000
    vault = shell.controller.vault
    assert vault is not None
    stored = preferences.load(SettingsRepository(db=vault.db))
    assert stored == preferences.Preferences(
        idle_minutes=12,
        lock_on_minimise=True,
        lock_on_inactive=False,
        theme=ThemePreference.DARK,
    )
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("light"))
    assert not shell.theme.is_dark


def test_never_locking_needs_the_warning_accepted(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _settings_page(qtbot, shell)
    monkeypatch.setattr(settings_page.NeverLockDialog, "ask", classmethod(lambda cls, p: False))
    page.never_check.click()
    assert not page.never_check.isChecked()
    assert shell.lock_manager.idle_ms == 5 * 60_000
    monkeypatch.setattr(settings_page.NeverLockDialog, "ask", classmethod(lambda cls, p: True))
    page.never_check.click()
    assert page.never_check.isChecked()
    assert shell.lock_manager.idle_ms is None
    assert page.never_warning.isVisibleTo(page)
    assert not page.idle_spin.isEnabled()


def test_passphrase_change_then_only_the_new_one_unlocks(
    qtbot: QtBot, shell: Shell, qapp: QApplication
) -> None:
    page = _settings_page(qtbot, shell)
    page.change_button.click()
    dialog = next(w for w in qapp.topLevelWidgets() if isinstance(w, ChangePassphraseDialog))
    for field, text in (
        (dialog.current, "not the current one"),
        (dialog.form.first, NEW_PASSPHRASE),
        (dialog.form.second, NEW_PASSPHRASE),
    ):
        field.setFocus()
        QTest.keyClicks(field, text)
    QTest.keyClick(dialog.form.second, Qt.Key.Key_Return)
    assert dialog.error.text() == WrongSecretError().message
    dialog.current.setFocus()
    QTest.keyClicks(dialog.current, PASSPHRASE)  # the wrong one is selected: typing replaces it
    with qtbot.waitSignal(dialog.accepted):
        QTest.keyClick(dialog.current, Qt.Key.Key_Return)
    assert page.secrets_status.text() == change_passphrase.CHANGED
    shell.controller.lock("test")
    unlock(shell, PASSPHRASE)
    assert shell.controller.vault is None
    _settings_page(qtbot, shell, NEW_PASSPHRASE)


def test_new_recovery_code_replaces_the_old_one_once_kept(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    old_code = make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)
    page = _settings_page(qtbot, shell)

    def make_code() -> tuple[NewRecoveryCodeDialog, str]:
        page.recovery_button.click()
        dialog = next(
            w
            for w in qapp.topLevelWidgets()
            if isinstance(w, NewRecoveryCodeDialog) and w.isVisible()
        )
        dialog.passphrase.setFocus()
        QTest.keyClicks(dialog.passphrase, PASSPHRASE)
        QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        assert dialog.panel is not None
        return dialog, dialog.panel.code_label.text()

    dialog, discarded = make_code()
    QTest.keyClick(dialog.panel.check, Qt.Key.Key_Escape)  # type: ignore[union-attr]
    assert page.secrets_status.text() == new_recovery_code.NOT_KEPT
    dialog, new_code = make_code()
    assert new_code not in (old_code, discarded)
    assert dialog.panel is not None
    dialog.panel.check.setFocus()
    QTest.keyClicks(dialog.panel.check, last_group(new_code))
    with qtbot.waitSignal(dialog.accepted):
        QTest.keyClick(dialog.panel.check, Qt.Key.Key_Return)
    assert page.secrets_status.text() == new_recovery_code.KEPT
    shell.controller.lock("test")

    for code in (old_code, discarded):
        unlock(shell, code, recovery=True)
        screen = shell.controller.screen()
        assert isinstance(screen, UnlockScreen)
        assert screen.error.isVisibleTo(screen)
    unlock(shell, new_code, recovery=True)
    assert isinstance(shell.controller.screen(), PassphraseScreen)


def test_about_names_every_version_and_the_folder(qtbot: QtBot, shell: Shell) -> None:
    from PySide6.QtWidgets import QLabel

    page = _settings_page(qtbot, shell)
    shown = [label.text() for label in page.findChildren(QLabel)]
    for name in ("TrustJournal", "Qt", "PySide6", "SQLCipher", "Python"):
        assert name in shown
    vault = shell.controller.vault
    assert vault is not None
    assert str(vault.directory) in shown
    assert "missing" not in shown


def test_show_in_file_manager_opens_only_the_local_folder(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = []
    monkeypatch.setattr(settings_page.QDesktopServices, "openUrl", opened.append)
    page = _settings_page(qtbot, shell)
    page.reveal_button.click()
    assert len(opened) == 1
    assert opened[0].isLocalFile()
    vault = shell.controller.vault
    assert vault is not None
    assert Path(opened[0].toLocalFile()) == vault.directory


def test_the_idle_lock_says_one_minute_not_one_minutes(qtbot: QtBot, shell: Shell) -> None:
    page = _settings_page(qtbot, shell)
    spin = page.idle_spin
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    for _ in range(spin.value() - 1):
        QTest.keyClick(spin, Qt.Key.Key_Down)
    assert spin.value() == 1
    assert spin.text() == "1 minute"
    QTest.keyClick(spin, Qt.Key.Key_Up)
    assert spin.text() == "2 minutes"
    for theme in ("light", "dark"):
        page.theme_combo.setCurrentIndex(page.theme_combo.findData(theme))
        QTest.keyClick(spin, Qt.Key.Key_Down)
        assert spin.text() == "1 minute"
        QTest.keyClick(spin, Qt.Key.Key_Up)


@contextmanager
def _directory_fsync_fails() -> Iterator[None]:
    """Flushing a folder to disk fails (EIO), as on a failing disk; files flush as usual."""
    real = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real(fd)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", fsync)
        yield


def test_a_passphrase_change_the_disk_did_not_confirm_says_so(
    qtbot: QtBot, shell: Shell, qapp: QApplication
) -> None:
    page = _settings_page(qtbot, shell)
    page.change_button.click()
    dialog = next(w for w in qapp.topLevelWidgets() if isinstance(w, ChangePassphraseDialog))
    for field, text in (
        (dialog.current, PASSPHRASE),
        (dialog.form.first, NEW_PASSPHRASE),
        (dialog.form.second, NEW_PASSPHRASE),
    ):
        field.setFocus()
        QTest.keyClicks(field, text)
    with _directory_fsync_fails(), qtbot.waitSignal(dialog.accepted):
        QTest.keyClick(dialog.form.second, Qt.Key.Key_Return)
    said = page.secrets_status.text()
    assert said.startswith(change_passphrase.CHANGED)
    assert "your previous passphrase may be the one that opens the journal" in said
    shell.controller.lock("test")
    _settings_page(qtbot, shell, NEW_PASSPHRASE)  # in effect all the same


def test_a_new_recovery_code_the_disk_did_not_confirm_says_so(
    qtbot: QtBot, shell: Shell, qapp: QApplication
) -> None:
    page = _settings_page(qtbot, shell)
    page.recovery_button.click()
    dialog = next(w for w in qapp.topLevelWidgets() if isinstance(w, NewRecoveryCodeDialog))
    dialog.passphrase.setFocus()
    QTest.keyClicks(dialog.passphrase, PASSPHRASE)
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.panel is not None
    new_code = dialog.panel.code_label.text()
    dialog.panel.check.setFocus()
    QTest.keyClicks(dialog.panel.check, last_group(new_code))
    with _directory_fsync_fails(), qtbot.waitSignal(dialog.accepted):
        QTest.keyClick(dialog.panel.check, Qt.Key.Key_Return)
    said = page.secrets_status.text()
    assert said.startswith(new_recovery_code.KEPT)
    assert "your previous recovery code may be the one that opens the journal" in said
    shell.controller.lock("test")
    unlock(shell, new_code, recovery=True)
    assert isinstance(shell.controller.screen(), PassphraseScreen)
