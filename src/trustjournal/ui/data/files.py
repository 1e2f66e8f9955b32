"""Where to write an export or what file to import: a path field with Qt's own file dialog,
which is kept from remembering the place (see ui/share/save_dialog.py, S4)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.share.save_dialog import forget_places
from trustjournal.ui.widgets.common import button


def ask_file(parent: QWidget, *, title: str, current: str, save: bool, name_filter: str) -> str:
    """Qt's own file dialog; the chosen path, or "" if the person cancelled."""
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    mode = QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    dialog.setAcceptMode(mode)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(name_filter)
    dialog.setHistory([])
    start = Path(current).expanduser() if current else Path(QDir.homePath())
    dialog.setDirectory(str(start.parent if save or start.is_file() else start))
    if save:
        dialog.selectFile(start.name)
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        chosen = dialog.selectedFiles() if accepted else []
    finally:
        forget_places(dialog)
        shiboken6.delete(dialog)  # now, so it saves its settings after they were emptied
    return chosen[0] if chosen else ""


class PathRow(QWidget):
    """A path field and a "Choose…" button beside it."""

    def __init__(
        self, *, accessible_name: str, title: str, save: bool, name_filter: str,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._title, self._save, self._filter = title, save, name_filter
        self.field = QLineEdit(self)
        self.field.setAccessibleName(accessible_name)
        self.choose_button = button(_("C&hoose…"))
        self.choose_button.clicked.connect(self._on_choose_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.choose_button)

    def path(self) -> Path | None:
        """The path typed or chosen (None while the field is empty)."""
        text = self.field.text().strip()
        return Path(text).expanduser() if text else None

    def _on_choose_clicked(self) -> None:
        chosen = ask_file(
            self, title=self._title, current=self.field.text(), save=self._save,
            name_filter=self._filter,
        )  # fmt: skip
        if chosen:
            self.field.setText(chosen)
            self.field.setFocus()
