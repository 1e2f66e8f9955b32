"""Who or what a gratitude is about: a row of buttons, at most one chosen, none allowed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

from trustjournal.core.entries import About
from trustjournal.core.i18n import _
from trustjournal.core.wording import ABOUT_WORDS
from trustjournal.services.gratitude import about_label

# The width the row may take: a gratitude card's inside at the window's smallest (800×600).
ONE_ROW_ROOM = 440
CHOICE_STYLE = (
    "QPushButton { padding: 4px 9px; }"
    " QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border-color: palette(highlight); }"
)


class AboutChooser(QWidget):
    """Five checkable buttons; clicking the chosen one again leaves it unsaid.

    Signals:
        changed: the choice changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # exclusive groups cannot go back to "none"
        self.buttons: dict[About, QPushButton] = {}
        self.setStyleSheet(CHOICE_STYLE)  # before measuring: it sets the buttons' padding
        for about in About:
            b = QPushButton(about_label(about), self)
            b.setCheckable(True)
            b.setAccessibleName(_("About {whom}").format(whom=ABOUT_WORDS[about]))
            self.group.addButton(b)
            self.buttons[about] = b
            b.toggled.connect(lambda on, chosen=about: self._on_toggled(chosen, on))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for b in self.buttons.values():
            b.ensurePolished()
        needed = sum(b.sizeHint().width() for b in self.buttons.values()) + 6 * (len(About) - 1)
        # One row where it fits (English); in a longer language, rows of three.
        per_row = len(About) if needed <= ONE_ROW_ROOM else 3
        for place, b in enumerate(self.buttons.values()):
            grid.addWidget(b, place // per_row, place % per_row)
        grid.setColumnStretch(per_row, 1)

    def value(self) -> About | None:
        """The chosen one, or None."""
        return next((about for about, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: About | str | None) -> None:
        """Choose `value` (None, or anything not a choice, clears)."""
        try:
            chosen = About(value) if value else None
        except ValueError:
            chosen = None
        for about, b in self.buttons.items():
            b.blockSignals(True)
            b.setChecked(about is chosen)
            b.blockSignals(False)
        self.changed.emit()

    def _on_toggled(self, about: About, on: bool) -> None:
        if on:
            for other, b in self.buttons.items():
                if other is not about and b.isChecked():
                    b.blockSignals(True)
                    b.setChecked(False)
                    b.blockSignals(False)
        self.changed.emit()
