"""Unlocking: every kind of bad vault gets a clear error and no file changes (S1, S3)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from trustjournal.core.errors import (
    EncryptionUnavailableError,
    NotAVaultError,
    UserFacingError,
    VaultCorruptError,
    VaultIncompleteError,
    VaultNotFoundError,
    WrongSecretError,
)
from trustjournal.store import db as dbmod
from trustjournal.store.db import PLAINTEXT_HEADER
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "only I read this"
CANARY = "CANARY-7f3a-the-partner-must-never-see-this"


def _tree(root: Path) -> dict[str, tuple[int, int, bytes] | str]:
    """Every file (mtime, mode, bytes) and directory under `root`."""
    found: dict[str, tuple[int, int, bytes] | str] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.is_dir():
            found[name] = "dir"
        else:
            info = path.stat()
            found[name] = (info.st_mtime_ns, info.st_mode, path.read_bytes())
    return found


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "vault"
    vault, _ = Vault.create(directory, PASSPHRASE, kdf=CHEAP)
    with vault.db.transaction():
        vault.db.execute("INSERT INTO settings (key, value) VALUES ('theme', 'dark')")
    vault.lock()
    return directory


def _edit_key(edit: Callable[[dict[str, object]], None]) -> Callable[[Path], object]:
    def damage(directory: Path) -> None:
        path = directory / "vault.key"
        document = json.loads(path.read_text())
        edit(document)
        path.write_text(json.dumps(document))

    return damage


def _kdf_memory(document: dict[str, object]) -> None:
    slots = document["slots"]
    assert isinstance(slots, dict)
    slots["passphrase"]["kdf"]["memory_kib"] = 2**30


def _plaintext_sqlite(directory: Path) -> None:
    (directory / "journal.db").unlink()
    conn = sqlite3.connect(directory / "journal.db")
    conn.execute("CREATE TABLE entries (text)")
    conn.commit()
    conn.close()


def _truncate(fraction: float, minus: int = 0) -> Callable[[Path], object]:
    def damage(directory: Path) -> None:
        path = directory / "journal.db"
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * fraction) - minus])

    return damage


def _other_vaults_database(directory: Path) -> None:
    other, _ = Vault.create(directory.parent / "other", PASSPHRASE, kdf=CHEAP)
    other.lock()
    shutil.copyfile(directory.parent / "other" / "journal.db", directory / "journal.db")


def _replace_with_dir(name: str) -> Callable[[Path], object]:
    def damage(directory: Path) -> None:
        (directory / name).unlink()
        (directory / name).mkdir()

    return damage


def _empty_the_folder(directory: Path) -> None:
    for path in directory.iterdir():
        path.unlink()


DAMAGE: dict[str, tuple[Callable[[Path], object], type[UserFacingError]]] = {
    "empty-folder": (_empty_the_folder, VaultNotFoundError),
    "folder-of-other-files": (
        lambda d: [p.rename(d / f"photo{i}.jpg") for i, p in enumerate(sorted(d.iterdir()))],
        NotAVaultError,
    ),
    "foreign-file-as-key": (
        lambda d: (d / "vault.key").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)),
        NotAVaultError,
    ),
    "foreign-json-as-key": (
        lambda d: (d / "vault.key").write_text('{"recent": ["a.txt"]}'),
        NotAVaultError,
    ),
    "empty-key-file": (lambda d: (d / "vault.key").write_bytes(b""), VaultCorruptError),
    "truncated-key-file": (
        lambda d: (d / "vault.key").write_bytes((d / "vault.key").read_bytes()[:300]),
        VaultCorruptError,
    ),
    "tampered-vault-id": (_edit_key(lambda doc: doc.update(vault_id="f" * 32)), WrongSecretError),
    "tampered-kdf-1tib": (_edit_key(_kdf_memory), VaultCorruptError),
    "key-file-is-a-folder": (_replace_with_dir("vault.key"), NotAVaultError),
    "missing-key-file": (lambda d: (d / "vault.key").unlink(), VaultIncompleteError),
    "missing-journal": (lambda d: (d / "journal.db").unlink(), VaultCorruptError),
    "journal-is-a-folder": (_replace_with_dir("journal.db"), NotAVaultError),
    "plaintext-sqlite-journal": (_plaintext_sqlite, NotAVaultError),
    "empty-journal": (lambda d: (d / "journal.db").write_bytes(b""), VaultCorruptError),
    "truncated-journal-half": (_truncate(0.5), VaultCorruptError),
    "truncated-journal-mid-page": (_truncate(1.0, minus=10), VaultCorruptError),
    "random-bytes-journal": (
        lambda d: (d / "journal.db").write_bytes(os.urandom(4096 * 8)),
        VaultCorruptError,
    ),
    "another-vaults-journal": (_other_vaults_database, VaultCorruptError),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_bad_vault_gets_a_clear_error_and_no_file_changes(vault_dir: Path, case: str) -> None:
    damage, expected = DAMAGE[case]
    damage(vault_dir)
    before = _tree(vault_dir.parent)
    with pytest.raises(expected) as caught:
        Vault.unlock(vault_dir, PASSPHRASE)
    assert PASSPHRASE not in caught.value.message
    assert _tree(vault_dir.parent) == before


def test_missing_folder_is_not_found_and_not_created(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        Vault.unlock(tmp_path / "nowhere", PASSPHRASE)
    assert not (tmp_path / "nowhere").exists()


def test_wrong_passphrase_many_times_then_right_one_works(vault_dir: Path) -> None:
    before = _tree(vault_dir)
    for wrong in ("", " ", PASSPHRASE.upper(), PASSPHRASE + " ", PASSPHRASE[:-1], "only I"):
        with pytest.raises(WrongSecretError) as caught:
            Vault.unlock(vault_dir, wrong)
        assert caught.value.message == WrongSecretError.default_message
        assert _tree(vault_dir) == before
    with Vault.unlock(vault_dir, PASSPHRASE) as vault:
        assert vault.db.query("SELECT value FROM settings WHERE key = 'theme'") == [("dark",)]


def test_wrong_passphrase_is_caught_before_the_database_is_read(vault_dir: Path) -> None:
    (vault_dir / "journal.db").write_bytes(b"not a database at all")
    with pytest.raises(WrongSecretError):
        Vault.unlock(vault_dir, "guess")


def test_refuses_to_create_when_sqlcipher_is_replaced_by_plain_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dbmod, "_driver", sqlite3)
    with pytest.raises(EncryptionUnavailableError):
        Vault.create(tmp_path / "vault", PASSPHRASE, kdf=CHEAP)
    assert os.listdir(tmp_path) == []


def test_refuses_to_unlock_when_sqlcipher_is_replaced_by_plain_sqlite(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _tree(vault_dir.parent)
    monkeypatch.setattr(dbmod, "_driver", sqlite3)
    with pytest.raises(EncryptionUnavailableError):
        Vault.unlock(vault_dir, PASSPHRASE)
    assert _tree(vault_dir.parent) == before


def _assert_no_canary(root: Path) -> int:
    checked = 0
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert CANARY.encode() not in data, path.name
            assert CANARY.encode("utf-16-le") not in data, path.name
            checked += 1
    return checked


def test_canary_text_never_appears_in_any_vault_file(tmp_path: Path) -> None:
    directory = tmp_path / "vault"
    vault, _ = Vault.create(directory, PASSPHRASE, kdf=CHEAP)
    with vault.db.transaction():
        vault.db.execute("INSERT INTO settings (key, value) VALUES ('note', ?)", (CANARY,))
        vault.db.execute("INSERT INTO entries_fts (rowid, body) VALUES (1, ?)", (CANARY,))
    assert (directory / "journal.db-wal").stat().st_size > 0
    assert _assert_no_canary(directory) >= 3  # database, WAL, key file
    vault.backup_to(directory / "backups" / "manual")
    vault.lock()
    assert _assert_no_canary(directory) >= 4
    with Vault.unlock(directory, PASSPHRASE) as reopened:  # and it really was written
        assert reopened.db.scalar("SELECT value FROM settings WHERE key = 'note'") == CANARY


def test_new_database_files_do_not_start_with_the_sqlite_header(vault_dir: Path) -> None:
    with Vault.unlock(vault_dir, PASSPHRASE) as vault:
        vault.backup_to(vault_dir.parent / "backup")
    for path in (vault_dir / "journal.db", vault_dir.parent / "backup" / "journal.db"):
        assert not path.read_bytes().startswith(PLAINTEXT_HEADER)
