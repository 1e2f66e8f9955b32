"""The Journal's timeline list."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget


class TimelineView(QListView):
    """The timeline list: one row per entry or day, scrolled by pixel; Enter opens the current
    entry (the page connects `activated`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setAccessibleName("Timeline")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
