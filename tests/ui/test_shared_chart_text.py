"""The words under added charts in every format: Emotions kept short, Gratitude in the bars'
order, and "Writing and time together" counted from the summary's own entries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.services.export_data import NOW, PERIOD, at
from tests.services.written_data import fill_written
from tests.ui.test_pdf import _pdftotext, needs_poppler
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn
from trustjournal.services.export.html import render_html
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.request import Audience, ExportRequest
from trustjournal.services.export.shared_charts import ChartKind, shared_chart
from trustjournal.services.export.summary import build_summary
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.pdf import render_pdf

pytestmark = pytest.mark.usefixtures("qapp")

# Twelve emotions, named 12, 11, … 5 times (the top eight), then 3, 2, 1 and 1 times.
NAMED = {
    "Hopeful": 12,
    "Calm": 11,
    "Tired": 10,
    "Anxious": 9,
    "Sad": 8,
    "Grateful": 7,
    "Lonely": 6,
    "Angry": 5,
    "Hurt": 3,
    "Relieved": 2,
    "Jealous": 1,
    "Proud": 1,
}
REST = "Also: Hurt, Relieved, Jealous, Proud, each named at most 3 times."


def _one_line(text: str) -> str:
    return " ".join(text.split())


@needs_poppler
def test_emotions_keep_eight_lines_and_say_the_rest_in_one_sentence_in_every_format(
    repo: EntryRepository, tmp_path: Path
) -> None:
    for k in range(12):
        named = tuple(name for name, count in NAMED.items() if k < count)
        repo.add(MoodCheckIn(occurred_at=at(1 + k), mood=5, emotions=named))
    request = ExportRequest.for_audience(Audience.SELF, PERIOD, charts=("emotions",))
    summary = build_summary(repo, request, now=NOW)
    (chart,) = summary.charts
    assert chart.text[1:] == (
        "Hopeful: 12 times",
        "Calm: 11 times",
        "Tired: 10 times",
        "Anxious: 9 times",
        "Sad: 8 times",
        "Grateful: 7 times",
        "Lonely: 6 times",
        "Angry: 5 times",
        REST,
    )
    pdf = tmp_path / "s.pdf"
    render_pdf(summary, pdf, password=None)
    for written in (
        render_markdown(summary),
        render_html(summary),
        "".join(_pdftotext(pdf)),
    ):
        flat = _one_line(written)
        assert "Angry: 5 times" in flat
        assert REST in flat
        assert "Hurt: 3 times" not in flat and "Proud: 1 time" not in flat


def test_a_single_named_rest_says_once() -> None:
    entries = [
        MoodCheckIn(occurred_at=at(2), mood=5, emotions=tuple(f"Feeling {i}" for i in range(10)))
    ]
    chart = shared_chart(ChartKind.EMOTIONS, entries, PERIOD.start or NOW.date(), NOW.date())
    assert chart.text[-1] == "Also: Feeling 8, Feeling 9, each named once."


def test_gratitude_words_follow_the_bars_from_the_first_to_the_last() -> None:
    notes = [
        GratitudeEntry(occurred_at=at(2), text="a", expressed=True),
        GratitudeEntry(occurred_at=at(3), text="b"),
        GratitudeEntry(occurred_at=at(12), text="c", expressed=True),
    ]
    chart = shared_chart(ChartKind.GRATITUDE, notes, date(2026, 3, 1), date(2026, 3, 14))
    assert chart.text == (
        "3 appreciations; told 2 of them.",
        "Each bar is a week or month, filled to the share told; from the first to the last:",
        "March 1, 2026 – March 7, 2026: told 1 of 2",
        "March 8, 2026 – March 14, 2026: told 1 of 1",
    )


def test_writing_and_time_together_counts_only_what_the_summary_includes(
    repo: EntryRepository, tmp_path: Path
) -> None:
    written = fill_written(repo)
    request = ExportRequest.for_audience(
        Audience.SELF,
        PERIOD,
        charts=("written",),
        reflection_ids=frozenset({written.chosen_reflection}),  # the other stays unticked
        excluded_ids=frozenset({written.left_out_together}),
    )
    summary = build_summary(repo, request, now=NOW)
    (chart,) = summary.charts
    assert chart.title == "Writing and time together"
    assert chart.scene is not None
    assert chart.text == (
        "1 reflection chosen for this summary, one by one.",
        "2 I statements: 2 said, 0 not yet.",
        "1 time together.",
        "1 h 30 min noted in all.",
        "How connected I felt: 8 on average (1 time noted it)."
        " That is too few to show a pattern yet.",
    )
    html = render_html(summary).split("Charts from my insights", 1)[1]
    assert html.count("<svg") == 1
    assert "1 time together." in html


def test_writing_and_time_together_with_none_included_draws_nothing() -> None:
    chart = shared_chart(ChartKind.WRITTEN, [], date(2026, 3, 1), date(2026, 3, 14))
    assert chart.scene is None
    assert chart.text == ("No reflections, I statements or time together in this summary.",)
