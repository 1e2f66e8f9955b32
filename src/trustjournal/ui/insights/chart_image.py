"""The mood chart drawn once into an image, off the UI thread where it can be, and kept.

At 20 years the chart's scene took 50-55 ms to build and 20 ms to paint, on every paint of the
widget: each arrow key, and twice when all time was shown. Its shapes are now drawn into a
`QImage` (at the screen's device pixel ratio) keyed by everything they depend on — the figures
shown, the size, the ratio and the theme — and the widget paints that image, then its few words
and the focus line on top. The words stay out of the image: they are painted straight onto the
widget, so text keeps the screen's own antialiasing, and nothing here needs a font (fonts
belong to the UI thread). `draw` touches no widget, so the page's background read calls it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from trustjournal.core.i18n import format_date
from trustjournal.services.charts.lines import TimeChart, TimeSeries, over_time
from trustjournal.services.charts.scene import Label, Scene, Theme
from trustjournal.services.insights_figures import Figures
from trustjournal.ui.chart_painter import paint_scene


@dataclass(frozen=True)
class Look:
    """What the drawn shapes depend on beyond the figures: size, pixel ratio and colours."""

    width: int
    height: int
    ratio: float
    theme: Theme


@dataclass(frozen=True)
class Drawn:
    """The shapes of one chart for `figures` (compared by identity) in one `look`."""

    figures: Figures
    look: Look
    chart: TimeChart
    image: QImage
    words: Scene


def time_chart(figures: Figures, title: str) -> TimeChart:
    """The chart layer's description of the figures' days and averages."""
    period = figures.period
    assert period.start is not None
    assert period.end is not None
    days, averages = figures.days, figures.averages
    series = (
        TimeSeries(
            0,
            tuple((d.day, d.mood_avg) for d in days),
            tuple((a.start, a.mood) for a in averages),
        ),
        TimeSeries(
            1,
            tuple((d.day, d.connection_avg) for d in days if d.connection_avg is not None),
            tuple((a.start, a.connection) for a in averages),
        ),
        TimeSeries(
            2,
            tuple((d.day, d.trust_avg) for d in days if d.trust_avg is not None),
            tuple((a.start, a.trust) for a in averages),
        ),
    )
    return TimeChart(
        start=period.start,
        end=period.end,
        series=series,
        title=title,
        start_text=format_date(period.start, "medium"),
        end_text=format_date(period.end, "medium"),
        bucket_days=7 if figures.bucket == "week" else 30,
    )


def shapes_image(scene: Scene, look: Look) -> tuple[QImage, Scene]:
    """The scene's shapes drawn into an image of `look`, and its words as a scene of their own
    (painted over the image they look as before: no word of these charts overlaps a shape)."""
    shapes = tuple(i for i in scene.items if not isinstance(i, Label))
    words = tuple(i for i in scene.items if isinstance(i, Label))
    image = QImage(
        max(1, round(look.width * look.ratio)),
        max(1, round(look.height * look.ratio)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(look.ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    bounds = QRectF(0, 0, look.width, look.height)
    paint_scene(painter, Scene(scene.width, scene.height, scene.title, shapes), bounds, look.theme)
    painter.end()
    return image, Scene(scene.width, scene.height, scene.title, words)


def draw(figures: Figures, look: Look, title: str) -> Drawn:
    """Draw the chart's shapes for `figures` in `look`; safe on a worker thread (no widget, no
    font: the words are returned as a scene of their own, to be painted on the widget)."""
    chart = time_chart(figures, title)
    image, words = shapes_image(over_time(chart, width=look.width, height=look.height), look)
    return Drawn(figures, look, chart, image, words)
