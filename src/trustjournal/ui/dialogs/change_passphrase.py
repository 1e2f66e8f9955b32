"""Change the passphrase: the current one, the new one twice; the key is re-wrapped off-thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.dialogs.work_footer import work_footer
from trustjournal.ui.errors import describe, with_unconfirmed_note
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.widgets.common import N_, field_label, label
from trustjournal.ui.widgets.passphrase_form import PassphraseForm
from trustjournal.ui.widgets.password_field import PasswordField

if TYPE_CHECKING:
    from trustjournal.store.vault import Vault

# English (tests compare them); translated with _() where shown.
INTRO = N_(
    "Your journal stays as it is; only the lock on it changes. Afterwards the old passphrase "
    "no longer opens it. Your recovery code keeps working."
)
CHANGED = N_("Your passphrase was changed. From now on, only the new one opens your journal.")
NEED_CURRENT = N_("Please enter your current passphrase.")
NEED_NEW = N_("Please choose a new passphrase.")
NEED_STRONGER = N_("Please choose a passphrase that is harder to guess (see the hint above).")
NEED_REPEAT = N_("Please type the new passphrase a second time.")
NEED_SAME = N_("The two new passphrases are not the same yet.")


class ChangePassphraseDialog(KeyedDialog):
    """Asks for the current and a new passphrase and changes it; accepted when done.

    Enter in any field is the Change button (or, while it is off, points at what is missing);
    Escape cancels, except while the change runs: then it waits, so the outcome is reported.

    Signals:
        outcome(str): what happened, in words for the page that opened the dialog.
    """

    outcome = Signal(str)

    def __init__(self, *, vault: Vault, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._tasks = tasks
        self._busy = False
        self.setWindowTitle(_("Change passphrase"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(label(_("Change your passphrase"), role="heading"))
        layout.addWidget(label(_(INTRO), role="hint"))
        self.current = PasswordField(accessible_name=_("Current passphrase"), parent=self)
        self.form = PassphraseForm(parent=self)
        # In the form's own grid, so all three fields line up.
        self.form.fields.insertRow(
            0, field_label(_("&Current passphrase"), self.current), self.current
        )
        layout.addWidget(self.form)
        self.error, self.progress, self.cancel_button, self.ok_button = work_footer(
            self, layout, working=_("Changing the passphrase"), action=_("C&hange passphrase")
        )
        self.ok_button.clicked.connect(self._on_ok_clicked)
        self.form.validity_changed.connect(self._update_ok)
        self.current.textChanged.connect(self._update_ok)
        self.current.setFocus()

    @property
    def is_busy(self) -> bool:
        """Whether the change is running."""
        return self._busy

    def reject(self) -> None:
        """Cancel; while the change runs, wait for it so its outcome is reported truthfully."""
        if not self._busy:
            super().reject()

    def on_enter(self) -> None:
        """Enter in any field: evaluate what was typed at once, then act as the button."""
        if self._busy:
            return
        if self.form.passphrase():
            self.form.evaluate_now()
        super().on_enter()

    def explain_disabled(self) -> None:
        """Put the focus where something is missing, and say what."""
        form = self.form
        strength = form.strength
        first, second = form.first.text(), form.second.text()
        if not self.current.text():
            self._point_at(self.current, NEED_CURRENT)
        elif not first:
            self._point_at(form.first, NEED_NEW)
        elif strength is not None and not strength.accepted:
            self._point_at(form.first, NEED_STRONGER)
        elif not second:
            self._point_at(form.second, NEED_REPEAT)
        elif first != second:
            self._point_at(form.second, NEED_SAME)

    def _point_at(self, field: QLineEdit, message: str) -> None:
        self.error.setText(_(message))
        self.error.show()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(
            not self._busy and bool(self.current.text()) and self.form.is_valid
        )
        if self.ok_button.isEnabled():
            self.error.hide()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.current.setEnabled(not busy)
        self.form.set_enabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self._update_ok()

    def _on_ok_clicked(self) -> None:
        old, new = self.current.text(), self.form.passphrase()
        if self._busy or not old or not self.form.is_valid:
            return
        self._set_busy(True)
        self.error.hide()
        vault = self._vault
        self._tasks.run_in_background(
            lambda: vault.change_passphrase(old, new), self._on_changed, self._on_failed
        )

    def _on_changed(self, durable: object) -> None:
        if self.is_finished:
            return  # closed by a lock: nothing here to tell any more
        self._busy = False
        self.current.clear()
        self.form.clear()
        self.outcome.emit(with_unconfirmed_note(_(CHANGED), durable, what="passphrase"))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        if self.is_finished:
            return
        self._set_busy(False)
        self.error.setText(describe(exc))
        self.error.show()
        self.current.setFocus()
        self.current.selectAll()
