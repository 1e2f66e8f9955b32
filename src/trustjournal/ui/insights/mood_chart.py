"""Mood, connection and trust over a period: daily points, an average line, gaps for no check-in.

Described by the chart layer and painted by its QPainter renderer, through an image that is
drawn once per figures, size and theme (`chart_image`). Arrow keys (or the mouse) choose a
day; Enter (or a click) opens it, and only the focus line is painted anew.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from trustjournal.core.i18n import _, format_date
from trustjournal.core.periods import Period
from trustjournal.services.charts.lines import downsample, focus_line, over_time
from trustjournal.services.charts.scene import Scene
from trustjournal.services.insights_figures import DailyMood, Figures
from trustjournal.ui.chart_painter import paint_scene, screen_theme
from trustjournal.ui.insights.chart_image import Drawn, Look, draw, time_chart

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


HEIGHT = 220  # px: the chart's one height, at every window size (see MoodChart.__init__)


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
        # One height, the one it always settled at: while the cards below grew, the page was
        # laid out once at its old height first (squeezing the chart) and then at its new one,
        # and each height the chart was painted at drew 20 years again on the UI thread.
        self.setFixedHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Mood, closeness and trust over time"))
        today = date.today()
        self._figures = Figures(Period(today, today), "week", [], [], [])
        self._start = today
        self._length = 1
        self._days: list[DailyMood] = []
        self._drawn: Drawn | None = None
        self.drawn_here = 0  # how often the shapes were drawn on the UI thread (a test's seam)
        self.focused: int | None = None  # index into the days with a check-in

    def sizeHint(self) -> QSize:
        return QSize(600, HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, HEIGHT)

    def show_figures(self, figures: Figures, drawn: Drawn | None = None) -> None:
        """Draw the days and averages of `figures`; `drawn` is their chart already drawn off the
        UI thread (used while the widget's look is still the one it was drawn for)."""
        period = figures.period
        assert period.start is not None
        assert period.end is not None
        self._figures = figures
        self._start = period.start
        self._length = (period.end - period.start).days + 1
        self._days = figures.days
        self._drawn = drawn if drawn is not None and drawn.figures is figures else None
        self.focused = len(self._days) - 1 if self._days else None
        self.update()
        self.day_focused.emit(self.focused_day)

    def look(self) -> Look:
        """The size, pixel ratio and colours the chart is drawn in now (read on the UI thread)."""
        return Look(self.width(), self.height(), self.devicePixelRatioF(), screen_theme(self))

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
        return over_time(
            time_chart(self._figures, self.accessibleName()),
            width=self.width(),
            height=self.height(),
            focused=self.focused_day,
            strong_focus=self.hasFocus(),
        )

    def _current(self) -> Drawn:
        """The chart's shapes in today's look: the kept image, else drawn now."""
        look = self.look()
        drawn = self._drawn
        if drawn is None or drawn.figures is not self._figures or drawn.look != look:
            self.drawn_here += 1
            drawn = self._drawn = draw(self._figures, look, self.accessibleName())
        return drawn

    def paintEvent(self, _event: QPaintEvent) -> None:
        drawn = self._current()
        rect = QRectF(self.rect())
        painter = QPainter(self)
        painter.drawImage(0, 0, drawn.image)
        on_top = drawn.words
        if self.focused_day is not None:
            line = focus_line(
                drawn.chart,
                width=self.width(),
                height=self.height(),
                focused=self.focused_day,
                strong_focus=self.hasFocus(),
            )
            on_top = Scene(on_top.width, on_top.height, on_top.title, (*on_top.items, line))
        paint_scene(painter, on_top, rect, drawn.look.theme)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1))
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()
