"""The tray icon (where the desktop has a tray): lock, show, quit. Neutral texts only."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from trustjournal.core.i18n import _
from trustjournal.ui.icons import Icon, icon
from trustjournal.ui.lock import LockManager
from trustjournal.ui.main_window import MainWindow

TOOLTIP = "TrustJournal"  # never a count, a date or an entry's words (SECURITY.md, T1)
REMINDER_SHOWN_MS = 15_000


def tray_menu(*, window: MainWindow, lock_manager: LockManager) -> QMenu:
    """The tray's menu: Lock now, Show TrustJournal, Quit (built apart so it can be tested)."""
    menu = QMenu(window)
    lock = menu.addAction(icon(Icon.LOCK), _("Lock now"))
    lock.setObjectName("tray-lock")
    lock.triggered.connect(lambda: lock_manager.request("tray"))
    show = menu.addAction(_("Show TrustJournal"))
    show.setObjectName("tray-show")
    show.triggered.connect(window.bring_to_front)
    menu.addSeparator()
    quit_action = menu.addAction(_("Quit"))
    quit_action.setObjectName("tray-quit")
    quit_action.triggered.connect(lambda: _quit(window))
    return menu


def _quit(window: MainWindow) -> None:
    """Close the window (it locks and saves), and end the app even if the window was never
    shown: closing a window nobody saw is no "last window closed" to Qt (--minimised)."""
    if window.close():
        QApplication.quit()  # nothing while no event loop runs (tests)


class TrayMaker(Protocol):
    """Makes the tray icon, or None without a tray: `make_tray`, or a test's stand-in."""

    def __call__(
        self, *, window: MainWindow, lock_manager: LockManager, parent: QObject | None = None
    ) -> QSystemTrayIcon | None: ...


def make_tray(
    *, window: MainWindow, lock_manager: LockManager, parent: QObject | None = None
) -> QSystemTrayIcon | None:
    """A tray icon with Lock / Show / Quit, or None when the system has no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(icon(Icon.APP), parent)
    wire_tray(tray, window=window, lock_manager=lock_manager)
    tray.show()
    return tray


def wire_tray(tray: QSystemTrayIcon, *, window: MainWindow, lock_manager: LockManager) -> None:
    """Give `tray` its tooltip and menu; a click on it, or on a reminder it shows, brings the
    window forward (locked, if it was: nothing here unlocks)."""
    tray.setToolTip(TOOLTIP)
    tray.setContextMenu(tray_menu(window=window, lock_manager=lock_manager))

    def on_activated(reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            window.bring_to_front()

    tray.activated.connect(on_activated)
    tray.messageClicked.connect(window.bring_to_front)


def keep_out_of_sight(window: MainWindow, tray: QSystemTrayIcon | None) -> None:
    """A start at login (--minimised): the window, never shown yet, stays hidden while a tray
    icon can bring it back; with no tray it is shown minimised, never hidden with no way back."""
    if tray is None:
        window.showMinimized()


def show_reminder(tray: QSystemTrayIcon | None, words: str) -> bool:
    """Show a reminder's neutral words from the tray; False (and nothing shown) without one.

    The title is the app's name only, like the tooltip: never a count, a date or an entry's words.
    """
    if tray is None:  # where a tray cannot show messages, Qt shows its own small balloon
        return False
    tray.showMessage(TOOLTIP, words, QSystemTrayIcon.MessageIcon.Information, REMINDER_SHOWN_MS)
    return True
