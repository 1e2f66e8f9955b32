"""When to lock (S5): idle time, a shortcut, the tray, minimising, the session going away.

`LockManager` only decides *when*; the shell's controller does the locking itself. It watches
input only while armed (the journal is open), so the unlock screen costs nothing, and only at
the windows input arrives at (see `arm`).

Limits, honestly: Qt reports `ApplicationSuspended`/`ApplicationHidden` on macOS (hide) and on
mobile platforms; on most Linux desktops and on Windows a screen lock or system sleep is *not*
reported to applications. So the manager watches for sleep itself: Qt's timers and
`time.monotonic()` stop while the computer sleeps (Linux, macOS), so idle time is measured on a
clock that keeps counting through sleep, and a light heartbeat notices when that clock has run
ahead of the monotonic one: the computer slept, and the journal locks as it wakes, whatever the
idle timeout. Where the monotonic clock itself counts sleep (Windows), no sleep is seen, but the
idle timeout still counts the time asleep.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit, QTextEdit

DEFAULT_IDLE_MINUTES = 5
HEARTBEAT_MS = 2_000  # how often an armed manager looks for sleep; a wake-up costs nothing
SLEEP_GAP_S = 5.0  # the clocks may drift apart by this much before it counts as sleep
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


def through_sleep() -> float:
    """Seconds on a clock that keeps counting while the computer sleeps."""
    if sys.platform.startswith("linux"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.time()  # wall time counts sleep; a clock set forward only locks early


class LockManager(QObject):
    """Decides when the journal should lock and says so through `lock_requested`.

    Signals:
        lock_requested(str): the reason: "idle", "sleep", "shortcut", "tray", "minimised" or
            "inactive".
    """

    lock_requested = Signal(str)

    def __init__(
        self,
        *,
        app: QApplication,
        monotonic: Callable[[], float] = time.monotonic,
        sleepless: Callable[[], float] = through_sleep,
        parent: QObject | None = None,
    ) -> None:
        """Watch `app` for input; nothing is watched until `arm()`.

        Args:
            app: the application whose input counts as activity.
            monotonic: seconds on a clock that stops while the computer sleeps, as Qt's
                timers do.
            sleepless: seconds on a clock that keeps counting through sleep.
            parent: the owning object.
        """
        super().__init__(parent)
        self._app = app
        self._monotonic = monotonic
        self._sleepless = sleepless
        self._armed = False
        self._idle_ms: int | None = DEFAULT_IDLE_MINUTES * 60_000
        self._last_input = sleepless()
        self._beat = (monotonic(), sleepless())
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._on_heartbeat_timeout)
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
        """Start watching: the journal is open.

        Input is watched where it arrives: at each top-level window, the ones there now and
        each window as it gets the focus (a dialog). Not application-wide: a filter there is
        called, in Python, for every event of every widget (each paint, layout and child
        added; a third of the time the Insights page took to make). Input to a window that
        never had the focus (a menu's popup, by the mouse alone) goes unseen; that can only
        bring the idle lock sooner, never later.
        """
        if not self._armed:
            self._armed = True
            for window in self._app.topLevelWindows():
                window.installEventFilter(self)
            self._app.focusWindowChanged.connect(self._on_focus_window_changed)
        self._beat = (self._monotonic(), self._sleepless())
        self._heartbeat.start()
        self._restart()

    def disarm(self) -> None:
        """Stop watching: the journal is locked or not open yet."""
        if self._armed:
            self._armed = False
            self._app.focusWindowChanged.disconnect(self._on_focus_window_changed)
            for window in self._app.topLevelWindows():
                window.removeEventFilter(self)
        self._timer.stop()
        self._heartbeat.stop()

    def _on_focus_window_changed(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: installed again, it only moves to the front

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
            self._last_input = self._sleepless()
            if not self._timer.isActive():
                self._restart()
        return False

    def _restart(self) -> None:
        self._last_input = self._sleepless()
        if self._armed and self._idle_ms is not None:
            self._timer.start(self._idle_ms)
        else:
            self._timer.stop()

    def _on_timer_timeout(self) -> None:
        if not self._armed or self._idle_ms is None:
            return
        # Input restarts no timer (that would cost a call per mouse move); look at when it was.
        remaining = self._idle_remaining_ms(self._idle_ms)
        if remaining > 1:
            self._timer.start(int(remaining))
            return
        self.request("idle")

    def _idle_remaining_ms(self, idle_ms: int) -> float:
        return idle_ms - (self._sleepless() - self._last_input) * 1000

    def _on_heartbeat_timeout(self) -> None:
        if not self._armed:
            return
        then_awake, then_sleepless = self._beat
        now_awake, now_sleepless = self._monotonic(), self._sleepless()
        self._beat = (now_awake, now_sleepless)
        slept = (now_sleepless - then_sleepless) - (now_awake - then_awake)
        if slept > SLEEP_GAP_S:
            self.request("sleep")
        elif self._idle_ms is not None and self._idle_remaining_ms(self._idle_ms) <= 1:
            self.request("idle")  # the single-shot timer was late (it stops during sleep too)

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
