"""File → Export everything… and File → Import…, over the session the main frame shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.session import Session


def add_data_actions(menu: QMenu, *, session: Session, window: QWidget) -> list[QAction]:
    """Add the two actions to `menu`; each opens its dialog over `window`."""
    export = QAction(_("&Export everything…"), menu)
    export.setObjectName("menuExportData")
    export.triggered.connect(lambda: open_export(session, window))
    imp = QAction(_("&Import…"), menu)
    imp.setObjectName("menuImportData")
    imp.triggered.connect(lambda: open_import(session, window))
    menu.addAction(export)
    menu.addAction(imp)
    return [export, imp]


def open_export(session: Session, window: QWidget) -> QWidget | None:
    """Open File → Export everything… (None when the journal is locked)."""
    from trustjournal.ui.data.export_dialog import ExportDataDialog

    if not session.is_open():
        return None
    dialog = ExportDataDialog(
        vault=session.vault,
        clock=session.clock,
        tasks=session.tasks,
        folder=Path(QDir.homePath()),
        parent=window,
    )
    return _show(dialog)


def open_import(session: Session, window: QWidget) -> QWidget | None:
    """Open File → Import… (None when the journal is locked)."""
    from trustjournal.ui.data.import_dialog import ImportDataDialog

    if not session.is_open():
        return None
    dialog = ImportDataDialog(
        vault=session.vault,
        clock=session.clock,
        tasks=session.tasks,
        runner=session.services.operations,
        parent=window,
    )
    return _show(dialog)


def _show(dialog: QWidget) -> QWidget:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
