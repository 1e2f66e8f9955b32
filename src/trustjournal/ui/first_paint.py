"""Start-up work that waits for the window's first paint, so the unlock screen shows sooner.

What the unlock screen does not need (the tray icon, answering a second launch) is queued
here and runs in the event loop's first turn after the window has painted — or at once, when
something needs it earlier (the controller runs it before any journal is opened).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

# If the window never paints (started hidden), the work still runs after this long.
FALLBACK_MS = 1_000
_PAINTING = (QEvent.Type.Expose, QEvent.Type.UpdateRequest)


class AfterFirstPaint(QObject):
    """A queue of start-up work that runs once, after the first paint (or on `run_now`)."""

    def __init__(self, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work: list[Callable[[], None]] = []
        self._done = False
        self._handle: QWindow | None = None

    @property
    def done(self) -> bool:
        """Whether the queued work has run."""
        return self._done

    def add(self, work: Callable[[], None]) -> None:
        """Queue `work`; once the queue has run, `work` runs at once."""
        if self._done:
            work()
        else:
            self._work.append(work)

    def watch(self, window: QWidget) -> None:
        """Run the queue after `window` (already shown) first paints."""
        handle = window.windowHandle()
        if handle is not None and not self._done:
            handle.installEventFilter(self)
            self._handle = handle
        QTimer.singleShot(FALLBACK_MS, self, self.run_now)

    def run_now(self) -> None:
        """Run the queued work now, in order, if it has not run yet."""
        if self._done:
            return
        self._done = True
        if self._handle is not None:
            self._handle.removeEventFilter(self)
            self._handle = None
        work, self._work = self._work, []
        for item in work:
            item()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PAINTING and not self._done:
            # The next turn of the event loop, once this paint has been flushed.
            QTimer.singleShot(0, self, self.run_now)
        return False
