"""Shows a recovery code once, with Copy, Save and Print, and checks that the person kept it."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLineEdit, QVBoxLayout, QWidget

from trustjournal.core.i18n import _, ngettext
from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.icons import Icon
from trustjournal.ui.widgets.common import (
    N_,
    button,
    field_label,
    fitting_button_row,
    label,
    set_role,
)
from trustjournal.ui.widgets.passphrase_form import text_height

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

NARROWEST = 512  # the panel's width in the new-code dialog, the narrowest place it is shown
# English (tests compare them); translated with _() where used.
SHEET_TEXT = N_(
    "TrustJournal recovery code\n\n{code}\n\n"
    "This code opens your journal if you forget your passphrase.\n"
    "Keep it somewhere safe, away from the computer. Anyone who has it can open the journal.\n"
)


MATCHES = N_("That matches. Thank you for keeping it safe.")
WRONG_GROUP = N_("That is not the code's last group. Please compare it with the code.")
MISSING_GROUP = N_("Please type the code's last group first, to be sure you have kept it.")


def last_group(code: str) -> str:
    """The last group of a recovery code (groups are separated by dashes or spaces)."""
    groups = [g for g in re.split(r"[\s\-]+", code.strip()) if g]
    return groups[-1] if groups else ""


def _normalise(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text).casefold()


class RecoveryCodePanel(QWidget):
    """The code in large type, three ways to keep it, and a retype check.

    Signals:
        confirmed_changed(bool): whether the retyped last group matches.
    """

    confirmed_changed = Signal(bool)

    def __init__(
        self, *, code: str, clipboard: ClipboardGuard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._code = code
        self._clipboard = clipboard
        self._confirmed = False
        self.code_label = label(code, role="code", wrap=False)  # a code split over lines misreads
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setAccessibleName(_("Recovery code"))
        self.copy_button = button(_("C&opy"), icon_name=Icon.COPY)
        self.copy_button.setToolTip(_("Copy the code; it is cleared from the clipboard after 30 s"))
        self.save_button = button(_("&Save as text file…"), icon_name=Icon.SAVE)
        self.print_button = button(_("&Print…"), icon_name=Icon.PRINT)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.status = label(role="hint")
        self.check = QLineEdit(self)
        self.check.setAccessibleName(_("Last group of the recovery code"))
        size = len(last_group(code))
        self.check.setPlaceholderText(
            ngettext("%(count)d character", "%(count)d characters", size) % {"count": size}
        )
        self.check.textChanged.connect(self._on_check_text_changed)
        self.check_state = label(role="hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.code_label)
        keep_buttons = (self.copy_button, self.save_button, self.print_button)
        layout.addLayout(fitting_button_row(NARROWEST, *keep_buttons, stretch_first=False))
        layout.addWidget(self.status)
        layout.addSpacing(8)
        prompt = field_label(
            _("To be sure you have kept it, type the code's &last group here:"), self.check
        )
        prompt.setWordWrap(True)  # a longer language wraps instead of being cut off
        layout.addWidget(prompt)
        layout.addWidget(self.check)
        layout.addWidget(self.check_state)
        self.check_state.setMinimumHeight(text_height(self.check_state, lines=1))  # no jump
        self.status.hide()
        # The check field was made before the buttons had a parent, so it sat before them in
        # Tab's chain, where Tab never reached it once focus entered at Copy.
        QWidget.setTabOrder(self.print_button, self.check)

    @property
    def confirmed(self) -> bool:
        """Whether the person retyped the last group correctly."""
        return self._confirmed

    def copy(self) -> None:
        """Copy the code; the clipboard is cleared after 30 s if it still holds it."""
        self._clipboard.copy(self._code)
        self._say(_("Copied. It will be cleared from the clipboard in 30 seconds."))

    def save_to(self, path: Path) -> None:
        """Write the code to a text file readable only by this user."""
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(_(SHEET_TEXT).format(code=self._code))
        self._say(_("Saved. Move the file somewhere safe, away from this computer."))

    def print_to(self, printer: QPrinter) -> None:
        """Print the code on one page; "print to file" writes a file only this user can read."""
        from PySide6.QtGui import QFont, QTextDocument

        target = printer.outputFileName()
        if target:  # created private before Qt writes into it, so it is never readable by others
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT, 0o600))
            os.chmod(target, 0o600)
        document = QTextDocument()
        document.setDefaultFont(QFont("monospace", 14))
        document.setPlainText(_(SHEET_TEXT).format(code=self._code))
        document.print_(printer)

    @staticmethod
    def ask_save_path(parent: QWidget) -> Path | None:
        """Ask where to save; Qt's own dialog, so no desktop "recent files" list records it."""
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            _("Save the recovery code"),
            # Translators: the suggested file name; keep it a valid file name
            os.path.join(QDir.homePath(), _("TrustJournal recovery code.txt")),
            _("Text files (*.txt)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        return Path(chosen) if chosen else None

    @staticmethod
    def ask_printer(parent: QWidget) -> QPrinter | None:
        """Ask which printer to use; None when cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def _on_save_clicked(self) -> None:
        path = self.ask_save_path(self)
        if path is None:
            return
        try:
            self.save_to(path)
        except OSError:
            self._say(_("The file could not be written there. Please choose another place."))

    def _on_print_clicked(self) -> None:
        printer = self.ask_printer(self)
        if printer is not None:
            self.print_to(printer)
            self._say(_("Sent to the printer."))

    def _say(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()

    def explain_mismatch(self) -> None:
        """Say why the check is not done yet, and put the focus in the check field."""
        if self._confirmed:
            return
        typed = self.check.text()
        self._show_check(MISSING_GROUP if not _normalise(typed) else WRONG_GROUP, "error")
        self.check.setFocus(Qt.FocusReason.OtherFocusReason)
        self.check.selectAll()

    def _show_check(self, message: str, role: str) -> None:
        self.check_state.setText(_(message) if message else "")
        set_role(self.check_state, role)

    def _on_check_text_changed(self, text: str) -> None:
        typed, wanted = _normalise(text), _normalise(last_group(self._code))
        confirmed = bool(typed) and typed == wanted
        if confirmed:
            self._show_check(MATCHES, "good")
        elif len(typed) >= len(wanted):
            self._show_check(WRONG_GROUP, "error")
        else:
            self._show_check("", "hint")
        if confirmed != self._confirmed:
            self._confirmed = confirmed
            self.confirmed_changed.emit(confirmed)
