"""The sessions section in a real PDF, read back with poppler: literal text, nothing private."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services.between_export_data import (
    GOAL_TITLE,
    HOMEWORK_TITLE,
    MANUAL_TITLE,
    PRIVATE_SESSION,
    SESSION_REMEMBER,
    SESSION_WITH,
    STEP_DONE,
    STEP_OPEN,
    fill_between,
)
from tests.services.export_data import INJECTION, NOW, Journal, request_for
from tests.store.conftest import Clock
from tests.ui.test_pdf import _flat, _pdftotext, needs_poppler
from trustjournal.services.export.between_source import VaultBetween
from trustjournal.services.export.request import Audience
from trustjournal.services.export.summary import build_summary
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.pdf import render_pdf

pytestmark = pytest.mark.usefixtures("qapp")


@needs_poppler
def test_pdf_shows_sessions_homework_and_goals_literally_and_never_a_private_session(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, tmp_path: Path
) -> None:
    fill_between(db, repo, clock)
    request = request_for(Audience.THERAPIST, journal)
    summary = build_summary(repo, request, now=NOW, between_source=VaultBetween(db=db, clock=clock))
    path = tmp_path / "sessions.pdf"
    render_pdf(summary, path, password=None)
    text = _flat("".join(_pdftotext(path)))
    for shown in ("Sessions,homeworkandgoals", "Homework", "Goals", "2sessionsinthissummary."):
        assert shown in text
    for chosen in (SESSION_WITH, SESSION_REMEMBER, HOMEWORK_TITLE, MANUAL_TITLE, GOAL_TITLE):
        assert _flat(chosen) in text, chosen
    assert _flat(STEP_DONE) in text and _flat(STEP_OPEN) in text
    assert "3of7" in text  # the week of 2 March: three chosen check-ins, the private one not
    for hostile in (*INJECTION, "<b>Dr. X</b>"):
        assert _flat(hostile) in text, hostile
    assert _flat(PRIVATE_SESSION) not in text
