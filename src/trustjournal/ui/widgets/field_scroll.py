"""A scroll area for a long form: Tab shows the whole field it reaches, not only its cursor line."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QScrollArea, QScrollBar, QWidget


def _scroll_to(bar: QScrollBar, start: int, length: int, view: int, margin: int) -> None:
    """Move `bar` the least that shows `start`..`start + length` with `margin` around it;
    what is longer than the view shows from its start."""
    if length >= view:
        bar.setValue(start)
        return
    margin = max(0, min(margin, (view - length) // 2))
    if start - margin < bar.value():
        bar.setValue(start - margin)
    elif start + length + margin > bar.value() + view:
        bar.setValue(start + length + margin - view)


class FieldScrollArea(QScrollArea):
    """Scrolls a field reached by Tab wholly into view.

    Qt's own `ensureWidgetVisible` aims at a text box's cursor: a box whose first line already
    peeked in at the bottom edge did not move, and the person typed into a box they could
    barely see (the trigger editor's Thoughts box at 800 × 600 showed 22 of its 80 px).
    """

    def ensureWidgetVisible(
        self, childWidget: QWidget, xmargin: int = 50, ymargin: int = 50
    ) -> None:
        """Show all of `childWidget` (as much as the view holds), with margins where they fit."""
        content = self.widget()
        if content is None or not content.isAncestorOf(childWidget):
            return
        at = childWidget.mapTo(content, QPoint(0, 0))
        view = self.viewport().size()
        _scroll_to(self.horizontalScrollBar(), at.x(), childWidget.width(), view.width(), xmargin)
        _scroll_to(self.verticalScrollBar(), at.y(), childWidget.height(), view.height(), ymargin)

    def focusNextPrevChild(self, next: bool) -> bool:
        moved = super().focusNextPrevChild(next)  # moves focus; Qt scrolls to its cursor
        focused = QApplication.focusWidget()
        if moved and focused is not None:
            self.ensureWidgetVisible(focused)
        return moved
