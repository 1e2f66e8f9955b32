"""The lock screen: a passphrase (or the recovery code) and nothing about what is inside."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.i18n import _, ngettext
from trustjournal.ui.icons import Icon, icon
from trustjournal.ui.widgets.common import (
    button,
    button_row,
    card,
    centered_column,
    field_label,
    label,
)
from trustjournal.ui.widgets.password_field import PasswordField

APP_NAME = "TrustJournal"  # a name: the same in every language
CARD_WIDTH = 440


def lock_note(reason: str, idle_ms: int | None) -> str:
    """Why the journal locked by itself, in neutral words ("" when the person locked it)."""
    if reason == "idle" and idle_ms:
        minutes = max(1, round(idle_ms / 60_000))
        return ngettext(
            "Locked after %(count)d minute without use.",
            "Locked after %(count)d minutes without use.",
            minutes,
        ) % {"count": minutes}
    if reason == "sleep":
        return _("Locked as the computer went to sleep.")
    return ""


class UnlockScreen(QWidget):
    """Asks for the passphrase or the recovery code. Shows no counts, dates or titles.

    Signals:
        unlock_requested(str, bool): the secret, and whether it is the recovery code.
        restore_requested: "Restore from a backup…" was pressed (offered once the journal
            could not be opened).
    """

    unlock_requested = Signal(str, bool)
    restore_requested = Signal()

    def __init__(
        self, *, demo_passphrase: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._recovery = False
        column = centered_column(self, max_width=CARD_WIDTH)
        column.addStretch(1)
        frame, box = card()
        box.setSpacing(14)
        box.addLayout(self._head())
        self.note = label(role="hint")
        self.note.setAccessibleName(_("Why the journal is locked"))
        self.note.hide()
        box.addWidget(self.note)
        self.prompt = label(_("Enter your passphrase to open your journal."))
        box.addWidget(self.prompt)
        self.field = PasswordField(accessible_name=_("Passphrase"), parent=frame)
        self.field_label = field_label(_("&Passphrase"), self.field)
        field_box = QVBoxLayout()
        field_box.setSpacing(6)
        field_box.addWidget(self.field_label)
        field_box.addWidget(self.field)
        box.addLayout(field_box)
        self.error = label(role="error")
        self.error.setAccessibleName(_("Message"))
        self.error.hide()
        box.addWidget(self.error)
        self.progress = QProgressBar(frame)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(_("Opening your journal"))
        self.progress.hide()
        box.addWidget(self.progress)
        self.unlock_button = button(_("&Unlock"), primary=True, icon_name=None)
        self.unlock_button.clicked.connect(self._on_submit)
        self.switch_button = button(_("Use my &recovery code instead"), flat=True)
        self.switch_button.clicked.connect(self._on_switch_clicked)
        margins = box.contentsMargins()
        self._add_buttons(box, CARD_WIDTH - margins.left() - margins.right())
        self.restore_button = self._add_restore(box)
        column.addWidget(frame)
        if demo_passphrase is not None:
            demo = label(
                _(
                    "This is a demo journal filled with made-up entries; it is deleted when "
                    "you close TrustJournal.\nIts passphrase is “{passphrase}”."
                ).format(passphrase=demo_passphrase),
                role="hint",
            )
            demo.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(demo)
        column.addStretch(2)
        self.field.returnPressed.connect(self._on_submit)
        self.setFocusProxy(self.field)

    def _head(self) -> QHBoxLayout:
        head = QHBoxLayout()
        head.setSpacing(12)
        logo = QLabel()
        logo.setPixmap(icon(Icon.APP).pixmap(QSize(40, 40), self.devicePixelRatioF()))
        logo.setAccessibleName(APP_NAME)
        head.addWidget(logo)
        head.addWidget(label(APP_NAME, role="title"), 1)
        return head

    def _add_buttons(self, box: QVBoxLayout, room: int) -> None:
        """Unlock on the right and the switch on the left, in one row if both fit; in a longer
        language the switch goes on a row of its own, rather than being cut off."""
        self.switch_button.ensurePolished()
        self.unlock_button.ensurePolished()
        longest = 0
        for text in (_("Use my &recovery code instead"), _("Use my &passphrase instead")):
            self.switch_button.setText(text)
            longest = max(longest, self.switch_button.sizeHint().width())
        self.switch_button.setText(_("Use my &recovery code instead"))
        row = button_row(self.switch_button, self.unlock_button, stretch_first=False)
        row.insertStretch(1, 1)
        if longest + row.spacing() + self.unlock_button.sizeHint().width() > room:
            box.addLayout(button_row(self.unlock_button))
            row = button_row(self.switch_button, stretch_first=False)
            row.addStretch(1)
        box.addLayout(row)

    def _add_restore(self, box: QVBoxLayout) -> QPushButton:
        """Add the restore offer below the rest; shown only when the journal cannot be opened."""
        restore = button(_("Restore from a &backup…"), flat=True)
        restore.setToolTip(_("Put a backup in your journal's place; what is there now is kept."))
        restore.clicked.connect(self.restore_requested)
        restore.hide()
        row = button_row(restore, stretch_first=False)
        row.addStretch(1)
        box.addLayout(row)
        return restore

    @property
    def uses_recovery_code(self) -> bool:
        """Whether the field currently takes the recovery code."""
        return self._recovery

    def note_lock(self, reason: str, idle_ms: int | None) -> None:
        """Say that the journal locked by itself (after inactivity or sleep), if it did."""
        text = lock_note(reason, idle_ms)
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        """Show progress and hold input while the key is derived."""
        self.field.setReadOnly(busy)
        self.unlock_button.setEnabled(not busy)
        self.switch_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)
        self.progress.setVisible(busy)

    def show_error(self, message: str) -> None:
        """One calm message; the field keeps focus with its text selected."""
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.selectAll()

    def offer_restore(self, offer: bool = True) -> None:
        """Show (or hide) "Restore from a backup…": for a journal that cannot be opened."""
        self.restore_button.setVisible(offer)

    def note_restored(self, message: str) -> None:
        """Say how a restore went; the field is ready for unlocking."""
        self.error.hide()
        self.note.setText(message)
        self.note.show()
        self.offer_restore(False)
        self.field.clear()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_submit(self) -> None:
        secret = self.field.text()
        if not secret or self.field.isReadOnly():
            return
        self.set_busy(True)
        self.unlock_requested.emit(secret, self._recovery)

    def _on_switch_clicked(self) -> None:
        self._recovery = not self._recovery
        self.field.clear()
        self.error.hide()
        if self._recovery:
            self.prompt.setText(
                _("Enter your recovery code. Afterwards you will choose a new passphrase.")
            )
            self.field_label.setText(_("&Recovery code"))
            self.field.setAccessibleName(_("Recovery code"))
            self.switch_button.setText(_("Use my &passphrase instead"))
        else:
            self.prompt.setText(_("Enter your passphrase to open your journal."))
            self.field_label.setText(_("&Passphrase"))
            self.field.setAccessibleName(_("Passphrase"))
            self.switch_button.setText(_("Use my &recovery code instead"))
        self.field.setFocus()
