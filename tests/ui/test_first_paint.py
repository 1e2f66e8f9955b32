"""Start-up work waits for the first paint, and runs before any journal opens at the latest."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import (
    CHEAP,
    PASSPHRASE,
    fixed_clock,
    make_vault,
    start_shell,
    unlock,
)
from trustjournal.app import build_shell, build_window
from trustjournal.ui.first_paint import AfterFirstPaint
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tasks import SynchronousTasks


def test_queued_work_runs_once_after_the_window_paints(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("screen"))
    later = AfterFirstPaint(parent=window)
    ran: list[str] = []
    later.add(lambda: ran.append("tray"))
    later.add(lambda: ran.append("listen"))
    window.show()
    later.watch(window)
    assert ran == []  # nothing before the event loop has painted the window
    qtbot.waitUntil(lambda: later.done, timeout=5_000)
    assert ran == ["tray", "listen"]
    window.centralWidget().update()
    later.run_now()
    qtbot.wait(50)
    assert ran == ["tray", "listen"]  # once only
    later.add(lambda: ran.append("late"))
    assert ran == ["tray", "listen", "late"]  # after the paint, new work runs at once


def test_queued_work_runs_before_the_journal_opens(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)  # as in tests: nobody called watch()
    seen: list[bool] = []
    shell.after_paint.add(lambda: seen.append(shell.controller.vault is None))
    opened: list[bool] = []
    shell.controller.vault_opened.connect(lambda: opened.append(shell.after_paint.done))
    unlock(shell, PASSPHRASE)
    qtbot.waitUntil(lambda: shell.controller.frame is not None, timeout=10_000)
    assert seen == [True]  # ran, and before the vault was taken
    assert opened == [True]


def test_an_unlock_screen_painted_before_the_shell_is_taken_over(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """As `run` starts: the unlock screen shows first and the shell is built afterwards; an
    Unlock pressed in between is not lost."""
    make_vault(tmp_path / "journal")
    qsettings = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
    window, theme = build_window(app=qapp, qsettings=qsettings)
    qtbot.addWidget(window)
    screen = UnlockScreen()
    window.show_screen(screen)
    window.show()
    qtbot.waitExposed(window)
    screen.field.setText(PASSPHRASE)
    screen.unlock_button.click()  # nobody listens yet
    assert screen.field.isReadOnly()
    shell = build_shell(
        app=qapp,
        vault_dir=tmp_path / "journal",
        qsettings=qsettings,
        tasks=SynchronousTasks(),
        clock=fixed_clock,
        kdf=CHEAP,
        window=window,
        theme=theme,
    )
    shell.controller.start(showing=screen)
    qtbot.waitUntil(lambda: shell.controller.frame is not None, timeout=10_000)
    assert shell.after_paint.done
