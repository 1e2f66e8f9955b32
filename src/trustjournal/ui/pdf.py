"""Render a Summary as a PDF: laid out with Qt, cleaned and optionally encrypted with pypdf.

The PDF is rendered into memory, its metadata is stripped (no producer, creator, dates or
XMP), it is encrypted with AES-256 when a password is given, and only then are the final
bytes written, atomically and with mode 0600, so no plaintext copy ever touches the disk.

Pagination is ours: the document is laid out once as one long page, then cut between lines
so that no line is split, the chart stays whole, and no page ends with a heading.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import pypdf
from pypdf.generic import NameObject
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLine,
)

from trustjournal.core import i18n
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.services.charts.scene import Scene
from trustjournal.services.export.model import Summary
from trustjournal.services.export.text import period_text
from trustjournal.services.export.writer import atomic_write
from trustjournal.ui.pdf_chart import ChartPainter
from trustjournal.ui.pdf_layout import CHART_MM, GREY, RULE, Built, base_font, build_document

DPI = 300
MARGINS_MM = QMarginsF(18, 16, 18, 14)  # left, top, right, bottom
FOOTER_PT = 16.0
HEADER_PT = 18.0  # room above the text for the running header of pages after the first
NEUTRAL_TITLE = "Summary"


class Row(NamedTuple):
    """A vertical stretch of the document that must not be split across pages."""

    top: float
    bottom: float
    keep_with_next: bool


class Line(NamedTuple):
    """One laid-out line and where its layout sits in document coordinates."""

    line: QTextLine  # valid while its document lives
    origin: QPointF
    top: float
    bottom: float
    keep_with_next: bool


def _ensure_app() -> None:
    """Make sure a Qt application exists (the CLI has none; the app already has one).

    A QApplication (not just a QGuiApplication) so later widget code in the same process
    still works. On Linux without a display (SSH, cron) the offscreen platform is used: a
    PDF needs fonts, not a screen.
    """
    if QGuiApplication.instance() is not None:
        return
    from PySide6.QtWidgets import QApplication

    argv = ["trustjournal"]
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless and "QT_QPA_PLATFORM" not in os.environ:
        argv += ["-platform", "offscreen"]
    _App.instance = QApplication(argv)


class _App:
    """Holds the application we created, so it lives as long as the process."""

    instance: QGuiApplication | None = None


def _chart_rect(built: Built, width: float) -> QRectF | None:
    """Where the chart goes: the reserved block's top, the chart's height in device pixels."""
    if built.chart_block is None:
        return None
    block = built.document.findBlockByNumber(built.chart_block)
    top = built.document.documentLayout().blockBoundingRect(block).top()
    return QRectF(0, top, width, CHART_MM / 25.4 * DPI)


def _scene_rects(built: Built, width: float) -> list[tuple[QRectF, Scene]]:
    """Where each added chart goes: its reserved block's top, the width of the text."""
    found = []
    for number, (scene, height) in sorted(built.scenes.items()):
        block = built.document.findBlockByNumber(number)
        top = built.document.documentLayout().blockBoundingRect(block).top()
        found.append((QRectF(0, top, width, height), scene))
    return found


def _lines(built: Built) -> list[Line]:
    """Every line of the document (table cells included) with its absolute position."""
    layout = built.document.documentLayout()
    layout.documentSize()  # lay the whole document out once, before asking where blocks are
    lines: list[Line] = []
    block = built.document.begin()
    while block.isValid():
        number = block.blockNumber()
        if number != built.chart_block and number not in built.scenes:
            text_layout = block.layout()
            if number in built.table_cells:
                # Cells have layouts positioned inside their cell; the bounding rect is
                # absolute, so the layout's own origin is recovered from it.
                bounds = layout.blockBoundingRect(block)
                origin = bounds.topLeft() - text_layout.boundingRect().topLeft()
            else:  # a block of the root frame: its layout's position is absolute
                origin = text_layout.position()
            keep = number in built.keep_with_next
            y = origin.y()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                top = y + line.y()
                lines.append(Line(line, origin, top, top + line.height(), keep))
        block = block.next()
    lines.sort(key=lambda line: line.top)
    return lines


def _rows(lines: list[Line], chart: QRectF | None, others: Sequence[QRectF] = ()) -> list[Row]:
    """Unsplittable rows: each line, each chart, and overlapping lines (table cells) merged."""
    spans = [Row(line.top, line.bottom, line.keep_with_next) for line in lines]
    for rect in [chart, *others] if chart is not None else others:
        spans.append(Row(rect.top(), rect.bottom(), keep_with_next=False))
    spans.sort(key=lambda r: (r.top, r.bottom))
    merged: list[Row] = []
    for span in spans:
        if merged and span.top < merged[-1].bottom - 0.01:
            last = merged[-1]
            merged[-1] = Row(
                last.top, max(last.bottom, span.bottom), last.keep_with_next or span.keep_with_next
            )
        else:
            merged.append(span)
    return merged


