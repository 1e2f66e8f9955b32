"""S14: a whole GUI session opens no network socket and creates no network object."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import NOTE_PAGE, PASSPHRASE, start_shell, unlock
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.screens.passphrase import PassphraseScreen
from trustjournal.ui.screens.recovery_code import RecoveryCodeScreen
from trustjournal.ui.screens.welcome import WelcomeScreen
from trustjournal.ui.single_instance import SingleInstance
from trustjournal.ui.widgets.recovery_code_panel import last_group

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}


class NetworkUsed(AssertionError):
    pass


def test_a_whole_session_creates_no_network_socket(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[str] = []
    original_init = socket.socket.__init__

    def guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
        if family in NETWORK_FAMILIES or (family == -1 and fileno is None):
            attempts.append(f"socket({family})")
            raise NetworkUsed("TrustJournal tried to open a network socket")
        original_init(self, family, type, proto, fileno)

    def guarded_connect(self, address):
        attempts.append("connect")
        raise NetworkUsed("TrustJournal tried to connect")

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", guarded_connect)

    vault_dir = tmp_path / "journal"
    instance = SingleInstance(vault_dir=vault_dir)
    shell = start_shell(qtbot, qapp, tmp_path, pages=(NOTE_PAGE,))
    welcome = shell.controller.screen()
    assert isinstance(welcome, WelcomeScreen)
    welcome.create_button.click()
    create = shell.controller.screen()
    assert isinstance(create, PassphraseScreen)
    create.form.first.setText(PASSPHRASE)
    create.form.second.setText(PASSPHRASE)
    create.form.evaluate_now()
    create.submit_button.click()
    recovery = shell.controller.screen()
    assert isinstance(recovery, RecoveryCodeScreen)
    recovery.panel.copy_button.click()
    recovery.panel.check.setText(last_group(recovery.panel.code_label.text()))
    recovery.continue_button.click()
    assert instance.acquire()
    instance.listen()  # the local single-instance socket (AF_UNIX) is allowed
    frame = shell.controller.frame
    assert frame is not None
    frame.show_page("settings")
    page = frame.page("settings")
    assert isinstance(page, SettingsPage)
    page.theme_combo.setCurrentIndex(2)
    shell.controller.lock("test")
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    shell.controller.shutdown()
    instance.release()

    assert attempts == []
    network_types = (
        "QNetworkAccessManager",
        "QTcpSocket",
        "QUdpSocket",
        "QTcpServer",
        "QSslSocket",
        "QNetworkInformation",
        "QDnsLookup",
    )
    objects = [type(o).__name__ for o in qapp.findChildren(QObject)]
    objects += [type(o).__name__ for o in shell.window.findChildren(QObject)]
    assert not [name for name in objects if name in network_types]
