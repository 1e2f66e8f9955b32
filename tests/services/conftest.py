"""Export fixtures: the store's real encrypted database, clock and repository, plus the export
log and a small journal with canaries."""

from __future__ import annotations

import pytest

from tests.services.export_data import Journal, fill_journal
from tests.store.conftest import Clock, clock, db, db_path, repo  # noqa: F401 - shared fixtures
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.exports import ExportLogRepository


@pytest.fixture
def export_log(db: Database, clock: Clock) -> ExportLogRepository:  # noqa: F811 - fixture args
    """The export log over the test database."""
    return ExportLogRepository(db=db, clock=clock)


@pytest.fixture
def journal(repo: EntryRepository) -> Journal:  # noqa: F811 - fixture argument
    """A small journal with canaries: left out, private, and outside the period."""
    return fill_journal(repo)
