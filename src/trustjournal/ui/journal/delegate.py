"""Paints timeline rows: day headings, and entries as icon, time and summary with search hits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from trustjournal.core.entries import EntryKind
from trustjournal.ui.icons import Icon, tinted_pixmap
from trustjournal.ui.journal.rows import RowView
from trustjournal.ui.journal.timeline_model import Role

KIND_ICONS: dict[str, Icon] = {
    EntryKind.MOOD.value: Icon.HEART,
    EntryKind.GRATITUDE.value: Icon.GRATITUDE,
    EntryKind.TRIGGER.value: Icon.TRIGGER,
    EntryKind.REFLECTION.value: Icon.REFLECTION,
    EntryKind.STATEMENT.value: Icon.STATEMENT,
    EntryKind.QUALITY_TIME.value: Icon.TOGETHER,
    EntryKind.SESSION.value: Icon.CLOCK,
}
ROW_HEIGHT = 36
PAD = 12
ICON = 18
ELIDED_KEPT = 2048  # elided summaries kept before the cache starts over
CONTEXT_BEFORE = 16  # characters shown before a search hit that lies past the elided part

_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_MIDDLE_LINE = _MIDDLE | Qt.TextFlag.TextSingleLine
_CENTRE = Qt.AlignmentFlag.AlignCenter
_SELECTED = int(QStyle.StateFlag.State_Selected.value)
_HOVER = int(QStyle.StateFlag.State_MouseOver.value)
_SIZE = QSize(200, ROW_HEIGHT)


def _patterns(terms: list[str]) -> list[re.Pattern[str]]:
    """A term matches at the start of a word (search matches words and word prefixes)."""
    return [re.compile(r"(?<!\w)" + re.escape(t), re.IGNORECASE) for t in terms if t.strip()]


def _spans(text: str, patterns: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    spans = [m.span() for pattern in patterns for m in pattern.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of `text` where a search term matches, ignoring case.

    A term matches at the start of a word (search matches words and word prefixes).
    """
    return _spans(text, _patterns(terms))


@dataclass
class _Fonts:
    """The fonts and measures for one view font, made once instead of on every paint."""

    font: QFont
    bold: QFont
    small: QFont
    metrics: QFontMetrics
    small_metrics: QFontMetrics
    time_width: int
    mark_height: int
    mark_widths: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, font: QFont) -> _Fonts:
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 7.0))
        metrics = QFontMetrics(font)
        small_metrics = QFontMetrics(small)
        return cls(
            font=QFont(font),
            bold=bold,
            small=small,
            metrics=metrics,
            small_metrics=small_metrics,
            time_width=metrics.horizontalAdvance("00:00") + 12,
            mark_height=small_metrics.height() + 4,
        )

    def mark_width(self, mark: str) -> int:
        width = self.mark_widths.get(mark)
        if width is None:
            width = self.mark_widths[mark] = self.small_metrics.horizontalAdvance(mark) + 14
        return width


