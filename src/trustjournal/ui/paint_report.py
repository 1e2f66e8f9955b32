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
from PySide6.QtWidgets import QWidget

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
    """Prints one line the first time each named screen has painted."""

    def __init__(
        self, *, enabled: bool, stream: TextIO | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._enabled = enabled
        self._stream = stream
        self._names: dict[QObject, str] = {}
        self._reported: set[str] = set()

    @classmethod
    def from_environment(cls, parent: QObject | None = None) -> PaintReporter:
        """Enabled when TRUSTJOURNAL_REPORT_PAINT=1."""
        return cls(enabled=os.environ.get(ENV_VAR) == "1", parent=parent)

    def watch(self, widget: QWidget, name: str) -> None:
        """Report the first paint of `widget` as `name` (once per name)."""
        if not self._enabled or name in self._reported:
            return
        self._names[widget] = name
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and watched in self._names:
            name = self._names.pop(watched)
            watched.removeEventFilter(self)
            if name not in self._reported:
                self._reported.add(name)
                # Report once this paint has been flushed, not when it starts.
                QTimer.singleShot(0, lambda: self._report(name))
        return False

    def _report(self, name: str) -> None:
        stream = self._stream or sys.stderr
        stream.write(f"painted {name} {seconds_since_process_start():.3f}\n")
        stream.flush()
