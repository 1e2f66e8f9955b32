"""The PDF's text document, built with QTextCursor so every piece of text stays literal.

Nothing here goes through `setHtml`: text is inserted with `insertText` and styled with
character and block formats, so `<img src=file:///…>` in an entry is just characters and can
never make Qt embed a local file or fetch anything. The chart is drawn separately with
QPainter into a block reserved for it (see `ui.pdf`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)

from trustjournal.core.i18n import _
from trustjournal.services.charts.scene import Scene
from trustjournal.services.export import text as tx
from trustjournal.services.export.model import Field, Group, Item, Summary, SummarySection
from trustjournal.services.export.request import Section
from trustjournal.services.export.shared_charts import charts_heading, charts_intro

FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"]
BODY_PT = 10.5
CHART_MM = 62.0
TEXT_WIDTH_PT = (210 - 36) / 25.4 * 72  # A4 less the margins: the width charts are drawn at
HANG = 14.0  # points by which a field's wrapped lines hang under its text
FORMAT_DPI = 96.0  # the resolution Qt assumes for lengths in text formats
FIXED_HEIGHT = QTextBlockFormat.LineHeightTypes.FixedHeight.value
PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
INK, GREY, ACCENT = QColor("#222222"), QColor("#6b6b6b"), QColor("#1f3a5f")
RULE = QColor("#c8c8c8")
SHORT = 24  # fields this short (a score, a few words) share one line with their neighbours


def base_font(point_size: float = BODY_PT) -> QFont:
    """The sans serif used throughout, ligatures off so copied text equals the entry's text."""
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


@dataclass
class Built:
    """The document plus what pagination needs to know about its blocks."""

    document: QTextDocument
    keep_with_next: set[int] = field(default_factory=set)  # block numbers of headings
    table_cells: set[int] = field(default_factory=set)  # block numbers inside tables
    chart_block: int | None = None
    scenes: dict[int, tuple[Scene, float]] = field(default_factory=dict)  # block: scene, height


