"""Make a new recovery code: confirm the passphrase, show the new code once, check it was kept.

The new code replaces the old one at once (the recovery slot is re-wrapped). Until the person
confirms they kept it, the vault remembers that it is unconfirmed, so if the journal locks
first, the next unlock issues a fresh code instead of leaving them without one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trustjournal.ui import preferences
from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.errors import describe
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.widgets.common import button, button_row, field_label, label
from trustjournal.ui.widgets.password_field import PasswordField
from trustjournal.ui.widgets.recovery_code_panel import RecoveryCodePanel

if TYPE_CHECKING:
    from trustjournal.store.settings import SettingsRepository
    from trustjournal.store.vault import Vault

INTRO = (
    "A new recovery code replaces the old one: the old code stops working at once. "
    "Please enter your passphrase to go on."
)


class NewRecoveryCodeDialog(QDialog):
    """Two steps: the passphrase, then the new code with Copy / Save / Print and a check."""

    def __init__(
        self,
        *,
        vault: Vault,
        settings: SettingsRepository,
        tasks: Tasks,
        clipboard: ClipboardGuard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._settings = settings
        self._tasks = tasks
        self._clipboard = clipboard
        self.panel: RecoveryCodePanel | None = None
        self.setWindowTitle("New recovery code")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(14)
        self.steps = QStackedWidget(self)
        layout.addWidget(self.steps)

        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        ask_layout.setSpacing(12)
        ask_layout.addWidget(label("Make a new recovery code", role="heading"))
        ask_layout.addWidget(label(INTRO, role="hint"))
        self.passphrase = PasswordField(accessible_name="Passphrase", parent=ask)
        row = QFormLayout()
        row.addRow(field_label("&Passphrase", self.passphrase), self.passphrase)
        ask_layout.addLayout(row)
        self.error = label(role="error")
        self.error.hide()
        ask_layout.addWidget(self.error)
        self.progress = QProgressBar(ask)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Making the new code")
        self.progress.hide()
        ask_layout.addWidget(self.progress)
        self.cancel_button = button("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.make_button = button("&Make new code", primary=True)
        self.make_button.clicked.connect(self._on_make_clicked)
        self.passphrase.returnPressed.connect(self._on_make_clicked)
        ask_layout.addLayout(button_row(self.cancel_button, self.make_button))
        self.steps.addWidget(ask)
        self.passphrase.setFocus()

    def reject(self) -> None:
        """Escape is ignored while a new code is shown but not yet confirmed."""
        if self.panel is not None and not self.panel.confirmed:
            return
        super().reject()

    def _on_make_clicked(self) -> None:
        secret = self.passphrase.text()
        if not secret or not self.make_button.isEnabled():
            return
        self.make_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self.progress.show()
        self.error.hide()
        vault = self._vault

        self._tasks.run_in_background(
            lambda: vault.new_recovery_code(secret), self._on_made, self._on_failed
        )

    def _on_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.make_button.setEnabled(True)
        self.passphrase.setEnabled(True)
        self.error.setText(describe(exc))
        self.error.show()
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    def _on_made(self, code: str) -> None:
        self.passphrase.clear()
        self._settings.set(preferences.RECOVERY_CONFIRMED, False)
        shown = QWidget()
        shown_layout = QVBoxLayout(shown)
        shown_layout.setContentsMargins(0, 0, 0, 0)
        shown_layout.setSpacing(12)
        shown_layout.addWidget(label("Your new recovery code", role="heading"))
        shown_layout.addWidget(
            label("It is shown only now. The old code no longer works.", role="hint")
        )
        self.panel = RecoveryCodePanel(code=code, clipboard=self._clipboard, parent=shown)
        shown_layout.addWidget(self.panel)
        self.done_button = button("&Done", primary=True)
        self.done_button.setEnabled(False)
        self.panel.confirmed_changed.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self._on_done_clicked)
        shown_layout.addLayout(button_row(self.done_button))
        self.steps.addWidget(shown)
        self.steps.setCurrentWidget(shown)
        self.panel.copy_button.setFocus()

    def _on_done_clicked(self) -> None:
        if self.panel is not None and self.panel.confirmed:
            self._settings.set(preferences.RECOVERY_CONFIRMED, True)
            self._clipboard.clear_if_ours()
            self.accept()
