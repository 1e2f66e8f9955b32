"""The SQLCipher wrapper: real encryption, pragmas, transactions, error translation."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from trustjournal.core.errors import EncryptionUnavailableError, VaultCorruptError
from trustjournal.store import db as db_module
from trustjournal.store.db import Database, looks_plaintext, open_database, raw_key_material

CANARY = "canary-9b1e-harbour"


@pytest.fixture
def database(tmp_path: Path) -> Database:
    opened = open_database(tmp_path / "j.db", os.urandom(32))
    with opened.transaction():
        opened.execute("CREATE TABLE t (a TEXT)")
    return opened


def test_files_are_encrypted_and_hold_no_plaintext(tmp_path: Path, database: Database) -> None:
    with database.transaction():
        database.execute("INSERT INTO t VALUES (?)", (CANARY,))
    database.close()
    path = tmp_path / "j.db"
    assert not looks_plaintext(path)
    for file in tmp_path.iterdir():
        assert CANARY.encode() not in file.read_bytes()


def test_the_durability_pragmas_are_set(database: Database) -> None:
    assert database.scalar("PRAGMA journal_mode") == "wal"
    assert database.scalar("PRAGMA synchronous") == 2  # FULL
    assert database.scalar("PRAGMA foreign_keys") == 1
    assert database.scalar("PRAGMA secure_delete") == 1
    assert database.scalar("PRAGMA temp_store") == 2  # MEMORY
    assert database.scalar("PRAGMA cipher_version")


def test_the_page_cache_is_16_mb(database: Database) -> None:
    # SQLCipher's default (8 MB) made warm figures over many trigger records decrypt pages again.
    assert database.scalar("PRAGMA cache_size") == -16_000


def test_stdlib_sqlite_is_refused_before_anything_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "_driver", sqlite3)
    with pytest.raises(EncryptionUnavailableError):
        open_database(tmp_path / "plain.db", os.urandom(32))
    assert not (tmp_path / "plain.db").exists()


def test_the_wrong_key_is_a_clear_error(tmp_path: Path, database: Database) -> None:
    database.close()
    before = (tmp_path / "j.db").read_bytes()
    with pytest.raises(VaultCorruptError):
        open_database(tmp_path / "j.db", os.urandom(32))
    assert (tmp_path / "j.db").read_bytes() == before


def test_a_failed_transaction_rolls_back_everything(database: Database) -> None:
    def write_then_fail() -> None:
        with database.transaction():
            database.execute("INSERT INTO t VALUES ('a')")
            with database.transaction():  # nested blocks join the outer transaction
                database.execute("INSERT INTO t VALUES ('b')")
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        write_then_fail()
    assert database.scalar("SELECT count(*) FROM t") == 0
    with database.transaction():
        database.execute("INSERT INTO t VALUES ('c')")
    assert database.scalar("SELECT count(*) FROM t") == 1


def test_raw_key_material_is_the_hex_blob_form() -> None:
    key = bytes(range(32))
    assert raw_key_material(key) == b"x'" + key.hex().encode() + b"'"
    with pytest.raises(ValueError, match="32 bytes"):
        raw_key_material(b"short")


def test_integrity_checks_pass_on_a_sound_database(database: Database) -> None:
    assert database.integrity_problems() == []
    database.close()
    database.close()  # closing twice is harmless
    assert not database.is_open


def test_a_read_after_closing_says_the_journal_is_locked(tmp_path: Path) -> None:
    from trustjournal.core.errors import VaultLockedError
    from trustjournal.store.keyfile import KdfParams
    from trustjournal.store.vault import Vault

    cheap = KdfParams(memory_kib=8192, iterations=1, lanes=1)
    vault, _code = Vault.create(tmp_path / "v", "a long enough passphrase", kdf=cheap)
    db = vault.db
    vault.lock()
    with pytest.raises(VaultLockedError):
        db.query("SELECT 1")
    with pytest.raises(VaultLockedError), db.transaction():
        pass
