"""The main window's menu bar while the journal is open: File, Edit and Go, nothing else.

Every entry reuses an action that already exists with its shortcut (Lock, Quit, the pages'
Ctrl+1…5), so no key is bound twice. Edit → Undo runs the page's own undo (the Journal's
undelete, the same path as its Undo bar and Ctrl+Z); it only shows Ctrl+Z as a hint, because
the page binds that key itself and a second binding would make Qt call it ambiguous. The
menus hold only our own words and page titles, never anything from the journal (S4).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.main_window import MainWindow

UNDO_TEXT = "&Undo delete"


def _hint(key: QKeySequence.StandardKey) -> str:
    """A shortcut as the platform writes it, for a menu entry that must not bind it again."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def install_menus(window: MainWindow, frame: MainFrame) -> QMenuBar:
    """Give `window` a fresh menu bar for `frame` (replacing any earlier one)."""
    bar = QMenuBar(window)
    bar.setAccessibleName("Menu bar")

    file_menu = QMenu("&File", bar)
    file_menu.addAction(window.lock_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)

    edit_menu = QMenu("&Edit", bar)
    undo = QAction(f"{UNDO_TEXT}\t{_hint(QKeySequence.StandardKey.Undo)}", edit_menu)
    undo.setObjectName("menuUndo")
    undo.setEnabled(frame.can_undo())
    undo.triggered.connect(frame.undo)
    edit_menu.addAction(undo)

    go_menu = QMenu("&Go", bar)
    go_menu.addActions(frame.go_actions)
    if frame.page_actions:
        go_menu.addSeparator()
        go_menu.addActions(frame.page_actions)

    for menu in (file_menu, edit_menu, go_menu):
        bar.addMenu(menu)
    window.setMenuBar(bar)
    return bar


def remove_menus(window: MainWindow) -> None:
    """Take the menu bar away (the journal is locking): the unlock screen has none."""
    old = window.menuWidget()
    if old is None:
        return
    window.setMenuWidget(None)  # type: ignore[arg-type]  # Qt accepts none: no menu bar
    old.hide()
    old.deleteLater()
