"""Render every shell screen offscreen to PNG, light and dark, for looking at the UI.

Usage: python packaging/screenshots.py OUT_DIR

Walks the real flow against a throwaway vault (cheap key derivation): welcome, create (with
strength feedback), recovery code, main window, settings, unlock, unlock after a wrong
passphrase, and the change-passphrase dialog.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from trustjournal.app import Shell, build_shell
from trustjournal.store.keyfile import KdfParams
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.screens.passphrase import PassphraseScreen
from trustjournal.ui.screens.recovery_code import RecoveryCodeScreen
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.screens.welcome import WelcomeScreen
from trustjournal.ui.tasks import SynchronousTasks
from trustjournal.ui.theme import ThemePreference

PASSPHRASE = "copper lantern wistful harbour"
CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
SIZE = (1000, 720)


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _save(app: QApplication, widget: QWidget, out: Path, name: str) -> Path:
    _settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    return path


def _screen(shell: Shell, kind: type[QWidget]) -> QWidget:
    screen = shell.controller.screen()
    if not isinstance(screen, kind):
        raise RuntimeError(f"expected {kind.__name__}, got {type(screen).__name__}")
    return screen


def render(app: QApplication, out: Path, scheme: ThemePreference, work: Path) -> list[Path]:
    """Render all screens in one scheme; returns the files written."""
    shots: list[Path] = []
    qsettings = QSettings(str(work / "qsettings.ini"), QSettings.Format.IniFormat)
    shell = build_shell(
        app=app, vault_dir=work / "journal", qsettings=qsettings, tasks=SynchronousTasks(),
        kdf=CHEAP,
    )
    shell.theme.apply(scheme)
    window = shell.window
    window.resize(*SIZE)
    window.show()
    suffix = scheme.value

    def shot(name: str, widget: QWidget | None = None) -> None:
        shots.append(_save(app, widget or window, out, f"{name}-{suffix}"))

    shell.controller.start()
    welcome = _screen(shell, WelcomeScreen)
    shot("01-welcome")
    assert isinstance(welcome, WelcomeScreen)
    welcome.create_button.click()

    create = _screen(shell, PassphraseScreen)
    assert isinstance(create, PassphraseScreen)
    create.form.first.setText("bluebird")
    create.form.evaluate_now()
    shot("02-create-weak")
    create.form.first.setText(PASSPHRASE)
    create.form.second.setText(PASSPHRASE)
    create.form.evaluate_now()
    shot("03-create-strong")
    create.submit_button.click()

    recovery = _screen(shell, RecoveryCodeScreen)
    assert isinstance(recovery, RecoveryCodeScreen)
    shot("04-recovery-code")
    recovery.panel.check.setText(recovery.panel.code_label.text().split("-")[-1])
    shot("05-recovery-code-confirmed")
    recovery.continue_button.click()

    shot("06-main-settings")
    frame = shell.controller.frame
    assert frame is not None
    page = frame.page("settings")
    assert isinstance(page, SettingsPage)
    page.never_warning.setVisible(True)
    page.idle_spin.setEnabled(False)
    shot("07-settings-never-lock-warning")
    page.never_warning.setVisible(False)
    page.idle_spin.setEnabled(True)
    page.change_button.click()
    _settle(app)
    dialogs = [w for w in app.topLevelWidgets() if w.isVisible() and w is not window]
    for dialog in dialogs:
        shot("08-change-passphrase-dialog", dialog)
        dialog.close()

    shell.controller.lock("screenshot")
    shot("09-unlock")
    unlock = _screen(shell, UnlockScreen)
    assert isinstance(unlock, UnlockScreen)
    unlock.field.setText("not the passphrase")
    unlock.unlock_button.click()
    shot("10-unlock-wrong-passphrase")
    unlock.switch_button.click()
    shot("11-unlock-recovery-code")

    shell.controller.shutdown()
    window.close()
    window.deleteLater()
    _settle(app)
    return shots


def main(argv: list[str] | None = None) -> int:
    """Render light and dark screenshots into the folder given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    written: list[Path] = []
    for scheme in (ThemePreference.LIGHT, ThemePreference.DARK):
        with tempfile.TemporaryDirectory() as work:
            written += render(app, args.out, scheme, Path(work))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
