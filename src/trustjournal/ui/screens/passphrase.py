"""Choose a passphrase: when creating the journal, and after opening it with the recovery code."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.widgets.common import N_, button, button_row, centered_column, label
from trustjournal.ui.widgets.passphrase_form import PassphraseForm

# English; PassphraseScreen translates the title and intro it is given.
CREATE_TITLE = N_("Choose a passphrase")
CREATE_INTRO = N_(
    "This passphrase opens your journal. Choose one that only you know and that you will "
    "remember: nobody can reset it for you. Next you will get a recovery code, the one other "
    "way in."
)
RESET_TITLE = N_("Choose a new passphrase")
RESET_INTRO = N_(
    "Your recovery code opened the journal. Before you go on, choose a new passphrase. "
    "The old one will stop working; your recovery code keeps working."
)


class PassphraseScreen(QWidget):
    """A titled passphrase form with a busy state while the key is being derived.

    `title` and `intro` are English messages (this module's constants), translated here;
    the button and busy texts come translated by the caller.

    Signals:
        submitted(str): the chosen passphrase.
        back_requested: the person wants to go back (only when a back button is shown).
    """

    submitted = Signal(str)
    back_requested = Signal()

    def __init__(
        self,
        *,
        title: str,
        intro: str,
        submit_text: str,
        busy_text: str,
        back_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        column = centered_column(self)
        column.addWidget(label(_(title), role="title"))
        column.addWidget(label(_(intro)))
        self.form = PassphraseForm(parent=self)
        column.addWidget(self.form)
        self.error = label(role="error")
        self.error.hide()
        column.addWidget(self.error)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(busy_text)
        self.busy_label = label(busy_text, role="hint")
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.busy_label, 3)
        column.addLayout(busy_row)
        self.progress.hide()
        self.busy_label.hide()

        self.submit_button = button(submit_text, primary=True)
        self.submit_button.setEnabled(False)
        self.submit_button.clicked.connect(self._on_submit)
        buttons = [self.submit_button]
        self.back_button = None
        if back_text is not None:
            self.back_button = button(back_text)
            self.back_button.clicked.connect(self.back_requested)
            buttons.insert(0, self.back_button)
        column.addLayout(button_row(*buttons))
        column.insertStretch(0, 1)  # sit a little above the middle, not at the top
        column.addStretch(2)

        self.form.validity_changed.connect(self.submit_button.setEnabled)
        self.form.submitted.connect(self._on_submit)
        self.setFocusProxy(self.form.first)

    def set_busy(self, busy: bool) -> None:
        """Show progress and stop input while the key is derived."""
        self.form.set_enabled(not busy)
        self.submit_button.setEnabled(not busy and self.form.is_valid)
        if self.back_button is not None:
            self.back_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.busy_label.setVisible(busy)
        if busy:
            self.error.hide()

    def show_error(self, message: str) -> None:
        """Show a calm message and let the person try again."""
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()
        self.form.first.setFocus()

    def _on_submit(self) -> None:
        if self.form.is_valid and self.submit_button.isEnabled():
            self.submitted.emit(self.form.passphrase())
