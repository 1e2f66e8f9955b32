"""The told share of appreciations per week or month: one bar each, full height is all told."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from trustjournal.core.i18n import _
from trustjournal.services.insights_figures import GratitudeBucket
from trustjournal.ui.insights.colors import series_colors

HEIGHT = 64
BAR = 14  # widest bar; many buckets get narrower ones


class ToldBars(QWidget):
    """An outlined box per bucket (all appreciations) filled to the share that was told."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(HEIGHT)
        self.setAccessibleName(_("Share of appreciations told, per week or month"))
        self.buckets: list[GratitudeBucket] = []

    def sizeHint(self) -> QSize:
        return QSize(400, HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, HEIGHT)

    def show_buckets(self, buckets: list[GratitudeBucket], description: str) -> None:
        """Draw these buckets; `description` is the same in words, for screen readers."""
        self.buckets = buckets
        self.setAccessibleDescription(description)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.buckets:
            return
        painter = QPainter(self)
        step = min(BAR + 4, self.width() / len(self.buckets))
        fill = series_colors(self)[0]
        outline = QPen(self.palette().color(QPalette.ColorRole.Mid), 1)
        for i, bucket in enumerate(self.buckets):
            box = QRectF(i * step + 1.5, 1.5, max(step - 4, 2), HEIGHT - 3)
            share = bucket.told / bucket.count
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRect(
                QRectF(
                    box.left(),
                    box.bottom() - box.height() * share,
                    box.width(),
                    box.height() * share,
                )
            )
            painter.setPen(outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
        painter.end()
