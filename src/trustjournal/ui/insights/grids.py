"""A year of mood one cell a day, and triggers by weekday and hour: small QPainter grids."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from trustjournal.core.i18n import _, first_weekday, format_weekday
from trustjournal.services.insights_figures import DailyMood
from trustjournal.ui.insights.colors import RAMP, ramp, ramp_color

WEEKS = 53
LABEL_W = 34  # room for the weekday names
HOURS = 24
ROW = 14  # the height of one weekday's row


def _monday(offset: int) -> date:
    return date(2024, 1, 1) + timedelta(days=offset)  # 1 January 2024 was a Monday


def _empty_pen(widget: QWidget) -> QPen:
    return QPen(widget.palette().color(QPalette.ColorRole.Mid), 1)


class YearGrid(QWidget):
    """53 weeks by 7 days; a check-in day is coloured by its mean mood, other days are outlined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("A year of mood, one square a day"))
        self._first = date.today()
        self._moods: dict[date, float] = {}
        self.setFixedHeight(7 * 14)

    def sizeHint(self) -> QSize:
        return QSize(LABEL_W + WEEKS * 14, 7 * 14)

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_W + WEEKS * 6, 7 * 12)

    def _cell(self, width: int) -> int:
        return max(6, min(14, (width - LABEL_W) // WEEKS))

    # Rows keep 14 px whatever the width, so the weekday names always fit beside them.

    def show_days(self, first: date, days: list[DailyMood]) -> None:
        """Show the 53 weeks starting on `first` (the first day of a week, in the language's
        own order of weekdays)."""
        self._first = first
        self._moods = {d.day: d.mood_avg for d in days}
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        cell = self._cell(self.width())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        for row in (0, 2, 4):
            box = QRectF(0, row * ROW, LABEL_W - 4, ROW)
            text = format_weekday(self._first + timedelta(days=row), "abbreviated")
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        for week in range(WEEKS):
            for row in range(7):
                day = self._first + timedelta(days=week * 7 + row)
                rect = QRectF(LABEL_W + week * cell + 1, row * ROW + 1, cell - 2, ROW - 2)
                mood = self._moods.get(day)
                if mood is None:
                    painter.setPen(_empty_pen(self))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
                else:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(ramp_color(self, mood))
                    painter.drawRect(rect)
        painter.end()


class RampLegend(QWidget):
    """The five colours of the ramp, from low to high (dark purple to yellow: lightness rises)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Colour key"))
        self.setMinimumHeight(18)

    def sizeHint(self) -> QSize:
        return QSize(len(RAMP) * 18, 18)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        for index, color in enumerate(ramp(self)):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRect(QRectF(index * 18 + 1, 2, 16, 14))
        painter.end()


class HourGrid(QWidget):
    """Trigger records by weekday (rows) and hour (columns); darker where there were more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Triggers by weekday and hour"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(7 * 14 + 18)
        self._counts: dict[tuple[int, int], int] = {}
        self._first_weekday = first_weekday()  # rows in the language's order of weekdays

    def sizeHint(self) -> QSize:
        return QSize(LABEL_W + HOURS * 18, 7 * 14 + 18)

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_W + HOURS * 8, 7 * 14 + 18)

    def show_counts(self, counts: dict[tuple[int, int], int]) -> None:
        """Show records per (weekday 0 = Monday, hour)."""
        self._counts = counts
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        width = max(6.0, min(28.0, (self.width() - LABEL_W) / HOURS))  # square-ish, not bands
        most = max(self._counts.values(), default=0)
        ink = palette.color(QPalette.ColorRole.Text)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        for row in range(7):
            box = QRectF(0, row * 14, LABEL_W - 4, 14)
            text = format_weekday(_monday((self._first_weekday + row) % 7), "abbreviated")
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        for hour in (0, 6, 12, 18):
            box = QRectF(LABEL_W + hour * width, 7 * 14 + 2, 4 * width, 16)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft, f"{hour:02d}")
        for (weekday, hour), count in self._counts.items():
            if count <= 0:
                continue
            row = (weekday - self._first_weekday) % 7
            shade = QColor(ink)
            shade.setAlphaF(0.2 + 0.8 * count / most)  # lightness, not hue, tells more from less
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shade)
            painter.drawRect(QRectF(LABEL_W + hour * width + 1, row * 14 + 1, width - 2, 12))
        painter.setPen(_empty_pen(self))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(LABEL_W + 0.5, 0.5, width * HOURS - 1, 7 * 14 - 1))
        painter.end()
