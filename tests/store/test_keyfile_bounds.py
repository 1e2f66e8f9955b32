"""S17: a key file is trusted only as this app writes it: bounded KDF costs, size and depth."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from trustjournal.core.errors import ExitCode, NotAVaultError, VaultCorruptError
from trustjournal.demo_journal import demo_kdf
from trustjournal.store.keyfile import (
    DEFAULT_KDF,
    KdfParams,
    create_keyfile,
    keyfile_to_bytes,
    new_data_key,
    new_recovery_code,
    parse_keyfile,
)
from trustjournal.store.keyfile_format import FORMAT, MAX_JSON_DEPTH
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "a key file under test"
GIB = 1024 * 1024  # in KiB


def _document(kdf: dict[str, int]) -> bytes:
    keyfile = create_keyfile(
        data_key=new_data_key(), passphrase=PASSPHRASE, recovery_code=new_recovery_code(), kdf=CHEAP
    )
    document: dict[str, Any] = json.loads(keyfile_to_bytes(keyfile))
    document["slots"]["passphrase"]["kdf"].update(kdf)
    return json.dumps(document).encode("ascii")


@pytest.mark.parametrize(
    "kdf",
    [
        {"memory_kib": 2 * GIB, "iterations": 16, "lanes": 16},  # the 45 s, 2 GB unlock
        {"memory_kib": 2 * GIB},
        {"memory_kib": GIB + 1},
        {"iterations": 11},
        {"lanes": 9, "memory_kib": 65536},
        {"memory_kib": 4096},  # weaker than anything this app writes
    ],
    ids=["issue-16", "2GiB", "1GiB+1", "11-passes", "9-lanes", "4MiB"],
)
def test_kdf_costs_beyond_what_the_app_writes_are_a_damaged_key_file(
    tmp_path: Path, kdf: dict[str, int]
) -> None:
    data = _document(kdf)
    with pytest.raises(VaultCorruptError):  # while parsing: nothing can be derived from it
        parse_keyfile(data)
    vault, _ = Vault.create(tmp_path, PASSPHRASE, kdf=CHEAP)
    vault.lock()
    (tmp_path / "vault.key").write_bytes(data)
    with pytest.raises(VaultCorruptError) as refused:
        Vault.unlock(tmp_path, PASSPHRASE)
    assert refused.value.exit_code is ExitCode.VAULT_UNAVAILABLE


@pytest.mark.parametrize(
    "kdf",
    [DEFAULT_KDF, demo_kdf(), KdfParams(memory_kib=GIB, iterations=10, lanes=8)],
    ids=["default", "demo", "largest-margin"],
)
def test_the_costs_this_app_writes_and_a_margin_above_are_accepted(kdf: KdfParams) -> None:
    data = _document(kdf.as_dict())
    assert parse_keyfile(data).passphrase.kdf == kdf


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 2_000, 30_000])
def test_deeply_nested_brackets_are_a_damaged_key_file_not_a_recursion_error(depth: int) -> None:
    nested = b"[" * depth + b"]" * depth
    ours = b'{"format": "' + FORMAT.encode() + b'", "slots": ' + nested + b"}"
    with pytest.raises(VaultCorruptError):
        parse_keyfile(ours)
    with pytest.raises(NotAVaultError):
        parse_keyfile(nested)


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    quoted = json.dumps({"note": "[" * 100 + '\\" {{{'}).encode()
    with pytest.raises(NotAVaultError):  # parsed (not ours), rather than refused as too deep
        parse_keyfile(quoted)
