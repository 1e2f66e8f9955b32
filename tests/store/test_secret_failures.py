"""S16: a secret change or a creation failing at any write, fsync or rename tells the truth.

After each injected ENOSPC or EIO, the outcome reported (raised or returned) names exactly
the secret that opens the vault; a failed creation leaves nothing, so creating works again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.conftest import START
from tests.store.fault_injection import ERRORS, failing_at, injection_points
from trustjournal.core.errors import UserFacingError, WrongSecretError
from trustjournal.store.backup import new_backup_dir
from trustjournal.store.keyfile import (
    KdfParams,
    SlotName,
    new_recovery_code,
    read_keyfile,
    rewrap,
    unwrap,
)
from trustjournal.store.layout import KEY_FILE, Layout, classify
from trustjournal.store.vault import Vault
from trustjournal.store.vault_files import install_keyfile

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
OLD = "the old passphrase"
NEW = "the new passphrase"


def _opens(directory: Path, passphrase: str) -> bool:
    try:
        Vault.unlock(directory, passphrase).lock()
    except WrongSecretError:
        return False
    return True


def _opens_with_code(directory: Path, code: str) -> bool:
    try:
        Vault.unlock_with_recovery(directory, code).lock()
    except WrongSecretError:
        return False
    return True


def _vault_with_a_backup(directory: Path) -> Vault:
    """A vault whose own backups folder holds one backup (its key file is updated too)."""
    vault, _ = Vault.create(directory, OLD, kdf=CHEAP)
    vault.backup_to(new_backup_dir(directory, "manual", START))
    return vault


@pytest.mark.parametrize("error", ERRORS)
def test_a_passphrase_change_failing_at_any_step_reports_the_passphrase_that_opens(
    tmp_path: Path, error: int
) -> None:
    directory = tmp_path / "vault"
    vault = _vault_with_a_backup(directory)
    points = injection_points(lambda: vault.change_passphrase(OLD, NEW))
    vault.change_passphrase(NEW, OLD)
    current = OLD
    for point in points:
        other = NEW if current == OLD else OLD
        try:
            with failing_at(point, error):
                vault.change_passphrase(current, other)
            reported = other
        except UserFacingError:
            reported = current
        assert _opens(directory, reported), point
        assert not _opens(directory, other if reported == current else current), point
        current = reported
    vault.lock()
    assert {name for name, _ in points} == {"write", "fsync", "replace"}


@pytest.mark.parametrize("error", ERRORS)
def test_a_new_recovery_code_failing_at_any_step_reports_the_code_that_opens(
    tmp_path: Path, error: int
) -> None:
    directory = tmp_path / "vault"
    vault = _vault_with_a_backup(directory)
    data_key = unwrap(read_keyfile(directory / KEY_FILE), SlotName.PASSPHRASE, OLD)

    def install(code: str) -> None:
        keyfile = read_keyfile(directory / KEY_FILE)
        install_keyfile(directory, rewrap(keyfile, SlotName.RECOVERY, code, data_key))

    first = new_recovery_code()
    points = injection_points(lambda: install(first))
    current = first
    for point in points:
        candidate = new_recovery_code()
        try:
            with failing_at(point, error):
                install(candidate)
            reported = candidate
        except UserFacingError:
            reported = current
        assert _opens_with_code(directory, reported), point
        stale = current if reported == candidate else candidate
        assert not _opens_with_code(directory, stale), point
        current = reported
    vault.lock()


@pytest.mark.parametrize("error", ERRORS)
def test_a_creation_failing_at_any_step_leaves_nothing_or_a_vault_that_opens(
    tmp_path: Path, error: int
) -> None:
    def create() -> None:
        Vault.create(tmp_path / "count", OLD, kdf=CHEAP)[0].lock()

    points = injection_points(create)
    for number, point in enumerate(points):
        directory = tmp_path / f"vault{number}"
        try:
            with failing_at(point, error):
                vault, _code = Vault.create(directory, OLD, kdf=CHEAP)
        except UserFacingError:
            assert classify(directory) in (Layout.MISSING, Layout.EMPTY), point
            vault, _code = Vault.create(directory, OLD, kdf=CHEAP)  # again: it works
        vault.lock()
        assert _opens(directory, OLD), point
