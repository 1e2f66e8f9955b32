"""Migrations: one transaction each with the version bump, rollback on failure, newer refused."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.store.old_schema import add_before_v5
from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.core.errors import VaultTooNewError, VaultUpgradeError
from trustjournal.core.query import EntryQuery
from trustjournal.store import aggregates
from trustjournal.store.aggregates import CopingEffect
from trustjournal.store.db import Database, open_database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams, new_data_key
from trustjournal.store.migrations import migrate
from trustjournal.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "migrations are one-way"


def _clock() -> datetime:
    return datetime(2026, 3, 14, 9, 26, 53, tzinfo=UTC)


def _add_notes(db: Database) -> None:
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")


def _half_then_fail(db: Database) -> None:
    db.execute("CREATE TABLE half_done (x)")
    db.execute("INSERT INTO settings (key, value) VALUES ('half', '1')")
    raise RuntimeError("migration bug")


# The tests that add hypothetical migrations build on the first schema only, so they keep
# working as real migrations are appended to MIGRATIONS.
V1 = MIGRATIONS[:1]
V2_NOTES = Migration(2, "notes", _add_notes)
V2_FAILING = Migration(2, "fails halfway", _half_then_fail)
V3_FAILING = Migration(3, "fails halfway", _half_then_fail)


@pytest.fixture
def db() -> Iterator[Database]:
    # Encryption is not the point here; the vault tests below use real files.
    database = open_database(None, new_data_key())
    yield database
    database.close()


def _tables(db: Database) -> set[str]:
    return {row[0] for row in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_new_database_gets_every_migration(db: Database) -> None:
    assert migrate(db) == SCHEMA_VERSION
    assert db.user_version == SCHEMA_VERSION
    assert {"entries", "entry_names", "drafts", "settings", "vocabulary"} <= _tables(db)


def test_migrating_twice_changes_nothing_and_takes_no_backup(db: Database) -> None:
    migrate(db)
    calls: list[int] = []
    assert migrate(db, before_migrating=calls.append) == SCHEMA_VERSION
    assert calls == []


def test_backup_hook_runs_once_before_migrating_an_existing_database(db: Database) -> None:
    migrate(db, V1)
    calls: list[int] = []

    def hook(version: int) -> None:
        calls.append(version)
        assert "notes" not in _tables(db)  # nothing has changed yet when the hook runs

    three = (*V1, V2_NOTES, Migration(3, "index", lambda d: None))
    assert migrate(db, three, before_migrating=hook) == 3
    assert calls == [1]
    assert "notes" in _tables(db)


def test_no_backup_hook_for_a_brand_new_database(db: Database) -> None:
    calls: list[int] = []
    migrate(db, before_migrating=calls.append)
    assert calls == []


def test_failing_backup_hook_stops_every_migration(db: Database) -> None:
    migrate(db, V1)

    def hook(version: int) -> None:
        raise OSError("backup failed")

    with pytest.raises(OSError, match="backup failed"):
        migrate(db, (*V1, V2_NOTES), before_migrating=hook)
    assert db.user_version == 1
    assert "notes" not in _tables(db)


def test_failing_second_migration_rolls_back_to_the_first(db: Database) -> None:
    with pytest.raises(RuntimeError, match="migration bug"):
        migrate(db, (*V1, V2_FAILING))
    assert db.user_version == 1
    assert "half_done" not in _tables(db)
    assert db.query("SELECT * FROM settings") == []
    assert not db.connection.in_transaction


def test_failing_third_migration_keeps_the_second(db: Database) -> None:
    with pytest.raises(RuntimeError):
        migrate(db, (*V1, V2_NOTES, V3_FAILING))
    assert db.user_version == 2
    assert "notes" in _tables(db)
    assert "half_done" not in _tables(db)


def test_a_database_newer_than_the_app_is_refused_untouched(db: Database) -> None:
    migrate(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(VaultTooNewError, match="newer version"):
        migrate(db)
    assert db.user_version == SCHEMA_VERSION + 1


def test_misnumbered_migrations_are_a_bug(db: Database) -> None:
    with pytest.raises(ValueError, match="number 2"):
        migrate(db, (*V1, Migration(3, "skips two", _add_notes)))
    assert db.user_version == 0


def _files(root: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _vault_at_v1(tmp_path: Path) -> Path:
    directory = tmp_path / "vault"
    vault, _ = Vault.create(directory, PASSPHRASE, kdf=CHEAP, migrations=V1)
    with vault.db.transaction():
        vault.db.execute("INSERT INTO settings (key, value) VALUES ('kept', 'yes')")
    vault.lock()
    return directory


def test_failing_migration_at_unlock_leaves_the_vault_openable_at_its_version(
    tmp_path: Path,
) -> None:
    directory = _vault_at_v1(tmp_path)
    with pytest.raises(VaultUpgradeError, match="previous version"):
        Vault.unlock(directory, PASSPHRASE, migrations=(*V1, V2_FAILING), clock=_clock)
    assert not (directory / "journal.db-wal").exists()
    with Vault.unlock(directory, PASSPHRASE, migrations=V1) as vault:
        assert vault.db.user_version == 1
        assert vault.db.query("SELECT key FROM settings") == [("kept",)]
        assert vault.verify() == []


def test_unlock_backs_up_before_migrating_and_the_backup_opens_at_the_old_version(
    tmp_path: Path,
) -> None:
    directory = _vault_at_v1(tmp_path)
    with Vault.unlock(directory, PASSPHRASE, migrations=(*V1, V2_NOTES), clock=_clock) as vault:
        assert vault.db.user_version == 2
    backups = os.listdir(directory / "backups")
    assert backups == ["before-v1-20260314T092653Z"]
    backup = directory / "backups" / backups[0]
    with Vault.unlock(backup, PASSPHRASE, migrations=V1) as old:
        assert old.db.user_version == 1
        assert old.db.query("SELECT key FROM settings") == [("kept",)]


def test_a_vault_newer_than_the_app_is_refused_with_no_file_changed(tmp_path: Path) -> None:
    directory = tmp_path / "vault"
    vault, _ = Vault.create(directory, PASSPHRASE, kdf=CHEAP)
    vault.db.execute("PRAGMA user_version = 99")
    vault.lock()
    before = _files(tmp_path)
    with pytest.raises(VaultTooNewError):
        Vault.unlock(directory, PASSPHRASE)
    assert _files(tmp_path) == before


COPING_INDEX = "entries_trigger_coping"


def _index_names(db: Database) -> set[str]:
    return {row[0] for row in db.query("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_vault_at_version_two_gains_the_coping_index_and_keeps_its_entries(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "vault"
    vault, _ = Vault.create(directory, PASSPHRASE, kdf=CHEAP, migrations=MIGRATIONS[:2])
    when = _clock()
    add_before_v5(vault.db, MoodCheckIn(occurred_at=when, mood=6), now=when)
    add_before_v5(
        vault.db,
        TriggerRecord(
            occurred_at=when,
            situation="a late message",
            intensity=7,
            coping=("walk",),
            intensity_after=4,
        ),
        now=when,
    )
    assert COPING_INDEX not in _index_names(vault.db)
    vault.lock()

    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as upgraded:
        assert upgraded.db.user_version == SCHEMA_VERSION
        assert COPING_INDEX in _index_names(upgraded.db)
        assert EntryRepository(db=upgraded.db, clock=_clock).count(EntryQuery()) == 2
        assert aggregates.coping_effect(upgraded.db, None) == [CopingEffect("walk", 1, 1, 3.0)]
        assert upgraded.verify() == []
    assert os.listdir(directory / "backups") == ["before-v2-20260314T092653Z"]


def _timeline_columns(db: Database) -> list[str]:
    return [str(row[2]) for row in db.query("PRAGMA index_info('entries_timeline')")]


def test_a_vault_at_version_three_gains_the_covering_timeline_index_and_keeps_its_entries(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "vault"
    vault, _ = Vault.create(directory, PASSPHRASE, kdf=CHEAP, migrations=MIGRATIONS[:3])
    repo = EntryRepository(db=vault.db, clock=_clock)
    when = _clock()
    older = add_before_v5(
        vault.db, MoodCheckIn(occurred_at=when.replace(day=1), mood=4, note="tea outside"), now=when
    )
    newer = add_before_v5(
        vault.db, MoodCheckIn(occurred_at=when, mood=6, note="tea again"), now=when
    )
    gone = add_before_v5(
        vault.db, MoodCheckIn(occurred_at=when, mood=6, note="tea, deleted"), now=when
    )
    repo.delete(gone.id or 0)
    assert _timeline_columns(vault.db) == ["occurred_utc", "id"]
    vault.lock()

    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as upgraded:
        assert upgraded.db.user_version == SCHEMA_VERSION
        assert _timeline_columns(upgraded.db) == ["occurred_utc", "id", "local_day", "deleted_utc"]
        repo = EntryRepository(db=upgraded.db, clock=_clock)
        expected = [(newer.id, "2026-03-14"), (older.id, "2026-03-01")]
        assert repo.timeline(EntryQuery(search="tea")) == expected
        assert repo.timeline_slice(EntryQuery(search="tea"), limit=1).rows == (expected[0],)
        assert repo.timeline(EntryQuery(deleted=True)) == [(gone.id, "2026-03-14")]
        assert upgraded.verify() == []
    assert os.listdir(directory / "backups") == ["before-v3-20260314T092653Z"]


def test_a_timeline_slice_reads_only_the_covering_timeline_index(db: Database) -> None:
    migrate(db)
    rows = db.query(
        "EXPLAIN QUERY PLAN SELECT id, local_day, occurred_utc FROM entries"
        " WHERE deleted_utc IS NULL AND (occurred_utc, id) < (?, ?)"
        " ORDER BY occurred_utc DESC, id DESC LIMIT ?",
        (0, 0, 500),
    )
    plan = " | ".join(str(row[-1]) for row in rows)
    assert "USING COVERING INDEX entries_timeline" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
