"""A summary in another language than the UI: German headings, dates and plurals, UI untouched."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.export_data import NOW, PERIOD, Journal, request_for
from trustjournal.core import i18n
from trustjournal.core.i18n import _
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.request import Audience, ExportRequest
from trustjournal.services.export.summary import build_summary
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.pdf import render_pdf

pytestmark = pytest.mark.usefixtures("qapp")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture(autouse=True)
def english_ui() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def _german_partner_request(journal: Journal) -> ExportRequest:
    return request_for(Audience.PARTNER, journal, language="de")


def _check_german(text: str, request: ExportRequest, repo: EntryRepository) -> None:
    flat = " ".join(text.split())
    summary = build_summary(repo, request, now=NOW)
    assert summary.figures is not None
    moods, grateful = summary.figures.mood_count, summary.figures.gratitude_count
    records = summary.figures.trigger_count
    assert "Zusammenfassung für meine Partnerin oder meinen Partner" in flat
    assert "Stimmung, Verbundenheit und Vertrauen" in flat
    assert "Schwere Momente" in flat
    # German dates: "1. März 2026 – 14. März 2026 · erstellt am 14. März 2026"
    assert "1. März 2026 – 14. März 2026 · erstellt am 14. März 2026" in flat
    # German plurals, each for its own count.
    check_ins = f"{moods} Check-in" if moods == 1 else f"{moods} Check-ins"
    thanks = (
        f"{grateful} Dankbarkeitseintrag" if grateful == 1 else f"{grateful} Dankbarkeitseinträge"
    )
    hard = f"{records} schwerer Moment" if records == 1 else f"{records} schwere Momente"
    assert f"In dieser Zusammenfassung: {check_ins}, {thanks}, {hard}." in flat
    for english in ("Summary for my partner", "Hard moment", "March", "made on", "check-ins"):
        assert english not in flat


def test_a_german_markdown_summary_leaves_the_ui_english(
    repo: EntryRepository, journal: Journal
) -> None:
    request = _german_partner_request(journal)
    assert request.language == "de"
    text = render_markdown(build_summary(repo, request, now=NOW))
    _check_german(text.replace("\\", ""), request, repo)
    assert "### Sa., 07.03.2026, 20:00 · Schwerer Moment" in text  # weekday and date, German
    assert i18n.current_language() == "en"
    assert _("Hard moment") == "Hard moment"


def test_one_of_each_is_said_in_the_singular(repo: EntryRepository, journal: Journal) -> None:
    summary = build_summary(repo, _german_partner_request(journal), now=NOW)
    keep = {summary.candidates[0].entry_id}
    left_out = frozenset(c.entry_id for c in summary.candidates if c.entry_id not in keep)
    one = request_for(Audience.PARTNER, journal, language="de", excluded_ids=left_out)
    text = render_markdown(build_summary(repo, one, now=NOW))
    assert "In dieser Zusammenfassung: 1 Check-in." in text
    english = render_markdown(
        build_summary(repo, request_for(Audience.PARTNER, journal, excluded_ids=left_out), now=NOW)
    )
    assert "In this summary: 1 check-in." in english


def test_the_request_defaults_to_the_ui_language(journal: Journal) -> None:
    assert request_for(Audience.SELF, journal).language == "en"
    i18n.set_language("de")
    assert ExportRequest.for_audience(Audience.SELF, PERIOD).language == "de"


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils is not installed")
def test_a_german_pdf_summary_reads_german_and_the_ui_stays_english(
    repo: EntryRepository, journal: Journal, tmp_path: Path
) -> None:
    request = _german_partner_request(journal)
    path = tmp_path / "de.pdf"
    render_pdf(build_summary(repo, request, now=NOW), path, password=None)
    assert PDFTOTEXT is not None
    out = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=120
    ).stdout.decode("utf-8")
    _check_german(out, request, repo)
    assert "Seite 1 von" in out
    assert "Stimmung (Schnitt" in out  # the chart's legend
    assert i18n.current_language() == "en"
    assert _("Hard moment") == "Hard moment"
