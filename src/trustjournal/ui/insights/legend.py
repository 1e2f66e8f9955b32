"""The key to the mood chart: each line's marker, line style and name."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.insights.colors import series_colors

SWATCH = 30


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

    def _widths(self) -> list[int]:
        metrics = self.fontMetrics()
        return [SWATCH + 6 + metrics.horizontalAdvance(n) + 18 for n in series_names()]

    def sizeHint(self) -> QSize:
        return QSize(sum(self._widths()), self.fontMetrics().height() + 6)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        styles = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)
        middle = self.height() / 2
        x = 0.0
        text_color = self.palette().color(QPalette.ColorRole.Text)
        for index, (color, name, style, width) in enumerate(
            zip(series_colors(self), series_names(), styles, self._widths(), strict=True)
        ):
            painter.setPen(QPen(color, 2.5, style))
            painter.drawLine(QPointF(x, middle), QPointF(x + SWATCH, middle))
            painter.setPen(QPen(color, 1))
            painter.setBrush(color if index == 0 else Qt.BrushStyle.NoBrush)
            at = QPointF(x + SWATCH / 2, middle)
            if index == 0:
                painter.drawEllipse(at, 4, 4)
            elif index == 1:
                painter.drawRect(QRectF(at.x() - 4, at.y() - 4, 8, 8))
            else:
                painter.drawPolygon(
                    [
                        QPointF(at.x(), at.y() - 5),
                        QPointF(at.x() + 5, at.y() + 4),
                        QPointF(at.x() - 5, at.y() + 4),
                    ]
                )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(text_color)
            box = QRectF(x + SWATCH + 6, 0, width, self.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            x += width
        painter.end()
