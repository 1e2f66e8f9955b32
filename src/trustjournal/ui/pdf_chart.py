"""The PDF chart: the summary's chart of the chart layer, painted in vectors with its key."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from trustjournal.services.charts.scene import PAPER, Scene
from trustjournal.services.export.model import Chart
from trustjournal.services.export.svg import summary_scene
from trustjournal.ui.chart_painter import paint_scene
from trustjournal.ui.pdf_layout import base_font


class ChartPainter:
    """Draws a Chart (or any scene) into a rectangle of a PDF painter."""

    def __init__(self, chart: Chart | Scene, *, dpi: int) -> None:
        self._scene = chart if isinstance(chart, Scene) else summary_scene(chart, legend=True)
        self._dpi = dpi

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the chart (grid, lines, averages, dates and key) into `rect`."""
        paint_scene(painter, self._scene, rect, PAPER, font=base_font(8))
