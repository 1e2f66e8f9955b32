"""File → Import…: choose a file, see what it would add and leave out, then add it in the
background after a backup, announced so every page shows it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QProgressBar, QScrollArea, QVBoxLayout, QWidget

from trustjournal.core.i18n import _, ngettext
from trustjournal.services.imports import ImportPlan, describe_between
from trustjournal.services.imports_files import ArchivePassphraseNeeded
from trustjournal.services.portable_archive import ArchivePassphraseError
from trustjournal.services.portable_files import ImportPreview, preview_import
from trustjournal.store.vault import Vault
from trustjournal.ui.data.files import PathRow
from trustjournal.ui.data.import_preview import (
    MoodMapping,
    added_lines,
    format_name,
    rejected_lines,
    summary_text,
)
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.errors import describe
from trustjournal.ui.operations import OperationRunner
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.widgets.common import button, button_row, field_label, label
from trustjournal.ui.widgets.password_field import PasswordField


class ImportDataDialog(KeyedDialog):
    """Two steps: the file (and an archive's passphrase), then the preview and "Import".

    Enter is the step's default button; Escape cancels, except while the import runs (its
    outcome is then reported). Nothing changes before "Import"; a backup is made first.

    Signals:
        outcome(str): what the import did, in words.
    """

    outcome = Signal(str)

    def __init__(
        self,
        *,
        vault: Vault,
        clock: Callable[[], datetime],
        tasks: Tasks,
        runner: OperationRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault, self._clock, self._tasks, self._runner = vault, clock, tasks, runner
        self._busy = False
        self._importing = False
        self._preview: ImportPreview | None = None
        self.mapping: MoodMapping | None = None
        self.setWindowTitle(_("Import"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(label(_("Bring entries into your journal"), role="heading"))
        self.intro = label(
            _(
                "From a TrustJournal export or encrypted archive, or a Daylio CSV export. "
                "You see what would be added before anything changes, and entries already in "
                "your journal are skipped."
            ),
            role="hint",
        )
        layout.addWidget(self.intro)
        self.source = PathRow(
            accessible_name=_("File to import"),
            title=_("Import"),
            save=False,
            name_filter=_("Exports (*.json *.zip *.csv);;All files (*)"),
        )
        self.source_label = field_label(_("&File to import"), self.source.field)
        layout.addWidget(self.source_label)
        layout.addWidget(self.source)
        self.passphrase = PasswordField(accessible_name=_("Passphrase of the archive"))
        self.passphrase_label = field_label(_("&Passphrase of the archive"), self.passphrase)
        layout.addWidget(self.passphrase_label)
        layout.addWidget(self.passphrase)
        self.passphrase_label.hide()  # until the file turns out to be an archive
        self.passphrase.hide()
        layout.addWidget(self._build_preview_area(), 1)
        self.error = label(role="error")
        self.error.setAccessibleName(_("Message"))
        self.status = label(role="hint")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(_("Importing"))
        for shown in (self.error, self.status, self.progress):
            layout.addWidget(shown)
        self.back_button = button(_("&Back"))
        self.back_button.clicked.connect(self._show_file_step)
        self.cancel_button = button(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.preview_button = button(_("&Preview"), primary=True)
        self.preview_button.clicked.connect(self._on_preview_clicked)
        self.import_button = button(_("&Import"), primary=True)
        self.import_button.clicked.connect(self._on_import_clicked)
        layout.addLayout(
            button_row(
                self.back_button, self.cancel_button, self.preview_button, self.import_button
            )
        )
        self.source.field.textChanged.connect(self._update_buttons)
        self._show_file_step()

    def _build_preview_area(self) -> QScrollArea:
        self.what = label(role="heading")
        self.summary = label()
        self.details = label(role="hint")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body = QWidget()
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(0, 0, 0, 0)
        for part in (self.what, self.summary, self.details):
            self._body.addWidget(part)
        self._body.addStretch(1)
        self.preview_area = QScrollArea(self)
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setWidget(body)
        self.preview_area.setMinimumHeight(160)
        self.preview_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # scrolled by keys
        return self.preview_area

    @property
    def is_busy(self) -> bool:
        """Whether the file is being read or imported."""
        return self._busy

    def reject(self) -> None:
        """Cancel; while importing, wait for it so its outcome is reported truthfully (a file
        still being read is simply forgotten)."""
        if not self._importing:
            super().reject()

    def on_enter(self) -> None:
        """Enter: the step's default button (nothing while work runs)."""
        if not self._busy:
            super().on_enter()

    def explain_disabled(self) -> None:
        """Say what is missing."""
        if self._preview is None:
            self._show_error(_("Please choose the file to import."), self.source.field)
        else:
            self._show_error(_("Everything in this file is already in your journal."))

    def _show_error(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_file_step(self) -> None:
        self._preview = None
        self.source.setVisible(True)
        self.source_label.setVisible(True)
        self.preview_area.hide()
        self.back_button.hide()
        self.import_button.hide()
        self.preview_button.show()
        self.error.hide()
        self.status.hide()
        self.progress.hide()
        needs = bool(self.passphrase.text()) or self.passphrase.isVisibleTo(self)
        self.passphrase.setVisible(needs)
        self.passphrase_label.setVisible(needs)
        self.set_default_button(self.preview_button)
        self._update_buttons()
        self.source.field.setFocus()

    def _update_buttons(self) -> None:
        self.preview_button.setEnabled(not self._busy and self.source.path() is not None)
        plan = self._preview.plan if self._preview is not None else None
        self.import_button.setEnabled(not self._busy and plan is not None and plan.adds_anything())
        self.back_button.setEnabled(not self._busy)
        self.cancel_button.setEnabled(not self._busy)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        for widget in (self.source, self.passphrase, self.preview_area):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self._update_buttons()

    def _on_preview_clicked(self) -> None:
        path = self.source.path()
        if self._busy or path is None:
            return
        self.error.hide()
        secret = self.passphrase.text() if self.passphrase.isVisibleTo(self) else None
        mood_map = self.mapping.mood_map() if self.mapping is not None else None
        vault, clock = self._vault, self._clock
        self._set_busy(True, _("Reading the file…"))
        self._tasks.run_in_background(
            lambda: preview_import(vault, path, clock=clock, passphrase=secret, mood_map=mood_map),
            self._on_previewed,
            self._on_preview_failed,
        )

    def _on_preview_failed(self, exc: BaseException) -> None:
        if self.is_finished:
            return
        self._set_busy(False)
        if isinstance(exc, ArchivePassphraseNeeded | ArchivePassphraseError):
            self.passphrase.show()
            self.passphrase_label.show()
            self._show_error(describe(exc), self.passphrase)
            self.passphrase.selectAll()
            return
        self._show_error(describe(exc), self.source.field)

    def _on_previewed(self, preview: ImportPreview) -> None:
        if self.is_finished:
            return
        self._set_busy(False)
        self._preview = preview
        encrypted = self.passphrase.isVisibleTo(self) and bool(self.passphrase.text())
        self.what.setText(format_name(preview.parsed.kind, encrypted=encrypted))
        self.summary.setText(summary_text(preview))
        lines = added_lines(preview)
        if preview.plan.rejected:
            lines += ["", *rejected_lines(preview)]
        self.details.setText("\n".join(lines))
        if self.mapping is not None:
            self.mapping.deleteLater()
            self.mapping = None
        if preview.own_moods:
            self.mapping = MoodMapping(preview.own_moods)
            self._body.insertWidget(3, self.mapping)
        plan = preview.plan
        count = len(plan.to_add)
        if plan.rejected:
            text = ngettext("&Import the {count} readable entry",
                            "&Import the {count} readable entries", count)  # fmt: skip
        elif count == 0 and plan.adds_anything():  # only homework, goals or progress are new
            text = _("&Import")
        else:
            text = ngettext("&Import {count} entry", "&Import {count} entries", count)
        self.import_button.setText(text.format(count=count))
        self.source.hide()
        self.source_label.hide()
        self.passphrase.hide()
        self.passphrase_label.hide()
        self.preview_area.show()
        self.preview_button.hide()
        self.back_button.show()
        self.import_button.show()
        self.set_default_button(self.import_button)
        self._update_buttons()
        self.resize(max(self.width(), self.sizeHint().width()), self.height())  # long words
        # With nothing to add, Enter on the preview says so (the Back button would go back).
        (self.import_button if self.import_button.isEnabled() else self.preview_area).setFocus()

    def _on_import_clicked(self) -> None:
        preview = self._preview
        if self._busy or preview is None or not preview.plan.adds_anything():
            return
        mood_map = self.mapping.mood_map() if self.mapping is not None else {}
        text = preview.text
        self._importing = True
        self._set_busy(True, _("Keeping a backup, then adding the entries…"))
        self._runner.run_in_background(
            lambda ops: ops.import_file(text, mood_map),
            tasks=self._tasks,
            on_done=self._on_imported,
            on_error=self._on_import_failed,
        )

    def _on_imported(self, plan: ImportPlan) -> None:
        self._importing = False
        if self.is_finished:
            return
        self._set_busy(False)
        added = len(plan.to_add)
        text = ngettext(
            "Added {count} entry. A backup of your journal was kept first.",
            "Added {count} entries. A backup of your journal was kept first.",
            added,
        ).format(count=added)
        if plan.between is not None and plan.between.adds_anything():
            text += " " + describe_between(plan.between, dry_run=False)
        self.outcome.emit(text)
        self.status.setText(text)
        self.status.show()
        for widget in (self.back_button, self.import_button):
            widget.hide()
        self.cancel_button.setText(_("&Close"))
        self.set_default_button(self.cancel_button)
        self.cancel_button.setFocus()

    def _on_import_failed(self, exc: BaseException) -> None:
        self._importing = False
        if self.is_finished:
            return
        self._set_busy(False)
        self._show_error(_("Nothing was imported. {why}").format(why=describe(exc)))

    def chosen_path(self) -> Path | None:
        """The file chosen (for tests and the menu)."""
        return self.source.path()
