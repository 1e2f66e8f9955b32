"""`trustjournal --minimised` (the autostart entry): locked and out of sight, reminders running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime, time
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock
from tests.ui.shell_helpers import CHEAP, PASSPHRASE, make_vault, unlock
from trustjournal.app import Shell, build_shell, start_minimised
from trustjournal.services.reminders import Outside
from trustjournal.ui.icons import Icon, icon
from trustjournal.ui.lock import LockManager
from trustjournal.ui.main_window import MainWindow
from trustjournal.ui.reminders import write_outside
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tasks import SynchronousTasks
from trustjournal.ui.tray import wire_tray

WORDS = "A moment for your journal?"


def desktop_tray(
    *, window: MainWindow, lock_manager: LockManager, parent: QObject | None = None
) -> QSystemTrayIcon:
    """The real tray icon and menu, as `make_tray` wires them, on a desktop that has a tray
    (offscreen has none: the icon is not put on one)."""
    tray = QSystemTrayIcon(icon(Icon.APP), parent)
    wire_tray(tray, window=window, lock_manager=lock_manager)
    return tray


def no_tray(
    *, window: MainWindow, lock_manager: LockManager, parent: QObject | None = None
) -> None:
    """A desktop without a tray (`make_tray` answers None there)."""


def _start_minimised(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    *,
    tray: bool,
    shown: list[str],
    clock: MovableClock | None = None,
) -> Shell:
    """As `run` does for --minimised: the shell built, started, and kept out of sight."""
    qsettings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    shell = build_shell(
        app=qapp,
        vault_dir=tmp_path / "journal",
        qsettings=qsettings,
        tasks=SynchronousTasks(),
        clock=clock or MovableClock(NOW.astimezone()),
        kdf=CHEAP,
        tray=desktop_tray if tray else no_tray,
        notify=shown.append,
    )
    qtbot.addWidget(shell.window)
    shell.controller.start()
    start_minimised(shell)
    return shell


def _tray_action(shell: Shell, name: str) -> QAction:
    assert isinstance(shell.tray, QSystemTrayIcon)
    menu = shell.tray.contextMenu()
    assert menu is not None
    found = [a for a in menu.actions() if a.objectName() == name]
    assert len(found) == 1
    return found[0]


def test_started_minimised_the_window_stays_hidden_until_the_tray_shows_the_lock_screen(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = _start_minimised(qtbot, qapp, tmp_path, tray=True, shown=[])
    assert shell.tray is not None
    assert not shell.window.isVisible()
    assert [w for w in qapp.topLevelWidgets() if w.isVisible()] == []  # no dialog either
    _tray_action(shell, "tray-show").trigger()
    qtbot.waitExposed(shell.window)
    assert shell.window.isVisible() and not shell.window.isMinimized()
    screen = shell.controller.screen()
    assert isinstance(screen, UnlockScreen)
    assert shell.controller.vault is None
    qtbot.waitUntil(screen.field.hasFocus)  # ready for the passphrase
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        unlock(shell, PASSPHRASE)


def test_reminders_run_while_the_window_is_hidden(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    write_outside(
        QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat),
        Outside(daily=(time(20, 0),)),
    )
    local = NOW.astimezone()
    clock = MovableClock(datetime.combine(local.date(), time(20, 0, 30), tzinfo=local.tzinfo))
    shown: list[str] = []
    shell = _start_minimised(qtbot, qapp, tmp_path, tray=True, shown=shown, clock=clock)
    assert not shell.window.isVisible()
    assert shown == [WORDS]  # due at start: shown at once, with the window still hidden
    assert shell.reminders is not None
    assert shell.reminders.next_due() is not None  # and armed for tomorrow
    clock.now = clock.now.replace(day=clock.now.day + 1)
    shell.reminders.check()
    assert shown == [WORDS, WORDS]
    assert not shell.window.isVisible()


def test_without_a_tray_the_window_is_minimised_never_hidden(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = _start_minimised(qtbot, qapp, tmp_path, tray=False, shown=[])
    assert shell.tray is None
    assert shell.window.isVisible()  # in the taskbar: a way back without a tray
    assert shell.window.isMinimized()
    assert isinstance(shell.controller.screen(), UnlockScreen)
    assert shell.reminders is not None


def test_a_second_launch_raises_the_hidden_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = _start_minimised(qtbot, qapp, tmp_path, tray=True, shown=[])
    shell.window.bring_to_front()  # what SingleInstance.activation_requested is wired to
    qtbot.waitExposed(shell.window)
    assert isinstance(shell.controller.screen(), UnlockScreen)
    assert shell.controller.vault is None


# The real entry point on a desktop with no tray (offscreen): the window starts minimised.
MAIN_PROBE = """
import sys
from PySide6.QtCore import QTimer
from trustjournal import app as app_module
started = app_module.start_minimised

def start_minimised(shell):  # look at the window once the real start is done, then close it
    started(shell)
    window = shell.window
    print("visible", window.isVisible(), "minimised", window.isMinimized(),
          type(shell.controller.screen()).__name__, flush=True)
    QTimer.singleShot(0, window.close)

