"""Store fixtures: a real encrypted database in tmp_path with the current schema, and a clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trustjournal.store.db import Database, open_database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.schema import MIGRATIONS, SCHEMA_VERSION

START = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand; every reading is an aware UTC instant."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        """Move the clock forward and return the new now."""
        self.now += timedelta(**delta)
        return self.now


def create_schema(db: Database) -> None:
    """Apply every migration and record the version, in one transaction."""
    with db.transaction():
        for migration in MIGRATIONS:
            migration.apply(db)
        db.execute(f"PRAGMA user_version = {int(SCHEMA_VERSION)}")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test database lives."""
    return tmp_path / "journal.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh encrypted journal database with the current schema."""
    opened = open_database(db_path, os.urandom(32))
    create_schema(opened)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> Clock:
    """A hand-moved clock starting at START."""
    return Clock()


@pytest.fixture
def repo(db: Database, clock: Clock) -> EntryRepository:
    """The entry repository over the test database."""
    return EntryRepository(db=db, clock=clock)
