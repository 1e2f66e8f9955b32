"""A wrapped label that keeps its height at each width until its words or its look change."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel

KEPT_WIDTHS = 8  # heights kept at once (a window being resized asks at many widths)


class MeasuredLabel(QLabel):
    """A label that measures its words once per width.

    Qt asks a word-wrapped label for its height at a width at every layout pass, and lays its
    words out anew each time, changed or not. A page of figures is laid out a few times at each
    change (the card that changed, the column, its scroll area), so every label on it measured
    its words again for a card's new words elsewhere: about a third of a new period's layout
    on the Insights page. The heights are kept for the text they were measured for, and
    forgotten at any change of font, style, wrapping, indent or margin (and of its contents
    margins, which Qt announces as a change too).
    """

    def __init__(self) -> None:
        super().__init__()
        self._heights: dict[int, int] = {}
        self._measured = ""  # the text the heights are for

    def heightForWidth(self, width: int) -> int:
        text = self.text()
        if text != self._measured or len(self._heights) >= KEPT_WIDTHS:
            self._heights.clear()
            self._measured = text
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def forget_heights(self) -> None:
        """Measure again at the next layout (what the words are laid out in changed)."""
        self._heights.clear()

    def changeEvent(self, event: QEvent) -> None:
        self._heights.clear()  # font, style sheet, palette, language: measured again
        super().changeEvent(event)

    def setWordWrap(self, on: bool) -> None:
        self._heights.clear()
        super().setWordWrap(on)

    def setIndent(self, indent: int) -> None:
        self._heights.clear()
        super().setIndent(indent)

    def setMargin(self, margin: int) -> None:
        self._heights.clear()
        super().setMargin(margin)
