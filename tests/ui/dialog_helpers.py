"""Builders for dialog tests: a real unlocked vault, a task runner that waits to be told."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from tests.ui.shell_helpers import PASSPHRASE, fixed_clock, make_vault
from trustjournal.core.errors import WrongSecretError
from trustjournal.services.backups import BackupService
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.data.export_dialog import ExportDataDialog
from trustjournal.ui.data.import_dialog import ImportDataDialog
from trustjournal.ui.dialogs.change_passphrase import ChangePassphraseDialog
from trustjournal.ui.dialogs.new_recovery_code import NewRecoveryCodeDialog
from trustjournal.ui.events import JournalEvents
from trustjournal.ui.settings.backup_locked_restore import LockedRestoreDialog
from trustjournal.ui.settings.restore_dialog import RestoreBackupDialog
from trustjournal.ui.tasks import SynchronousTasks, Tasks

NEW_PASSPHRASE = "pebble orchard quietly humming"
D = TypeVar("D", bound=QDialog)


class HeldTasks:
    """Runs nothing until `run_all()`: the work of a dialog is still "running" in between."""

    def __init__(self) -> None:
        self.held: list[tuple[Callable[[], Any], Callable[[Any], None], Callable[..., None]]] = []

    def run_in_background(
        self, fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[..., None]
    ) -> None:
        self.held.append((fn, on_done, on_error))

    def run_all(self) -> None:
        held, self.held = self.held, []
        for fn, on_done, on_error in held:
            try:
                result = fn()
            except Exception as exc:
                on_error(exc)
            else:
                on_done(result)


class Journal:
    """A real vault in `tmp_path`, unlocked, with its old recovery code remembered."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.old_code = make_vault(directory)
        self.vault = Vault.unlock(directory, PASSPHRASE)
        self.settings = SettingsRepository(db=self.vault.db)
        self.events = JournalEvents()

    def key_file(self) -> bytes:
        return (self.directory / "vault.key").read_bytes()

    def opens_with_code(self, code: str) -> bool:
        try:
            Vault.unlock_with_recovery(self.directory, code).lock()
        except WrongSecretError:
            return False
        return True

    def opens_with_passphrase(self, passphrase: str) -> bool:
        try:
            Vault.unlock(self.directory, passphrase).lock()
        except WrongSecretError:
            return False
        return True


def recovery_dialog(journal: Journal, tasks: Tasks | None = None) -> NewRecoveryCodeDialog:
    dialog = NewRecoveryCodeDialog(
        vault=journal.vault,
        settings=journal.settings,
        tasks=tasks or SynchronousTasks(),
        clipboard=ClipboardGuard(clipboard=QGuiApplication.clipboard()),
    )
    return _shown(dialog)


def passphrase_dialog(journal: Journal, tasks: Tasks | None = None) -> ChangePassphraseDialog:
    dialog = ChangePassphraseDialog(vault=journal.vault, tasks=tasks or SynchronousTasks())
    return _shown(dialog)


def restore_dialog(journal: Journal, tasks: Tasks | None = None) -> RestoreBackupDialog:
    service = BackupService(vault=journal.vault, clock=fixed_clock)
    service.back_up_now()
    dialog = RestoreBackupDialog(
        info=service.backups()[0], service=service, tasks=tasks or SynchronousTasks()
    )
    return _shown(dialog)


def locked_restore_dialog(journal: Journal, tasks: Tasks | None = None) -> LockedRestoreDialog:
    """The unlock screen's restore, over the journal locked with one backup made."""
    BackupService(vault=journal.vault, clock=fixed_clock).back_up_now()
    journal.vault.lock()
    dialog = LockedRestoreDialog(
        vault_dir=journal.directory, tasks=tasks or SynchronousTasks(), clock=fixed_clock
    )
    return _shown(dialog)


def _shown(dialog: D) -> D:
    from PySide6.QtCore import Qt

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as Settings opens them
    dialog.open()
    return dialog


def delete_closed_dialogs() -> None:
    """Run the deletions a closed dialog asked for, as the event loop would."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def export_data_dialog(journal: Journal, tasks: Tasks | None = None) -> ExportDataDialog:
    """File → Export everything…, saving into a folder of this journal's own."""
    folder = journal.directory.parent / f"{journal.directory.name}-out"
    folder.mkdir(exist_ok=True)
    dialog = ExportDataDialog(
        vault=journal.vault, clock=fixed_clock, tasks=tasks or SynchronousTasks(), folder=folder
    )
    return _shown(dialog)


def import_data_dialog(journal: Journal, tasks: Tasks | None = None) -> ImportDataDialog:
    """File → Import…, its changes announced through a real runner."""
    from trustjournal.services.operations import Operations
    from trustjournal.ui.operations import OperationRunner

    runner = OperationRunner(
        operations=Operations(vault=journal.vault, clock=fixed_clock), events=journal.events
    )
    dialog = ImportDataDialog(
        vault=journal.vault, clock=fixed_clock, tasks=tasks or SynchronousTasks(), runner=runner
    )
    return _shown(dialog)
