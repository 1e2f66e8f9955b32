"""The key file: Argon2id + AES-GCM slots, recovery codes, strict parsing, atomic writes."""

from __future__ import annotations

import errno
import json
import os
import stat
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from trustjournal.core.errors import (
    DiskFullError,
    NotAVaultError,
    ValidationError,
    VaultCorruptError,
    VaultNotFoundError,
    VaultTooNewError,
    WrongSecretError,
)
from trustjournal.store import keyfile as kf
from trustjournal.store.keyfile import (
    KdfParams,
    SlotName,
    create_keyfile,
    keyfile_to_bytes,
    new_data_key,
    new_recovery_code,
    normalise_recovery_code,
    parse_keyfile,
    read_keyfile,
    rewrap,
    unwrap,
    write_keyfile,
)
from trustjournal.store.keyfile_format import MAX_KEYFILE_BYTES
from trustjournal.store.recovery_code import RECOVERY_ALPHABET

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def data_key() -> bytes:
    return new_data_key()


@pytest.fixture(scope="module")
def code() -> str:
    return new_recovery_code()


@pytest.fixture(scope="module")
def keyfile(data_key: bytes, code: str) -> kf.KeyFile:
    return create_keyfile(data_key=data_key, passphrase=PASSPHRASE, recovery_code=code, kdf=CHEAP)


def _document(keyfile: kf.KeyFile) -> dict[str, Any]:
    return json.loads(keyfile_to_bytes(keyfile))  # type: ignore[no-any-return]


def test_data_key_is_random_and_256_bits() -> None:
    assert len(new_data_key()) == 32
    assert new_data_key() != new_data_key()


def test_recovery_code_has_140_random_bits_in_seven_readable_groups() -> None:
    codes = {new_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4] * 7
        assert set("".join(groups)) <= set(RECOVERY_ALPHABET)
    assert len(RECOVERY_ALPHABET) ** 28 >= 2**128


@pytest.mark.parametrize(
    "typed",
    [
        lambda c: c.lower(),
        lambda c: c.replace("-", ""),
        lambda c: c.replace("-", " "),
        lambda c: "  " + c.replace("-", "  ").lower() + "\n",
        lambda c: c.replace("-", "\u2013"),  # an en dash from a word processor
    ],
)
def test_recovery_code_formatting_variants_normalise_to_the_same_code(typed: Any) -> None:
    code = new_recovery_code()
    assert normalise_recovery_code(typed(code)) == code


def test_recovery_code_lookalike_letters_read_as_digits() -> None:
    assert normalise_recovery_code("oooo-iiii-llll-OOOO-IIII-LLLL-0000") == (
        "0000-1111-1111-0000-1111-1111-0000"
    )


@pytest.mark.parametrize(
    "bad", ["", "ABCD", "UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU", "é" * 28, "0" * 29]
)
def test_malformed_recovery_code_is_a_wrong_secret(bad: str) -> None:
    with pytest.raises(WrongSecretError, match="recovery code"):
        normalise_recovery_code(bad)


def test_both_slots_unwrap_the_same_data_key(
    keyfile: kf.KeyFile, data_key: bytes, code: str
) -> None:
    assert unwrap(keyfile, SlotName.PASSPHRASE, PASSPHRASE) == data_key
    assert unwrap(keyfile, "recovery", code.lower().replace("-", "")) == data_key


def test_wrong_secret_is_detected_by_the_gcm_tag(keyfile: kf.KeyFile, code: str) -> None:
    with pytest.raises(WrongSecretError) as caught:
        unwrap(keyfile, SlotName.PASSPHRASE, PASSPHRASE + " ")
    assert PASSPHRASE not in caught.value.message
    with pytest.raises(WrongSecretError):
        unwrap(keyfile, SlotName.RECOVERY, new_recovery_code())
    with pytest.raises(WrongSecretError):  # the passphrase does not open the recovery slot
        unwrap(keyfile, SlotName.PASSPHRASE, code)


def test_composed_and_decomposed_passphrases_are_the_same(data_key: bytes, code: str) -> None:
    composed = unicodedata.normalize("NFC", "café crème")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    made = create_keyfile(data_key=data_key, passphrase=decomposed, recovery_code=code, kdf=CHEAP)
    assert unwrap(made, SlotName.PASSPHRASE, composed) == data_key


