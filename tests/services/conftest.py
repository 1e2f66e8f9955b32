"""Export fixtures: a real encrypted journal database with the current schema, and a clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.export_data import Journal, fill_journal
from tests.store.conftest import Clock, create_schema
from trustjournal.store.db import Database, open_database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.exports import ExportLogRepository


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh encrypted journal database with every migration applied."""
    opened = open_database(tmp_path / "journal.db", os.urandom(32))
    create_schema(opened)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> Clock:
    """A hand-moved clock."""
    return Clock()


@pytest.fixture
def repo(db: Database, clock: Clock) -> EntryRepository:
    """The entry repository over the test database."""
    return EntryRepository(db=db, clock=clock)


@pytest.fixture
def export_log(db: Database, clock: Clock) -> ExportLogRepository:
    """The export log over the test database."""
    return ExportLogRepository(db=db, clock=clock)


@pytest.fixture
def journal(repo: EntryRepository) -> Journal:
    """A small journal with canaries: left out, private, and outside the period."""
    return fill_journal(repo)