app_module.start_minimised = start_minimised
from trustjournal.__main__ import main
sys.exit(main(sys.argv[1:]))
"""

# No journal yet: the shell is built after the window is shown; look once it has started.
WELCOME_PROBE = """
import sys
from PySide6.QtCore import QTimer
from trustjournal import app as app_module
built = app_module.build_shell

def build_shell(**kwargs):
    shell = built(**kwargs)

    def look():
        window = shell.window
        print("visible", window.isVisible(), "minimised", window.isMinimized(),
              type(shell.controller.screen()).__name__, flush=True)
        window.close()

    QTimer.singleShot(0, look)
    return shell

app_module.build_shell = build_shell
from trustjournal.__main__ import main
sys.exit(main(sys.argv[1:]))
"""

# A desktop with a tray: Quit from its menu ends the app although its window was never shown.
QUIT_PROBE = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from trustjournal.app import build_shell, start_minimised
from trustjournal.ui.tasks import SynchronousTasks
from PySide6.QtWidgets import QSystemTrayIcon
from trustjournal.ui.icons import Icon, icon
from trustjournal.ui.tray import wire_tray

def desktop_tray(*, window, lock_manager, parent=None):  # as `desktop_tray` in the tests
    tray = QSystemTrayIcon(icon(Icon.APP), parent)
    wire_tray(tray, window=window, lock_manager=lock_manager)
    return tray

vault = Path(sys.argv[1])
shell = build_shell(app=app, vault_dir=vault, tasks=SynchronousTasks(), tray=desktop_tray,
                    qsettings=QSettings(str(vault.parent / "q.ini"), QSettings.Format.IniFormat))
shell.controller.start()
start_minimised(shell)
menu = shell.tray.contextMenu()
quit_action = next(a for a in menu.actions() if a.objectName() == "tray-quit")
QTimer.singleShot(0, quit_action.trigger)
code = app.exec()
print("ended", code, "shown", shell.window.isVisible(), flush=True)
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }


def _run(tmp_path: Path, code: str, *args: str, app: bool = False) -> str:
    """What `code` (or, with `app`, `trustjournal` itself) prints: stdout, or stderr for the app."""
    result = subprocess.run(
        [sys.executable, *(["-m", "trustjournal"] if app else ["-c", code]), *args],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,  # a hang (an app that never ends) fails here
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr if app else result.stdout


def test_the_real_entry_point_starts_minimised_on_the_lock_screen(tmp_path: Path) -> None:
    make_vault(tmp_path / "journal")
    said = _run(tmp_path, MAIN_PROBE, "--vault", str(tmp_path / "journal"), "--minimised")
    assert said.split() == ["visible", "True", "minimised", "True", "UnlockScreen"]


def test_with_no_journal_yet_minimised_shows_the_welcome_screen_as_usual(tmp_path: Path) -> None:
    said = _run(tmp_path, WELCOME_PROBE, "--minimised", "--vault", str(tmp_path / "new"))
    assert said.split() == ["visible", "True", "minimised", "False", "WelcomeScreen"]


def test_quit_from_the_tray_ends_an_app_whose_window_was_never_shown(tmp_path: Path) -> None:
    make_vault(tmp_path / "journal")
    said = _run(tmp_path, QUIT_PROBE, str(tmp_path / "journal"))
    assert said.split() == ["ended", "0", "shown", "False"]


# The real app started minimised, counting how often something asks its window to the front.
RAISE_PROBE = """
import sys
from trustjournal import app as app_module
from trustjournal.ui.main_window import MainWindow
started, bring = app_module.start_minimised, MainWindow.bring_to_front
asked = []

def bring_to_front(window):
    asked.append(1)
    print("raised", len(asked), flush=True)
    bring(window)

def start_minimised(shell):
    started(shell)
    print("started", flush=True)

MainWindow.bring_to_front = bring_to_front
app_module.start_minimised = start_minimised
from trustjournal.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_second_launch_raises_the_window_but_a_second_login_start_does_not(
    tmp_path: Path,
) -> None:
    make_vault(tmp_path / "journal")
    journal = str(tmp_path / "journal")
    env = _env(tmp_path)
    with subprocess.Popen(
        [sys.executable, "-c", RAISE_PROBE, "--minimised", "--vault", journal],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as first:
        try:
            assert first.stdout is not None
            assert first.stdout.readline().split() == ["started"]
            login = _run(tmp_path, "", "--vault", journal, "--minimised", app=True)
            assert login.strip() == "TrustJournal is already open for this journal."
            second = _run(tmp_path, "", "--vault", journal, app=True)
            assert "brought to the front" in second
            assert first.stdout.readline().split() == ["raised", "1"]
            first.send_signal(signal.SIGTERM)
            rest, _ = first.communicate(timeout=60)
            assert first.returncode == 0
            assert "raised" not in rest  # the login start asked for nothing
        finally:
            if first.poll() is None:
                first.kill()
