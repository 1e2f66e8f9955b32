"""Render every shell screen offscreen to PNG, light and dark, for looking at the UI.

Walks the real flow against a throwaway vault (cheap key derivation): welcome, create (with
strength feedback), recovery code, main window, settings (whole page too), the change-passphrase
dialog, unlock, unlock after a wrong passphrase, and unlock with the recovery code.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from trustjournal.app import Shell, build_shell
from trustjournal.store.keyfile import KdfParams
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.screens.passphrase import PassphraseScreen
from trustjournal.ui.screens.recovery_code import RecoveryCodeScreen
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.screens.welcome import WelcomeScreen
from trustjournal.ui.tasks import SynchronousTasks
from trustjournal.ui.theme import ThemePreference

PASSPHRASE = "copper lantern wistful harbour"  # noqa: S105 - a throwaway screenshot vault
CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
SIZE = (1000, 720)


class Camera:
    """Takes named shots of one shell in one colour scheme."""

    def __init__(self, app: QApplication, shell: Shell, out: Path, scheme: ThemePreference):
        self.app, self.shell, self.out, self.scheme = app, shell, out, scheme
        self.written: list[Path] = []

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        """Save `widget` (default: the window) as NAME-SCHEME.png."""
        self.shell.theme.apply(self.scheme)  # unlocking applies the vault's own ("system")
        for _ in range(5):
            self.app.processEvents()
        path = self.out / f"{name}-{self.scheme.value}.png"
        (widget or self.shell.window).grab().save(str(path))
        self.written.append(path)

    def screen(self, kind: type[QWidget]) -> QWidget:
        """The screen showing now, which must be a `kind`."""
        screen = self.shell.controller.screen()
        if not isinstance(screen, kind):
            raise RuntimeError(f"expected {kind.__name__}, got {type(screen).__name__}")
        return screen


def first_run(cam: Camera) -> None:
    """Welcome, create (weak and strong), recovery code; ends in the main window."""
    welcome = cam.screen(WelcomeScreen)
    assert isinstance(welcome, WelcomeScreen)
    cam.shot("01-welcome")
    welcome.create_button.click()
    create = cam.screen(PassphraseScreen)
    assert isinstance(create, PassphraseScreen)
    create.form.first.setText("bluebird")
    create.form.evaluate_now()
    cam.shot("02-create-weak")
    create.form.first.setText(PASSPHRASE)
    create.form.second.setText(PASSPHRASE)
    create.form.evaluate_now()
    cam.shot("03-create-strong")
    create.submit_button.click()
    recovery = cam.screen(RecoveryCodeScreen)
    assert isinstance(recovery, RecoveryCodeScreen)
    cam.shot("04-recovery-code")
    recovery.panel.check.setText(recovery.panel.code_label.text().split("-")[-1])
    cam.shot("05-recovery-code-confirmed")
    recovery.continue_button.click()


def settings(cam: Camera) -> None:
    """The main window on Settings, the whole page, the never-lock warning, a dialog."""
    cam.shot("06-main-settings")
    frame = cam.shell.controller.frame
    assert frame is not None
    page = frame.page("settings")
    assert isinstance(page, SettingsPage)
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    body = scroll.widget()
    assert body is not None
    body.resize(body.width(), body.sizeHint().height())
    cam.shot("07-settings-whole-page", body)
    page.never_warning.setVisible(True)
    page.idle_spin.setEnabled(False)
    cam.shot("08-settings-never-lock-warning")
    page.never_warning.setVisible(False)
    page.idle_spin.setEnabled(True)
    page.change_button.click()
    for dialog in [w for w in cam.app.topLevelWidgets() if w.isVisible()]:
        if dialog is not cam.shell.window:
            cam.shot("09-change-passphrase-dialog", dialog)
            dialog.close()


def unlocking(cam: Camera) -> None:
    """Lock, then the unlock screen: plain, after a wrong passphrase, for the recovery code."""
    cam.shell.controller.lock("screenshot")
    cam.shot("10-unlock")
    unlock = cam.screen(UnlockScreen)
    assert isinstance(unlock, UnlockScreen)
    unlock.field.setText("not the passphrase")
    unlock.unlock_button.click()
    cam.shot("11-unlock-wrong-passphrase")
    unlock.switch_button.click()
    cam.shot("12-unlock-recovery-code")


def _render_in(app: QApplication, out: Path, scheme: ThemePreference, work: Path) -> list[Path]:
    """Render all screens in one scheme with its throwaway vault in `work`."""
    qsettings = QSettings(str(work / "qsettings.ini"), QSettings.Format.IniFormat)
    shell = build_shell(
        app=app,
        vault_dir=work / "journal",
        qsettings=qsettings,
        tasks=SynchronousTasks(),
        kdf=CHEAP,
    )
    shell.window.resize(*SIZE)
    shell.window.show()
    shell.controller.start()
    cam = Camera(app, shell, out, scheme)
    first_run(cam)
    settings(cam)
    unlocking(cam)
    shell.controller.shutdown()
    shell.window.close()
    shell.window.deleteLater()
    app.processEvents()
    return cam.written


def render(out: Path, scheme: ThemePreference, app: QApplication) -> list[Path]:
    """Render all screens in one scheme; returns the files written."""
    with tempfile.TemporaryDirectory() as work:
        return _render_in(app, out, scheme, Path(work))
