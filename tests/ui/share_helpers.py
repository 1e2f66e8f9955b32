"""Builders for Share page tests: the export test journal in a real vault, and the page over it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.services.export_data import NOW, PERIOD, Journal, fill_journal
from tests.ui.journal_helpers import MovableClock, create_vault, open_session
from trustjournal.services.export.log import ExportFormat
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.pages.share_page import SharePage
from trustjournal.ui.session import Session
from trustjournal.ui.share.save_dialog import SaveSummaryDialog

WRITTEN_EARLIER = NOW - timedelta(days=3)  # when the test journal's entries were written


@dataclass
class Composer:
    """A Share page over the export test journal."""

    page: SharePage
    session: Session
    vault: Vault
    journal: Journal
    clock: MovableClock
    repo: EntryRepository


def make_composer(qtbot: QtBot, tmp_path: Path, *, fill: bool = True) -> Composer:
    """The page over a real encrypted vault holding the export test journal (written 3 days
    ago), its period set to the journal's days."""
    vault = create_vault(tmp_path / "journal")
    repo = EntryRepository(db=vault.db, clock=lambda: WRITTEN_EARLIER)
    journal = fill_journal(repo)
    clock = MovableClock(NOW)
    session = open_session(vault, clock)
    page = SharePage(session=session)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    if fill:
        assert PERIOD.start is not None and PERIOD.end is not None
        page.choices.set_custom_dates(PERIOD.start, PERIOD.end)
        page.flush()
    return Composer(page, session, vault, journal, clock, EntryRepository(db=vault.db, clock=clock))


def save_to(
    monkeypatch: pytest.MonkeyPatch, page: SharePage, path: Path, fmt: ExportFormat
) -> list[str]:
    """Save through the page with the file dialog answering `path`; returns the names asked."""
    asked: list[str] = []

    def ask(cls: type, parent: object, suggested: str, file_format: ExportFormat) -> Path:
        asked.append(suggested)
        return path

    monkeypatch.setattr(SaveSummaryDialog, "ask", classmethod(ask))
    page.write.set_format(fmt)
    page.save()
    return asked


def labels(page: SharePage) -> list[str]:
    """Every checklist row's text."""
    model = page.model
    return [str(model.data(model.index(r))) for r in range(model.rowCount())]


def later(clock: MovableClock, **delta: float) -> Callable[[], datetime]:
    """A clock reading `delta` after `clock`."""
    return lambda: clock.now + timedelta(**delta)
