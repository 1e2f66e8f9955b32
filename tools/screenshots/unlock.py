"""The main window right after unlocking: as it first paints, and once its background reads arrive.

Unlike the other scripts this one uses the real background runner, as the app does, so the
first picture is what the first paint shows (only the page shown is built, without Today's
cards below the fold; the lists Today reads in the background have not arrived yet) and the
second is the settled page.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from tools.screenshots.shots import CHEAP, NOW, PASSPHRASE, settle
from trustjournal.app import build_shell
from trustjournal.services.demo import fill
from trustjournal.store.entries import EntryRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.preferences import THEME
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tasks import BackgroundTasks
from trustjournal.ui.theme import ThemePreference

SIZE = (1280, 800)
TIMEOUT_ROUNDS = 20_000


class _FirstPaint(QObject):
    """Saves the window as it is about to be painted, at its first paint once armed."""

    def __init__(self, window: QWidget, path: Path) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self.armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Expose):
            self.armed = False
            self._window.grab().save(str(self._path))
        return False


def render(out: Path, scheme: ThemePreference, app: QApplication) -> list[Path]:
    """Today at its first paint after unlocking, and settled; returns the files written."""
    name = scheme.value
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="tj-shots-") as tmp:
        directory = Path(tmp) / "journal"
        vault, _code = Vault.create(directory, PASSPHRASE, kdf=CHEAP)
        fill(EntryRepository(db=vault.db, clock=lambda: NOW).add_many, seed=7, today=NOW.date())
        SettingsRepository(db=vault.db).set(THEME, scheme.value)  # unlocking applies it
        vault.lock()
        tasks = BackgroundTasks()
        shell = build_shell(
            app=app,
            vault_dir=directory,
            qsettings=QSettings(str(Path(tmp) / "q.ini"), QSettings.Format.IniFormat),
            tasks=tasks,
            clock=lambda: NOW,
            kdf=CHEAP,
            extra_pages=journal_pages(),
        )
        shell.window.resize(*SIZE)
        shell.window.show()
        shell.controller.start()
        settle(app)
        screen = shell.controller.screen()
        if not isinstance(screen, UnlockScreen):
            raise RuntimeError("the unlock screen did not appear")
        first = out / f"30-unlocked-first-paint-{name}.png"
        # The window's first paint once the journal is open: the posted layout work has been
        # done by then, so grab() draws what that paint draws.
        watcher = _FirstPaint(shell.window, first)
        shell.window.installEventFilter(watcher)
        handle = shell.window.windowHandle()
        if handle is not None:
            handle.installEventFilter(watcher)
        shell.controller.vault_opened.connect(lambda: setattr(watcher, "armed", True))
        screen.field.setText(PASSPHRASE)
        screen.unlock_button.click()
        for _ in range(TIMEOUT_ROUNDS):
            if shell.controller.frame is not None and tasks.running == 0 and first.exists():
                break
            app.processEvents()
        else:
            raise RuntimeError("the journal did not open")
        written.append(first)
        settle(app)
        settled = out / f"31-unlocked-settled-{name}.png"
        shell.window.grab().save(str(settled))
        written.append(settled)
        shell.controller.shutdown()
        tasks.finish()
        shell.window.close()
    return written
