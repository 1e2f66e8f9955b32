"""Asks before a backup replaces the journal: what happens, and the passphrase that allows it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from trustjournal.core.i18n import N_, _
from trustjournal.services.backups import (
    BackupInfo,
    BackupService,
    require_passphrase_for,
    restore,
)
from trustjournal.services.backups_found import secrets_of
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.dialogs.work_footer import work_footer
from trustjournal.ui.errors import describe
from trustjournal.ui.settings.backup_words import SECRET_NOTES, when_text
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.widgets.common import field_label, label
from trustjournal.ui.widgets.password_field import PasswordField

EXPLAIN = N_(
    "What your journal holds now is kept first, as a backup of its own, so nothing is lost. "
    "Then TrustJournal locks, puts this backup in its place, and you unlock it as usual. "
    "Your current passphrase and recovery code keep working."
)
NEED_PASSPHRASE = N_(
    "Please enter your passphrase (or the one you used when this backup was made)."
)


class RestoreBackupDialog(KeyedDialog):
    """Confirms a restore: first a backup of now, and the passphrase checked, off the UI thread.

    Accepted once both are done; the page then locks and restores (`confirmed` says what).
    Enter is "Restore and lock" (or, with no passphrase, says it is needed); Escape cancels,
    except while the work runs, so its outcome is reported.

    Signals:
        confirmed(object, str): the `BackupInfo` to restore and the passphrase that allows it.
        outcome(str): what happened, in words, once the restore can go ahead.
    """

    confirmed = Signal(object, str)
    outcome = Signal(str)

    def __init__(
        self,
        *,
        info: BackupInfo,
        service: BackupService,
        tasks: Tasks,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._info = info
        self._service = service
        self._tasks = tasks
        self._busy = False
        self.setWindowTitle(_("Restore a backup"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(
            label(
                _("Restore the backup from {when}?").format(when=when_text(info.made_at)),
                role="heading",
            )
        )
        layout.addWidget(label(_(EXPLAIN), role="hint"))
        note = SECRET_NOTES.get(secrets_of(info.path, service.journal_directory))
        self.secret_note = label(_(note) if note else "", role="hint")
        self.secret_note.setVisible(bool(note))  # why this backup may ask for another secret
        layout.addWidget(self.secret_note)
        self.passphrase = PasswordField(accessible_name=_("Passphrase"), parent=self)
        layout.addWidget(field_label(_("&Passphrase"), self.passphrase))
        layout.addWidget(self.passphrase)
        self.error, self.progress, self.cancel_button, self.ok_button = work_footer(
            self,
            layout,
            working=_("Keeping a backup of your journal as it is now"),
            action=_("Restore and &lock"),
        )
        self.ok_button.clicked.connect(self._on_ok_clicked)
        self.passphrase.textChanged.connect(self._update_ok)
        self.passphrase.setFocus()

    @property
    def is_busy(self) -> bool:
        """Whether the backup of now or the passphrase check is running."""
        return self._busy

    def reject(self) -> None:
        """Cancel; while the work runs, wait for it so its outcome is reported truthfully."""
        if not self._busy:
            super().reject()

    def on_enter(self) -> None:
        """Enter in the field: act as the button (nothing while the work runs)."""
        if not self._busy:
            super().on_enter()

    def explain_disabled(self) -> None:
        """Enter with no passphrase: say it is needed."""
        self.error.setText(_(NEED_PASSPHRASE))
        self.error.show()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self._busy and bool(self.passphrase.text()))
        if self.ok_button.isEnabled():
            self.error.hide()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.passphrase.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self._update_ok()

    def _on_ok_clicked(self) -> None:
        passphrase = self.passphrase.text()
        if self._busy or not passphrase:
            return
        self._set_busy(True)
        self.error.hide()
        self._tasks.run_in_background(
            _prepare(self._service, self._info, passphrase), self._on_ready, self._on_failed
        )

    def _on_ready(self, _result: object) -> None:
        if self.is_finished:
            return  # closed by a lock: the journal is as it was
        self._busy = False
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        self.outcome.emit(_("Your journal as it is now has a backup. Locking to restore…"))
        self.accept()
        self.confirmed.emit(self._info, passphrase)

    def _on_failed(self, exc: BaseException) -> None:
        if self.is_finished:
            return
        self._set_busy(False)
        self.error.setText(describe(exc))
        self.error.show()
        self.passphrase.setFocus()
        self.passphrase.selectAll()


def _prepare(service: BackupService, info: BackupInfo, passphrase: str) -> Callable[[], None]:
    """The work before a restore: the passphrase checked, then a backup of the journal now."""
    directory = service.journal_directory

    def work() -> None:
        require_passphrase_for(info.path, directory, passphrase)
        # Also means no automatic backup is due as the journal locks, so none holds it open.
        service.back_up_now(spare=info.path)  # the same day's rule must not remove `info`

    return work


def restore_after_lock(
    *,
    info: BackupInfo,
    passphrase: str,
    vault_directory: Path,
    lock: Callable[[], None],
    clock: Callable[[], datetime],
    window: QWidget,
) -> None:
    """Lock, then put the backup in place, and say on the unlock screen how it went.

    The restore runs on the UI thread behind the unlock screen, on purpose: until it is done
    nobody can unlock the journal it is replacing. The passphrase was checked and the journal's
    present state backed up before (`RestoreBackupDialog`); the store keeps the replaced file
    as `backups/before-restore-…` too, so there is never a moment with neither.
    """
    lock()
    try:
        restore(info.path, vault_directory, passphrase, clock=clock)
    except Exception as exc:
        message = _("The backup was not restored, and your journal is as it was. {why}").format(
            why=describe(exc)
        )
    else:
        message = _("The backup from {when} is back in place. Unlock it as usual.").format(
            when=when_text(info.made_at)
        )
    from trustjournal.ui.screens.unlock import UnlockScreen

    screen = window.findChild(UnlockScreen)
    if screen is not None:
        screen.note.setText(message)
        screen.note.show()
