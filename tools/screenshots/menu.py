"""Render the main window's menu bar with its Edit and Go menus open, light and dark, to PNG."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

from tools.screenshots.shots import demo_shell, settle
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.theme import ThemePreference


def _with_menu(app: QApplication, window: QWidget, bar: QMenuBar, title: str) -> QPixmap:
    """The window with one menu of its bar drawn open under its title, as a user sees it."""
    action = next(a for a in bar.actions() if a.text() == title)
    menu = action.menu()
    assert isinstance(menu, QMenu)
    at = bar.mapTo(window, bar.actionGeometry(action).bottomLeft())
    menu.popup(window.mapToGlobal(at))
    settle(app)
    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(QPoint(at.x(), at.y()), menu.grab())
    painter.end()
    menu.hide()
    return shot


def render(out: Path, scheme: ThemePreference, app: QApplication) -> list[Path]:
    """The Edit menu with nothing to undo; after a delete the Edit and then the Go menu open."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="tj-shots-") as tmp:
        shell = demo_shell(app, Path(tmp), scheme)
        frame = shell.controller.frame
        assert frame is not None
        frame.show_page("journal")
        journal = frame.page("journal")
        assert isinstance(journal, JournalPage)
        bar = shell.window.menuWidget()
        assert isinstance(bar, QMenuBar)
        path = out / f"20-menu-edit-nothing-to-undo-{scheme.value}.png"
        _with_menu(app, shell.window, bar, "&Edit").save(str(path))
        written.append(path)
        journal.view.setCurrentIndex(journal.model.index(1))
        journal.delete_selected()
        settle(app)
        for title, name in (("&Edit", "edit"), ("&Go", "go")):
            path = out / f"20-menu-{name}-{scheme.value}.png"
            _with_menu(app, shell.window, bar, title).save(str(path))
            written.append(path)
        shell.controller.lock("screenshots")
        path = out / f"21-unlock-without-menus-{scheme.value}.png"
        settle(app)
        shell.window.grab().save(str(path))
        written.append(path)
        shell.window.close()
    return written