class DocumentBuilder:
    """Writes a Summary into a QTextDocument whose units are device pixels at `dpi`."""

    def __init__(self, *, dpi: int) -> None:
        self._dpi = dpi
        self.doc = QTextDocument()
        # Built once and never edited: an undo stack would only cost time and memory.
        self.doc.setUndoRedoEnabled(False)
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(base_font())
        option = QTextOption()
        # A 200 000-character "word" (or a long URL) must wrap, not run off the page.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.doc.setDefaultTextOption(option)
        self.built = Built(self.doc)
        self._cursor = QTextCursor(self.doc)
        self._first = True
        self._formats: dict[tuple[float, bool, int], QTextCharFormat] = {}
        self._blocks: dict[tuple[float, float, float, float], QTextBlockFormat] = {}

    @staticmethod
    def px(points: float) -> float:
        """Points to format units: Qt scales block margins and fixed line heights as 96-dpi
        pixels to the layout device's resolution, whatever that is."""
        return points * FORMAT_DPI / 72.0

    def char(
        self, *, size: float = BODY_PT, bold: bool = False, colour: QColor = INK
    ) -> QTextCharFormat:
        """A character format in our font (shared: Qt copies formats on insert)."""
        key = (size, bold, colour.rgba())
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setFont(base_font(size))
            fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
            fmt.setForeground(colour)
            self._formats[key] = fmt
        return fmt

    def block(
        self,
        *,
        top: float = 0,
        bottom: float = 2,
        indent: float = 0,
        hang: float = 0,
        keep: bool = False,
    ) -> None:
        """Start a new block (lengths in points).

        `hang` indents every line but the first (the label line) by that much more;
        `keep` keeps the block on the same page as the next one.
        """
        key = (top, bottom, indent, hang)
        fmt = self._blocks.get(key)
        if fmt is None:  # shared like the character formats: a few kinds of block in all
            fmt = QTextBlockFormat()
            fmt.setTopMargin(self.px(top))
            fmt.setBottomMargin(self.px(bottom))
            fmt.setLeftMargin(self.px(indent + hang))
            fmt.setTextIndent(-self.px(hang))
            fmt.setLineHeight(118, PROPORTIONAL)
            self._blocks[key] = fmt
        if self._first:
            self._cursor.setBlockFormat(fmt)
            self._first = False
        else:
            self._cursor.insertBlock(fmt)
        if keep:
            self.built.keep_with_next.add(self._cursor.block().blockNumber())

    def text(self, value: str, fmt: QTextCharFormat) -> None:
        """Insert plain text at the end (never parsed as markup)."""
        self._cursor.insertText(tx.isolate(value), fmt)

    def paragraphs(self, text: str, fmt: QTextCharFormat, *, indent: float = 0) -> None:
        """Plain text, one block per line, blank lines kept as small gaps."""
        lines = text.splitlines() or [""]
        for i, line in enumerate(lines):
            if i:
                self.block(indent=indent, bottom=1)
            self.text(line, fmt)

    def heading(self, text: str, *, size: float, top: float) -> None:
        """A heading that pagination keeps with what follows."""
        self.block(top=top, bottom=4, keep=True)
        self.text(text, self.char(size=size, bold=True, colour=ACCENT))

    def grey(self, text: str, *, keep: bool = False, bottom: float = 4) -> None:
        """A grey line of our own wording (intro, period)."""
        self.block(bottom=bottom, keep=keep)
        self.text(text, self.char(colour=GREY))

    def labelled(self, label: str, text: str, *, indent: float = 6) -> None:
        """ "Label: text", the label bold grey, the text as the person wrote it.

        Lines after the first hang under the text, so each field reads as one unit.
        """
        self.block(indent=indent, hang=HANG, bottom=2)
        self.text(f"{label}: ", self.char(bold=True, colour=GREY))
        self.paragraphs(text, self.char(), indent=indent + HANG)

    def item(self, item: Item) -> None:
        """One entry: its moment in grey and heading in bold, then its fields."""
        self.block(top=9, bottom=3, keep=True)
        self.text(tx.moment_text(item.occurred_at) + "   ", self.char(colour=GREY))
        self.text(item.heading, self.char(bold=True))
        self.fields(item.fields)

    def group(self, group: Group) -> None:
        """Homework or goals: a heading of their own, then each part as an entry is shown."""
        self.heading(group.title, size=11.5, top=12)
        self.grey(group.intro, keep=True)
        for part in group.parts:
            self.block(top=9, bottom=3, keep=True)
            self.text(part.heading, self.char(bold=True))
            self.fields(part.fields)

    def fields(self, fields: Sequence[Field]) -> None:
        """An entry's or part's fields: short ones side by side, the others one per line."""
        short: list[tuple[str, str]] = []
        for f in fields:
            if len(f.text) <= SHORT and not any(c in f.text for c in ".!?\n"):  # not a sentence
                short.append((f.label, f.text))
                continue
            self.short_fields(short)
            short = []
            self.labelled(f.label, f.text)
        self.short_fields(short)

    def short_fields(self, fields: list[tuple[str, str]]) -> None:
        """Short fields side by side on one line ("Connection: 7 of 10   Trust: 5 of 10")."""
        if not fields:
            return
        self.block(indent=6, hang=HANG, bottom=2)
        for i, (label, text) in enumerate(fields):
            self.text(
                ("\u2003\u2003" if i else "") + f"{label}: ", self.char(bold=True, colour=GREY)
            )
            self.text(text, self.char())

    def table(self, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
        """A simple ruled table; every cell is plain text."""
        self.block(bottom=0)
        fmt = QTextTableFormat()
        fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_None)
        fmt.setCellPadding(self.px(2.5))
        fmt.setCellSpacing(0)
        fmt.setTopMargin(self.px(4))
        fmt.setBottomMargin(self.px(8))
        pct = QTextLength.Type.PercentageLength
        # Narrow number columns beside a wide name column, the table no wider than needed.
        widths = [58.0, 14.0, 28.0] if len(headers) > 2 else [80.0, 20.0]
        fmt.setWidth(QTextLength(pct, 85.0 if len(headers) > 2 else 60.0))
        fmt.setColumnWidthConstraints([QTextLength(pct, w) for w in widths[: len(headers)]])
        table = self._cursor.insertTable(len(rows) + 1, len(headers), fmt)
        for r, row in enumerate([headers, *rows]):
            for c, value in enumerate(row):
                cell = table.cellAt(r, c).firstCursorPosition()
                colour = GREY if r == 0 else INK
                cell.insertText(tx.isolate(value), self.char(bold=r == 0, colour=colour))
                self.built.table_cells.add(cell.block().blockNumber())
                if r < len(rows):  # a short table is never split across pages
                    self.built.keep_with_next.add(cell.block().blockNumber())
        self._cursor.movePosition(QTextCursor.MoveOperation.End)

    def chart_space(self) -> None:
        """A block exactly as tall as the chart, which `ui.pdf` paints into."""
        self.block(top=4, bottom=4)
        fmt = self._cursor.blockFormat()
        fmt.setLineHeight(self.px(CHART_MM / 25.4 * 72), FIXED_HEIGHT)
        self._cursor.setBlockFormat(fmt)
        self.built.chart_block = self._cursor.block().blockNumber()

    def scene_space(self, scene: Scene) -> None:
        """A block as tall as `scene` drawn across the text width, which `ui.pdf` paints into."""
        self.block(top=4, bottom=4)
        points = TEXT_WIDTH_PT * scene.height / scene.width
        fmt = self._cursor.blockFormat()
        fmt.setLineHeight(self.px(points), FIXED_HEIGHT)  # in format units, as Qt wants them
        self._cursor.setBlockFormat(fmt)
        device = points * self._dpi / 72.0  # the painter's units
        self.built.scenes[self._cursor.block().blockNumber()] = (scene, device)

    def shared_charts(self, summary: Summary) -> None:
        """The charts added from Insights: heading, drawing, then the same in words."""
        if not summary.charts:
            return
        self.heading(charts_heading(), size=13.5, top=16)
        self.grey(charts_intro(), keep=True)
        for chart in summary.charts:
            self.heading(chart.title, size=11, top=8)
            if chart.scene is not None:
                self.scene_space(chart.scene)
            for line in chart.text:
                self.block(bottom=2)
                self.text(line, self.char())

    def section(self, summary: Summary, section: SummarySection) -> None:
        """A section: heading, intro, then figures, patterns or entries."""
        self.heading(section.title, size=13.5, top=16)
        self.grey(section.intro, keep=True)
        if section.key == Section.MOOD:
            if summary.chart is not None and not summary.chart.is_empty:
                self.chart_space()
            if summary.figures is not None:
                self.block(top=2, bottom=0)  # a little air between the chart's legend and figures
                for label, value in tx.figure_lines(summary.figures):
                    self.labelled(label, value, indent=0)
                self.grey(tx.count_line(summary.figures), bottom=2)
        elif section.key == Section.PATTERNS and summary.patterns is not None:
            p = summary.patterns
            self.block(bottom=4, keep=True)
            self.text(tx.patterns_intro(p), self.char())
            if p.top_categories:
                self.table(tx.category_headers(), tx.category_rows(p))
            if p.coping:
                self.table(tx.coping_headers(), tx.coping_rows(p))
        elif not section.items and not section.groups:
            self.grey(tx.none_chosen())
        for item in section.items:
            self.item(item)
        for group in section.groups:
            self.group(group)


def build_document(summary: Summary, *, dpi: int) -> Built:
    """The whole summary as a QTextDocument (layout device and width are set by the caller)."""
    b = DocumentBuilder(dpi=dpi)
    b.block(bottom=3)
    b.text(summary.title, b.char(size=19, bold=True, colour=ACCENT))
    b.grey(tx.made_line(summary.made_on, summary.period), bottom=1)
    b.grey(tx.selection_line(summary.audience), bottom=6)
    if summary.note.strip():
        b.heading(_("What I want to say"), size=13.5, top=12)
        b.block(bottom=4)
        b.paragraphs(summary.note, b.char())
    for section in summary.sections:
        b.section(summary, section)
    b.shared_charts(summary)
    return b.built
