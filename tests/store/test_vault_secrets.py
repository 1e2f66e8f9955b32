"""Passphrases and recovery codes: hostile text, changes, recovery unlock, rotation (S2, S3)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from trustjournal.core.errors import (
    ValidationError,
    VaultCorruptError,
    VaultLockedError,
    WrongSecretError,
)
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "first passphrase"

HOSTILE = {
    "single-quote": "it's mine",
    "double-quote": 'say "no"',
    "semicolon": "a;b;c",
    "sql-injection": "'); DROP TABLE x; --",
    "pragma-injection": "x'; PRAGMA key = 'y",
    "raw-key-lookalike": "x'00ff'",
    "raw-key-full-lookalike": "x'" + "ab" * 32 + "'",
    "emoji": "🔐💔➡️❤️‍🩹",
    "rtl": "مرحبا بالعالم \u202eevil",
    "nul-and-newlines": "a\x00b\nc\r\n",
    "very-long": "long passphrase " * 4096,
    "backslashes": "C:\\Users\\me\\%s%n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_passphrase_creates_and_reopens_the_vault(tmp_path: Path, name: str) -> None:
    passphrase = HOSTILE[name]
    vault, _ = Vault.create(tmp_path, passphrase, kdf=CHEAP)
    vault.lock()
    with Vault.unlock(tmp_path, passphrase) as reopened:
        assert reopened.verify() == []
    with pytest.raises(WrongSecretError):
        Vault.unlock(tmp_path, passphrase + "x")
    assert passphrase.encode("utf-8", "surrogatepass") not in (tmp_path / "vault.key").read_bytes()


def test_hostile_passphrases_survive_being_changed_to_and_from(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    current = PASSPHRASE
    for passphrase in HOSTILE.values():
        vault.change_passphrase(current, passphrase)
        current = passphrase
    vault.lock()
    with Vault.unlock(tmp_path, current):
        pass


def test_composed_and_decomposed_accents_open_the_same_vault(tmp_path: Path) -> None:
    composed = unicodedata.normalize("NFC", "été à Montréal")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed.encode() != decomposed.encode()
    vault, _ = Vault.create(tmp_path, composed, kdf=CHEAP)
    vault.lock()
    with Vault.unlock(tmp_path, decomposed):
        pass
    with Vault.unlock(tmp_path, composed):
        pass


def test_change_passphrase_swaps_which_one_opens_and_leaves_the_database_alone(
    tmp_path: Path,
) -> None:
    vault, code = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    db_file = tmp_path / "journal.db"
    before = (db_file.stat().st_mtime_ns, db_file.read_bytes())
    vault.change_passphrase(PASSPHRASE, "second passphrase")
    assert (db_file.stat().st_mtime_ns, db_file.read_bytes()) == before
    vault.lock()
    with pytest.raises(WrongSecretError):
        Vault.unlock(tmp_path, PASSPHRASE)
    with Vault.unlock(tmp_path, "second passphrase"):
        pass
    with Vault.unlock_with_recovery(tmp_path, code):  # the recovery slot is untouched
        pass


def test_change_passphrase_with_a_wrong_old_one_changes_nothing(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    key_file = (tmp_path / "vault.key").read_bytes()
    with pytest.raises(WrongSecretError):
        vault.change_passphrase("not it", "second passphrase")
    with pytest.raises(ValidationError):
        vault.change_passphrase(PASSPHRASE, "")
    assert (tmp_path / "vault.key").read_bytes() == key_file
    vault.lock()


@pytest.mark.parametrize(
    "variant",
    [
        lambda code: code,
        lambda code: code.lower(),
        lambda code: code.replace("-", ""),
        lambda code: code.lower().replace("-", " "),
        lambda code: code.replace("0", "O").replace("1", "l"),
    ],
    ids=["as-shown", "lowercase", "no-dashes", "spaces", "lookalikes"],
)
def test_recovery_code_variants_unlock_and_ask_for_a_new_passphrase(
    tmp_path: Path, variant: object
) -> None:
    vault, code = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    vault.lock()
    assert callable(variant)
    with Vault.unlock_with_recovery(tmp_path, variant(code)) as recovered:
        assert recovered.needs_new_passphrase


def test_recovery_unlock_then_set_passphrase_replaces_the_forgotten_one(tmp_path: Path) -> None:
    vault, code = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    vault.lock()
    recovered = Vault.unlock_with_recovery(tmp_path, code)
    recovered.set_passphrase("remembered at last")
    assert not recovered.needs_new_passphrase
    recovered.lock()
    with pytest.raises(WrongSecretError):
        Vault.unlock(tmp_path, PASSPHRASE)
    with Vault.unlock(tmp_path, "remembered at last") as reopened:
        assert not reopened.needs_new_passphrase
    with Vault.unlock_with_recovery(tmp_path, code):
        pass


def test_set_passphrase_without_a_recovery_unlock_is_refused(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    key_file = (tmp_path / "vault.key").read_bytes()
    with pytest.raises(RuntimeError, match="recovery"):
        vault.set_passphrase("taken over")
    assert (tmp_path / "vault.key").read_bytes() == key_file
    vault.lock()


def test_wrong_recovery_code_says_recovery_code_and_changes_nothing(tmp_path: Path) -> None:
    vault, code = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    vault.lock()
    key_file = (tmp_path / "vault.key").read_bytes()
    wrong = ("0" if code[0] != "0" else "1") + code[1:]
    for attempt in (wrong, "not a code", PASSPHRASE):
        with pytest.raises(WrongSecretError, match="recovery code"):
            Vault.unlock_with_recovery(tmp_path, attempt)
    assert (tmp_path / "vault.key").read_bytes() == key_file


def _opens_with_code(directory: Path, code: str) -> bool:
    try:
        Vault.unlock_with_recovery(directory, code).lock()
    except WrongSecretError:
        return False
    return True


def test_a_prepared_recovery_code_changes_nothing_until_it_is_kept(tmp_path: Path) -> None:
    vault, old_code = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    key_file = (tmp_path / "vault.key").read_bytes()
    pending = vault.prepare_recovery_code(PASSPHRASE)
    assert pending.code != old_code
    assert pending.code not in repr(pending)
    assert (tmp_path / "vault.key").read_bytes() == key_file
    vault.lock()  # closed before confirming: the new code is forgotten
    assert _opens_with_code(tmp_path, old_code)
    assert not _opens_with_code(tmp_path, pending.code)


def test_a_kept_recovery_code_replaces_the_old_one(tmp_path: Path) -> None:
    vault, old_code = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    pending = vault.prepare_recovery_code(PASSPHRASE)
    vault.keep_recovery_code(pending)
    vault.lock()
    assert _opens_with_code(tmp_path, pending.code)
    assert not _opens_with_code(tmp_path, old_code)
    with Vault.unlock(tmp_path, PASSPHRASE):
        pass


def test_keeping_a_code_keeps_a_passphrase_changed_after_it_was_prepared(
    tmp_path: Path,
) -> None:
    vault, _code = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    pending = vault.prepare_recovery_code(PASSPHRASE)
    vault.change_passphrase(PASSPHRASE, "changed in between")
    vault.keep_recovery_code(pending)
    vault.lock()
    with Vault.unlock(tmp_path, "changed in between"):
        pass
    assert _opens_with_code(tmp_path, pending.code)


def test_a_code_from_another_vault_or_after_lock_is_not_kept(tmp_path: Path) -> None:
    vault, code = Vault.create(tmp_path / "a", PASSPHRASE, kdf=CHEAP)
    other, _ = Vault.create(tmp_path / "b", PASSPHRASE, kdf=CHEAP)
    foreign = other.prepare_recovery_code(PASSPHRASE)
    other.lock()
    with pytest.raises(VaultCorruptError):
        vault.keep_recovery_code(foreign)
    pending = vault.prepare_recovery_code(PASSPHRASE)
    vault.lock()
    with pytest.raises(VaultLockedError):
        vault.keep_recovery_code(pending)
    assert _opens_with_code(tmp_path / "a", code)
    assert not _opens_with_code(tmp_path / "a", pending.code)


def test_a_new_recovery_code_needs_the_passphrase(tmp_path: Path) -> None:
    vault, code = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    key_file = (tmp_path / "vault.key").read_bytes()
    with pytest.raises(WrongSecretError):
        vault.prepare_recovery_code("someone else at the keyboard")
    assert (tmp_path / "vault.key").read_bytes() == key_file
    vault.lock()
    with Vault.unlock_with_recovery(tmp_path, code):
        pass


def test_changed_secrets_stop_opening_the_backups_kept_inside_the_vault(tmp_path: Path) -> None:
    vault, old_code = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=CHEAP)
    inside = tmp_path / "vault" / "backups" / "manual"
    outside = tmp_path / "usb-stick"
    vault.backup_to(inside)
    vault.backup_to(outside)
    vault.change_passphrase(PASSPHRASE, "after the breach")
    pending = vault.prepare_recovery_code("after the breach")
    vault.keep_recovery_code(pending)
    new_code = pending.code
    vault.lock()
    with pytest.raises(WrongSecretError):
        Vault.unlock(inside, PASSPHRASE)
    with pytest.raises(WrongSecretError):
        Vault.unlock_with_recovery(inside, old_code)
    with Vault.unlock(inside, "after the breach"):
        pass
    with Vault.unlock_with_recovery(inside, new_code):
        pass
    with Vault.unlock(outside, PASSPHRASE):  # a copy elsewhere keeps what it was made with
        pass
