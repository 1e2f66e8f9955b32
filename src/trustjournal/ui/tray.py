"""The tray icon (where the desktop has a tray): lock, show, quit. Neutral texts only."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from trustjournal.ui.icons import Icon, icon
from trustjournal.ui.lock import LockManager
from trustjournal.ui.main_window import MainWindow


def make_tray(
    *, window: MainWindow, lock_manager: LockManager, parent: QObject | None = None
) -> QSystemTrayIcon | None:
    """A tray icon with Lock / Show / Quit, or None when the system has no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(icon(Icon.APP), parent)
    tray.setToolTip("TrustJournal")
    menu = QMenu(window)
    lock = menu.addAction(icon(Icon.LOCK), "Lock now")
    lock.triggered.connect(lambda: lock_manager.request("tray"))
    show = menu.addAction("Show TrustJournal")
    show.triggered.connect(window.bring_to_front)
    menu.addSeparator()
    quit_action = menu.addAction("Quit")
    quit_action.triggered.connect(window.close)
    tray.setContextMenu(menu)

    def on_activated(reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            window.bring_to_front()

    tray.activated.connect(on_activated)
    tray.show()
    return tray
