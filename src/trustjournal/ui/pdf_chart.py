"""The PDF chart: mood, connection and trust lines with their period averages, in vectors."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from trustjournal.services.export.model import Chart, ChartSeries
from trustjournal.services.export.svg import legend_label, series_style, shows_average
from trustjournal.services.export.text import day_text
from trustjournal.ui.pdf_layout import base_font

GRID, LABEL = QColor("#d0d0d0"), QColor("#6b6b6b")


def _pen(colour: str, dash: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dash:
        pen.setDashPattern([float(x) for x in dash.split()])
    return pen


class ChartPainter:
    """Draws a Chart into a rectangle of a painter whose units are device pixels at `dpi`."""

    def __init__(self, chart: Chart, *, dpi: int) -> None:
        self._chart = chart
        self._dpi = dpi

    def _px(self, points: float) -> float:
        return points * self._dpi / 72.0

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the chart (grid, lines, averages, dates and legend) into `rect`."""
        painter.save()
        font = base_font(8)
        painter.setFont(font)
        legend_h = self._px(14)
        # The date row sits well below the "0" of the scale, so the two never read as one.
        left, bottom = self._px(18), self._px(19)
        plot = QRectF(
            rect.left() + left,
            rect.top() + self._px(4),
            rect.width() - left - self._px(4),
            rect.height() - bottom - legend_h - self._px(4),
        )
        self._grid(painter, plot)
        for series in self._chart.series:
            self._series(painter, plot, series)
        self._dates(painter, plot)
        self._legend(painter, QRectF(plot.left(), rect.bottom() - legend_h, plot.width(), legend_h))
        painter.restore()

    def _y(self, plot: QRectF, value: float) -> float:
        return plot.bottom() - plot.height() * value / 10.0

    def _x(self, plot: QRectF, day_index: int) -> float:
        span = max((self._chart.end - self._chart.start).days, 1)
        return plot.left() + plot.width() * day_index / span

    def _grid(self, painter: QPainter, plot: QRectF) -> None:
        painter.setPen(QPen(GRID, self._px(0.5)))
        for value in (0, 5, 10):
            y = self._y(plot, value)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(LABEL)
        for value in (0, 5, 10):
            y = self._y(plot, value)
            box = QRectF(plot.left() - self._px(16), y - self._px(5), self._px(13), self._px(10))
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(value)
            )

    def _series(self, painter: QPainter, plot: QRectF, series: ChartSeries) -> None:
        colour, dash = series_style(series.name)
        if shows_average(series) and series.average is not None:
            avg = _pen(colour, "1 3", self._px(0.6))
            painter.setPen(avg)
            y = self._y(plot, series.average)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        points = [
            QPointF(self._x(plot, (day - self._chart.start).days), self._y(plot, value))
            for day, value in series.points
        ]
        if len(points) == 1:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(points[0], self._px(2.2), self._px(2.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        elif points:
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.setPen(_pen(colour, dash, self._px(1.1)))
            painter.drawPath(path)

    def _dates(self, painter: QPainter, plot: QRectF) -> None:
        painter.setPen(LABEL)
        h = self._px(12)
        box = QRectF(plot.left(), plot.bottom() + self._px(6), plot.width(), h)
        top = Qt.AlignmentFlag.AlignTop
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | top), day_text(self._chart.start))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | top), day_text(self._chart.end))

    def _legend(self, painter: QPainter, box: QRectF) -> None:
        x = box.left()
        y = box.center().y()
        for series in self._chart.series:
            if not series.points:
                continue
            colour, dash = series_style(series.name)
            painter.setPen(_pen(colour, dash, self._px(1.4)))
            painter.drawLine(QPointF(x, y), QPointF(x + self._px(18), y))
            x += self._px(22)
            label = legend_label(series)
            painter.setPen(LABEL)
            width = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(
                QRectF(x, box.top(), width + self._px(2), box.height()),
                int(Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            x += width + self._px(16)
