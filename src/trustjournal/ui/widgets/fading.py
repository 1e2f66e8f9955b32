"""A confirmation that clears itself: "Saved", "Logged" say their piece and then step aside."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from trustjournal.ui.widgets.common import set_role

CONFIRMATION_MS = 6000  # long enough to read twice; a screen reader announces it when set


class Confirmation(QObject):
    """Shows messages in `label`: a confirmation clears after CONFIRMATION_MS, anything
    else (an error, a hint) stays until the next message.

    The words stay in the label, a plain QLabel, so assistive technology reads them as any
    other text while they show.
    """

    def __init__(self, label: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CONFIRMATION_MS)
        self.timer.timeout.connect(label.clear)

    def confirm(self, text: str, *, role: str = "good") -> None:
        """Show `text`, and clear it a few seconds later."""
        self.say(text, role=role)
        self.timer.start()

    def say(self, text: str, *, role: str) -> None:
        """Show `text` until the next message."""
        self.timer.stop()
        set_role(self.label, role)
        self.label.setText(text)

    def clear(self) -> None:
        """Clear the message now."""
        self.timer.stop()
        self.label.clear()