def paginate(rows: list[Row], page_height: float) -> list[float]:
    """Where each page starts (document y), cutting only between rows.

    A page never ends with a heading: if the cut would fall just after one (or a run of
    them), it moves up to just before it, unless the page would then hold only headings.
    """
    cuts = [0.0]
    first, i = 0, 0
    while i < len(rows):
        if rows[i].bottom - cuts[-1] > page_height and i > first:
            j = i
            while j - 1 > first and rows[j - 1].keep_with_next:
                j -= 1
            if rows[j - 1].keep_with_next:
                j = i
            cuts.append(rows[j].top)
            first = i = j
            continue
        i += 1
    return cuts


def _new_writer(buffer: QBuffer) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(NEUTRAL_TITLE)
    writer.setCreator("")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def _render(summary: Summary) -> bytes:
    """Lay the summary out and print it, page by page, into an in-memory PDF, in its language."""
    with i18n.speaking(summary.language):
        return _print(summary)


def _print(summary: Summary) -> bytes:
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _new_writer(buffer)
    built = build_document(summary, dpi=DPI)
    doc = built.document
    doc.documentLayout().setPaintDevice(writer)
    area = QRectF(writer.pageLayout().paintRectPixels(DPI))
    footer = FOOTER_PT * DPI / 72.0
    header = HEADER_PT * DPI / 72.0
    doc.setTextWidth(area.width())
    chart = _chart_rect(built, area.width())
    scenes = _scene_rects(built, area.width())
    lines = _lines(built)
    cuts = paginate(_rows(lines, chart, [r for r, _s in scenes]), area.height() - footer - header)
    running = f"{summary.title} · {period_text(summary.period)}"
    ends = [*cuts[1:], float("inf")]
    painter = QPainter(writer)
    try:
        index = 0
        for page, (top, end) in enumerate(zip(cuts, ends, strict=True)):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, (header if page else 0) - top)
            # Each line is drawn on exactly one page (Qt's own document drawing also emits
            # clipped neighbours, which text extraction and screen readers would still see).
            while index < len(lines) and lines[index].top < end:
                line = lines[index]
                line.line.draw(painter, line.origin)
                index += 1
            if chart is not None and summary.chart is not None and top <= chart.top() < end:
                ChartPainter(summary.chart, dpi=DPI).draw(painter, chart)
            for rect, scene in scenes:
                if top <= rect.top() < end:
                    ChartPainter(scene, dpi=DPI).draw(painter, rect)
            painter.restore()
            if page:
                _header(painter, area, header, running)
            _footer(painter, area, footer, page + 1, len(cuts))
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def _header(painter: QPainter, area: QRectF, height: float, text: str) -> None:
    """The title and period at the top of every page after the first, small and grey."""
    painter.save()
    painter.setFont(base_font(8.5))
    painter.setPen(GREY)
    box = QRectF(0, 0, area.width(), height * 0.6)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text)
    y = height * 0.62
    painter.setPen(QPen(RULE, DPI / 72.0 * 0.5))
    painter.drawLine(QPointF(0, y), QPointF(area.width(), y))
    painter.restore()


def _footer(painter: QPainter, area: QRectF, height: float, page: int, pages: int) -> None:
    """ "Page 2 of 5" at the bottom right of the printable area, in grey."""
    painter.save()
    painter.setFont(base_font(8.5))
    painter.setPen(GREY)
    box = QRectF(0, area.height() - height * 0.7, area.width(), height * 0.7)
    align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
    painter.drawText(
        box, int(align), _("Page %(page)s of %(pages)s") % {"page": page, "pages": pages}
    )
    painter.restore()


def finish(raw: bytes, *, password: str | None) -> bytes:
    """Strip every metadata field and the XMP stream; encrypt with AES-256 if a password is set.

    Raises:
        ValidationError: if the password is empty.
    """
    if password is not None and not password:
        raise ValidationError(_("The PDF password is empty."), field="password")
    reader = pypdf.PdfReader(io.BytesIO(raw))
    writer = pypdf.PdfWriter()
    for page in reader.pages:  # only what the pages use: Qt's XMP stream stays behind
        writer.add_page(page)
    writer.metadata = None
    root = writer.root_object
    for key in ("/Metadata", "/PieceInfo"):
        if key in root:
            del root[NameObject(key)]
    if password is not None:
        writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_bytes(summary: Summary, *, password: str | None = None) -> bytes:
    """The finished PDF of a summary, in memory."""
    return finish(_render(summary), password=password)


def render_pdf(summary: Summary, path: Path, *, password: str | None) -> None:
    """Write the summary as a PDF to `path` (atomically, mode 0600).

    Args:
        summary: what to show.
        path: the file to create or replace.
        password: if given, the PDF opens only with it (AES-256).

    Raises:
        ValidationError: if the password is empty.
        DiskFullError, PermissionDeniedError, StorageError: if the file cannot be written.
    """
    atomic_write(path, pdf_bytes(summary, password=password))
