"""The foot of a dialog that runs slow work: its message line, a busy bar, Cancel and the action."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout

from trustjournal.core.i18n import _
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.widgets.common import button, button_row, label


def work_footer(
    dialog: KeyedDialog, layout: QVBoxLayout, *, working: str, action: str
) -> tuple[QLabel, QProgressBar, QPushButton, QPushButton]:
    """Add the message line (hidden), a busy bar named `working` (hidden), Cancel (which
    calls `reject`) and the `action` button (disabled, and the one Enter presses) to `layout`.

    Returns:
        The message line, the busy bar, Cancel and the action button, for the dialog to wire.
    """
    error = label(role="error")
    error.setAccessibleName(_("Message"))
    error.hide()
    layout.addWidget(error)
    progress = QProgressBar(dialog)
    progress.setRange(0, 0)
    progress.setTextVisible(False)
    progress.setAccessibleName(working)
    progress.hide()
    layout.addWidget(progress)
    cancel = button(_("Cancel"))
    cancel.clicked.connect(dialog.reject)
    ok = button(action, primary=True)
    ok.setEnabled(False)
    layout.addLayout(button_row(cancel, ok))
    dialog.set_default_button(ok)
    return error, progress, cancel, ok
