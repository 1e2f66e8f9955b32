"""Bring a journal database to the current schema, one transaction per numbered migration."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from trustjournal.core.errors import VaultTooNewError
from trustjournal.store import schema
from trustjournal.store.db import Database
from trustjournal.store.schema import Migration

log = logging.getLogger(__name__)


def check_numbering(migrations: Sequence[Migration]) -> None:
    """Make sure migrations are numbered 1, 2, 3, … without gaps (a bug otherwise).

    Raises:
        ValueError: if they are not.
    """
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise ValueError(f"migration {migration.name!r} should be number {expected}")


def migrate(
    db: Database,
    migrations: Sequence[Migration] = schema.MIGRATIONS,
    *,
    before_migrating: Callable[[int], None] | None = None,
) -> int:
    """Apply every pending migration, each in one transaction with its `user_version` bump.

    Args:
        db: the open database.
        migrations: the numbered migrations, 1 first.
        before_migrating: called once with the current version before the first pending
            migration runs on a database that already has a schema (the vault takes a backup);
            if it raises, nothing is migrated.

    Returns:
        The schema version the database is at afterwards.

    Raises:
        VaultTooNewError: if the database is newer than the newest migration; nothing changes.
        Exception: whatever a failing migration raised; that migration is rolled back and the
            database stays at the version before it.
    """
    check_numbering(migrations)
    current = db.user_version
    latest = len(migrations)
    if current > latest:
        raise VaultTooNewError()
    pending = migrations[current:]
    if not pending:
        return current
    if current > 0 and before_migrating is not None:
        before_migrating(current)
    for migration in pending:
        log.info("migrating the journal to schema version %d", migration.version)
        if migration.rebuilds_tables:
            _apply_rebuilding(db, migration)
        else:
            _apply(db, migration)
    return db.user_version


def _apply(db: Database, migration: Migration) -> None:
    with db.transaction():
        migration.apply(db)
        # PRAGMA takes no bound parameters; the version is an int we numbered ourselves.
        db.execute(f"PRAGMA user_version = {int(migration.version)}")


def _apply_rebuilding(db: Database, migration: Migration) -> None:
    """SQLite's way to rebuild a table: foreign keys off (outside the transaction, where the
    pragma has effect), every reference checked before the commit, and on again after."""
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.transaction():
            migration.apply(db)
            broken = db.query("PRAGMA foreign_key_check")
            if broken:
                raise RuntimeError(
                    f"migration {migration.version} would leave {len(broken)} broken references"
                )
            db.execute(f"PRAGMA user_version = {int(migration.version)}")
    finally:
        db.execute("PRAGMA foreign_keys = ON")
