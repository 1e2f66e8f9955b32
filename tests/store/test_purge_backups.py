"""S19: purge covers every copy the app made; automatic backups rotate; crash leftovers go."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.services.purge import CopiesAction, purge_everywhere
from trustjournal.store.backup_copies import KEEP_AUTOMATIC, own_backups
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.schema import MIGRATIONS
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "every copy or it is not purged"
CANARY = "zqxvbackupcanary"
AT = datetime(2026, 5, 1, 20, 0, tzinfo=UTC)


def _clock() -> datetime:
    return AT


def _repo(vault: Vault) -> EntryRepository:
    return EntryRepository(db=vault.db, clock=_clock)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    """A vault holding ordinary entries and one canary entry (id 2)."""
    directory = tmp_path / "vault"
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=CHEAP, clock=_clock)
    with vault:
        repo = _repo(vault)
        repo.add(MoodCheckIn(occurred_at=AT, mood=5, note="an ordinary evening"))
        repo.add(  # its names and category are counted in the running totals too (schema 8)
            TriggerRecord(
                occurred_at=AT,
                situation=f"the {CANARY} moment",
                intensity=8,
                emotions=(f"{CANARY}-feeling",),
                coping=(f"{CANARY}-walk",),
                category=f"{CANARY}-category",
            )
        )
        repo.add(MoodCheckIn(occurred_at=AT, mood=6, note="another plain day"))
    return directory


def _restore_cycles(vault_dir: Path, tmp_path: Path, times: int) -> None:
    """Back up outside the vault, then restore it `times` times: each keeps a before-restore."""
    with Vault.unlock(vault_dir, PASSPHRASE) as vault:
        vault.backup_to(tmp_path / "outside")
    for _ in range(times):
        Vault.restore(tmp_path / "outside", vault_dir, PASSPHRASE, clock=_clock)


def _plain_text(copy: Path, tmp_path: Path) -> bytes:
    """Every byte of a copy's database, decrypted into a plain SQLite file."""
    plain = tmp_path / f"plain-{copy.name}.db"
    with Vault.unlock(copy, PASSPHRASE) as vault:
        vault.db.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        vault.db.query("SELECT sqlcipher_export('plain')")
        vault.db.execute("DETACH DATABASE plain")
        assert vault.verify() == []
    data = plain.read_bytes()
    plain.unlink()
    return data


def _purge(vault_dir: Path, copies: CopiesAction, *, delete: int | None = 2) -> object:
    with Vault.unlock(vault_dir, PASSPHRASE, clock=_clock) as vault:
        repo = _repo(vault)
        if delete is not None:
            repo.delete(delete)
        return purge_everywhere(vault=vault, repo=repo, copies=copies)


def test_purge_names_the_backups_that_still_hold_the_entry(vault_dir: Path, tmp_path: Path) -> None:
    _restore_cycles(vault_dir, tmp_path, 2)
    copies = own_backups(vault_dir)
    assert len(copies) == 2

    report = _purge(vault_dir, CopiesAction.KEEP)

    assert report == type(report)(removed=1, still_holding=tuple(copies))
    for copy in copies:
        assert CANARY.encode() in _plain_text(copy, tmp_path)


def test_purge_can_rewrite_every_backup_so_none_holds_the_text(
    vault_dir: Path, tmp_path: Path
) -> None:
    _restore_cycles(vault_dir, tmp_path, 2)
    _purge(vault_dir, CopiesAction.KEEP)  # first only told; the record remembers what to clean

    report = _purge(vault_dir, CopiesAction.REWRITE, delete=None)

    copies = own_backups(vault_dir)
    assert report == type(report)(removed=0, rewritten=tuple(copies))
    assert len(copies) == 2
    for copy in copies:
        text = _plain_text(copy, tmp_path)
        assert CANARY.encode() not in text
        assert b"an ordinary evening" in text  # the rest of the copy is intact
        assert not any(CANARY.encode() in f.read_bytes() for f in copy.iterdir())
    with Vault.unlock(vault_dir, PASSPHRASE) as vault:
        assert _repo(vault).purged() == []  # nothing holds it any more: the record is gone


def test_purge_can_remove_the_backups_that_hold_the_entry(vault_dir: Path, tmp_path: Path) -> None:
    _restore_cycles(vault_dir, tmp_path, 2)
    held = own_backups(vault_dir)

    report = _purge(vault_dir, CopiesAction.REMOVE)

    assert report == type(report)(removed=1, deleted=tuple(held))
    assert own_backups(vault_dir) == []


def test_a_later_entry_with_a_reused_id_is_never_removed_from_a_backup(
    vault_dir: Path, tmp_path: Path
) -> None:
    """Restoring an older copy can hand an id out again; a purge matches id and creation time."""
    with Vault.unlock(vault_dir, PASSPHRASE) as vault:
        vault.backup_to(tmp_path / "two entries")
        _repo(vault).delete(2)  # the canary goes to the bin, so the copy holds id 3 as well
    Vault.restore(tmp_path / "two entries", vault_dir, PASSPHRASE, clock=_clock)
    report = _purge(vault_dir, CopiesAction.REWRITE)  # purges the canary (id 2) everywhere
    assert report.removed == 1
    [copy] = own_backups(vault_dir)
    assert b"another plain day" in _plain_text(copy, tmp_path)


def test_a_copy_the_key_cannot_open_is_named_as_unchecked(vault_dir: Path, tmp_path: Path) -> None:
    _restore_cycles(vault_dir, tmp_path, 1)
    [copy] = own_backups(vault_dir)
    data = bytearray((copy / "journal.db").read_bytes())
    for start in range(5000, len(data), 4096):  # every page but the first damaged: the copy
        data[start : start + 100] = bytes(100)  # cannot be read with the key, whatever its layout
    (copy / "journal.db").write_bytes(bytes(data))

    report = _purge(vault_dir, CopiesAction.REWRITE)

    assert report == type(report)(removed=1, unchecked=(copy,))


def test_automatic_backups_keep_only_the_newest_of_their_kind(
    vault_dir: Path, tmp_path: Path
) -> None:
    _restore_cycles(vault_dir, tmp_path, KEEP_AUTOMATIC + 3)
    names = [c.name for c in own_backups(vault_dir)]
    stem = "before-restore-20260501T200000Z"
    assert names == [f"{stem}-{n}" for n in range(4, KEEP_AUTOMATIC + 4)]
    (vault_dir / "backups" / "mine").mkdir()  # a copy the person made is never rotated away
    Vault.restore(tmp_path / "outside", vault_dir, PASSPHRASE, clock=_clock)
    assert len(own_backups(vault_dir)) == KEEP_AUTOMATIC
    assert (vault_dir / "backups" / "mine").is_dir()


def _crashed_backup(parent: Path, name: str) -> Path:
    folder = parent / name
    folder.mkdir(parents=True)
    (folder / "vault.key").write_text("{}")
    (folder / ".journal.db.0123456789abcdef.tmp").write_bytes(b"half a snapshot")
    return folder


def test_leftovers_of_crashed_backups_are_swept_at_the_next_start(vault_dir: Path) -> None:
    backups = vault_dir / "backups"
    crashed = _crashed_backup(backups, "before-restore-20260101T000000Z")
    chosen = _crashed_backup(backups, "my own copy")

    Vault.unlock(vault_dir, PASSPHRASE).lock()

    assert not crashed.exists()
    assert sorted(p.name for p in chosen.iterdir()) == ["vault.key"]  # temp gone, folder kept


def test_leftovers_of_crashed_backups_are_swept_at_the_next_backup(
    vault_dir: Path, tmp_path: Path
) -> None:
    _restore_cycles(vault_dir, tmp_path, 0)
    crashed = _crashed_backup(vault_dir / "backups", "before-v4-20260101T000000Z")
    Vault.restore(tmp_path / "outside", vault_dir, PASSPHRASE, clock=_clock)
    assert not crashed.exists()
    assert [c.name for c in own_backups(vault_dir)] == ["before-restore-20260501T200000Z"]


def test_backups_before_an_upgrade_keep_only_the_newest_too(tmp_path: Path) -> None:
    directory = tmp_path / "vault"
    Vault.create(directory, PASSPHRASE, kdf=CHEAP, migrations=MIGRATIONS[:-1])[0].lock()
    version = MIGRATIONS[-1].version
    backups = directory / "backups"
    for day in range(1, KEEP_AUTOMATIC + 3):  # copies of earlier upgrades
        with Vault.unlock(directory, PASSPHRASE, migrations=MIGRATIONS[:-1]) as vault:
            vault.backup_to(backups / f"before-v{version}-202601{day:02d}T000000Z")

    Vault.unlock(directory, PASSPHRASE, clock=_clock).lock()  # upgrades, after a backup

    names = [c.name for c in own_backups(directory)]
    assert len(names) == KEEP_AUTOMATIC
    assert names[-1] == f"before-v{version - 1}-20260501T200000Z"  # made at the old version
    assert names[0] == f"before-v{version}-20260104T000000Z"
