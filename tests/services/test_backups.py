"""Automatic backups of a real encrypted vault: made whole or not at all, listed, checked,
tidied by the rule, and restored without ever leaving the person with neither."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.store.conftest import Clock
from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.errors import VaultCorruptError, WrongSecretError
from trustjournal.services.backups import BackupService, require_passphrase_for, restore
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "a dead disk takes nothing"
NEW_PASSPHRASE = "a lost laptop takes nothing either"
START = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


def _add(vault: Vault, clock: Clock, mood: int = 6) -> None:
    EntryRepository(db=vault.db, clock=clock).add(
        MoodCheckIn(occurred_at=clock(), mood=mood, note="harbour")
    )


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def vault(tmp_path: Path, clock: Clock) -> Vault:
    created, _code = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=CHEAP, clock=clock)
    _add(created, clock)
    return created


def test_back_up_now_writes_a_complete_copy_into_the_vaults_own_folder(
    vault: Vault, clock: Clock
) -> None:
    service = BackupService(vault=vault, clock=clock)
    made = service.back_up_now()
    assert made.parent == vault.directory / "backups"
    assert made.name == "auto-20261206T120000Z"
    [listed] = service.backups()
    assert (listed.path, listed.entries, listed.made_at) == (made, 1, START)
    assert listed.size_bytes > 0
    assert service.check(made) == 1
    vault.lock()
    copy = Vault.unlock(made, PASSPHRASE)  # the backup is itself an openable journal
    assert EntryRepository(db=copy.db, clock=clock).count() == 1
    copy.lock()


def test_two_backups_in_one_second_both_kept_newest_sorted_last(vault: Vault, clock: Clock) -> None:
    service = BackupService(vault=vault, clock=clock)
    first = service.back_up_now()
    second = service.back_up_now()
    assert second.name == first.name + "-2"
    assert [b.path for b in service.backups()] == [second]  # the rule keeps the newest of the day


def test_an_interrupted_backup_is_discarded_never_half_kept(
    vault: Vault, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = BackupService(vault=vault, clock=clock)

    def fail(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "rename", fail)
    with pytest.raises(KeyboardInterrupt):
        service.back_up_now()
    monkeypatch.undo()
    assert os.listdir(vault.directory / "backups") == []
    # A crash (no cleanup at all) leaves a hidden folder; the next backup sweeps it away.
    (vault.directory / "backups" / ".auto-20261206T110000Z.partial").mkdir()
    service.back_up_now()
    assert os.listdir(vault.directory / "backups") == ["auto-20261206T120000Z"]


def test_the_rule_tidies_only_automatic_backups(vault: Vault, clock: Clock) -> None:
    service = BackupService(vault=vault, clock=clock)
    mine = vault.directory / "backups" / "my own copy"
    made = []
    for _day in range(10):
        made.append(service.back_up_now())
        clock.advance(days=1)
    vault.backup_to(mine)
    service.back_up_now()
    names = sorted(p.name for p in (vault.directory / "backups").iterdir())
    assert "my own copy" in names
    autos = [n[len("auto-2026") : len("auto-20261206")] for n in names if n.startswith("auto-")]
    # Today the 16th (Wednesday): a day each back to the 10th, then the newest of each week.
    assert autos == ["1206", "1209", "1210", "1211", "1212", "1213", "1214", "1215", "1216"]
    assert not made[1].exists()


def test_a_chosen_folder_is_used_and_remembered_in_the_vault(
    vault: Vault, clock: Clock, tmp_path: Path
) -> None:
    service = BackupService(vault=vault, clock=clock)
    service.set_folder(tmp_path / "elsewhere")
    made = service.back_up_now()
    assert made.parent == tmp_path / "elsewhere"
    assert BackupService(vault=vault, clock=clock).folder() == tmp_path / "elsewhere"
    with pytest.raises(Exception, match="outside the journal"):
        service.set_folder(vault.directory / "inside")
    service.set_folder(None)
    assert service.folder() == vault.directory / "backups"


def test_a_folder_shared_with_another_journal_never_loses_its_backups(
    vault: Vault, clock: Clock, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    other, _code = Vault.create(tmp_path / "other", PASSPHRASE, kdf=CHEAP, clock=clock)
    theirs = BackupService(vault=other, clock=clock)
    theirs.set_folder(shared)
    old = theirs.back_up_now()
    ours = BackupService(vault=vault, clock=clock)
    ours.set_folder(shared)
    clock.advance(days=400)
    mine = ours.back_up_now()
    assert old.exists()  # a year old, but another journal's: never ours to remove
    assert [b.path for b in ours.backups()] == [mine]
    other.lock()


def test_the_vaults_own_backups_folder_is_never_a_followed_link(
    vault: Vault, clock: Clock, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "someone else's"
    elsewhere.mkdir()
    (vault.directory / "backups").symlink_to(elsewhere)
    with pytest.raises(Exception, match="link"):
        BackupService(vault=vault, clock=clock).back_up_now()
    assert os.listdir(elsewhere) == []


def test_once_a_day_after_a_change(vault: Vault, clock: Clock) -> None:
    service = BackupService(vault=vault, clock=clock)
    assert service.due(changed=True)
    assert not service.due(changed=False)
    service.back_up_now()
    assert not service.due(changed=True)
    clock.advance(days=1)
    assert service.due(changed=True)
    service.set_automatic(False)
    assert not service.due(changed=True)


def test_check_names_a_damaged_backup(vault: Vault, clock: Clock) -> None:
    service = BackupService(vault=vault, clock=clock)
    made = service.back_up_now()
    db = made / "journal.db"
    data = bytearray(db.read_bytes())
    data[5000] ^= 0xFF
    db.write_bytes(bytes(data))
    with pytest.raises(VaultCorruptError):
        service.check(made)


def test_a_backup_made_under_an_older_passphrase_opens_with_the_current_key(
    vault: Vault, clock: Clock, tmp_path: Path
) -> None:
    service = BackupService(vault=vault, clock=clock)
    own = service.back_up_now()
    service.set_folder(tmp_path / "usb stick")
    away = service.back_up_now()
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    _add(vault, clock, mood=2)
    # The data key never changes, so the current key opens both, wherever they are.
    assert service.check(own) == 1
    assert service.check(away) == 1
    vault.lock()
    # Copies inside the journal's folder take the new key file; copies elsewhere keep the old.
    Vault.unlock(own, NEW_PASSPHRASE).lock()
    with pytest.raises(WrongSecretError):
        Vault.unlock(away, NEW_PASSPHRASE)
    Vault.unlock(away, PASSPHRASE).lock()


def test_restoring_a_backup_made_under_an_older_passphrase_keeps_the_current_one(
    vault: Vault, clock: Clock, tmp_path: Path
) -> None:
    service = BackupService(vault=vault, clock=clock)
    service.set_folder(tmp_path / "usb stick")
    old = service.back_up_now()
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    _add(vault, clock, mood=2)
    directory = vault.directory
    vault.lock()

    restore(old, directory, PASSPHRASE, clock=clock)  # the passphrase the backup was made under
    with pytest.raises(WrongSecretError):
        Vault.unlock(directory, PASSPHRASE)
    again = Vault.unlock(directory, NEW_PASSPHRASE)  # the current passphrase keeps working
    assert EntryRepository(db=again.db, clock=clock).count() == 1
    again.lock()
    # The current passphrase restores it too (the data key is the same).
    clock.advance(seconds=1)
    restore(old, directory, NEW_PASSPHRASE, clock=clock)

    # What was there before the first restore was kept first: never neither.
    asides = sorted(p for p in (directory / "backups").iterdir() if p.name.startswith("before-"))
    kept = Vault.unlock(asides[0], NEW_PASSPHRASE)
    assert EntryRepository(db=kept.db, clock=clock).count() == 2
    kept.lock()


def test_restore_with_a_wrong_passphrase_changes_nothing(vault: Vault, clock: Clock) -> None:
    made = BackupService(vault=vault, clock=clock).back_up_now()
    directory = vault.directory
    vault.lock()
    before = sorted(os.listdir(directory / "backups"))
    with pytest.raises(WrongSecretError):
        restore(made, directory, "not it", clock=clock)
    assert sorted(os.listdir(directory / "backups")) == before


def test_the_copy_made_before_a_restore_never_removes_the_backup_to_restore(
    vault: Vault, clock: Clock
) -> None:
    service = BackupService(vault=vault, clock=clock)
    chosen = service.back_up_now()
    before_restore = service.back_up_now(spare=chosen)  # the same day: the rule keeps one
    assert [b.path for b in service.backups()] == [before_restore, chosen]


def test_a_restore_passphrase_is_checked_before_anything_moves(vault: Vault, clock: Clock) -> None:
    made = BackupService(vault=vault, clock=clock).back_up_now()
    require_passphrase_for(made, vault.directory, PASSPHRASE)  # the current one: fine
    with pytest.raises(WrongSecretError):
        require_passphrase_for(made, vault.directory, "not it")
