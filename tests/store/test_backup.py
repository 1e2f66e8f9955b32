"""Backups are complete, checked vault copies; restore swaps them in atomically (S13)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from trustjournal.core.errors import (
    NotAVaultError,
    VaultCorruptError,
    VaultExistsError,
    VaultInUseError,
    VaultTooNewError,
    WrongSecretError,
)
from trustjournal.store.db import Database
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.schema import MIGRATIONS, Migration
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "backups or it did not happen"
TABLES = ("entries", "entry_names", "drafts", "settings", "vocabulary")


def _clock() -> datetime:
    return datetime(2026, 5, 1, 20, 0, 0, tzinfo=UTC)


def _contents(db: Database) -> dict[str, Any]:
    found: dict[str, Any] = {t: db.query(f"SELECT * FROM {t} ORDER BY 1") for t in TABLES}  # noqa: S608
    found["fts"] = db.query("SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'harbour'")
    found["user_version"] = db.user_version
    return found


def _fill(db: Database, marker: str) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO entries (kind, occurred_utc, utc_offset_min, local_day, local_hour,"
            " created_utc, updated_utc, mood, note) VALUES ('mood', 1, 60, '2026-05-01', 9,"
            " 1, 1, 7, ?)",
            (marker,),
        )
        entry_id = db.scalar("SELECT max(id) FROM entries")
        db.execute("INSERT INTO entry_names VALUES (?, 'tag', 0, 'Walk', 'walk')", (entry_id,))
        db.execute(
            "INSERT INTO entries_fts (rowid, body) VALUES (?, ?)", (entry_id, marker + " harbour")
        )
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('marker', ?)", (marker,))


@pytest.fixture
def vault(tmp_path: Path) -> Any:
    created, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=CHEAP, clock=_clock)
    _fill(created.db, "first")
    yield created
    created.lock()


def _files(root: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_backup_is_a_complete_vault_equal_to_the_original(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "backup"
    vault.backup_to(target)
    assert sorted(os.listdir(target)) == ["journal.db", "vault.key"]
    assert (target / "vault.key").read_bytes() == (vault.directory / "vault.key").read_bytes()
    with Vault.unlock(target, PASSPHRASE) as copy:
        assert _contents(copy.db) == _contents(vault.db)
        assert copy.verify() == []


def test_backup_copies_the_schema_version(tmp_path: Path) -> None:
    directory = tmp_path / "vault"
    created, _ = Vault.create(directory, PASSPHRASE, kdf=CHEAP, migrations=MIGRATIONS[:1])
    created.lock()
    two = (*MIGRATIONS[:1], Migration(2, "notes", lambda db: db.execute("CREATE TABLE notes (x)")))
    with Vault.unlock(directory, PASSPHRASE, migrations=two, clock=_clock) as vault:
        vault.backup_to(tmp_path / "backup")
    with Vault.unlock(tmp_path / "backup", PASSPHRASE, migrations=two) as copy:
        assert copy.db.user_version == 2


def test_backup_to_an_awkward_path_binds_it_as_a_parameter(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "it's a \"quoted\"; path -- x'00'"
    vault.backup_to(target)
    with Vault.unlock(target, PASSPHRASE) as copy:
        assert copy.db.scalar("SELECT value FROM settings WHERE key = 'marker'") == "first"


def test_backup_refreshes_an_earlier_backup_of_the_same_vault(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "backup"
    vault.backup_to(target)
    _fill(vault.db, "second")
    vault.backup_to(target)
    assert sorted(os.listdir(target)) == ["journal.db", "vault.key"]
    with Vault.unlock(target, PASSPHRASE) as copy:
        assert copy.db.scalar("SELECT value FROM settings WHERE key = 'marker'") == "second"


def test_backup_never_writes_over_other_files_a_different_journal_or_itself(
    vault: Vault, tmp_path: Path
) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "taxes.pdf").write_bytes(b"%PDF")
    other, _ = Vault.create(tmp_path / "other", "other", kdf=CHEAP)
    other.lock()
    vault.db.checkpoint()
    before = _files(tmp_path)
    with pytest.raises(NotAVaultError):
        vault.backup_to(documents)
    with pytest.raises(VaultExistsError, match="different journal"):
        vault.backup_to(tmp_path / "other")
    with pytest.raises(VaultExistsError):
        vault.backup_to(vault.directory)
    assert _files(tmp_path) == before


def test_backup_refuses_a_target_whose_copy_is_open(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "backup"
    vault.backup_to(target)
    (target / "journal.db-wal").write_bytes(b"\x00" * 32)  # someone has this copy open
    with pytest.raises(VaultInUseError):
        vault.backup_to(target)


def test_backup_and_restore_round_trip(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "backup"
    vault.backup_to(target)
    expected = _contents(vault.db)
    _fill(vault.db, "after the backup")
    vault.lock()
    Vault.restore(target, vault.directory, PASSPHRASE, clock=_clock)
    with Vault.unlock(vault.directory, PASSPHRASE) as restored:
        assert _contents(restored.db) == expected
        assert restored.verify() == []


def test_restore_keeps_the_replaced_journal_as_a_backup(vault: Vault, tmp_path: Path) -> None:
    vault.backup_to(tmp_path / "backup")
    _fill(vault.db, "would be lost")
    newest = _contents(vault.db)
    vault.lock()
    Vault.restore(tmp_path / "backup", vault.directory, PASSPHRASE, clock=_clock)
    kept = vault.directory / "backups" / "before-restore-20260501T200000Z"
    with Vault.unlock(kept, PASSPHRASE) as previous:
        assert _contents(previous.db) == newest
    assert not any(name.endswith(".tmp") for name in os.listdir(vault.directory))


def test_restore_keeps_the_current_passphrase_and_accepts_the_backups(
    vault: Vault, tmp_path: Path
) -> None:
    vault.backup_to(tmp_path / "backup")
    vault.change_passphrase(PASSPHRASE, "changed since")
    vault.lock()
    Vault.restore(tmp_path / "backup", vault.directory, PASSPHRASE, clock=_clock)
    with pytest.raises(WrongSecretError):
        Vault.unlock(vault.directory, PASSPHRASE)
    with Vault.unlock(vault.directory, "changed since"):
        pass
    Vault.restore(tmp_path / "backup", vault.directory, "changed since", clock=_clock)


def test_restore_with_a_wrong_passphrase_changes_nothing(vault: Vault, tmp_path: Path) -> None:
    vault.backup_to(tmp_path / "backup")
    vault.lock()
    before = _files(tmp_path)
    with pytest.raises(WrongSecretError):
        Vault.restore(tmp_path / "backup", vault.directory, "guess", clock=_clock)
    assert _files(tmp_path) == before


def test_restore_into_an_empty_place_creates_the_vault(vault: Vault, tmp_path: Path) -> None:
    vault.backup_to(tmp_path / "backup")
    expected = _contents(vault.db)
    Vault.restore(tmp_path / "backup", tmp_path / "new home", PASSPHRASE, clock=_clock)
    with Vault.unlock(tmp_path / "new home", PASSPHRASE) as restored:
        assert _contents(restored.db) == expected
        assert restored.vault_id == vault.vault_id


def test_restore_refuses_a_damaged_backup_and_changes_nothing(vault: Vault, tmp_path: Path) -> None:
    vault.backup_to(tmp_path / "backup")
    vault.lock()
    damaged = tmp_path / "backup" / "journal.db"
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    before = _files(tmp_path)
    with pytest.raises(VaultCorruptError):
        Vault.restore(tmp_path / "backup", vault.directory, PASSPHRASE, clock=_clock)
    assert _files(tmp_path) == before


def test_restore_refuses_a_different_journal(vault: Vault, tmp_path: Path) -> None:
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, kdf=CHEAP)
    other.backup_to(tmp_path / "other-backup")
    other.lock()
    vault.lock()
    before = _files(tmp_path)
    with pytest.raises(VaultExistsError, match="different journal"):
        Vault.restore(tmp_path / "other-backup", vault.directory, PASSPHRASE, clock=_clock)
    assert _files(tmp_path) == before


def test_restore_refuses_a_backup_from_a_newer_app(vault: Vault, tmp_path: Path) -> None:
    vault.db.execute("PRAGMA user_version = 42")
    vault.backup_to(tmp_path / "backup")
    vault.db.execute("PRAGMA user_version = 1")
    vault.lock()
    with pytest.raises(VaultTooNewError):
        Vault.restore(tmp_path / "backup", vault.directory, PASSPHRASE, clock=_clock)


def test_restore_rescues_a_vault_whose_database_is_damaged(vault: Vault, tmp_path: Path) -> None:
    vault.backup_to(tmp_path / "backup")
    expected = _contents(vault.db)
    vault.lock()
    live = vault.directory / "journal.db"
    damaged = b"\x00" * 4096 + live.read_bytes()[4096:]
    live.write_bytes(damaged)
    Vault.restore(tmp_path / "backup", vault.directory, PASSPHRASE, clock=_clock)
    with Vault.unlock(vault.directory, PASSPHRASE) as restored:
        assert _contents(restored.db) == expected
    kept = vault.directory / "backups" / "before-restore-20260501T200000Z" / "journal.db"
    assert kept.read_bytes() == damaged


def test_restore_refuses_a_vault_that_is_open_elsewhere(vault: Vault, tmp_path: Path) -> None:
    vault.backup_to(tmp_path / "backup")
    _fill(vault.db, "still being written")
    before = _files(vault.directory)
    with pytest.raises(VaultInUseError):
        Vault.restore(tmp_path / "backup", vault.directory, PASSPHRASE, clock=_clock)
    after = _files(vault.directory)
    del before["journal.db-shm"], after["journal.db-shm"]  # shared memory: readers write it
    assert after == before
    assert vault.db.scalar("SELECT value FROM settings WHERE key = 'marker'") == (
        "still being written"
    )
    vault.lock()
    with Vault.unlock(vault.directory, PASSPHRASE) as reopened:
        assert reopened.db.scalar("SELECT value FROM settings WHERE key = 'marker'") == (
            "still being written"
        )
