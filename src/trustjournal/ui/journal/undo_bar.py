"""The Journal's Undo bar: what was just done, an Undo button, and a timer that withdraws it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.widgets.common import button, label

UNDO_MS = 10_000  # how long the bar stays
TEXT_MIN_WIDTH = 120  # px: the words wrap rather than widen the timeline's column


class UndoBar(QFrame):
    """A card under the timeline offering Undo for a while; hidden until `offer`.

    Attributes:
        text: what was done, in words.
        button: Undo (Alt+U); the page connects it.
        timer: withdraws the bar once `UNDO_MS` have passed (its `timeout` says so).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.text = label("")  # wraps: longer in other languages (and a date inside)
        self.text.setMinimumWidth(TEXT_MIN_WIDTH)
        self.button = button(_("&Undo"))
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_MS)
        self.timer.timeout.connect(self.hide)

    def offer(self, text: str) -> None:
        """Show `text` with Undo, for `UNDO_MS` from now."""
        self.text.setText(text)
        self.show()
        self.timer.start()

    def withdraw(self) -> None:
        """Hide the bar now (undone, or the journal is locking)."""
        self.hide()
        self.timer.stop()
