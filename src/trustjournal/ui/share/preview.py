"""Step 5: the summary as it will read, from the same Summary the file is written from.

The preview is the HTML renderer's output with its inline SVG chart drawn into an image (a
QTextBrowser cannot draw SVG itself). The browser loads nothing: every resource it asks for
is refused except that one chart image, and links are not followed (S6).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QByteArray, QRectF, Qt, QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QTextBrowser, QWidget

from trustjournal.services.export.html import render_html
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import ExportRequest
from trustjournal.services.export.summary import EntrySource, build_summary

CHART_URL = "trustjournal-chart:preview"
CHART_WIDTH = 640  # logical pixels of the chart image
CHART_SCALE = 2  # drawn at twice that, for sharp text on high-density screens
WIDTH_MARK = 'width="chart-width"'
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


@dataclass(frozen=True)
class Preview:
    """A built preview: the request it answers, its Summary, the HTML and the chart image."""

    request: ExportRequest
    summary: Summary
    html: str
    chart: QImage | None


def chart_image(svg: str) -> QImage | None:
    """The SVG chart drawn into an image (safe in a worker thread: no widgets involved)."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    height = round(CHART_WIDTH * size.height() / max(size.width(), 1))
    image = QImage(CHART_WIDTH * CHART_SCALE, height * CHART_SCALE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    finally:
        painter.end()
    image.setDevicePixelRatio(CHART_SCALE)
    return image


def build_preview(request: ExportRequest, summary: Summary) -> Preview:
    """The preview of a summary: its HTML with the chart as one local image."""
    html = _spaced(render_html(summary))
    found = _SVG.search(html)
    chart = chart_image(found.group(0)) if found else None
    if found:
        html = (
            html[: found.start()]
            + f'<p><img src="{CHART_URL}" {WIDTH_MARK}></p>'
            + html[found.end() :]
        )
    return Preview(request, summary, html, chart)


def _spaced(html: str) -> str:
    """Our own markup only (user text is escaped, so it cannot hold these tags): a QTextBrowser
    ignores margins on inline elements, so the moment and the legend entries get a separator."""
    html = html.replace('</span><span class="t">', '</span> · <span class="t">')
    return html.replace('</span><span><span class="swatch"', '</span> · <span><span class="swatch"')


def build_job(entries: EntrySource, request: ExportRequest, now: datetime) -> Preview:
    """Build the Summary and its preview (runs in a worker thread; touches no widget)."""
    return build_preview(request, build_summary(entries, request, now=now))


class PreviewBrowser(QTextBrowser):
    """A read-only view of the preview that loads no resource but our own chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Preview of the summary")
        self.setUndoRedoEnabled(False)
        self._chart: QImage | None = None
        self.refused: list[str] = []  # what was asked for and refused (for tests)

    def show_preview(self, preview: Preview) -> None:
        """Show a built preview, keeping the reading position."""
        bar = self.verticalScrollBar()
        position = bar.value()
        self._chart = preview.chart
        width = max(160, min(CHART_WIDTH, self.viewport().width() - 40))
        self.document().setHtml(preview.html.replace(WIDTH_MARK, f'width="{width}"'))
        bar.setValue(min(position, bar.maximum()))

    def clear_preview(self) -> None:
        """Forget the preview (the journal is locking)."""
        self._chart = None
        self.document().clear()

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        text = name.toString() if isinstance(name, QUrl) else str(name)
        if kind == QTextDocument.ResourceType.ImageResource.value and text == CHART_URL:
            return self._chart
        self.refused.append(text)
        return None
