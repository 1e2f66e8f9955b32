"""The PDF shows statements, time together and chosen reflections, literally (read back)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services.export_data import INJECTION, NOW, PERIOD
from tests.services.written_data import (
    CHOSEN_REFLECTION,
    CHOSEN_STATEMENT,
    CHOSEN_TOGETHER,
    OTHER_REFLECTION,
    PRIVATE_REFLECTION,
    fill_written,
)
from tests.ui.test_pdf import _flat, _pdftotext, needs_poppler
from trustjournal.services.export.request import Audience, ExportRequest, Section
from trustjournal.services.export.summary import build_summary
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.pdf import render_pdf

pytestmark = pytest.mark.usefixtures("qapp")


@needs_poppler
def test_pdf_has_the_new_sections_with_only_the_chosen_reflection(
    repo: EntryRepository, tmp_path: Path
) -> None:
    written = fill_written(repo)
    request = ExportRequest.for_audience(
        Audience.SELF,
        PERIOD,
        sections=frozenset({Section.STATEMENTS, Section.TOGETHER, Section.REFLECTIONS}),
        reflection_ids=frozenset({written.chosen_reflection, written.hostile_reflection}),
    )
    path = tmp_path / "written.pdf"
    render_pdf(build_summary(repo, request, now=NOW), path, password=None)
    text = _flat("".join(_pdftotext(path)))
    for shown in (
        "Thingsiwanttosay".lower(),
        "timetogether",
        "reflections",
    ):
        assert shown in text.lower()
    for chosen in (CHOSEN_REFLECTION, CHOSEN_STATEMENT, CHOSEN_TOGETHER, "**notbold**"):
        assert _flat(chosen) in text, chosen
    for hostile in INJECTION:
        assert _flat(hostile) in text, hostile
    assert _flat(OTHER_REFLECTION) not in text
    assert _flat(PRIVATE_REFLECTION) not in text
