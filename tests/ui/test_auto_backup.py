"""A session that changed something leaves one backup a day as it locks, off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import (
    NOTE_PAGE,
    PASSPHRASE,
    NotePage,
    fixed_clock,
    make_vault,
    start_shell,
    unlock,
)
from trustjournal.app import Shell
from trustjournal.services.backups import BackupService
from trustjournal.store.vault import Vault
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tasks import BackgroundTasks, Tasks


def _open(qtbot: QtBot, qapp: QApplication, tmp_path: Path, tasks: Tasks | None = None) -> Shell:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path, pages=(NOTE_PAGE,), tasks=tasks)
    _unlock(qtbot, shell)
    return shell


def _unlock(qtbot: QtBot, shell: Shell) -> None:
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        unlock(shell, PASSPHRASE)


def _change_something(shell: Shell) -> None:
    frame = shell.controller.frame
    assert frame is not None
    page = frame.page("note")
    assert isinstance(page, NotePage)
    page._session.events.notify(["settings"])


def _automatic(tmp_path: Path) -> list[str]:
    folder = tmp_path / "journal" / "backups"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_a_session_that_changed_something_leaves_a_backup_on_lock(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    _change_something(shell)
    shell.controller.lock("test")
    names = _automatic(tmp_path)
    assert len(names) == 1 and names[0].startswith("auto-")
    vault = Vault.unlock(tmp_path / "journal", PASSPHRASE)
    try:
        listed = BackupService(vault=vault, clock=fixed_clock).backups()
        assert [b.problem for b in listed] == [None]
    finally:
        vault.lock()


def test_a_session_that_changed_nothing_leaves_no_backup(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    shell.controller.lock("test")
    assert _automatic(tmp_path) == []


def test_at_most_one_automatic_backup_a_day(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    _change_something(shell)
    shell.controller.lock("test")
    _unlock(qtbot, shell)
    _change_something(shell)
    shell.controller.lock("test")
    assert len(_automatic(tmp_path)) == 1


def test_the_backup_is_written_in_the_background_after_the_screen_locked(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    tasks = BackgroundTasks()
    shell = _open(qtbot, qapp, tmp_path, tasks=tasks)
    _change_something(shell)
    with qtbot.waitSignal(tasks.idle, timeout=30_000):
        shell.controller.lock("test")
        # Locked for the person at once; the copy is still a job of the task runner.
        assert shell.controller.vault is None
        assert isinstance(shell.controller.screen(), UnlockScreen)
        assert tasks.running == 1
    assert len(_automatic(tmp_path)) == 1
    assert not any(n.endswith(".partial") for n in _automatic(tmp_path))


def test_quitting_after_a_change_leaves_a_backup(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    _change_something(shell)
    shell.controller.shutdown()  # what the app runs as it quits
    assert shell.controller.vault is None
    assert len(_automatic(tmp_path)) == 1


def test_unlocking_again_at_once_while_the_backup_is_written_keeps_the_journal_whole(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    tasks = BackgroundTasks()
    shell = _open(qtbot, qapp, tmp_path, tasks=tasks)
    _change_something(shell)
    shell.controller.lock("test")
    _unlock(qtbot, shell)  # the copy may still be running on its own connection
    qtbot.waitUntil(lambda: tasks.running == 0, timeout=30_000)
    vault = shell.controller.vault
    assert vault is not None and vault.db.integrity_problems() == []
    # The two connections may collide (the store sets no busy timeout): then the copy is
    # dropped whole, never half-kept, and the next lock after a change makes it.
    names = _automatic(tmp_path)
    assert len(names) <= 1 and not any(n.endswith(".partial") for n in names)
    if not names:
        _change_something(shell)
        shell.controller.lock("test")
        qtbot.waitUntil(lambda: tasks.running == 0, timeout=30_000)
        assert len(_automatic(tmp_path)) == 1
