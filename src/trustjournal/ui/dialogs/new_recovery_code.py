"""Make a new recovery code: confirm the passphrase, show the new code, keep it once confirmed.

The new code is made in memory first (`Vault.prepare_recovery_code`) and replaces the old one
only when the person confirms they have kept it (`Vault.keep_recovery_code`). Closing the
dialog before that, a lock, a quit or a crash leave the old code working and forget the new.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QProgressBar, QVBoxLayout, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui import preferences
from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.errors import describe, with_unconfirmed_note
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.widgets.common import (
    N_,
    button,
    button_row,
    field_label,
    fitting_button_row,
    label,
)
from trustjournal.ui.widgets.password_field import PasswordField
from trustjournal.ui.widgets.recovery_code_panel import RecoveryCodePanel

if TYPE_CHECKING:
    from trustjournal.store.settings import SettingsRepository
    from trustjournal.store.vault import PendingRecoveryCode, Vault

# English (tests compare them); translated with _() where shown.
INTRO = N_(
    "You will get a new recovery code. It replaces your old one only once you confirm that you "
    "have kept it; until then the old code keeps working. Please enter your passphrase to go on."
)
SHOWN_HINT = N_(
    "It is shown only now. Your old code still works until you confirm below that you have "
    "kept this one."
)
EMPTY_FIELD = N_("Please enter your passphrase.")
KEPT = N_("Your new recovery code is in use. The old one no longer opens your journal.")
NOT_KEPT = N_("The new recovery code was not put in place. Your old recovery code still works.")
NOT_INSTALLED = N_(
    "{reason} The new code was not put in place, so your old recovery code still works."
)


class NewRecoveryCodeDialog(KeyedDialog):
    """Two steps: the passphrase, then the new code with Copy / Save / Print and a check.

    Enter in the passphrase field is "Make new code"; Enter in the check field is "I have kept
    it" (or says the group does not match). Escape cancels at every step and changes nothing,
    except while the new code is being put in place: then it waits for the outcome.

    Signals:
        outcome(str): what happened, in words for the page that opened the dialog.
    """

    outcome = Signal(str)

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
        self._pending: PendingRecoveryCode | None = None
        self._installing = False
        self.panel: RecoveryCodePanel | None = None
        self.setWindowTitle(_("New recovery code"))
        self.setMinimumWidth(560)  # the code on one line, with room around it
        layout = self._body = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(14)
        # Two steps, one shown at a time; plain widgets rather than a QStackedWidget, whose
        # size does not follow text that wraps as messages appear.
        ask = self.ask_step = QWidget(self)
        layout.addWidget(ask)
        ask_layout = QVBoxLayout(ask)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        ask_layout.setSpacing(12)
        ask_layout.addWidget(label(_("Make a new recovery code"), role="heading"))
        ask_layout.addWidget(label(_(INTRO), role="hint"))
        self.passphrase = PasswordField(accessible_name=_("Passphrase"), parent=ask)
        row = QFormLayout()
        row.addRow(field_label(_("&Passphrase"), self.passphrase), self.passphrase)
        ask_layout.addLayout(row)
        self.error = label(role="error")
        self.error.setAccessibleName(_("Message"))
        self.error.hide()
        ask_layout.addWidget(self.error)
        self.progress = QProgressBar(ask)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(_("Making the new code"))
        self.progress.hide()
        ask_layout.addWidget(self.progress)
        self.cancel_button = button(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.make_button = button(_("&Make new code"), primary=True)
        self.make_button.clicked.connect(self._on_make_clicked)
        ask_layout.addLayout(button_row(self.cancel_button, self.make_button))
        self.set_default_button(self.make_button)
        self.passphrase.setFocus()

    @property
    def is_busy(self) -> bool:
        """Whether the new code is being put in place (Escape then waits)."""
        return self._installing

    def reject(self) -> None:
        """Cancel: the old code keeps working. Waits while the new one is being put in place."""
        if self._installing:
            return
        if self._pending is not None:
            self._pending = None
            self.outcome.emit(_(NOT_KEPT))
        super().reject()

    def done(self, result: int) -> None:
        """Forget the clipboard copy of a code that was not kept, however the dialog closes."""
        if self.panel is not None:
            self._clipboard.clear_if_ours()
        self._pending = None
        super().done(result)

    def explain_disabled(self) -> None:
        """Enter in the check field before the last group matches: say so, stay there."""
        if self.panel is not None and not self._installing:
            self.panel.explain_mismatch()

    # --- step 1: the passphrase ----------------------------------------------------------------

    def _on_make_clicked(self) -> None:
        secret = self.passphrase.text()
        if not self.make_button.isEnabled():
            return
        if not secret:
            self._say(_(EMPTY_FIELD))
            return
        self.make_button.setEnabled(False)
        self.passphrase.setReadOnly(True)
        self.progress.show()
        self.error.hide()
        vault = self._vault
        self._tasks.run_in_background(
            lambda: vault.prepare_recovery_code(secret), self._on_prepared, self._on_failed
        )

    def _on_failed(self, exc: BaseException) -> None:
        if self.is_finished:
            return  # cancelled while the passphrase was checked: nothing changed
        self.progress.hide()
        self.make_button.setEnabled(True)
        self.passphrase.setReadOnly(False)
        self._say(describe(exc))

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
        self.passphrase.selectAll()

    # --- step 2: the new code, kept only once confirmed ----------------------------------------

    def _on_prepared(self, pending: PendingRecoveryCode) -> None:
        if self.is_finished:
            return  # cancelled meanwhile: the pending code is simply forgotten
        self._pending = pending
        self.passphrase.clear()
        shown = self.code_step = QWidget(self)
        shown_layout = QVBoxLayout(shown)
        shown_layout.setContentsMargins(0, 0, 0, 0)
        shown_layout.setSpacing(12)
        shown_layout.addWidget(label(_("Your new recovery code"), role="heading"))
        shown_layout.addWidget(label(_(SHOWN_HINT), role="hint"))
        self.panel = RecoveryCodePanel(code=pending.code, clipboard=self._clipboard, parent=shown)
        shown_layout.addWidget(self.panel)
        self.keep_error = label(role="error")
        self.keep_error.setAccessibleName(_("Message"))
        self.keep_error.hide()
        shown_layout.addWidget(self.keep_error)
        self.keep_progress = QProgressBar(shown)
        self.keep_progress.setRange(0, 0)
        self.keep_progress.setTextVisible(False)
        self.keep_progress.setAccessibleName(_("Putting the new code in place"))
        self.keep_progress.hide()
        shown_layout.addWidget(self.keep_progress)
        self.discard_button = button(_("Cancel, keep my &old code"))
        self.discard_button.clicked.connect(self.reject)
        self.keep_button = button(_("I have kept it — &use this code"), primary=True)
        self.keep_button.setEnabled(False)
        self.panel.confirmed_changed.connect(self._update_keep)
        self.keep_button.clicked.connect(self._on_keep_clicked)
        margins = self._body.contentsMargins()
        room = self.minimumWidth() - margins.left() - margins.right()
        shown_layout.addLayout(fitting_button_row(room, self.discard_button, self.keep_button))
        self.ask_step.hide()
        self._body.addWidget(shown)
        shown.show()  # now, not a turn later, so the dialog grows to fit it at once
        self.set_default_button(self.keep_button)
        self.panel.copy_button.setFocus()

    def _update_keep(self) -> None:
        assert self.panel is not None
        self.keep_button.setEnabled(self.panel.confirmed and not self._installing)

    def _set_installing(self, installing: bool) -> None:
        self._installing = installing
        self.discard_button.setEnabled(not installing)
        self.keep_progress.setVisible(installing)
        self._update_keep()

    def _on_keep_clicked(self) -> None:
        pending = self._pending
        if pending is None or self.panel is None or not self.panel.confirmed:
            return
        if self._installing:
            return
        self._set_installing(True)
        self.keep_error.hide()
        vault = self._vault
        self._tasks.run_in_background(
            lambda: vault.keep_recovery_code(pending), self._on_kept, self._on_keep_failed
        )

    def _on_kept(self, durable: object) -> None:
        self._settings.set(preferences.RECOVERY_CONFIRMED, True)
        if self.is_finished:
            return
        self._installing = False
        self._pending = None
        self.outcome.emit(with_unconfirmed_note(_(KEPT), durable, what="recovery code"))
        self.accept()

    def _on_keep_failed(self, exc: BaseException) -> None:
        if self.is_finished:
            return
        self._set_installing(False)
        self.keep_error.setText(_(NOT_INSTALLED).format(reason=describe(exc)))
        self.keep_error.show()
