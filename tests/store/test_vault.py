"""Creating, locking and verifying a vault; what a vault directory may and may not be."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from trustjournal.core.errors import (
    NotAVaultError,
    VaultExistsError,
    VaultIncompleteError,
    VaultLockedError,
)
from trustjournal.store.db import Database, looks_plaintext
from trustjournal.store.keyfile import DEFAULT_KDF, KdfParams
from trustjournal.store.schema import SCHEMA_VERSION, Migration
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "a quiet place to write"


def _files(root: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_create_makes_a_private_directory_with_key_file_and_encrypted_database(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "deep" / "vault"
    vault, code = Vault.create(directory, PASSPHRASE, kdf=CHEAP)
    assert len(code.split("-")) == 7
    assert not vault.is_locked
    assert not vault.needs_new_passphrase
    assert vault.directory == directory
    assert vault.db.user_version == SCHEMA_VERSION
    vault.lock()
    assert sorted(os.listdir(directory)) == ["journal.db", "vault.key"]
    if os.name != "nt":
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
        assert stat.S_IMODE((directory / "journal.db").stat().st_mode) == 0o600
        assert stat.S_IMODE((directory / "vault.key").stat().st_mode) == 0o600
    assert not looks_plaintext(directory / "journal.db")
    assert json.loads((directory / "vault.key").read_text())["vault_id"] == vault.vault_id
    assert Vault.exists(directory)


def test_create_in_an_existing_empty_folder_works(tmp_path: Path) -> None:
    (tmp_path / ".DS_Store").write_bytes(b"")  # OS litter does not count as content
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    vault.lock()
    assert Vault.exists(tmp_path)


def test_a_stale_instance_lock_does_not_make_a_folder_foreign(tmp_path: Path) -> None:
    (tmp_path / ".lock").write_text("12345\nTrustJournal\nhost\n")  # left by a crashed app
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    vault.lock()
    assert Vault.exists(tmp_path)


def test_create_refuses_an_existing_vault_and_changes_nothing(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=CHEAP)
    vault.lock()
    before = _files(tmp_path)
    with pytest.raises(VaultExistsError):
        Vault.create(tmp_path / "v", "another passphrase", kdf=CHEAP)
    assert _files(tmp_path) == before


def test_create_never_writes_into_a_folder_of_other_files(tmp_path: Path) -> None:
    (tmp_path / "letter.txt").write_text("Dear diary")
    before = _files(tmp_path)
    with pytest.raises(NotAVaultError, match="other files"):
        Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    assert _files(tmp_path) == before
    assert sorted(os.listdir(tmp_path)) == ["letter.txt"]


def test_create_refuses_a_file_as_the_vault_folder(tmp_path: Path) -> None:
    target = tmp_path / "notes"
    target.write_text("x")
    with pytest.raises(NotAVaultError):
        Vault.create(target, PASSPHRASE, kdf=CHEAP)


def test_an_interrupted_creation_is_described_not_overwritten(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=CHEAP)
    vault.lock()
    (tmp_path / "v" / "vault.key").unlink()  # what a crash before the key file leaves
    before = _files(tmp_path)
    assert not Vault.exists(tmp_path / "v")
    with pytest.raises(VaultIncompleteError, match=r"vault\.key"):
        Vault.create(tmp_path / "v", PASSPHRASE, kdf=CHEAP)
    with pytest.raises(VaultIncompleteError):
        Vault.unlock(tmp_path / "v", PASSPHRASE)
    assert _files(tmp_path) == before


def _broken_schema(db: Database) -> None:
    raise RuntimeError("schema bug")


def test_a_failed_creation_leaves_nothing_behind(tmp_path: Path) -> None:
    broken = (Migration(1, "broken", _broken_schema),)
    with pytest.raises(RuntimeError, match="schema bug"):
        Vault.create(tmp_path / "v", PASSPHRASE, kdf=CHEAP, migrations=broken)
    assert os.listdir(tmp_path) == []
    (tmp_path / "empty").mkdir()
    with pytest.raises(RuntimeError, match="schema bug"):
        Vault.create(tmp_path / "empty", PASSPHRASE, kdf=CHEAP, migrations=broken)
    assert os.listdir(tmp_path / "empty") == []


def test_lock_closes_checkpoints_and_is_idempotent(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    with vault.db.transaction():
        vault.db.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')")
    assert (tmp_path / "journal.db-wal").exists()
    vault.lock()
    vault.lock()
    assert vault.is_locked
    assert sorted(os.listdir(tmp_path)) == ["journal.db", "vault.key"]
    with pytest.raises(VaultLockedError):
        _ = vault.db
    with pytest.raises(VaultLockedError):
        vault.backup_to(tmp_path.parent / "backup")
    with pytest.raises(VaultLockedError):
        vault.change_passphrase(PASSPHRASE, "new")


def test_lock_wipes_the_data_key_buffer(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    buffer = vault._key
    assert buffer is not None
    assert any(buffer)
    vault.lock()
    assert vault._key is None
    assert not any(buffer)


def test_leaving_a_with_block_locks_the_vault(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    with vault:
        pass
    assert vault.is_locked


def test_a_sound_vault_verifies_clean(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    with vault:
        assert vault.verify() == []


def test_verify_reports_a_damaged_page(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    with vault.db.transaction():
        for i in range(300):
            vault.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)", (f"k{i}", "v" * 200)
            )
    vault.lock()
    path = tmp_path / "journal.db"
    data = bytearray(path.read_bytes())
    data[len(data) - 2000] ^= 0xFF  # flip a byte inside the last page
    path.write_bytes(bytes(data))
    with Vault.unlock(tmp_path, PASSPHRASE) as reopened:
        problems = reopened.verify()
    assert problems
    assert any("page" in problem for problem in problems)


def test_the_default_kdf_parameters_are_stored_and_open_the_vault(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=DEFAULT_KDF)
    vault.lock()
    slots = json.loads((tmp_path / "vault.key").read_text())["slots"]
    for slot in ("passphrase", "recovery"):
        kdf = slots[slot]["kdf"]
        assert (kdf["algorithm"], kdf["memory_kib"], kdf["iterations"], kdf["lanes"]) == (
            "argon2id",
            262144,
            3,
            4,
        )
    with Vault.unlock(tmp_path, PASSPHRASE) as reopened:
        assert reopened.vault_id == vault.vault_id


def test_stray_temp_files_from_a_crash_do_not_block_and_are_swept(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    vault.lock()
    stray = tmp_path / ".vault.key.0123456789abcdef.tmp"
    stray.write_bytes(b'{"format": "trustjournal-vault-key", "vers')
    with Vault.unlock(tmp_path, PASSPHRASE):
        pass
    assert not stray.exists()
    assert sorted(os.listdir(tmp_path)) == ["journal.db", "vault.key"]
