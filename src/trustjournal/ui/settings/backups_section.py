"""Settings: backups — the folder, the rule, "Back up now", and the list with Check and Restore."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.i18n import _
from trustjournal.services.backups import BackupInfo, BackupService
from trustjournal.ui.check_row import check_row
from trustjournal.ui.errors import describe
from trustjournal.ui.icons import Icon
from trustjournal.ui.session import Session
from trustjournal.ui.settings.backup_words import (
    entries_text,
    rule_text,
    size_text,
    summary_text,
    when_text,
)
from trustjournal.ui.share.save_dialog import forget_places
from trustjournal.ui.widgets.common import button, fitting_button_row, label


class BackupFolderDialog:
    """The folder chooser for backups; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, current: Path) -> Path | None:
        """Ask for a folder, starting at `current`; None if the person cancelled."""
        dialog = QFileDialog(parent, _("Choose a folder for backups"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(str(current) if current.is_dir() else QDir.homePath())
        dialog.setHistory([])
        try:
            accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
            chosen = dialog.selectedFiles() if accepted else []
        finally:
            forget_places(dialog)
            shiboken6.delete(dialog)
        return Path(chosen[0]) if chosen else None


class BackupsSection(QFrame):
    """The Settings card for backups. Copying, listing and checking run on the session's tasks.

    Signals:
        restore_asked(object): the person asked to restore this `BackupInfo`.
    """

    restore_asked = Signal(object)

    def __init__(
        self, *, session: Session, room: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._service = BackupService(vault=session.vault, clock=session.clock)
        self._backups: list[BackupInfo] = []
        self._busy = False
        self._listed = False
        self.setProperty("card", True)
        layout = QVBoxLayout(self)  # the look and padding of `common.card`
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(label(_("Backups"), role="heading"))
        layout.addWidget(
            label(
                _(
                    "When you lock or close TrustJournal after writing, it keeps a copy of "
                    "your journal, at most once a day. A backup stays encrypted: it opens only "
                    "with your passphrase or recovery code, so it may live on another disk "
                    "or in a synced folder."
                ),
                role="hint",
            )
        )
        self._add_settings(layout, room)
        self._add_list(layout)
        self._show_selection_state()

    def _add_settings(self, layout: QVBoxLayout, room: int | None) -> None:
        self.automatic_check, automatic = check_row(_("Make &backups automatically"))
        self.automatic_check.setChecked(self._service.automatic())
        self.automatic_check.toggled.connect(self._service.set_automatic)
        layout.addLayout(automatic)
        layout.addWidget(label(rule_text()))
        self.folder_label = label(str(self._service.folder()))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName(_("Backup folder"))
        layout.addWidget(self.folder_label)
        self.folder_error = label(role="error")
        self.folder_error.hide()
        layout.addWidget(self.folder_error)
        self.summary = label(_("Looking at the backups…"))
        layout.addWidget(self.summary)
        self.choose_button = button(_("C&hoose folder…"), icon_name=Icon.FOLDER)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.now_button = button(_("Back &up now"))
        self.now_button.clicked.connect(self.back_up_now)
        layout.addLayout(
            fitting_button_row(
                room or 10_000, self.choose_button, self.now_button, stretch_first=False
            )
        )

    def _add_list(self, layout: QVBoxLayout) -> None:
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(3)
        # No header: each cell says what it is ("2 entries", "0.1 MB"), and a header would
        # be one more stop for Tab that does nothing a person needs.
        self.table.setHeaderHidden(True)
        self.table.setAccessibleName(_("Backups"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(130)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.itemSelectionChanged.connect(self._show_selection_state)
        layout.addWidget(self.table)
        self.check_button = button(_("Chec&k"))
        self.check_button.clicked.connect(self.check_selected)
        self.restore_button = button(_("R&estore…"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        # Progress and outcome under the buttons, where the person just pressed one.
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(_("Making a backup"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = label()
        self.status.hide()
        layout.addWidget(self.status)

    # --- what is shown ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """List the backups the first time the card is shown (each is opened to count)."""
        super().showEvent(event)
        if not self._listed:
            self.refresh()

    def refresh(self) -> None:
        """List the backups again, in the background."""
        self._listed = True
        self._session.tasks.run_in_background(
            self._service.backups, self._show_backups, self._on_list_failed
        )

    @property
    def service(self) -> BackupService:
        """The backups of the open journal."""
        return self._service

    def selected(self) -> BackupInfo | None:
        """The backup chosen in the list, if any."""
        items = self.table.selectedItems()
        row = self.table.indexOfTopLevelItem(items[0]) if items else -1
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def clear(self) -> None:
        """Forget what was listed (the journal locked)."""
        self._backups = []
        self.table.clear()

    def _show_backups(self, backups: object) -> None:
        assert isinstance(backups, list)
        self._backups = backups
        self.table.clear()
        for info in backups:
            item = QTreeWidgetItem(
                [when_text(info.made_at), entries_text(info.entries), size_text(info.size_bytes)]
            )
            if info.problem:
                item.setToolTip(1, info.problem)
            self.table.addTopLevelItem(item)
        for column in range(2):  # the last column stretches to the edge
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 16)  # air
        self.summary.setText(summary_text(backups))
        self._show_selection_state()

    def _on_list_failed(self, exc: BaseException) -> None:
        self.summary.setText(describe(exc))

    def _show_selection_state(self) -> None:
        chosen = self.selected() is not None
        self.check_button.setEnabled(chosen and not self._busy)
        self.restore_button.setEnabled(chosen and not self._busy)

    def _say(self, text: str, *, role: str) -> None:
        self.status.setProperty("role", role)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.status.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.now_button.setEnabled(not busy)
        self.choose_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self._show_selection_state()

    # --- actions ---------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Make a backup now, in the background, with progress shown while it runs."""
        if self._busy:
            return
        self._set_busy(True)
        self.status.hide()
        self._session.tasks.run_in_background(
            self._service.back_up_now, self._on_backed_up, self._on_failed
        )

    def check_selected(self) -> None:
        """Open the chosen backup read-only with the key and run the full integrity check."""
        info = self.selected()
        if info is None or self._busy:
            return
        self._set_busy(True)
        self.status.hide()
        self._session.tasks.run_in_background(
            lambda: self._service.check(info.path), self._on_checked, self._on_failed
        )

    def _on_backed_up(self, _folder: object) -> None:
        self._set_busy(False)
        self._say(_("A backup was made just now."), role="good")
        self.refresh()

    def _on_checked(self, entries: object) -> None:
        self._set_busy(False)
        assert isinstance(entries, int)
        self._say(
            _("This backup is sound: it opens with your key and holds {entries}.").format(
                entries=entries_text(entries)
            ),
            role="good",
        )

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._say(describe(exc), role="error")

    def _on_choose_clicked(self) -> None:
        chosen = BackupFolderDialog.ask(self, self._service.folder())
        if chosen is None or not self._session.is_open():
            return
        try:
            self._service.set_folder(chosen)
        except Exception as exc:
            self.folder_error.setText(describe(exc))
            self.folder_error.show()
            return
        self.folder_error.hide()
        self.folder_label.setText(str(self._service.folder()))
        self.refresh()

    def _on_restore_clicked(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore_asked.emit(info)