class TimelineDelegate(QStyledItemDelegate):
    """Draws every row with `drawText` (plain text only, S6) and highlights search terms.

    Fonts, measures, icon pixmaps and elided summaries are made once and kept, and each row is
    read with a single `Role.ROW` lookup, so a frame costs little more than its `drawText` calls.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._patterns: list[re.Pattern[str]] = []
        self._fonts: _Fonts | None = None
        # (summary, width) -> (elided text, highlight (left, width) offsets within it)
        self._elided: dict[tuple[str, int], tuple[str, list[tuple[int, int]]]] = {}

    @property
    def terms(self) -> list[str]:
        """The search terms highlighted in summaries."""
        return self._terms

    @terms.setter
    def terms(self, terms: list[str]) -> None:
        self._terms = list(terms)
        self._patterns = _patterns(self._terms)
        self._elided.clear()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return _SIZE

    def _fonts_for(self, font: QFont) -> _Fonts:
        fonts = self._fonts
        if fonts is None or fonts.font != font:
            fonts = self._fonts = _Fonts.of(font)
            self._elided.clear()
        return fonts

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        view = index.data(Role.ROW)
        if not isinstance(view, RowView):
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        fonts = self._fonts_for(option.font)
        painter.save()
        if view.header:
            painter.setFont(fonts.bold)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(rect.adjusted(PAD, 8, -PAD, 0), _MIDDLE, view.text)
            painter.restore()
            return
        state = int(option.state.value)
        selected = bool(state & _SELECTED)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif state & _HOVER:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        left, top, height = rect.left(), rect.top(), rect.height()
        middle_y = rect.center().y()
        icon_left = left + PAD
        mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
        ratio = painter.device().devicePixelRatioF()
        kind_icon = KIND_ICONS.get(view.kind, Icon.JOURNAL)
        pixmap = tinted_pixmap(kind_icon, ICON, mode=mode, ratio=ratio)
        painter.drawPixmap(icon_left, middle_y - ICON // 2 + 1, pixmap)
        x = icon_left + ICON + 9  # the icon's right edge, plus 10
        painter.setPen(
            text_color if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        )
        painter.drawText(QRect(x, top, fonts.time_width, height), _MIDDLE, view.time)
        x += fonts.time_width
        right = rect.right() - PAD
        if view.marks:
            right = self._paint_marks(
                painter,
                fonts,
                view.marks,
                right=right,
                middle_y=middle_y,
                palette=palette,
                selected=selected,
            )
        summary_rect = QRect(x, top, right - x, height)
        summary, hits = self._elide(fonts, view.summary, summary_rect.width())
        if hits:
            # On a selected row the band is the selected text's colour, so it shows on Highlight.
            band = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
            colour = QColor(palette.color(band))
            colour.setAlpha(80 if selected else 70)
            line = fonts.metrics.height()
            hit_top = middle_y - line // 2 + 1
            for offset, width in hits:
                painter.fillRect(QRect(x + offset, hit_top, width, line), colour)
        painter.setPen(text_color)
        painter.drawText(summary_rect, _MIDDLE_LINE, summary)
        painter.restore()

    def _elide(self, fonts: _Fonts, text: str, width: int) -> tuple[str, list[tuple[int, int]]]:
        """The summary elided to `width`, with its search hits as (left, width) pixel offsets."""
        key = (text, width)
        found = self._elided.get(key)
        if found is None:
            metrics = fonts.metrics
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            if self._patterns and elided != text:
                elided = self._around_first_hit(metrics, text, elided, width)
            hits = [
                (
                    metrics.horizontalAdvance(elided[:start]),
                    metrics.horizontalAdvance(elided[start:end]),
                )
                for start, end in (_spans(elided, self._patterns) if self._patterns else ())
            ]
            if len(self._elided) >= ELIDED_KEPT:
                self._elided.clear()
            found = self._elided[key] = (elided, hits)
        return found

    def _around_first_hit(self, metrics: QFontMetrics, text: str, elided: str, width: int) -> str:
        """`elided`, or when the first search hit lies in the part cut off, the text from a few
        words before that hit ("… walk with the dog that helped"), so the hit shows."""
        spans = _spans(text, self._patterns)
        kept = len(elided) - 1  # the characters before the ellipsis
        if not spans or spans[0][1] <= kept:
            return elided
        start = spans[0][0]
        lead = text.rfind(" ", 0, max(0, start - CONTEXT_BEFORE)) + 1  # a word's start
        return metrics.elidedText("…" + text[lead:].lstrip(), Qt.TextElideMode.ElideRight, width)

    def _paint_marks(
        self,
        painter: QPainter,
        fonts: _Fonts,
        marks: tuple[str, ...],
        *,
        right: int,
        middle_y: int,
        palette: QPalette,
        selected: bool,
    ) -> int:
        """Draw the row's marks as small outlined pills at its right; returns where they start."""
        painter.setFont(fonts.small)
        painter.setPen(
            palette.color(
                QPalette.ColorRole.HighlightedText
                if selected
                else QPalette.ColorRole.PlaceholderText
            )
        )
        height = fonts.mark_height
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for mark in reversed(marks):
            width = fonts.mark_width(mark)
            pill = QRect(right - width, middle_y - height // 2, width, height)
            painter.drawRoundedRect(pill, height / 2, height / 2)
            painter.drawText(pill, _CENTRE, mark)
            right = pill.left() - 6
        painter.setFont(fonts.font)
        return right - 4
