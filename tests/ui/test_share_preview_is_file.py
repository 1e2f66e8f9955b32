"""The preview is the file: after every kind of change and after a save, the text on screen is
the text of the file that Save writes, for every audience and format (DESIGN.md §5)."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.services.export_data import RTL
from tests.ui.share_helpers import make_composer, save_to
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.request import Audience, Section
from trustjournal.services.export.svg import legend_label
from trustjournal.services.export.text import day_text, period_text
from trustjournal.ui.pages.share_page import SharePage
from trustjournal.ui.share import choices

PDFTOTEXT = shutil.which("pdftotext")
FOOTER = re.compile(r"^Page \d+ of \d+$")
CHART_INTRO = ["Daily", "averages", "of", "my", "check", "ins"]


class _Text(HTMLParser):
    """The text a reader sees in the HTML file (not its head, not the chart's drawing)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip += tag in ("head", "svg")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("head", "svg")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _pdf_text(path: Path, page: SharePage) -> str:
    assert PDFTOTEXT is not None
    out = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    shown = page.shown
    assert shown is not None
    running = f"{shown.summary.title} · {period_text(shown.summary.period)}"
    lines = []
    for number, text in enumerate(out.split("\f")):
        for i, line in enumerate(text.splitlines()):
            if FOOTER.match(line.strip()) or (number and i == 0 and line.strip() == running):
                continue  # the page furniture of paper, not the summary's text
            lines.append(line)
    return "\n".join(lines)


def _file_text(path: Path, fmt: ExportFormat, page: SharePage) -> str:
    if fmt == ExportFormat.PDF:
        return _pdf_text(path, page)
    raw = path.read_text(encoding="utf-8")
    if fmt == ExportFormat.HTML:
        parser = _Text()
        parser.feed(raw)
        return " ".join(parser.parts)  # elements are apart on the page (blocks, margins)
    return raw  # Markdown's marks and escapes are punctuation, dropped by `_words`


INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# A PDF's text comes out in the order it is drawn: text after a right-to-left override reads
# reversed, as the reader sees it.
LOGICAL, VISUAL = RTL.replace("\u202e", ""), RTL.split("\u202e")[0] + RTL.split("\u202e")[1][::-1]


def _words(text: str) -> list[str]:
    """Letters and digits in reading order, with the chart (an image on screen) taken out.

    Zero-width and direction characters are dropped: they join or order words, and a PDF's
    text extraction drops them too.
    """
    words = re.findall(r"[^\W_]+", INVISIBLE.sub("", text).replace(VISUAL, LOGICAL))
    for i in range(len(words) - len(CHART_INTRO) + 1):
        if words[i : i + len(CHART_INTRO)] == CHART_INTRO:
            start = i + len(CHART_INTRO)
            return words[:start] + words[_figures(words, start) :]
    return words


def _figures(words: list[str], start: int) -> int:
    """Where the mood figures begin ("Mood 6 of 10…", "Mood stayed at…"), after the chart and
    its legend (a Markdown file has neither: it cannot draw)."""
    for j in range(start, len(words) - 2):
        if words[j] == "Mood" and (words[j + 2] == "of" or words[j + 1] in ("stayed", "no")):
            return j
    return start


def _pdf_words(text: str, page: SharePage) -> list[str]:
    """The PDF's words, sorted: its chart labels (axis and dates) taken out, and the order
    left aside, since short fields side by side on one line come out in columns."""
    words = Counter(re.findall(r"[^\W_]+", INVISIBLE.sub("", text).replace(VISUAL, LOGICAL)))
    shown = page.shown
    assert shown is not None
    chart = shown.summary.chart
    if chart is not None and not chart.is_empty:
        dates = f"{day_text(chart.start)} {day_text(chart.end)}"
        axis = ["0", "5", "10", *re.findall(r"[^\W_]+", dates)]
        legend = [w for s in chart.series if s.points for w in re.findall(r"\w+", legend_label(s))]
        words -= Counter(axis + legend)
    return sorted(words.elements())


def _same(written: list[str], shown: list[str], what: str) -> None:
    diff = list(difflib.unified_diff(shown, written, "preview", "file", lineterm="", n=2))
    assert written == shown, f"{what}:\n" + "\n".join(diff[:60])


def _untick_first(page: SharePage) -> None:
    page.model.setData(page.model.index(0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)


def _toggle_gratitude(page: SharePage) -> None:
    box = page.choices.sections[Section.GRATITUDE]
    box.setChecked(not box.isChecked())


CHANGES: list[tuple[str, Callable[[SharePage], None]]] = [
    ("saved as it was", lambda page: None),  # a save must not change what the next one writes
    ("period", lambda page: page.choices.set_period_choice(choices.WEEK)),
    ("section", _toggle_gratitude),
    ("entry", _untick_first),
    ("note", lambda page: page.note.setPlainText("Read the part about evenings first.")),
]


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("fmt", list(ExportFormat))
@pytest.mark.parametrize("audience", list(Audience))
def test_the_preview_is_the_file_after_every_change_and_every_save(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    audience: Audience,
    fmt: ExportFormat,
) -> None:
    page = make_composer(qtbot, tmp_path, fill=False).page
    other = next(a for a in Audience if a != audience)
    page.choices.set_audience(other)
    page.flush()
    steps = [("audience", lambda p: p.choices.set_audience(audience)), *CHANGES]
    for number, (what, change) in enumerate(steps):
        change(page)
        page.flush()
        preview = _words(page.preview.toPlainText())
        out = tmp_path / f"{number}.{fmt.value}"
        save_to(monkeypatch, page, out, fmt)
        assert not page.write.error.isVisibleTo(page), page.write.error.text()
        written = _file_text(out, fmt, page)
        if fmt == ExportFormat.PDF:
            _same(_pdf_words(written, page), sorted(preview), what)
        else:
            _same(_words(written), preview, what)
        page.flush()  # whatever the save changed on screen is shown before the next step
        _same(_words(page.preview.toPlainText()), preview, f"after saving ({what})")
