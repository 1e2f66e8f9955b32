"""The told share of appreciations per week or month: one bar each, full height is all told."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from trustjournal.core.i18n import _
from trustjournal.services.charts.bars import told_bars
from trustjournal.services.insights_figures import GratitudeBucket
from trustjournal.ui.chart_painter import paint_scene, screen_theme

HEIGHT = 64


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
        shares = [(b.count, b.told) for b in self.buckets]
        scene = told_bars(shares, width=self.width(), height=HEIGHT, title=self.accessibleName())
        painter = QPainter(self)
        paint_scene(painter, scene, QRectF(self.rect()), screen_theme(self))
        painter.end()
