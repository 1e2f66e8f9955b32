"""The warning before turning automatic locking off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.widgets.common import N_

# English; shown through _() (Settings shows it too: _(NEVER_LOCK_WARNING)).
NEVER_LOCK_WARNING = N_(
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
            _("Never lock by itself?"),
            _(NEVER_LOCK_WARNING),
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        keep = box.addButton(_("Keep locking"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(_("Never lock by itself"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is not None and box.clickedButton() is not keep
