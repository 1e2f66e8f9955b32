"""Restoring a backup from the unlock screen, when the journal itself cannot be opened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from trustjournal.core.i18n import N_, _
from trustjournal.services.backups import BackupInfo
from trustjournal.services.backups_found import (
    FoundBackups,
    SecretsOfBackup,
    default_folder,
    find_backups,
    restore_over_locked,
    secrets_of,
)
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.dialogs.work_footer import work_footer
from trustjournal.ui.errors import describe
from trustjournal.ui.icons import Icon
from trustjournal.ui.settings.backup_words import SECRET_NOTES, size_text, when_text
from trustjournal.ui.settings.backups_section import BackupFolderDialog
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.widgets.common import button, button_row, field_label, label
from trustjournal.ui.widgets.password_field import PasswordField

EXPLAIN = N_(
    "Choose a backup to put in your journal's place. What is there now is kept first, "
    "as a backup of its own, so nothing is lost."
)


class LockedRestoreDialog(KeyedDialog):
    """Lists the backups in a folder and restores the chosen one over a locked journal.

    The list and the restore run off the UI thread; a result that arrives after the dialog
    closed is dropped. Enter is "Restore" (or says what is missing); Escape cancels, except
    while a restore runs, so its outcome is reported.

    Signals:
        outcome(str): what happened, in words, once the backup is in place.
    """

    outcome = Signal(str)

    def __init__(
        self,
        *,
        vault_dir: Path,
        tasks: Tasks,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault_dir = vault_dir
        self._tasks = tasks
        self._clock = clock
        self._busy = False
        self._folder = default_folder(vault_dir)
        self.setWindowTitle(_("Restore from a backup"))
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(_("Restore from a backup"), role="heading"))
        layout.addWidget(label(_(EXPLAIN), role="hint"))
        self._add_list(layout)
        self.secret = PasswordField(accessible_name=_("Passphrase or recovery code"), parent=self)
        layout.addWidget(field_label(_("&Passphrase or recovery code"), self.secret))
        layout.addWidget(self.secret)
        self.secret_note = label(role="hint")
        self.secret_note.hide()
        layout.addWidget(self.secret_note)
        self.error, self.progress, self.cancel_button, self.ok_button = work_footer(
            self, layout, working=_("Restoring the backup"), action=_("&Restore")
        )
        self.ok_button.clicked.connect(self._on_ok_clicked)
        self.secret.textChanged.connect(self._update_ok)
        self.backups.currentItemChanged.connect(self._on_selection)
        self._look_in(self._folder)
        self.backups.setFocus()

    def _add_list(self, layout: QVBoxLayout) -> None:
        self.backups = QListWidget(self)
        self.backups.setAccessibleName(_("Backups"))
        self.backups.setMinimumHeight(90)
        self.backups.setMaximumHeight(140)  # a few rows; it scrolls, and the dialog fits 600 px
        self.folder_label = label(role="hint")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(field_label(_("&Backups"), self.backups))
        layout.addWidget(self.backups)
        layout.addWidget(self.folder_label)
        self.folder_button = button(_("Choose another &folder…"), icon_name=Icon.FOLDER)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        folder_row = button_row(self.folder_button, stretch_first=False)
        folder_row.addStretch(1)
        layout.addLayout(folder_row)

    @property
    def is_busy(self) -> bool:
        """Whether a restore is running."""
        return self._busy

    @property
    def folder(self) -> Path:
        """The folder whose backups are listed."""
        return self._folder

    def chosen(self) -> BackupInfo | None:
        """The backup selected in the list."""
        item = self.backups.currentItem()
        info = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return info if isinstance(info, BackupInfo) else None

    @property
    def is_gone(self) -> bool:
        """Whether late work must leave the dialog alone: closed, or deleted with its parent."""
        return not shiboken6.isValid(self) or self.is_finished

    def reject(self) -> None:
        """Cancel; while a restore runs, wait for it so its outcome is reported truthfully."""
        if not self._busy:
            super().reject()

    def on_enter(self) -> None:
        """Enter: act as the Restore button (nothing while it runs)."""
        if not self._busy:
            super().on_enter()

    def explain_disabled(self) -> None:
        """Enter with no backup chosen or no secret: say which is missing."""
        if self.chosen() is None:
            self.error.setText(_("Please choose a backup first."))
            self.backups.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.error.setText(_("Please enter your passphrase or recovery code."))
            self.secret.setFocus(Qt.FocusReason.OtherFocusReason)
        self.error.show()

    # --- the list --------------------------------------------------------------------------

    def _look_in(self, folder: Path) -> None:
        self._folder = folder
        self.backups.clear()
        self.folder_label.setText(_("Looking in {folder}…").format(folder=folder))
        self._update_ok()
        vault_dir = self._vault_dir
        self._tasks.run_in_background(
            lambda: find_backups(folder, vault_dir), self._on_found, self._on_list_failed
        )

    def _on_found(self, found: FoundBackups) -> None:
        if self.is_gone or found.folder != self._folder:
            return  # closed, or another folder was chosen meanwhile
        for info in found.backups:
            item = QListWidgetItem(
                _("{when} · {size}").format(
                    when=when_text(info.made_at), size=size_text(info.size_bytes)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.backups.addItem(item)
        if found.problem is not None:
            where = found.problem
        elif found.backups:
            where = _("Backups in {folder}").format(folder=found.folder)
        else:
            where = _(
                "No backups of this journal in {folder}. If you keep them elsewhere, "
                "choose that folder."
            ).format(folder=found.folder)
        self.folder_label.setText(where)
        if found.backups:
            self.backups.setCurrentRow(0)
        self._update_ok()

    def _on_list_failed(self, exc: BaseException) -> None:
        if not self.is_gone:
            self.folder_label.setText(describe(exc))

    def _on_folder_clicked(self) -> None:
        chosen = BackupFolderDialog.ask(self, self._folder)
        if chosen is not None and not self.is_gone:
            self._look_in(chosen)

    def _on_selection(self) -> None:
        info = self.chosen()
        kind = SecretsOfBackup.SAME if info is None else secrets_of(info.path, self._vault_dir)
        note = SECRET_NOTES.get(kind)  # why this backup asks for other secrets, if it does
        self.secret_note.setText(_(note) if note else "")
        self.secret_note.setVisible(bool(note))
        self._update_ok()

    # --- restoring -------------------------------------------------------------------------

    def _update_ok(self) -> None:
        ready = not self._busy and self.chosen() is not None and bool(self.secret.text())
        self.ok_button.setEnabled(ready)
        if ready:
            self.error.hide()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.secret, self.backups, self.folder_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self._update_ok()

    def _on_ok_clicked(self) -> None:
        info, secret = self.chosen(), self.secret.text()
        if self._busy or info is None or not secret:
            return
        self._set_busy(True)
        self.error.hide()
        vault_dir, clock = self._vault_dir, self._clock
        own_only = secrets_of(info.path, vault_dir) is SecretsOfBackup.OWN_ONLY
        self._tasks.run_in_background(
            lambda: restore_over_locked(info.path, vault_dir, secret, clock=clock),
            lambda _result: self._on_restored(info, own_only=own_only),
            self._on_failed,
        )

    def _on_restored(self, info: BackupInfo, *, own_only: bool) -> None:
        if self.is_gone:
            return
        self._busy = False
        self.secret.clear()
        when = when_text(info.made_at)
        if own_only:
            said = _(
                "The backup from {when} is back in place, with its own key file; what was "
                "there before is kept as a backup of its own. Unlock with the passphrase you "
                "had then."
            ).format(when=when)
        else:
            said = _(
                "The backup from {when} is back in place, and what was there before is kept "
                "as a backup of its own. Unlock your journal as usual."
            ).format(when=when)
        self.outcome.emit(said)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        if self.is_gone:
            return
        self._set_busy(False)
        self.error.setText(
            _("The backup was not restored, and your journal is as it was. {why}").format(
                why=describe(exc)
            )
        )
        self.error.show()
        self.secret.setFocus()
        self.secret.selectAll()
