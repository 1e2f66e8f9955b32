"""A year of mood one cell a day, and triggers by weekday and hour: widgets over the chart layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from trustjournal.core.i18n import _, first_weekday, format_weekday
from trustjournal.services.charts import grids
from trustjournal.services.charts.grids import HOURS, LABEL_W, ROW, WEEKS
from trustjournal.services.charts.scene import Scene, Theme
from trustjournal.services.insights_figures import DailyMood
from trustjournal.ui.chart_painter import paint_scene, screen_theme
from trustjournal.ui.insights.chart_image import Look, shapes_image


def _monday(offset: int) -> date:
    return date(2024, 1, 1) + timedelta(days=offset)  # 1 January 2024 was a Monday


@dataclass(frozen=True)
class YearLook:
    """What the year's picture depends on beyond its days: width, words, pixel ratio, colours
    (read on the UI thread; the weekday names are the same for every year shown)."""

    width: int
    names: tuple[str, ...]
    title: str
    ratio: float
    theme: Theme


@dataclass(frozen=True)
class DrawnYear:
    """The year's squares for `days` (compared by identity) from `first`, in `look`."""

    first: date
    days: list[DailyMood]
    look: YearLook
    scene: Scene
    image: QImage
    words: Scene


def draw_year(first: date, days: list[DailyMood], look: YearLook) -> DrawnYear:
    """Describe and draw the year's squares; safe on a worker thread (no widget, no font: the
    words are painted on the widget)."""
    moods = {d.day: d.mood_avg for d in days}
    scene = grids.year_grid(
        first, moods, width=look.width, weekday_names=look.names, title=look.title
    )
    image, words = shapes_image(scene, _image_look(scene, look.ratio, look.theme))
    return DrawnYear(first, days, look, scene, image, words)


def _image_look(scene: Scene, ratio: float, theme: Theme) -> Look:
    return Look(round(scene.width), round(scene.height), ratio, theme)


def _paint(widget: QWidget, scene: Scene) -> None:
    painter = QPainter(widget)
    paint_scene(painter, scene, QRectF(0, 0, scene.width, scene.height), screen_theme(widget))
    painter.end()


class YearGrid(QWidget):
    """53 weeks by 7 days; a check-in day is coloured by its mean mood, other days are outlined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("A year of mood, one square a day"))
        self._first = date.today()
        self._moods: dict[date, float] = {}
        self._kept: tuple[tuple[int, tuple[str, ...], str], Scene] | None = None
        self._image: tuple[Scene, Look, QImage, Scene] | None = None
        self.drawn_here = 0  # how often the squares were drawn into an image (a test's seam)
        self.setFixedHeight(7 * ROW)

    def sizeHint(self) -> QSize:
        return QSize(LABEL_W + WEEKS * 14, 7 * ROW)

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_W + WEEKS * 6, 7 * 12)

    def show_days(self, first: date, days: list[DailyMood], drawn: DrawnYear | None = None) -> None:
        """Show the 53 weeks starting on `first` (the first day of a week, in the language's
        own order of weekdays); `drawn` is their picture already drawn off the UI thread
        (used while the widget's look is still the one it was drawn for)."""
        self._first = first
        self._moods = {d.day: d.mood_avg for d in days}
        self._kept = None
        if drawn is not None and drawn.first == first and drawn.days is days:
            look = drawn.look
            self._kept = ((look.width, look.names, look.title), drawn.scene)
            image_look = _image_look(drawn.scene, look.ratio, look.theme)
            self._image = (drawn.scene, image_look, drawn.image, drawn.words)
        self.update()

    def look(self) -> YearLook:
        """What its picture is drawn in now (read on the UI thread, for `draw_year`)."""
        return YearLook(
            self.width(),
            self._names(),
            self.accessibleName(),
            self.devicePixelRatioF(),
            screen_theme(self),
        )

    def _names(self) -> tuple[str, ...]:
        return tuple(
            format_weekday(self._first + timedelta(days=r), "abbreviated") for r in (0, 2, 4)
        )

    def scene(self) -> Scene:
        """The grid as the chart layer describes it, at the widget's width.

        Kept until the days, the width or the words change: the page repaints this card at
        every scroll and every change around it, and 371 squares took 5-12 ms to describe.
        A new period's comes described and drawn by the page's background read.
        """
        names = self._names()
        key = (self.width(), names, self.accessibleName())
        if self._kept is None or self._kept[0] != key:
            scene = grids.year_grid(
                self._first,
                self._moods,
                width=self.width(),
                weekday_names=list(names),
                title=self.accessibleName(),
            )
            self._kept = (key, scene)
        return self._kept[1]

    def paintEvent(self, _event: QPaintEvent) -> None:
        # The squares go into an image kept with the scene: a scroll repaints only pixels.
        scene = self.scene()
        look = _image_look(scene, self.devicePixelRatioF(), screen_theme(self))
        if self._image is None or self._image[0] is not scene or self._image[1] != look:
            self.drawn_here += 1
            self._image = (scene, look, *shapes_image(scene, look))
        _scene, _look, image, words = self._image
        painter = QPainter(self)
        painter.drawImage(0, 0, image)
        paint_scene(painter, words, QRectF(0, 0, scene.width, scene.height), look.theme)
        painter.end()


class RampLegend(QWidget):
    """The five colours of the ramp, from low to high (lightness rises at every step)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Colour key"))
        self.setMinimumHeight(18)

    def sizeHint(self) -> QSize:
        return QSize(5 * 18, 18)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:
        _paint(self, grids.ramp_key(title=self.accessibleName()))


class HourGrid(QWidget):
    """Trigger records by weekday (rows) and hour (columns); darker where there were more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Triggers by weekday and hour"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(7 * ROW + grids.HOUR_KEY)
        self._counts: dict[tuple[int, int], int] = {}
        self._first_weekday = first_weekday()  # rows in the language's order of weekdays

    def sizeHint(self) -> QSize:
        return QSize(LABEL_W + HOURS * 18, 7 * ROW + grids.HOUR_KEY)

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_W + HOURS * 8, 7 * ROW + grids.HOUR_KEY)

    def show_counts(self, counts: dict[tuple[int, int], int]) -> None:
        """Show records per (weekday 0 = Monday, hour)."""
        self._counts = counts
        self.update()

    def scene(self) -> Scene:
        """The grid as the chart layer describes it, at the widget's width."""
        names = [
            format_weekday(_monday((self._first_weekday + row) % 7), "abbreviated")
            for row in range(7)
        ]
        return grids.hour_grid(
            self._counts,
            width=self.width(),
            first_weekday=self._first_weekday,
            weekday_names=names,
            title=self.accessibleName(),
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        _paint(self, self.scene())
