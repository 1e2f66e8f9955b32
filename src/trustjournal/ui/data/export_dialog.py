"""File → Export everything…: the whole journal as one open JSON file, or an encrypted archive,
written off the UI thread with progress, and stoppable without leaving a file behind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QRadioButton, QVBoxLayout, QWidget

from trustjournal.core.i18n import _, ngettext
from trustjournal.services.portable_archive import KDF_NOTE
from trustjournal.services.portable_files import ExportProgress, ExportStopped, export_vault
from trustjournal.store.vault import Vault
from trustjournal.ui.data.files import PathRow
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.errors import describe
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.widgets.common import button, button_row, field_label, label
from trustjournal.ui.widgets.password_field import PasswordField


def not_encrypted_warning() -> str:
    """The warning beside the plain JSON choice."""
    return _(
        "This file is not encrypted. Anyone who opens it can read every word you have "
        "written. Keep it somewhere only you can reach, and delete it when you no longer "
        "need it."
    )


class ExportDataDialog(KeyedDialog):
    """Asks where and how to write everything, then writes it in the background.

    Enter is "Export"; Escape cancels, or while the file is being written stops it (the
    dialog stays to say that nothing was saved). A lock closes the dialog and stops the work.

    Signals:
        outcome(str): what happened, in words (saved where, or stopped).
    """

    outcome = Signal(str)

    def __init__(
        self,
        *,
        vault: Vault,
        clock: Callable[[], datetime],
        tasks: Tasks,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault, self._clock, self._tasks = vault, clock, tasks
        self._progress: ExportProgress | None = None
        self.setWindowTitle(_("Export everything"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(label(_("Export your whole journal"), role="heading"))
        layout.addWidget(
            label(
                _(
                    "Every entry (private ones and those in the bin, marked as such), your own "
                    "words, the settings that matter and the record of what you shared, in one "
                    "open, documented file that you can keep or bring into another journal."
                ),
                role="hint",
            )
        )
        self.plain_choice = QRadioButton(_("An open &JSON file, not encrypted"), self)
        self.archive_choice = QRadioButton(_("An &encrypted archive (AES-256 ZIP)"), self)
        self.plain_choice.setChecked(True)
        layout.addWidget(self.plain_choice)
        layout.addWidget(self.archive_choice)
        self.warning = label(not_encrypted_warning(), role="warning")
        layout.addWidget(self.warning)
        self.kdf_note = label(_(KDF_NOTE), role="hint")
        layout.addWidget(self.kdf_note)
        self.passphrase = PasswordField(accessible_name=_("Passphrase for the archive"))
        self.passphrase_label = field_label(_("&Passphrase for the archive"), self.passphrase)
        self.repeat = PasswordField(accessible_name=_("The passphrase once more"))
        self.repeat_label = field_label(_("The passphrase &once more"), self.repeat)
        for widget in (self.passphrase_label, self.passphrase, self.repeat_label, self.repeat):
            layout.addWidget(widget)
        self.target = PathRow(
            accessible_name=_("Save to"),
            title=_("Export everything"),
            save=True,
            name_filter=_("JSON or ZIP file (*.json *.zip)"),
        )
        stem = f"trustjournal-{clock().date().isoformat()}"
        self.target.field.setText(str(folder / f"{stem}.json"))
        layout.addWidget(field_label(_("&Save to"), self.target.field))
        layout.addWidget(self.target)
        self.error = label(role="error")
        self.error.setAccessibleName(_("Message"))
        self.status = label(role="hint")
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(_("Writing the export"))
        for shown in (self.error, self.status, self.progress):
            shown.hide()
            layout.addWidget(shown)
        layout.addStretch(1)
        self.cancel_button = button(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.export_button = button(_("E&xport"), primary=True)
        self.export_button.clicked.connect(self._on_export_clicked)
        layout.addLayout(button_row(self.cancel_button, self.export_button))
        self.set_default_button(self.export_button)
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._show_progress)
        self.archive_choice.toggled.connect(self._on_choice_toggled)
        for field in (self.passphrase, self.repeat, self.target.field):
            field.textChanged.connect(self._update_export)
        self._on_choice_toggled(False)
        self.target.field.setFocus()

    @property
    def is_busy(self) -> bool:
        """Whether the export is being written."""
        return self._progress is not None

    def reject(self) -> None:
        """Cancel; while writing, stop the work and stay to say how it ended."""
        if self._progress is not None:
            self._progress.stop.set()
            self.status.setText(_("Stopping…"))
            return
        super().reject()

    def done(self, result: int) -> None:
        """Closed (also by a lock): whatever is being written is stopped and removed."""
        if self._progress is not None:
            self._progress.stop.set()
        self._timer.stop()
        super().done(result)

    def on_enter(self) -> None:
        """Enter: export, unless it is already being written."""
        if self._progress is None:
            super().on_enter()

    def explain_disabled(self) -> None:
        """Say what is missing before the export can start."""
        if self.target.path() is None:
            self._show_error(_("Please choose where to save the file."), self.target.field)
        elif not self.passphrase.text():
            self._show_error(_("Please choose a passphrase for the archive."), self.passphrase)
        else:
            self._show_error(_("Please type the passphrase once more."), self.repeat)

    def _encrypted(self) -> bool:
        return self.archive_choice.isChecked()

    def _on_choice_toggled(self, _checked: bool) -> None:
        encrypted = self._encrypted()
        self.warning.setVisible(not encrypted)
        for widget in (
            self.kdf_note, self.passphrase_label, self.passphrase, self.repeat_label, self.repeat
        ):  # fmt: skip
            widget.setVisible(encrypted)
        path = self.target.path()
        old, new = (".json", ".zip") if encrypted else (".zip", ".json")
        if path is not None and path.suffix.lower() == old:
            self.target.field.setText(str(path.with_suffix(new)))
        self._update_export()

    def _update_export(self) -> None:
        ready = self.target.path() is not None and (
            not self._encrypted() or bool(self.passphrase.text() and self.repeat.text())
        )
        self.export_button.setEnabled(self._progress is None and ready)
        if ready:
            self.error.hide()

    def _show_error(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_export_clicked(self) -> None:
        target = self.target.path()
        if self._progress is not None or target is None:
            return
        secret = self.passphrase.text() if self._encrypted() else None
        if secret is not None and secret != self.repeat.text():
            self._show_error(_("The two passphrases are not the same."), self.repeat)
            return
        if target.exists():
            self._show_error(
                _("There is already a file with that name; choose another, so nothing is lost."),
                self.target.field,
            )
            return
        if not target.parent.is_dir():
            self._show_error(_("That folder does not exist."), self.target.field)
            return
        self.error.hide()
        self._set_busy(ExportProgress())
        progress, vault, clock = self._progress, self._vault, self._clock

        def work() -> int:
            return export_vault(vault, target, clock=clock, passphrase=secret, progress=progress)

        self._tasks.run_in_background(
            work, lambda count: self._on_written(count, target), self._on_failed
        )

    def _set_busy(self, progress: ExportProgress | None) -> None:
        self._progress = progress
        busy = progress is not None
        for widget in (
            self.plain_choice, self.archive_choice, self.passphrase, self.repeat, self.target
        ):  # fmt: skip
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.status.setVisible(busy)
        self.status.setText(_("Writing your journal to the file…") if busy else "")
        self.cancel_button.setText(_("&Stop") if busy else _("Cancel"))
        if busy:
            self._timer.start()
            self.cancel_button.setFocus()
        else:
            self._timer.stop()
        self._update_export()

    def _show_progress(self) -> None:
        progress = self._progress
        if progress is not None and progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)

    def _on_written(self, count: int, target: Path) -> None:
        if self.is_finished:
            return
        self._set_busy(None)
        self.passphrase.clear()
        self.repeat.clear()
        text = ngettext(
            "Saved {count} entry in {name}.", "Saved {count} entries in {name}.", count
        ).format(count=count, name=target.name)
        self._finish(text)

    def _on_failed(self, exc: BaseException) -> None:
        if self.is_finished:
            return
        self._set_busy(None)
        if isinstance(exc, ExportStopped):
            self._finish(_("Stopped. Nothing was saved."))
            return
        self._show_error(_("Nothing was saved. {why}").format(why=describe(exc)))

    def _finish(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        self.outcome.emit(text)
        self.export_button.hide()
        self.cancel_button.setText(_("&Close"))
        self.cancel_button.setEnabled(True)
        self.set_default_button(self.cancel_button)
        self.cancel_button.setFocus()
