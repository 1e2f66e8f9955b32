"""Opt-in start-up timing: `TRUSTJOURNAL_REPORT_PAINT=1` prints when screens first paint.

The line is `painted <screen> <seconds since the process started>` on stderr, for the
benchmark. Off by default; it never prints anything about the journal.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

ENV_VAR = "TRUSTJOURNAL_REPORT_PAINT"
_IMPORTED_AT = time.monotonic()


def seconds_since_process_start() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere: since import)."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        started_ticks = int(fields[19])  # field 22 overall: start time after boot, in ticks
        ticks = os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started_ticks / ticks
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED_AT


class PaintReporter(QObject):
    """Prints one line the first time each named screen (or anything inside it) has painted.

    While a screen is pending it watches the application's paint events (a screen is often
    entirely covered by its children, which then paint instead of it); afterwards it stops.
    """

    def __init__(
        self, *, enabled: bool, stream: TextIO | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._enabled = enabled
        self._stream = stream
        self._pending: list[tuple[QWidget, str]] = []
        self._reported: set[str] = set()
        self._filtering = False

    @classmethod
    def from_environment(cls, parent: QObject | None = None) -> PaintReporter:
        """Enabled when TRUSTJOURNAL_REPORT_PAINT=1."""
        return cls(enabled=os.environ.get(ENV_VAR) == "1", parent=parent)

    def watch(self, widget: QWidget, name: str) -> None:
        """Report the first paint of `widget` as `name` (once per name)."""
        if not self._enabled or name in self._reported:
            return
        self._pending.append((widget, name))
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            for widget, name in list(self._pending):
                if not isValid(widget):  # replaced before it ever painted
                    self._pending.remove((widget, name))
                elif watched is widget or widget.isAncestorOf(watched):
                    self._pending.remove((widget, name))
                    if name not in self._reported:
                        self._reported.add(name)
                        # Report once this paint has been flushed, not when it starts.
                        QTimer.singleShot(0, lambda n=name: self._report(n))
            if not self._pending:
                app = QApplication.instance()
                if app is not None:
                    app.removeEventFilter(self)
                self._filtering = False
        return False

    def _report(self, name: str) -> None:
        stream = self._stream or sys.stderr
        stream.write(f"painted {name} {seconds_since_process_start():.3f}\n")
        stream.flush()
