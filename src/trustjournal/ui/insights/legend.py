"""The key to the mood chart: each line's marker, line style and name."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from trustjournal.core.i18n import _
from trustjournal.services.charts.lines import legend_items
from trustjournal.services.charts.scene import Scene
from trustjournal.ui.chart_painter import paint_scene, screen_theme


def series_names() -> tuple[str, str, str]:
    """The three lines' names in the current language."""
    return _("Mood"), _("Closeness"), _("Trust")


class SeriesLegend(QWidget):
    """Marker and line of mood, closeness and trust beside their names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(
            _(
                "Key: mood is a solid line with dots, closeness dashed with squares,"
                " trust dotted with triangles"
            )
        )

    def _widths(self) -> list[float]:
        metrics = self.fontMetrics()
        return [36 + metrics.horizontalAdvance(n) + 18.0 for n in series_names()]

    def sizeHint(self) -> QSize:
        return QSize(round(sum(self._widths())), self.fontMetrics().height() + 6)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:
        middle = self.height() / 2
        items = legend_items(
            list(enumerate(series_names())),
            y=middle,
            widths=self._widths(),
            size=self.fontInfo().pixelSize(),
        )
        scene = Scene(self.width(), self.height(), self.accessibleName(), tuple(items))
        painter = QPainter(self)
        paint_scene(painter, scene, QRectF(self.rect()), screen_theme(self), font=self.font())
        painter.end()
