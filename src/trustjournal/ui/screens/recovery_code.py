"""The recovery code, shown once after creating the journal (or making a new code)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.widgets.common import N_, button, button_row, centered_column, label
from trustjournal.ui.widgets.recovery_code_panel import RecoveryCodePanel

INTRO = N_(
    "If you ever forget your passphrase, this code is the only other way into your journal. "
    "It is shown only now. Keep it somewhere safe and away from this computer — written on "
    "paper in a place only you use, for example. Anyone who has it can open the journal."
)

RENEWED = N_(
    "The journal locked before you confirmed your recovery code, so here is a new one. "
    "The earlier code keeps working until you confirm this one."
)


class RecoveryCodeScreen(QWidget):
    """Shows the code with Copy, Save and Print; Continue once the last group was retyped.

    Signals:
        finished: the person confirmed they kept the code.
    """

    finished = Signal()

    def __init__(
        self,
        *,
        code: str,
        clipboard: ClipboardGuard,
        renewed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        column = centered_column(self, max_width=600)
        column.addWidget(label(_("Your recovery code"), role="title"))
        if renewed:
            column.addWidget(label(_(RENEWED), role="warning"))
        column.addWidget(label(_(INTRO)))
        self.panel = RecoveryCodePanel(code=code, clipboard=clipboard, parent=self)
        column.addWidget(self.panel)
        self.error = label(role="error")
        self.error.setAccessibleName(_("Message"))
        self.error.hide()
        column.addWidget(self.error)
        self.continue_button = button(_("&Continue"), primary=True)
        self.continue_button.setEnabled(False)
        self.panel.confirmed_changed.connect(self.continue_button.setEnabled)
        self.panel.check.returnPressed.connect(self._on_continue)
        self.continue_button.clicked.connect(self._on_continue)
        column.addLayout(button_row(self.continue_button))
        column.insertStretch(0, 1)  # sit a little above the middle, not at the top
        column.addStretch(2)
        self.setFocusProxy(self.panel.copy_button)

    def set_busy(self, busy: bool) -> None:
        """Hold the button while the code is being put in place."""
        self.continue_button.setEnabled(not busy and self.panel.confirmed)
        self.panel.check.setReadOnly(busy)
        if busy:
            self.error.hide()

    def show_error(self, message: str) -> None:
        """Say what went wrong; Continue can be pressed again."""
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()

    def _on_continue(self) -> None:
        if self.panel.check.isReadOnly():
            return  # already being put in place
        if self.panel.confirmed:
            self.finished.emit()
        else:
            self.panel.explain_mismatch()
