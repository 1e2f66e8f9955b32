"""Paints timeline rows: day headings, and entries as icon, time and summary with search hits."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from trustjournal.core.entries import EntryKind
from trustjournal.ui.icons import Icon, icon
from trustjournal.ui.journal.timeline_model import Role

KIND_ICONS: dict[str, Icon] = {
    EntryKind.MOOD.value: Icon.HEART,
    EntryKind.GRATITUDE.value: Icon.GRATITUDE,
    EntryKind.TRIGGER.value: Icon.TRIGGER,
}
ROW_HEIGHT = 36
PAD = 12
ICON = 18


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of `text` where a search term matches, ignoring case.

    A term matches at the start of a word (search matches words and word prefixes).
    """
    spans: list[tuple[int, int]] = []
    for term in terms:
        if not term.strip():
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(term), re.IGNORECASE)
        spans.extend(m.span() for m in pattern.finditer(text))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class TimelineDelegate(QStyledItemDelegate):
    """Draws every row with `drawText` (plain text only, S6) and highlights search terms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terms: list[str] = []

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(200, ROW_HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        painter.save()
        if index.data(Role.IS_HEADER):
            font = QFont(option.font)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            text_rect = rect.adjusted(PAD, 8, -PAD, 0)
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(index.data(Qt.ItemDataRole.DisplayRole)),
            )
            painter.restore()
            return
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        kind_icon = KIND_ICONS.get(str(index.data(Role.KIND)), Icon.JOURNAL)
        icon_rect = QRect(rect.left() + PAD, rect.center().y() - ICON // 2 + 1, ICON, ICON)
        mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
        icon(kind_icon).paint(painter, icon_rect, Qt.AlignmentFlag.AlignCenter, mode)
        metrics = QFontMetrics(option.font)
        x = icon_rect.right() + 10
        painter.setPen(
            text_color if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        )
        time_text = str(index.data(Role.TIME))
        time_width = metrics.horizontalAdvance("00:00") + 12
        middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(x, rect.top(), time_width, rect.height()), middle, time_text)
        x += time_width
        right = self._paint_marks(painter, option, index, selected=selected)
        summary_rect = QRect(x, rect.top(), right - x, rect.height())
        summary = metrics.elidedText(
            str(index.data(Role.SUMMARY)), Qt.TextElideMode.ElideRight, summary_rect.width()
        )
        self._paint_highlights(
            painter=painter,
            metrics=metrics,
            text=summary,
            rect=summary_rect,
            palette=palette,
            selected=selected,
        )
        painter.setPen(text_color)
        painter.drawText(summary_rect, middle | Qt.TextFlag.TextSingleLine, summary)
        painter.restore()

    def _paint_marks(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        *,
        selected: bool,
    ) -> int:
        """Draw the row's marks as small outlined pills at its right; returns where they start."""
        rect: QRect = option.rect
        right = rect.right() - PAD
        marks = index.data(Role.MARKS) or ()
        if not marks:
            return right
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        metrics = QFontMetrics(font)
        painter.setFont(font)
        colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(colour)
        height = metrics.height() + 4
        for mark in reversed(marks):
            width = metrics.horizontalAdvance(mark) + 14
            pill = QRect(right - width, rect.center().y() - height // 2, width, height)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawRoundedRect(pill, height / 2, height / 2)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, str(mark))
            right = pill.left() - 6
        painter.setFont(option.font)
        return right - 4

    def _paint_highlights(
        self,
        *,
        painter: QPainter,
        metrics: QFontMetrics,
        text: str,
        rect: QRect,
        palette: QPalette,
        selected: bool,
    ) -> None:
        if not self.terms:
            return
        colour = QColor(palette.color(QPalette.ColorRole.Highlight))
        colour.setAlpha(110 if selected else 70)
        height = metrics.height()
        top = rect.center().y() - height // 2 + 1
        for start, end in highlight_spans(text, self.terms):
            left = rect.left() + metrics.horizontalAdvance(text[:start])
            width = metrics.horizontalAdvance(text[start:end])
            painter.fillRect(QRect(left, top, width, height), colour)
