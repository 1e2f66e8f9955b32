"""The warning before turning automatic locking off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

NEVER_LOCK_WARNING = (
    "If TrustJournal never locks by itself, anyone who sits down at this computer while it is "
    "open can read your journal. You can still lock it at any time with Ctrl+L."
)


class NeverLockDialog:
    """The warning shown before turning automatic locking off (replaceable in tests)."""

    @classmethod
    def ask(cls, parent: QWidget) -> bool:
        """True if the person still wants the journal never to lock by itself."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Never lock by itself?",
            NEVER_LOCK_WARNING,
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        keep = box.addButton("Keep locking", QMessageBox.ButtonRole.RejectRole)
        box.addButton("Never lock by itself", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is not None and box.clickedButton() is not keep
