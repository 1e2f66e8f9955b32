"""Builders for end-to-end shell tests: a real vault, the real controller, a test page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from trustjournal.app import Shell, build_shell
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault
from trustjournal.ui.icons import Icon
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.registry import PageSpec
from trustjournal.ui.paint_report import PaintReporter
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import SynchronousTasks, Tasks

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "copper lantern wistful harbour"
NOTE_DRAFT = "test.note"


def fixed_clock() -> datetime:
    return datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


class NotePage(QWidget):
    """A page with an editor, as later pages will have: it keeps unfinished text as a draft."""

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.editor = QPlainTextEdit(self)
        self.title = QLineEdit(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.editor)

    def restore_drafts(self) -> None:
        draft = self._session.drafts.load(NOTE_DRAFT)
        if draft:
            self.title.setText(draft["title"])
            self.editor.setPlainText(draft["text"])

    def stash_drafts(self) -> None:
        text, title = self.editor.toPlainText(), self.title.text()
        if text or title:
            self._session.drafts.save(NOTE_DRAFT, {"text": text, "title": title})

    def clear(self) -> None:
        self.editor.clear()
        self.title.clear()


NOTE_PAGE = PageSpec(
    key="note",
    title="Note",
    icon=Icon.JOURNAL,
    shortcut="Ctrl+1",
    build=lambda session: NotePage(session=session),
)


def make_vault(directory: Path, passphrase: str = PASSPHRASE) -> str:
    """Create a locked vault; returns its recovery code."""
    vault, code = Vault.create(directory, passphrase, kdf=CHEAP)
    vault.lock()
    return code


def start_shell(
    qtbot: QtBot,
    app: QApplication,
    tmp_path: Path,
    *,
    tasks: Tasks | None = None,
    pages: tuple[PageSpec, ...] = (),
    vault_dir: Path | None = None,
    paint: PaintReporter | None = None,
) -> Shell:
    qsettings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    shell = build_shell(
        app=app,
        vault_dir=vault_dir or tmp_path / "journal",
        qsettings=qsettings,
        tasks=tasks or SynchronousTasks(),
        clock=fixed_clock,
        kdf=CHEAP,
        extra_pages=pages,
        paint=paint,
    )
    qtbot.addWidget(shell.window)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    shell.window.activateWindow()  # shortcuts such as Ctrl+L need the active window
    qtbot.waitUntil(shell.window.isActiveWindow)
    shell.controller.start()
    return shell


def unlock(shell: Shell, secret: str, *, recovery: bool = False) -> UnlockScreen:
    screen = shell.controller.screen()
    assert isinstance(screen, UnlockScreen)
    if recovery != screen.uses_recovery_code:
        screen.switch_button.click()
    screen.field.setText(secret)
    screen.unlock_button.click()
    return screen


def open_journal(qtbot: QtBot, app: QApplication, tmp_path: Path) -> tuple[Shell, MainFrame]:
    """A new journal in `tmp_path`, the shell with the Today, Journal and Share pages, unlocked."""
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, app, tmp_path, pages=journal_pages())
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    return shell, frame


def texts_in_widgets(app: QApplication) -> Iterator[str]:
    """Every text any line edit or text editor of the application holds."""
    for widget in app.allWidgets():
        if isinstance(widget, QLineEdit):
            yield widget.text()
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            yield widget.toPlainText()


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Contents and modification times of every file in a vault."""
    return {
        str(p.relative_to(directory)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }
