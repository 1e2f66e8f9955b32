"""S17: the vault folder's own files and folders are never followed through a symlink."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.store.conftest import START
from trustjournal.core.errors import StorageError, WrongSecretError
from trustjournal.store.backup import new_backup_dir
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
OLD = "the first passphrase"
NEW = "the second passphrase"

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "vault"
    Vault.create(directory, OLD, kdf=CHEAP)[0].lock()
    return directory


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """Someone else's folder, readable by others, holding one file."""
    folder = tmp_path / "someone-else"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # noqa: S103 -- a shared folder on purpose: its mode must stay
    (folder / "theirs.txt").write_text("not the journal's")
    return folder


def _snapshot(folder: Path) -> tuple[int, dict[str, bytes]]:
    files = {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    return stat.S_IMODE(folder.stat().st_mode), files


def test_a_backups_link_is_refused_and_nothing_is_written_or_chmodded_there(
    vault_dir: Path, elsewhere: Path
) -> None:
    (vault_dir / "backups").symlink_to(elsewhere, target_is_directory=True)
    before = _snapshot(elsewhere)
    with Vault.unlock(vault_dir, OLD) as vault, pytest.raises(StorageError) as refused:
        vault.backup_to(new_backup_dir(vault_dir, "manual", START))
    assert "link named backups" in refused.value.message
    assert _snapshot(elsewhere) == before


def test_a_backup_link_is_never_taken_as_a_new_backup_folder(
    vault_dir: Path, elsewhere: Path
) -> None:
    (vault_dir / "backups").mkdir()
    first = new_backup_dir(vault_dir, "manual", START)
    first.symlink_to(elsewhere / "missing", target_is_directory=True)  # dangling, in its place
    chosen = new_backup_dir(vault_dir, "manual", START)
    assert chosen != first and not chosen.exists()


def test_a_passphrase_change_does_not_rewrite_key_files_behind_links(
    vault_dir: Path, elsewhere: Path
) -> None:
    with Vault.unlock(vault_dir, OLD) as vault:
        vault.backup_to(elsewhere / "copy")  # someone else's copy of this journal
    (vault_dir / "backups").symlink_to(elsewhere, target_is_directory=True)
    before = _snapshot(elsewhere / "copy")
    with Vault.unlock(vault_dir, OLD) as vault:
        vault.change_passphrase(OLD, NEW)
    assert _snapshot(elsewhere / "copy") == before
    # Also a single backup that is a link inside a real backups folder.
    (vault_dir / "backups").unlink()
    (vault_dir / "backups").mkdir()
    (vault_dir / "backups" / "linked").symlink_to(elsewhere / "copy", target_is_directory=True)
    with Vault.unlock(vault_dir, NEW) as vault:
        vault.change_passphrase(NEW, OLD)
    assert _snapshot(elsewhere / "copy") == before
    Vault.unlock(elsewhere / "copy", OLD).lock()


@pytest.mark.parametrize("name", ["vault.key", "journal.db", "journal.db-wal", "journal.db-shm"])
def test_a_link_in_place_of_a_vault_file_is_refused_with_a_clear_message(
    vault_dir: Path, elsewhere: Path, name: str
) -> None:
    target = elsewhere / name
    if (vault_dir / name).exists():
        shutil.move(vault_dir / name, target)
    else:
        target.write_bytes(b"")
    (vault_dir / name).symlink_to(target)
    before = _snapshot(elsewhere)
    with pytest.raises(StorageError) as refused:
        Vault.unlock(vault_dir, OLD)
    assert f"link named {name}" in refused.value.message
    assert _snapshot(elsewhere) == before


def test_the_journal_still_opens_beside_a_backups_link(vault_dir: Path, elsewhere: Path) -> None:
    """Only writing a backup is refused; reading the journal needs no backups folder."""
    (vault_dir / "backups").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(WrongSecretError):
        Vault.unlock(vault_dir, "not it")
    with Vault.unlock(vault_dir, OLD) as vault:
        assert vault.verify() == []
