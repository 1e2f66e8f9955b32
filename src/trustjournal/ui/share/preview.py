"""Step 5: the summary as it will read, from the same Summary the file is written from.

The preview is the HTML renderer's output with its inline SVG chart drawn into an image (a
QTextBrowser cannot draw SVG itself). It loads nothing: every resource asked for is refused
except that one chart image, and links are not followed (S6).

Parsing a year's HTML takes a few hundred milliseconds, so the worker that builds the Summary
also parses it into a `PreviewDocument`; the UI thread only swaps that document in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QPainter, QResizeEvent, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QTextBrowser, QWidget

from trustjournal.core.i18n import _
from trustjournal.services.export.between_source import BetweenSource
from trustjournal.services.export.html import render_html
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import ExportRequest
from trustjournal.services.export.summary import EntrySource, build_summary

CHART_URL = "trustjournal-chart:preview"
CHART_WIDTH = 640  # logical pixels of the chart image
CHART_SCALE = 2  # drawn at twice that, for sharp text on high-density screens
WIDTH_MARK = 'width="chart-width"'
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


class PreviewDocument(QTextDocument):
    """The preview's parsed document: it offers the chart image and refuses every other resource.

    Attributes:
        refused: what was asked for and refused (for tests).
    """

    def __init__(
        self,
        chart: QImage | None,
        parent: QObject | None = None,
        extra: tuple[QImage | None, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self._images = images(chart, extra)
        self.refused: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        text = name.toString() if isinstance(name, QUrl) else str(name)
        if kind == QTextDocument.ResourceType.ImageResource.value and text in self._images:
            return self._images[text]
        self.refused.append(text)
        return None


@dataclass(frozen=True)
class Preview:
    """A built preview: the request it answers, its Summary, the HTML and the chart image.

    `document` is the HTML already parsed (by the worker) for a chart `width` pixels wide.
    """

    request: ExportRequest
    summary: Summary
    html: str
    chart: QImage | None
    document: PreviewDocument | None = None
    extra: tuple[QImage | None, ...] = ()  # the charts after the first, added from Insights


def images(chart: QImage | None, extra: tuple[QImage | None, ...]) -> dict[str, QImage | None]:
    """The preview's own images by the address its HTML gives them."""
    found = {f"{CHART_URL}-{i}": image for i, image in enumerate(extra, 1)}
    found[CHART_URL] = chart
    return found


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
    drawn = [chart_image(found.group(0)) for found in _SVG.finditer(html)]
    addresses = iter([CHART_URL, *(f"{CHART_URL}-{i}" for i in range(1, len(drawn)))])
    html = _SVG.sub(lambda _m: f'<p><img src="{next(addresses)}" {WIDTH_MARK}></p>', html)
    chart = drawn[0] if drawn else None
    return Preview(request, summary, html, chart, extra=tuple(drawn[1:]))


def _spaced(html: str) -> str:
    """Our own markup only (user text is escaped, so it cannot hold these tags): a QTextBrowser
    ignores margins on inline elements, so the moment and the legend entries get a separator."""
    html = html.replace('</span><span class="t">', '</span> · <span class="t">')
    return html.replace('</span><span><span class="swatch"', '</span> · <span><span class="swatch"')


def chart_width(viewport_width: int) -> int:
    """How wide the chart is drawn in a preview whose viewport is `viewport_width` pixels."""
    return max(160, min(CHART_WIDTH, viewport_width - 40))


def parsed(preview: Preview, width: int) -> Preview:
    """`preview` with its HTML parsed into a document, handed to the application's thread.

    Runs in the worker: the document is made there, then moved to the thread that shows it.
    """
    document = PreviewDocument(preview.chart, extra=preview.extra)
    document.setHtml(preview.html.replace(WIDTH_MARK, f'width="{width}"'))
    app = QCoreApplication.instance()
    if app is not None:
        document.moveToThread(app.thread())
    return Preview(
        preview.request, preview.summary, preview.html, preview.chart, document, preview.extra
    )


def build_job(
    entries: EntrySource,
    request: ExportRequest,
    now: datetime,
    width: int = CHART_WIDTH,
    between_source: BetweenSource | None = None,
) -> Preview:
    """Build the Summary and its parsed preview (runs in a worker thread; touches no widget).

    `between_source` gives the sessions section its homework and goals.
    """
    summary = build_summary(entries, request, now=now, between_source=between_source)
    return parsed(build_preview(request, summary), width)


class PreviewBrowser(QTextBrowser):
    """A read-only view of the preview that loads no resource but our own chart.

    Signals:
        chart_width_changed: the view became wider or narrower than the chart shown was
            drawn for (the page moved it to another column, the window was resized).
    """

    chart_width_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(_("Preview of the summary"))
        self.setUndoRedoEnabled(False)
        self._images: dict[str, QImage | None] = {}
        self._refused: list[str] = []  # asked of the browser itself
        self._shown_width: int | None = None  # the chart width of the preview shown
        self.setDocument(PreviewDocument(None, self))

    @property
    def refused(self) -> list[str]:
        """Every resource asked for and refused, by the browser or its documents (for tests)."""
        document = self.document()
        own = document.refused if isinstance(document, PreviewDocument) else []
        return [*self._refused, *own]

    def chart_width(self) -> int:
        """The width the chart should be drawn at for this browser, now."""
        return chart_width(self.viewport().width())

    def show_preview(self, preview: Preview) -> None:
        """Show a built preview, keeping the reading position.

        A preview parsed by the worker is swapped in at once; one that is not is parsed here.
        """
        bar = self.verticalScrollBar()
        position = bar.value()
        self._images = images(preview.chart, preview.extra)
        self._shown_width = self.chart_width() if preview.chart is not None else None
        document = preview.document
        if document is None or not shiboken6.isValid(document):  # shown before, then let go
            document = parsed(preview, self.chart_width()).document
        previous = self.document()
        if document is not None:
            document.setParent(self)
            self.setDocument(document)
            if previous is not document:
                previous.deleteLater()
        bar.setValue(min(position, bar.maximum()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._shown_width is not None and self._shown_width != self.chart_width():
            self._shown_width = None  # asked once; the next preview shown sets it again
            self.chart_width_changed.emit()

    def clear_preview(self) -> None:
        """Forget the preview (the journal is locking)."""
        self._images = {}
        self._shown_width = None
        previous = self.document()
        self.setDocument(PreviewDocument(None, self))
        previous.deleteLater()

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        text = name.toString() if isinstance(name, QUrl) else str(name)
        if kind == QTextDocument.ResourceType.ImageResource.value and text in self._images:
            return self._images[text]
        self._refused.append(text)
        return None
