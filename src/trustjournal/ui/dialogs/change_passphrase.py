"""Change the passphrase: the current one, the new one twice; the key is re-wrapped off-thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QProgressBar, QVBoxLayout, QWidget

from trustjournal.ui.errors import describe
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.widgets.common import button, button_row, field_label, label
from trustjournal.ui.widgets.passphrase_form import PassphraseForm
from trustjournal.ui.widgets.password_field import PasswordField

if TYPE_CHECKING:
    from trustjournal.store.vault import Vault

INTRO = (
    "Your journal stays as it is; only the lock on it changes. Afterwards the old passphrase "
    "no longer opens it. Your recovery code keeps working."
)


class ChangePassphraseDialog(QDialog):
    """Asks for the current and a new passphrase and changes it; accepted when done."""

    def __init__(self, *, vault: Vault, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._tasks = tasks
        self.setWindowTitle("Change passphrase")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(label("Change your passphrase", role="heading"))
        layout.addWidget(label(INTRO, role="hint"))
        self.current = PasswordField(accessible_name="Current passphrase", parent=self)
        self.form = PassphraseForm(parent=self)
        # In the form's own grid, so all three fields line up.
        self.form.fields.insertRow(
            0, field_label("&Current passphrase", self.current), self.current
        )
        layout.addWidget(self.form)
        self.error = label(role="error")
        self.error.hide()
        layout.addWidget(self.error)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Changing the passphrase")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.cancel_button = button("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = button("C&hange passphrase", primary=True)
        self.ok_button.setEnabled(False)
        self.ok_button.clicked.connect(self._on_ok_clicked)
        layout.addLayout(button_row(self.cancel_button, self.ok_button))
        self.form.validity_changed.connect(self._update_ok)
        self.current.textChanged.connect(self._update_ok)
        self.form.submitted.connect(self._on_ok_clicked)
        self.current.returnPressed.connect(self.form.first.setFocus)
        self.current.setFocus()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.current.text()) and self.form.is_valid)

    def _set_busy(self, busy: bool) -> None:
        self.current.setEnabled(not busy)
        self.form.set_enabled(not busy)
        self.ok_button.setEnabled(not busy)
        self.progress.setVisible(busy)

    def _on_ok_clicked(self) -> None:
        old, new = self.current.text(), self.form.passphrase()
        if not old or not self.form.is_valid:
            return
        self._set_busy(True)
        self.error.hide()
        vault = self._vault
        self._tasks.run_in_background(
            lambda: vault.change_passphrase(old, new), self._on_changed, self._on_failed
        )

    def _on_changed(self, _result: object) -> None:
        self.current.clear()
        self.form.clear()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._update_ok()
        self.error.setText(describe(exc))
        self.error.show()
        self.current.setFocus()
        self.current.selectAll()
