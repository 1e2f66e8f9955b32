"""When to lock (S5): idle time, a shortcut, the tray, minimising, the session going away.

`LockManager` only decides *when*; the shell's controller does the locking itself. It watches
input only while armed (the journal is open), so the unlock screen costs nothing.

Limits, honestly: Qt reports `ApplicationSuspended`/`ApplicationHidden` on macOS (hide) and on
mobile platforms; on most Linux desktops and on Windows a screen lock or system sleep is *not*
reported to applications, so the idle timer is what locks in those cases (the clock keeps running
during sleep, so the journal locks as soon as the computer wakes if the timeout has passed).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit, QTextEdit

DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 60

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)
_GONE_STATES = frozenset(
    {Qt.ApplicationState.ApplicationSuspended, Qt.ApplicationState.ApplicationHidden}
)


class LockManager(QObject):
    """Decides when the journal should lock and says so through `lock_requested`.

    Signals:
        lock_requested(str): the reason: "idle", "shortcut", "tray", "minimised" or "inactive".
    """

    lock_requested = Signal(str)

    def __init__(self, *, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._armed = False
        self._idle_ms: int | None = DEFAULT_IDLE_MINUTES * 60_000
        self._last_input = time.monotonic()
        self.lock_on_minimise = False
        self.lock_on_inactive = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        app.applicationStateChanged.connect(self._on_app_state_changed)

    @property
    def armed(self) -> bool:
        """Whether the journal is open and being watched."""
        return self._armed

    @property
    def idle_ms(self) -> int | None:
        """Idle time before locking in milliseconds, or None for never."""
        return self._idle_ms

    def set_idle_minutes(self, minutes: int | None) -> None:
        """Lock after `minutes` (1-60) without input; None means never."""
        if minutes is not None:
            minutes = max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))
        self.set_idle_ms(None if minutes is None else minutes * 60_000)

    def set_idle_ms(self, ms: int | None) -> None:
        """Lock after `ms` milliseconds without input (tests use short times); None: never."""
        self._idle_ms = ms
        self._restart()

    def arm(self) -> None:
        """Start watching: the journal is open."""
        if not self._armed:
            self._armed = True
            self._app.installEventFilter(self)
        self._restart()

    def disarm(self) -> None:
        """Stop watching: the journal is locked or not open yet."""
        if self._armed:
            self._armed = False
            self._app.removeEventFilter(self)
        self._timer.stop()

    def request(self, reason: str) -> None:
        """Ask for a lock now (shortcut, tray); ignored when nothing is open."""
        if self._armed:
            self.lock_requested.emit(reason)

    def notify_minimised(self) -> None:
        """The main window was minimised."""
        if self.lock_on_minimise:
            self.request("minimised")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
            if not self._timer.isActive():
                self._restart()
        return False

    def _restart(self) -> None:
        self._last_input = time.monotonic()
        if self._armed and self._idle_ms is not None:
            self._timer.start(self._idle_ms)
        else:
            self._timer.stop()

    def _on_timer_timeout(self) -> None:
        if not self._armed or self._idle_ms is None:
            return
        # Input restarts no timer (that would cost a call per mouse move); look at when it was.
        idle_for = (time.monotonic() - self._last_input) * 1000
        remaining = self._idle_ms - idle_for
        if remaining > 1:
            self._timer.start(int(remaining))
            return
        self.request("idle")

    def _on_app_state_changed(self, state: Qt.ApplicationState) -> None:
        if self.lock_on_inactive and state in _GONE_STATES:
            self.request("inactive")


def close_dialogs(app: QApplication) -> int:
    """Reject every open dialog and message box, close any popup, and empty every dialog's
    text fields (hidden dialogs kept for reuse included); returns how many were closed.

    A dialog's own `exec()` returns afterwards with Rejected, so callers see a cancel. Dialogs
    are not deleted here: the code that opened one may still read it after `exec()` returns.
    """
    closed = 0
    popup = app.activePopupWidget()
    while popup is not None:
        popup.close()
        closed += 1
        next_popup = app.activePopupWidget()
        if next_popup is popup:
            break
        popup = next_popup
    for widget in app.topLevelWidgets():
        if not isinstance(widget, QDialog):
            continue
        if widget.isVisible():
            widget.done(QDialog.DialogCode.Rejected)
            widget.hide()
            closed += 1
        for field in widget.findChildren(QLineEdit):
            field.clear()
        for plain in widget.findChildren(QPlainTextEdit):
            plain.clear()
        for rich in widget.findChildren(QTextEdit):
            rich.clear()
    return closed
