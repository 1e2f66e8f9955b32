"""Mood, connection and trust over a period: daily points, an average line, gaps for no check-in.

Described by the chart layer and painted by its QPainter renderer. Arrow keys (or the mouse)
choose a day; Enter (or a click) opens it.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from trustjournal.core.i18n import _, format_date
from trustjournal.services.charts.lines import TimeChart, TimeSeries, downsample, over_time
from trustjournal.services.charts.scene import Scene
from trustjournal.services.insights_figures import Average, DailyMood, Figures
from trustjournal.ui.chart_painter import paint_scene, screen_theme

__all__ = ["MoodChart", "downsample", "values_text"]
LEFT, RIGHT, TOP, BOTTOM = 34, 12, 10, 26  # the chart layer's plot margins, for the mouse


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

    def scene(self) -> Scene:
        """The chart as the chart layer describes it, at the widget's size."""
        series = []
        for index, name in enumerate(("mood", "connection", "trust")):
            points = tuple(
                (d.day, value)
                for d in self._days
                if (value := getattr(d, f"{name}_avg")) is not None
            )
            averages = tuple((a.start, getattr(a, name)) for a in self._averages)
            series.append(TimeSeries(index, points, averages))
        end = self._start + timedelta(days=self._length - 1)
        chart = TimeChart(
            start=self._start,
            end=end,
            series=tuple(series),
            title=self.accessibleName(),
            start_text=format_date(self._start, "medium"),
            end_text=format_date(end, "medium"),
            bucket_days=self._bucket_days,
        )
        return over_time(
            chart,
            width=self.width(),
            height=self.height(),
            focused=self.focused_day,
            strong_focus=self.hasFocus(),
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_scene(painter, self.scene(), QRectF(self.rect()), screen_theme(self))
        if self.hasFocus():
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1))
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()
