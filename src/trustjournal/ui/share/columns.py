"""The Share page's arrangement: three columns when wide, two, or one scrolling column when narrow.

The steps are four blocks (choices with the note, the entries, the preview, saving). However
wide the window, each block keeps at least the room it needs: narrower windows stack blocks in
a column that scrolls up and down instead of squeezing them side by side (they overlapped at
the first-run size before).
"""

from __future__ import annotations

from enum import IntEnum
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLayout,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from trustjournal.ui.tab_order import tab_controls
from trustjournal.ui.widgets.field_scroll import FieldScrollArea

THREE_COLUMNS = 1100  # page widths from which the blocks go in three columns
TWO_COLUMNS = 700  # ... in two (the preview beside the steps); below it, one column
STACKED_LIST_HEIGHT = 240  # the entries list's height when it shares a scrolling column
STACKED_PREVIEW_HEIGHT = 460  # the preview's height when it is in the scrolling column
PREVIEW_MIN_WIDTH = 320


class Mode(IntEnum):
    """How many columns the page shows."""

    ONE = 1
    TWO = 2
    THREE = 3


def mode_for(width: int) -> Mode:
    """The arrangement for a page `width` pixels wide."""
    if width >= THREE_COLUMNS:
        return Mode.THREE
    return Mode.TWO if width >= TWO_COLUMNS else Mode.ONE


def _scroll(parent: QWidget) -> tuple[QScrollArea, QVBoxLayout]:
    scroll = FieldScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    body = QWidget()
    body.setAutoFillBackground(False)
    scroll.setWidget(body)
    column = QVBoxLayout(body)
    column.setSpacing(8)
    return scroll, column


def _empty(layout: QLayout) -> None:
    """Take every item out of `layout`; the widgets stay alive and are placed again."""
    while layout.count():
        layout.takeAt(0)


class ShareColumns(QWidget):
    """Holds the page's blocks and moves them between columns as the page's width changes."""

    def __init__(
        self,
        *,
        choices: QWidget,
        entries: QWidget,
        entries_list: QWidget,
        preview: QWidget,
        preview_view: QWidget,
        write: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices, self.entries, self.preview, self.write = choices, entries, preview, write
        self._list, self._view = entries_list, preview_view
        self.splitter = QSplitter(self)
        self.splitter.setChildrenCollapsible(False)
        self.left, self._left = _scroll(self.splitter)
        self.middle, self._middle = _scroll(self.splitter)
        self.right = QWidget(self.splitter)
        self._right = QVBoxLayout(self.right)
        self._left.setContentsMargins(0, 0, 12, 0)
        self._middle.setContentsMargins(12, 0, 12, 0)
        self._right.setContentsMargins(12, 0, 0, 0)
        for i, part in enumerate((self.left, self.middle, self.right)):
            self.splitter.addWidget(part)
            self.splitter.setStretchFactor(i, i)  # widening goes to the entries and the preview
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.mode: Mode | None = None
        self.arrange(Mode.THREE)

    def arrange(self, mode: Mode) -> None:
        """Place the blocks for `mode` (nothing happens when it is already in place)."""
        if mode == self.mode:
            return
        self.mode = mode
        for layout in (self._left, self._middle, self._right):
            _empty(layout)
        stacked = mode != Mode.THREE
        self._list.setMinimumHeight(STACKED_LIST_HEIGHT if stacked else 160)
        self._view.setMinimumHeight(STACKED_PREVIEW_HEIGHT if mode == Mode.ONE else 0)
        self._left.addWidget(self.choices)
        if mode == Mode.THREE:
            self._left.addStretch(1)
            self._middle.addWidget(self.entries, 1)
            self._middle.addWidget(self.write)
        else:
            self._left.addWidget(self.entries)
            if mode == Mode.ONE:
                self._left.addWidget(self.preview)
            self._left.addWidget(self.write)
            self._left.addStretch(1)
        if mode != Mode.ONE:
            self._right.addWidget(self.preview)
        self.middle.setVisible(mode == Mode.THREE)
        self.right.setVisible(mode != Mode.ONE)
        self._order_tabs(mode)
        self._size_columns(mode)

    def _order_tabs(self, mode: Mode) -> None:
        """Tab goes down each column, left to right, as the blocks now stand.

        A block moved into another column joins Tab's chain at its end, wherever it is shown.
        """
        middle = [self.entries, self.write]
        columns: list[tuple[QWidget | None, list[QWidget]]] = [
            (self.left, [self.choices, *(middle if mode != Mode.THREE else [])]),
            (self.middle, middle if mode == Mode.THREE else []),
            (None, [self.preview] if mode != Mode.ONE else []),
        ]
        if mode == Mode.ONE:
            columns[0] = (self.left, [self.choices, self.entries, self.preview, self.write])
        chain = [
            control
            for scroll, blocks in columns
            if blocks
            for control in (
                (
                    [scroll]
                    if scroll is not None and scroll.focusPolicy() != Qt.FocusPolicy.NoFocus
                    else []
                )
                + [c for block in blocks for c in tab_controls(block)]
            )
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _size_columns(self, mode: Mode) -> None:
        """Steps as wide as they need (so they scroll only up and down), the preview the rest."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        hint = self.choices.minimumSizeHint() if mode == Mode.ONE else self.choices.sizeHint()
        margins = self._left.contentsMargins()
        steps = max(340, hint.width()) + margins.left() + margins.right() + bar + 4
        self.left.setMinimumWidth(steps)
        self.middle.setMinimumWidth(300)
        self.right.setMinimumWidth(PREVIEW_MIN_WIDTH)
        width = max(self.width(), steps)
        if mode == Mode.THREE:
            self.splitter.setSizes([steps, (width - steps) * 2 // 5, (width - steps) * 3 // 5])
        elif mode == Mode.TWO:
            self.splitter.setSizes([steps, 0, width - steps])
        else:
            self.splitter.setSizes([width, 0, 0])

    def scroll_to(self, widget: QWidget) -> None:
        """Scroll whichever column holds `widget` so that it is in view."""
        for scroll in (self.left, self.middle):
            body = scroll.widget()
            if scroll.isVisible() and body is not None and body.isAncestorOf(widget):
                scroll.ensureWidgetVisible(widget)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Putting the page in its window after `arrange` moves the blocks' controls in Tab's
        # chain again (in the order they were made): set the reading order once more.
        if self.mode is not None:
            self._order_tabs(self.mode)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange(mode_for(event.size().width()))
