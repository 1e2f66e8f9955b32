"""Opt-in start-up timing: `TRUSTJOURNAL_REPORT_PAINT=1` prints when screens first paint.

The line is `painted <screen> <seconds since the process started> <monotonic clock>` on
stderr, for the benchmark. The process age comes from the kernel's record of the start, in
clock ticks (10 ms on Linux); the monotonic clock (`time.monotonic()`, one clock for the whole
system) lets a parent that noted it before starting the process time it to the microsecond.
Off by default; it never prints anything about the journal.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

ENV_VAR = "TRUSTJOURNAL_REPORT_PAINT"
_IMPORTED_AT = time.monotonic()
_PAINTING = (QEvent.Type.Expose, QEvent.Type.UpdateRequest)


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
    """Prints one line the first time the window has painted with a named screen showing.

    It watches only the top-level window's own expose and update events (Qt paints every
    dirty widget while handling them) — never every event of the application, which would
    itself slow the start-up being measured. Expose arrives at the native window (a window
    first shown); Qt 6 sends the update request of a later repaint to the top-level widget
    instead (a window that is already showing changes screen, as after unlocking), so both
    are watched.
    """

    def __init__(
        self, *, enabled: bool, stream: TextIO | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._enabled = enabled
        self._stream = stream
        self._pending: str | None = None
        self._reported: set[str] = set()
        self._watched: tuple[QWindow, QWidget] | None = None

    @classmethod
    def from_environment(cls, parent: QObject | None = None) -> PaintReporter:
        """Enabled when TRUSTJOURNAL_REPORT_PAINT=1."""
        return cls(enabled=os.environ.get(ENV_VAR) == "1", parent=parent)

    def watch(self, widget: QWidget, name: str) -> None:
        """Report the window's next paint as `name` (once per name); `widget` must be showing
        in a window that has been shown."""
        if not self._enabled or name in self._reported:
            return
        top = widget.window()
        handle = top.windowHandle()
        if handle is None:
            return
        self._pending = name
        if self._watched is None or self._watched[0] is not handle or self._watched[1] is not top:
            if self._watched is not None:
                for watched in self._watched:
                    watched.removeEventFilter(self)
            handle.installEventFilter(self)
            top.installEventFilter(self)
            self._watched = (handle, top)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        name = self._pending
        if name is not None and event.type() in _PAINTING:
            self._pending = None
            self._reported.add(name)
            # Report once this paint has been flushed, not when it starts.
            QTimer.singleShot(0, lambda: self._report(name))
        return False

    def _report(self, name: str) -> None:
        stream = self._stream or sys.stderr
        age = seconds_since_process_start()
        stream.write(f"painted {name} {age:.3f} {time.monotonic():.6f}\n")
        stream.flush()
