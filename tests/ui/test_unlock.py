"""Unlocking: a wrong passphrase changes nothing; the recovery code requires a new passphrase."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import PASSPHRASE, make_vault, snapshot, start_shell, unlock
from trustjournal.core.errors import WrongSecretError
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.screens.passphrase import PassphraseScreen
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tasks import BackgroundTasks

NEW_PASSPHRASE = "pebble orchard quietly humming"


def test_wrong_passphrase_shows_one_calm_message_and_changes_nothing(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    vault_dir = tmp_path / "journal"
    make_vault(vault_dir)
    before = snapshot(vault_dir)
    shell = start_shell(qtbot, qapp, tmp_path)
    shell.window.activateWindow()
    qtbot.waitUntil(shell.window.isActiveWindow)
    screen = unlock(shell, "not my passphrase")
    assert shell.controller.screen() is screen
    assert screen.error.isVisibleTo(screen)
    assert screen.error.text() == WrongSecretError().message
    assert screen.field.hasFocus()
    assert screen.field.selectedText() == "not my passphrase"
    assert screen.unlock_button.isEnabled()
    assert snapshot(vault_dir) == before
    assert shell.controller.vault is None
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)


def test_unlock_screen_shows_no_counts_dates_or_titles(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    vault_dir = tmp_path / "journal"
    make_vault(vault_dir)
    shell = start_shell(qtbot, qapp, tmp_path)
    unlock(shell, PASSPHRASE)
    session_vault = shell.controller.vault
    assert session_vault is not None
    from trustjournal.core.entries import MoodCheckIn
    from trustjournal.core.times import local_now

    EntryRepository(db=session_vault.db, clock=local_now).add(
        MoodCheckIn(occurred_at=local_now(), mood=3, note="Canary title 2024")
    )
    shell.controller.lock("test")
    screen = shell.controller.screen()
    assert isinstance(screen, UnlockScreen)
    shown = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert "Canary" not in shown
    assert not re.search(r"\d", shown)


def test_unlocking_runs_off_the_ui_thread_and_the_journal_works_after(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    vault_dir = tmp_path / "journal"
    make_vault(vault_dir)
    tasks = BackgroundTasks()
    shell = start_shell(qtbot, qapp, tmp_path, tasks=tasks)
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        screen = unlock(shell, PASSPHRASE)
        assert not screen.progress.isHidden()  # busy while the key is derived
    vault = shell.controller.vault
    assert vault is not None
    assert vault.verify() == []  # the connection opened in the worker serves the UI thread
    shell.controller.lock("test")
    assert vault.is_locked


def test_recovery_code_opens_and_a_new_passphrase_is_required_first(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    vault_dir = tmp_path / "journal"
    code = make_vault(vault_dir)
    shell = start_shell(qtbot, qapp, tmp_path)
    unlock(shell, code.lower().replace("-", " "), recovery=True)
    screen = shell.controller.screen()
    assert isinstance(screen, PassphraseScreen)
    assert shell.controller.frame is None
    screen.form.first.setText(NEW_PASSPHRASE)
    screen.form.second.setText(NEW_PASSPHRASE)
    screen.form.evaluate_now()
    with qtbot.waitSignal(shell.controller.unlocked):
        screen.submit_button.click()
    assert isinstance(shell.controller.screen(), MainFrame)
    shell.controller.lock("test")
    unlock(shell, PASSPHRASE)
    assert shell.controller.vault is None
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, NEW_PASSPHRASE)


def test_locking_on_the_new_passphrase_screen_keeps_the_recovery_requirement(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    vault_dir = tmp_path / "journal"
    code = make_vault(vault_dir)
    shell = start_shell(qtbot, qapp, tmp_path)
    unlock(shell, code, recovery=True)
    assert isinstance(shell.controller.screen(), PassphraseScreen)
    shell.controller.lock("test")
    assert isinstance(shell.controller.screen(), UnlockScreen)
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)  # the old passphrase still works: nothing was changed


def test_the_unlock_screen_says_the_journal_locked_itself_after_inactivity(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)
    first = shell.controller.screen()
    assert isinstance(first, UnlockScreen) and first.note.isHidden()  # a fresh start: no note
    for minutes, reason, said in (
        (5, "idle", "Locked after 5 minutes without use."),
        (1, "idle", "Locked after 1 minute without use."),
        (5, "sleep", "Locked as the computer went to sleep."),
        (5, "shortcut", ""),
    ):
        with qtbot.waitSignal(shell.controller.unlocked):
            unlock(shell, PASSPHRASE)
        shell.lock_manager.set_idle_minutes(minutes)
        with qtbot.waitSignal(shell.controller.locked):
            shell.lock_manager.request(reason)
        screen = shell.controller.screen()
        assert isinstance(screen, UnlockScreen)
        assert screen.note.text() == said
        assert screen.note.isVisibleTo(screen) == bool(said)


def test_a_recovery_code_with_a_wrong_or_missing_last_group_gets_a_message(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    from trustjournal.store.recovery_code import RECOVERY_MESSAGE

    code = make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)
    last = code.rsplit("-", 1)[1]
    wrong_last = code[: -len(last)] + ("0000" if last != "0000" else "1111")
    for attempt in (wrong_last, code[: -len(last) - 1]):
        screen = unlock(shell, attempt, recovery=True)
        assert shell.controller.vault is None
        assert screen.error.isVisibleTo(screen)
        assert screen.error.text() == RECOVERY_MESSAGE
