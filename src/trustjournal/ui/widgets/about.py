"""About TrustJournal: the versions of everything it is built on (SQLCipher from the driver)."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QFormLayout, QWidget

from trustjournal import __version__
from trustjournal.core.i18n import _
from trustjournal.ui.widgets.common import card, label


def about_card() -> QWidget:
    """The About card: what TrustJournal is and the versions it runs on."""
    from trustjournal.store.db import cipher_version

    frame, layout = card()
    layout.addWidget(label(_("About TrustJournal"), role="heading"))
    layout.addWidget(
        label(
            _(
                "A private, encrypted journal for rebuilding trust. It has no "
                "account, no server and never connects to the internet."
            )
        )
    )
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(24)
    for name, version in (
        ("TrustJournal", __version__),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        ("SQLCipher", cipher_version() or _("missing")),
        ("Python", platform.python_version()),
    ):
        value = label(version, wrap=False)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(label(name, role="hint", wrap=False), value)
    layout.addLayout(form)
    return frame
