"""The Journal's timeline list."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from trustjournal.core.i18n import _


class TimelineView(QListView):
    """The timeline list: one row per entry or day, scrolled by pixel; Enter opens the current
    entry (the page connects `activated`). Home, End, Page Up and Page Down land on an entry,
    never on a day heading (which cannot be chosen, so Qt would not move at all)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setAccessibleName(_("Timeline"))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(cursorAction, modifiers)
        model = self.model()
        if model is None or not index.isValid():
            return index
        if model.flags(index) & Qt.ItemFlag.ItemIsEnabled:
            return index
        # A day heading: the entries of that day follow it.
        below = model.index(index.row() + 1, 0)
        if below.isValid() and model.flags(below) & Qt.ItemFlag.ItemIsEnabled:
            return below
        return self.currentIndex()