def test_lone_surrogate_passphrase_round_trips(data_key: bytes, code: str) -> None:
    odd = "pass\ud800word"
    made = create_keyfile(data_key=data_key, passphrase=odd, recovery_code=code, kdf=CHEAP)
    assert unwrap(made, SlotName.PASSPHRASE, odd) == data_key


def test_empty_passphrase_is_refused(data_key: bytes, code: str) -> None:
    with pytest.raises(ValidationError):
        create_keyfile(data_key=data_key, passphrase="", recovery_code=code, kdf=CHEAP)


def test_key_file_holds_no_secret_in_the_clear(keyfile: kf.KeyFile, data_key: bytes) -> None:
    raw = keyfile_to_bytes(keyfile)
    assert PASSPHRASE.encode() not in raw
    assert data_key not in raw
    assert data_key.hex().encode() not in raw


def test_key_file_round_trips_through_json(keyfile: kf.KeyFile) -> None:
    assert parse_keyfile(keyfile_to_bytes(keyfile)) == keyfile


def _tamper(keyfile: kf.KeyFile, edit: Any) -> kf.KeyFile:
    document = _document(keyfile)
    edit(document)
    return parse_keyfile(json.dumps(document).encode())


def _set_slot_field(slot: str, field: str, value: Any) -> Any:
    def edit(doc: dict[str, Any]) -> None:
        doc["slots"][slot][field] = value

    return edit


def _set_kdf(slot: str, field: str, value: int) -> Any:
    def edit(doc: dict[str, Any]) -> None:
        doc["slots"][slot]["kdf"][field] = value

    return edit


def _swap_slots(doc: dict[str, Any]) -> None:
    slots = doc["slots"]
    slots["passphrase"], slots["recovery"] = slots["recovery"], slots["passphrase"]


@pytest.mark.parametrize(
    "edit",
    [
        lambda doc: doc.update(vault_id="0" * 32),
        _swap_slots,
        _set_kdf("passphrase", "iterations", 2),
        _set_kdf("passphrase", "memory_kib", 16384),
        _set_kdf("passphrase", "lanes", 2),
        _set_slot_field("passphrase", "salt", "A" * 22 + "=="),
        _set_slot_field("passphrase", "nonce", "A" * 16),
        _set_slot_field("passphrase", "wrapped_key", "A" * 64),
    ],
    ids=["vault-id", "swapped-slots", "iterations", "memory", "lanes", "salt", "nonce", "wrapped"],
)
def test_editing_anything_bound_to_a_slot_makes_unwrap_fail(keyfile: kf.KeyFile, edit: Any) -> None:
    tampered = _tamper(keyfile, edit)
    with pytest.raises(WrongSecretError):
        unwrap(tampered, SlotName.PASSPHRASE, PASSPHRASE)


def test_a_newer_key_file_format_is_refused_as_too_new(keyfile: kf.KeyFile) -> None:
    with pytest.raises(VaultTooNewError):
        _tamper(keyfile, lambda doc: doc.update(version=2))


@pytest.mark.parametrize(
    "edit",
    [
        lambda doc: doc.update(version=0),
        lambda doc: doc.update(version="1"),
        lambda doc: doc.update(vault_id="not hex at all, but 32 chars!!!!"),
        lambda doc: doc.update(vault_id="AB" * 16),
        lambda doc: doc.pop("slots"),
        lambda doc: doc["slots"].pop("recovery"),
        lambda doc: doc["slots"].update(extra={}),
        lambda doc: doc["slots"].update(passphrase=[]),
        _set_kdf("passphrase", "memory_kib", 2**30),  # 1 TiB: must not be attempted
        _set_kdf("passphrase", "iterations", 10**9),
        _set_kdf("passphrase", "lanes", 0),
        _set_kdf("passphrase", "memory_kib", 4),
        _set_kdf("passphrase", "iterations", True),
        _set_slot_field("passphrase", "kdf", {"algorithm": "pbkdf2"}),
        _set_slot_field("passphrase", "salt", "AAAA"),
        _set_slot_field("passphrase", "salt", "not base64!"),
        _set_slot_field("passphrase", "nonce", 12),
        _set_slot_field("recovery", "wrapped_key", "AAAA"),
    ],
)
def test_malformed_key_file_is_corrupt_not_a_traceback(keyfile: kf.KeyFile, edit: Any) -> None:
    with pytest.raises(VaultCorruptError):
        _tamper(keyfile, edit)


