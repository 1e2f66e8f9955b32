"""The first screen on a computer without a journal: what TrustJournal is, and its honest limits."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.icons import Icon, icon
from trustjournal.ui.screens.unlock import APP_NAME
from trustjournal.ui.widgets.common import (
    N_,
    PaletteIcon,
    button,
    button_row,
    card,
    centered_column,
    label,
)

INTRO = N_(
    "A private journal for the work of rebuilding trust. Check in on how you feel, note what "
    "you are grateful for, and write down what shook you and what helped. When you are ready, "
    "you choose exactly what to share with your therapist or your partner — nothing more."
)
# English here, translated by limits_card when shown (Settings › About shows CANNOT too).
PROTECTS = (
    N_(
        "Everything you write is encrypted on this computer with your passphrase. Without it, "
        "the journal's files cannot be read — not by someone who copies them, and not from "
        "another account."
    ),
    N_("It locks itself when you step away, and at any moment with Ctrl+L."),
    N_("Nothing leaves this computer: there is no account, no cloud and no internet connection."),
)
CANNOT = (
    N_(
        "Spying software or a keylogger on this computer, or whoever administers it, could see "
        "what you type."
    ),
    N_("Someone who knows your passphrase, or who sees the screen while the journal is open."),
    N_(
        "A forgotten passphrase without the recovery code: then no one can open the journal "
        "again, not even with our help."
    ),
)


def _bullets(items: tuple[str, ...]) -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(10)
    grid.setColumnStretch(1, 1)
    for row, item in enumerate(items):
        grid.addWidget(label("•", wrap=False), row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(label(_(item)), row, 1)
    return grid


def limits_card(title: str, items: tuple[str, ...], icon_name: Icon) -> QWidget:
    """A card with an icon, a heading and bullet points (also used by Settings › About).

    `title` comes translated; `items` are the English messages (PROTECTS, CANNOT), translated
    here, so a module constant shows in the language chosen after import.
    """
    frame, layout = card()
    head = QHBoxLayout()
    head.setSpacing(10)
    glyph = PaletteIcon(icon_name, 22)
    glyph.setAccessibleName(title)
    head.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
    head.addWidget(label(title, role="heading"), 1)
    layout.addLayout(head)
    layout.addLayout(_bullets(items))
    return frame


class WelcomeScreen(QWidget):
    """Says what TrustJournal protects against and what it cannot.

    Signals:
        create_requested: the person wants to create their journal.
    """

    create_requested = Signal()

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = centered_column(self, max_width=680)
        logo = QLabel()
        logo.setPixmap(icon(Icon.APP).pixmap(QSize(56, 56), self.devicePixelRatioF()))
        logo.setAccessibleName(APP_NAME)
        column.addWidget(logo)
        column.addWidget(label(_("Welcome to TrustJournal"), role="title"))
        column.addWidget(label(_(INTRO)))
        column.addWidget(limits_card(_("What it protects"), PROTECTS, Icon.SHIELD))
        column.addWidget(limits_card(_("What it cannot protect against"), CANNOT, Icon.WARNING))
        self.create_button = button(_("&Create my journal"), primary=True)
        self.create_button.clicked.connect(self.create_requested)
        column.addLayout(button_row(self.create_button))
        column.addStretch(1)
        self.setFocusProxy(self.create_button)
