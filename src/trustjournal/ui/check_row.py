"""A check box whose words wrap: a QCheckBox never wraps, and longer languages need room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel


class _ClickLabel(QLabel):
    """The box's words: a click on them ticks the box, as a click on a QCheckBox's text does."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.click()
        super().mouseReleaseEvent(event)


def check_row(text: str) -> tuple[QCheckBox, QHBoxLayout]:
    """A check box and its words beside it, wrapped when the line is too narrow; lay the row
    out with addLayout. The words keep their & mnemonic: it puts the focus on the box (Space
    then ticks it)."""
    box = QCheckBox()
    box.setAccessibleName(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    words = _ClickLabel(text, box)
    words.setWordWrap(True)
    words.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    words.setTextFormat(Qt.TextFormat.PlainText)
    words.setBuddy(box)
    # The box as tall as its words' first line, so the two sit level.
    line = words.fontMetrics().lineSpacing()
    box.setFixedHeight(max(line, box.sizeHint().height()))
    words.setContentsMargins(0, max(0, (box.height() - line) // 2), 0, 0)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(words, 1)
    return box, row
