"""Mood, connection and trust over a period: daily points, an average line, gaps for no check-in.

Drawn with QPainter. Arrow keys (or the mouse) choose a day; Enter (or a click) opens it.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from trustjournal.core.i18n import _, format_date
from trustjournal.services.insights_figures import Average, DailyMood, Figures
from trustjournal.ui.insights.colors import series_colors

LEFT, RIGHT, TOP, BOTTOM = 34, 12, 10, 26  # room for the scale and the dates
MARKER = 3.5


def downsample(xs: list[float], values: list[float]) -> list[tuple[float, float, float]]:
    """Per whole pixel column, the lowest and highest value (x, low, high): what the eye can see
    when there are more days than pixels."""
    columns: dict[int, tuple[float, float]] = {}
    for x, value in zip(xs, values, strict=True):
        column = int(x)
        low, high = columns.get(column, (value, value))
        columns[column] = (min(low, value), max(high, value))
    return [(float(c), low, high) for c, (low, high) in sorted(columns.items())]


def values_text(day: DailyMood) -> str:
    """The day's values as a sentence (the chart's text for screen readers too)."""
    parts = [_("mood {value}").format(value=_number(day.mood_avg))]
    if day.connection_avg is not None:
        parts.append(_("closeness {value}").format(value=_number(day.connection_avg)))
    if day.trust_avg is not None:
        parts.append(_("trust {value}").format(value=_number(day.trust_avg)))
    return _("{day}: {values}").format(day=format_date(day.day, "full"), values=", ".join(parts))


def _number(value: float) -> str:
    from trustjournal.core.i18n import format_number

    return format_number(round(value, 1))


class MoodChart(QWidget):
    """The three lines of a period; one day at a time has the focus.

    Signals:
        day_focused(object): the chosen day (a date) changed, or None.
        day_activated(object): Enter or a click on a day (a date) asks to open it.
    """

    day_focused = Signal(object)
    day_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(_("Mood, closeness and trust over time"))
        self._start = date.today()
        self._length = 1
        self._days: list[DailyMood] = []
        self._averages: list[Average] = []
        self._bucket_days = 7
        self.focused: int | None = None  # index into the days with a check-in

    def sizeHint(self) -> QSize:
        return QSize(600, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 180)

    def show_figures(self, figures: Figures) -> None:
        """Draw the days and averages of `figures`."""
        period = figures.period
        assert period.start is not None
        assert period.end is not None
        self._start = period.start
        self._length = (period.end - period.start).days + 1
        self._days = figures.days
        self._averages = figures.averages
        self._bucket_days = 7 if figures.bucket == "week" else 30
        self.focused = len(self._days) - 1 if self._days else None
        self.update()
        self.day_focused.emit(self.focused_day)

    @property
    def focused_day(self) -> date | None:
        """The day chosen by keys or the mouse."""
        return None if self.focused is None else self._days[self.focused].day

    @property
    def days(self) -> list[DailyMood]:
        """The days with a check-in, oldest first."""
        return self._days

    # --- geometry ----------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        return QRectF(self.rect()).adjusted(LEFT, TOP, -RIGHT, -BOTTOM)

    def _x(self, day: date, plot: QRectF) -> float:
        step = plot.width() / max(self._length, 1)
        return plot.left() + step * ((day - self._start).days + 0.5)

    @staticmethod
    def _y(value: float, plot: QRectF) -> float:
        return plot.bottom() - plot.height() * value / 10.0

    # --- keys and mouse ------------------------------------------------------------------------

    def _choose(self, index: int) -> None:
        if not self._days:
            return
        self.focused = max(0, min(index, len(self._days) - 1))
        self.update()
        self.day_focused.emit(self.focused_day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        current = self.focused if self.focused is not None else len(self._days) - 1
        moves = {
            Qt.Key.Key_Left: current - 1,
            Qt.Key.Key_Right: current + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: len(self._days) - 1,
        }
        if key in moves and self._days:
            self._choose(moves[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focused_day is not None:
            self.day_activated.emit(self.focused_day)
        else:
            super().keyPressEvent(event)

    def _nearest(self, x: float) -> int | None:
        if not self._days:
            return None
        plot = self._plot()
        return min(range(len(self._days)), key=lambda i: abs(self._x(self._days[i].day, plot) - x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._nearest(event.position().x())
        if index is not None and index != self.focused:
            self._choose(index)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self._nearest(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self._choose(index)
            self.day_activated.emit(self.focused_day)
        super().mouseReleaseEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        plot = self._plot()
        self._paint_scale(painter, plot, palette)
        colors = series_colors(self)
        fields = ("mood_avg", "connection_avg", "trust_avg")
        styles = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)
        # Averages of a week that began before the period would reach into the scale: clip.
        painter.setClipRect(plot.adjusted(-MARKER - 1, -MARKER - 1, MARKER + 1, MARKER + 1))
        for color, name, style, shape in zip(colors, fields, styles, range(3), strict=True):
            self._paint_series(painter, plot, color, name, shape)
            self._paint_average(painter, plot, color, name.removesuffix("_avg"), style)
        painter.setClipping(False)
        self._paint_focus(painter, plot, palette)
        painter.end()

    def _paint_scale(self, painter: QPainter, plot: QRectF, palette: QPalette) -> None:
        grid = QColor(palette.color(QPalette.ColorRole.Mid))
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        for value in (0, 5, 10):
            y = self._y(value, plot)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            box = QRectF(0, y - 8, LEFT - 6, 16)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value)
            )
        end = self._start + timedelta(days=self._length - 1)
        below = QRectF(plot.left(), plot.bottom() + 4, plot.width(), BOTTOM - 4)
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, format_date(self._start, "medium"))
        painter.drawText(below, Qt.AlignmentFlag.AlignRight, format_date(end, "medium"))

    def _paint_series(
        self, painter: QPainter, plot: QRectF, color: QColor, name: str, shape: int
    ) -> None:
        points = [(d.day, getattr(d, name)) for d in self._days if getattr(d, name) is not None]
        xs = [self._x(day, plot) for day, _v in points]
        if len(points) > plot.width():  # more days than pixels: each column's range
            painter.setPen(QPen(color, 1.5))
            for x, low, high in downsample(xs, [v for _d, v in points]):
                painter.drawLine(
                    QPointF(x, self._y(low, plot)), QPointF(x, self._y(high, plot) - 1)
                )
            return
        painter.setPen(QPen(color, 1))
        painter.setBrush(color if shape == 0 else Qt.BrushStyle.NoBrush)
        for x, (_day, value) in zip(xs, points, strict=True):
            self._marker(painter, QPointF(x, self._y(value, plot)), shape)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    @staticmethod
    def _marker(painter: QPainter, at: QPointF, shape: int) -> None:
        r = MARKER
        if shape == 0:
            painter.drawEllipse(at, r, r)
        elif shape == 1:
            painter.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r))
        else:
            path = QPainterPath(QPointF(at.x(), at.y() - r - 1))
            path.lineTo(at.x() + r + 1, at.y() + r)
            path.lineTo(at.x() - r - 1, at.y() + r)
            path.closeSubpath()
            painter.drawPath(path)

    def _paint_average(
        self, painter: QPainter, plot: QRectF, color: QColor, name: str, style: Qt.PenStyle
    ) -> None:
        # One segment between neighbouring weeks (or months) only: a week without any
        # check-in leaves a gap in the line instead of bridging it.
        painter.setPen(QPen(color, 2.5, style))
        previous: tuple[date, QPointF] | None = None
        for avg in self._averages:
            value = getattr(avg, name)
            middle = avg.start + timedelta(days=self._bucket_days // 2)
            if value is None:
                previous = None
                continue
            point = QPointF(self._x(middle, plot), self._y(value, plot))
            near = previous is not None and (avg.start - previous[0]).days <= self._bucket_days + 3
            if previous is not None and near:
                painter.drawLine(previous[1], point)
            elif len(self._averages) == 1:
                painter.drawLine(
                    QPointF(point.x() - 6, point.y()), QPointF(point.x() + 6, point.y())
                )
            previous = (avg.start, point)

    def _paint_focus(self, painter: QPainter, plot: QRectF, palette: QPalette) -> None:
        day = self.focused_day
        if day is None:
            return
        x = self._x(day, plot)
        color = palette.color(QPalette.ColorRole.Text)
        width = 2 if self.hasFocus() else 1
        style = Qt.PenStyle.SolidLine if self.hasFocus() else Qt.PenStyle.DotLine
        painter.setPen(QPen(color, width, style))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        if self.hasFocus():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1))
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
