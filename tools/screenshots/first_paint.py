"""Render the unlock screen as the app's start paints it (before the rest of the shell exists)
and once the shell has taken it over, light and dark, to PNG; the two should be identical.

"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tools.screenshots.shots import CHEAP, PASSPHRASE, shot
from trustjournal.app import build_shell, build_window
from trustjournal.store.vault import Vault
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tasks import SynchronousTasks
from trustjournal.ui.theme import ThemePreference


def render(out: Path, scheme: ThemePreference, app: QApplication) -> list[Path]:
    """The first paint, then the same screen under the controller; returns the files."""
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "journal"
        Vault.create(directory, PASSPHRASE, kdf=CHEAP)[0].lock()
        qsettings = QSettings(str(Path(tmp) / "q.ini"), QSettings.Format.IniFormat)
        window, theme = build_window(app=app, qsettings=qsettings)
        theme.apply(scheme)
        screen = UnlockScreen()
        window.show_screen(screen)  # as `trustjournal.app.run` does before the first paint
        window.resize(1000, 720)
        window.show()
        first = shot(app, window, out / f"first-paint-unlock-{scheme.value}.png")
        shell = build_shell(
            app=app,
            vault_dir=directory,
            qsettings=qsettings,
            tasks=SynchronousTasks(),
            kdf=CHEAP,
            window=window,
            theme=theme,
        )
        shell.controller.start(showing=screen)
        taken_over = shot(app, window, out / f"first-paint-taken-over-{scheme.value}.png")
        shell.controller.shutdown()
        window.close()
        window.deleteLater()
        app.processEvents()
        return [first, taken_over]
