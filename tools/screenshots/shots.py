"""What the screenshot scenes share: the throwaway vault's passphrase, the clock, and the camera."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from trustjournal.app import Shell, build_shell
from trustjournal.services.demo import fill
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tasks import SynchronousTasks
from trustjournal.ui.theme import ThemePreference

PASSPHRASE = "copper lantern wistful harbour"  # noqa: S105 - a throwaway screenshot vault
CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
LOCAL = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 14, 19, 40, tzinfo=LOCAL)  # a Saturday evening

Render = Callable[[Path, ThemePreference, QApplication], list[Path]]


def settle(app: QApplication) -> None:
    """Let layouts, style sheets and pending paints finish before a picture is taken."""
    for _ in range(6):
        app.processEvents()


def shot(app: QApplication, widget: QWidget, path: Path) -> Path:
    """Save `widget` as it looks now to `path`."""
    settle(app)
    widget.grab().save(str(path))
    return path


def demo_shell(
    app: QApplication, tmp: Path, scheme: ThemePreference, size: tuple[int, int] = (1280, 800)
) -> Shell:
    """The real app over two years of demo entries in `tmp`, unlocked, in colour `scheme`."""
    directory = tmp / "journal"
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=CHEAP)
    fill(EntryRepository(db=vault.db, clock=lambda: NOW).add_many, seed=7, today=NOW.date())
    vault.lock()
    shell = build_shell(
        app=app,
        vault_dir=directory,
        qsettings=QSettings(str(tmp / "q.ini"), QSettings.Format.IniFormat),
        tasks=SynchronousTasks(),
        clock=lambda: NOW,
        kdf=CHEAP,
        extra_pages=journal_pages(),
    )
    shell.window.resize(*size)
    shell.window.show()
    shell.controller.start()
    screen = shell.controller.screen()
    if not isinstance(screen, UnlockScreen):
        raise RuntimeError("the unlock screen did not appear")
    screen.field.setText(PASSPHRASE)
    screen.unlock_button.click()
    settle(app)
    shell.theme.apply(scheme)
    return shell
