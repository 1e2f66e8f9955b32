"""The one top-level window. Its title stays "TrustJournal" whatever it shows (S4)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.icons import Icon, icon

TITLE = "TrustJournal"
GEOMETRY_KEY = "window/geometry"
# The smallest window every page and screen is laid out for (tests/ui/test_layout_sizes.py):
# an old 800×600 display, or half of a small laptop screen.
MINIMUM_SIZE = QSize(800, 600)
FIRST_SIZE = QSize(960, 680)


class MainWindow(QMainWindow):
    """Shows one screen at a time: welcome, create, recovery code, unlock, or the main frame.

    Signals:
        minimised: the window was minimised.
        closing: the window is about to close (the controller locks and saves).
    """

    minimised = Signal()
    closing = Signal()

    def __init__(self, *, qsettings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._qsettings = qsettings
        self.setWindowTitle(TITLE)
        self.setWindowIcon(icon(Icon.APP))
        self.setMinimumSize(MINIMUM_SIZE)
        self._screens = QStackedWidget(self)
        self.setCentralWidget(self._screens)

        self.lock_action = QAction(icon(Icon.LOCK), _("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action = QAction(_("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.preferences_action = QAction(icon(Icon.SETTINGS), _("&Settings"), self)
        self.preferences_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        for action in (self.lock_action, self.quit_action, self.preferences_action):
            self.addAction(action)
        self.quit_action.triggered.connect(self.close)
        self._restore_geometry()

    def screen_widget(self) -> QWidget | None:
        """The screen being shown."""
        return self._screens.currentWidget()

    def show_screen(self, widget: QWidget) -> None:
        """Show `widget`, and take the previous screen apart so nothing it held stays around."""
        previous = self._screens.currentWidget()
        if self._screens.indexOf(widget) < 0:  # it may already be there (shown before start)
            self._screens.addWidget(widget)
        self._screens.setCurrentWidget(widget)
        if previous is not None and previous is not widget:
            self._screens.removeWidget(previous)
            previous.hide()
            previous.deleteLater()
        if self.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def bring_to_front(self) -> None:
        """Show, restore and raise the window (a second launch asked for it)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def save_geometry(self) -> None:
        """Remember size and position (the only window state QSettings keeps)."""
        self._qsettings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._qsettings.sync()

    def _restore_geometry(self) -> None:
        saved = self._qsettings.value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray | bytes) and self.restoreGeometry(QByteArray(saved)):
            return
        self.resize(FIRST_SIZE)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.minimised.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        self.save_geometry()
        super().closeEvent(event)
