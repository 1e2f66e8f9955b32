"""Where to save a summary: Qt's own file dialog, kept from remembering the place (S4).

Native dialogs add the file to the desktop's recently used list (GTK writes it to
`~/.local/share/recently-used.xbel`), which a partner at the computer can read. Qt's own
dialog keeps no such list, but saves its history and last folder into `QtProject.conf` when
it is destroyed; just before that we point it back at the home folder and empty its history,
so what it writes names neither the file nor the folder it went into.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QFileDialog, QWidget

from trustjournal.core.i18n import _
from trustjournal.services.export.log import ExportFormat


def filters() -> dict[ExportFormat, str]:
    """The save dialog's file filter for each format."""
    return {
        ExportFormat.PDF: _("PDF document (*.pdf)"),
        ExportFormat.MARKDOWN: _("Markdown text (*.md)"),
        ExportFormat.HTML: _("Web page (*.html)"),
    }


def forget_places(dialog: QFileDialog) -> None:
    """Point the dialog at the home folder and empty its history (before it is destroyed)."""
    dialog.setDirectory(QDir.homePath())
    dialog.setHistory([])


class SaveSummaryDialog:
    """The save dialog of the Share page; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str, file_format: ExportFormat) -> Path | None:
        """Ask where to save; None if the person cancelled.

        Args:
            parent: the window to centre on.
            suggested: the proposed file name, e.g. "summary-2026-03-14.pdf".
            file_format: which kind of file will be written (sets the filter and suffix).
        """
        dialog = QFileDialog(parent, _("Save the summary"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(filters()[file_format])
        dialog.setDefaultSuffix(file_format.value)
        dialog.setDirectory(QDir.homePath())
        dialog.setHistory([])
        dialog.selectFile(suggested)
        try:
            accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
            chosen = dialog.selectedFiles() if accepted else []
        finally:
            forget_places(dialog)
            shiboken6.delete(dialog)  # now, so it saves its settings after they were emptied
        return Path(chosen[0]) if chosen else None
