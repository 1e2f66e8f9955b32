"""Store fixtures: a real encrypted database in tmp_path with the current schema, and a clock."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

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


def query_plans(
    db: Database, read: Callable[[Database], Any], monkeypatch: pytest.MonkeyPatch
) -> str:
    """Run one figure and return the query plans of the SQL it sent, one per query."""
    seen: list[tuple[str, Any]] = []
    real_query, real_scalar = Database.query, Database.scalar

    def record(self: Database, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        seen.append((sql, params))
        return real_query(self, sql, params)

    def record_one(self: Database, sql: str, params: Any = ()) -> Any:
        seen.append((sql, params))
        return real_scalar(self, sql, params)

    monkeypatch.setattr(Database, "query", record)
    monkeypatch.setattr(Database, "scalar", record_one)
    read(db)
    monkeypatch.undo()
    return " || ".join(
        " | ".join(str(row[3]) for row in db.query("EXPLAIN QUERY PLAN " + sql, params))
        for sql, params in seen
    )