@pytest.mark.parametrize(
    "content",
    [b"[1, 2, 3]", b'{"name": "my notes"}', b"\x89PNG\r\n\x1a\n\x00\x00", b"hello world"],
)
def test_foreign_file_is_not_a_vault(content: bytes) -> None:
    with pytest.raises(NotAVaultError):
        parse_keyfile(content)


def test_empty_or_truncated_key_file_is_corrupt(keyfile: kf.KeyFile) -> None:
    raw = keyfile_to_bytes(keyfile)
    for damaged in (b"", b"  \n", raw[: len(raw) // 2], raw[:-3]):
        with pytest.raises(VaultCorruptError):
            parse_keyfile(damaged)


def test_read_keyfile_explains_missing_huge_and_directory(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        read_keyfile(tmp_path / "vault.key")
    (tmp_path / "dir.key").mkdir()
    with pytest.raises(NotAVaultError):
        read_keyfile(tmp_path / "dir.key")
    huge = tmp_path / "huge.key"
    huge.write_bytes(b"{" + b" " * (MAX_KEYFILE_BYTES + 10) + b"}")
    with pytest.raises(NotAVaultError):
        read_keyfile(huge)


def test_write_keyfile_replaces_atomically_with_private_permissions(
    tmp_path: Path, keyfile: kf.KeyFile, data_key: bytes
) -> None:
    path = tmp_path / "vault.key"
    write_keyfile(path, keyfile)
    assert read_keyfile(path) == keyfile
    if os.name != "nt":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    changed = rewrap(keyfile, SlotName.PASSPHRASE, "new passphrase", data_key)
    write_keyfile(path, changed)
    assert read_keyfile(path) == changed
    assert sorted(os.listdir(tmp_path)) == ["vault.key"]


def test_failed_keyfile_write_keeps_the_old_file_and_no_temp(
    tmp_path: Path, keyfile: kf.KeyFile, data_key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "vault.key"
    write_keyfile(path, keyfile)
    before = path.read_bytes()

    def disk_full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(DiskFullError):
        write_keyfile(path, rewrap(keyfile, SlotName.PASSPHRASE, "other", data_key))
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["vault.key"]


def test_rewrap_changes_one_slot_with_fresh_salt_and_nonce(
    keyfile: kf.KeyFile, data_key: bytes, code: str
) -> None:
    changed = rewrap(keyfile, SlotName.PASSPHRASE, "another one", data_key)
    assert changed.recovery == keyfile.recovery
    assert changed.passphrase.salt != keyfile.passphrase.salt
    assert changed.passphrase.nonce != keyfile.passphrase.nonce
    assert unwrap(changed, SlotName.PASSPHRASE, "another one") == data_key
    assert unwrap(changed, SlotName.RECOVERY, code) == data_key
    with pytest.raises(WrongSecretError):
        unwrap(changed, SlotName.PASSPHRASE, PASSPHRASE)


def test_rewrap_can_raise_the_kdf_parameters(keyfile: kf.KeyFile, data_key: bytes) -> None:
    stronger = KdfParams(memory_kib=16384, iterations=2, lanes=2)
    changed = rewrap(keyfile, SlotName.PASSPHRASE, PASSPHRASE, data_key, stronger)
    reread = parse_keyfile(keyfile_to_bytes(changed))
    assert reread.passphrase.kdf == stronger
    assert unwrap(reread, SlotName.PASSPHRASE, PASSPHRASE) == data_key


def test_default_kdf_parameters_are_the_documented_ones() -> None:
    assert KdfParams(memory_kib=262144, iterations=3, lanes=4) == kf.DEFAULT_KDF


@pytest.mark.parametrize(
    "params",
    [
        {"memory_kib": 2**31},
        {"memory_kib": 7, "lanes": 1},
        {"iterations": 0},
        {"lanes": 0},
        {"lanes": 1000},
        {"iterations": 2.5},
    ],
)
def test_kdf_parameters_out_of_bounds_are_rejected(params: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="KDF"):
        KdfParams(**params)
