"""The JSON format of `vault.key`: its values, and strict parsing that never trusts the file."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from trustjournal.core.errors import NotAVaultError, VaultCorruptError, VaultTooNewError
from trustjournal.store.db import KEY_BYTES

FORMAT = "trustjournal-vault-key"
FORMAT_VERSION = 1
SALT_BYTES = 16
NONCE_BYTES = 12
WRAPPED_BYTES = KEY_BYTES + 16  # the data key plus the GCM tag
MAX_KEYFILE_BYTES = 16 * 1024  # ours are < 1 KiB; never slurp a big foreign file
MAX_JSON_DEPTH = 8  # ours nest 4 deep; deeper input must not reach the recursive parser

# The Argon2id costs this app writes (256 MiB x 3 passes x 4 lanes; 8 MiB x 1 x 1 for the demo)
# and a small margin above. A key file asking for more is damaged or tampered with, and is
# refused before anything is derived: a tampered cost would otherwise make every unlock take
# a minute and gigabytes of memory (S17).
MIN_MEMORY_KIB = 8 * 1024  # 8 MiB
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB
MAX_ITERATIONS = 10
MAX_LANES = 8

_VAULT_ID = re.compile(r"[0-9a-f]{32}")


class SlotName(StrEnum):
    """The ways into a vault; each wraps the same data key under a different secret."""

    PASSPHRASE = "passphrase"  # noqa: S105 -- a slot name, not a password
    RECOVERY = "recovery"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters (memory in KiB, passes, lanes)."""

    memory_kib: int = 262144
    iterations: int = 3
    lanes: int = 4

    def __post_init__(self) -> None:
        values = (self.memory_kib, self.iterations, self.lanes)
        if any(type(value) is not int for value in values):
            raise ValueError("KDF parameters must be integers")
        if not 1 <= self.lanes <= MAX_LANES or not 1 <= self.iterations <= MAX_ITERATIONS:
            raise ValueError("KDF passes or lanes out of range")
        if not max(MIN_MEMORY_KIB, 8 * self.lanes) <= self.memory_kib <= MAX_MEMORY_KIB:
            raise ValueError("KDF memory out of range")

    def as_dict(self) -> dict[str, Any]:
        """The parameters as stored in the key file."""
        return {
            "algorithm": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the data key."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes


@dataclass(frozen=True)
class KeyFile:
    """The parsed contents of `vault.key`."""

    vault_id: str
    passphrase: Slot
    recovery: Slot
    version: int = FORMAT_VERSION

    def slot(self, name: SlotName | str) -> Slot:
        """The slot called `name`."""
        return self.passphrase if SlotName(name) is SlotName.PASSPHRASE else self.recovery

    def with_slot(self, name: SlotName | str, slot: Slot) -> KeyFile:
        """A copy with the slot called `name` replaced."""
        if SlotName(name) is SlotName.PASSPHRASE:
            return replace(self, passphrase=slot)
        return replace(self, recovery=slot)


def keyfile_to_bytes(keyfile: KeyFile) -> bytes:
    """The JSON form of a key file."""
    document = {
        "format": FORMAT,
        "version": keyfile.version,
        "vault_id": keyfile.vault_id,
        "slots": {name.value: _slot_to_json(keyfile.slot(name)) for name in SlotName},
    }
    return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("ascii")


def parse_keyfile(data: bytes) -> KeyFile:
    """Parse and validate the bytes of a key file.

    Raises:
        NotAVaultError: if the bytes are not a TrustJournal key file at all.
        VaultTooNewError: if a newer TrustJournal wrote it.
        VaultCorruptError: if it is ours but empty, truncated or malformed.
    """
    looks_ours = not data.strip() or FORMAT.encode("ascii") in data
    try:
        if len(data) > MAX_KEYFILE_BYTES or _nesting_depth(data) > MAX_JSON_DEPTH:
            raise ValueError("too large or too deeply nested for a key file")
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: deep nesting
        raise (VaultCorruptError() if looks_ours else NotAVaultError()) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise NotAVaultError()
    version = document.get("version")
    if type(version) is int and version > FORMAT_VERSION:
        raise VaultTooNewError()
    try:
        if version != FORMAT_VERSION:
            raise ValueError("unknown key file version")
        vault_id = document["vault_id"]
        if not isinstance(vault_id, str) or not _VAULT_ID.fullmatch(vault_id):
            raise ValueError("bad vault id")
        slots = document["slots"]
        if not isinstance(slots, dict) or set(slots) != {name.value for name in SlotName}:
            raise ValueError("bad slots")
        return KeyFile(
            vault_id=vault_id,
            passphrase=_slot_from_json(slots[SlotName.PASSPHRASE.value]),
            recovery=_slot_from_json(slots[SlotName.RECOVERY.value]),
            version=version,
        )
    except (KeyError, TypeError, ValueError):
        raise VaultCorruptError() from None


def _nesting_depth(data: bytes) -> int:
    """How deeply JSON arrays and objects nest in `data` (brackets inside strings don't count).

    Checked before `json.loads`, whose recursion a file of nested brackets would exhaust.
    """
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    return deepest


def b64(data: bytes) -> str:
    """Base64 text of `data`, as stored in the key file."""
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, size: int) -> bytes:
    if not isinstance(value, str):
        raise TypeError("expected base64 text")
    try:
        data = base64.b64decode(value, validate=True)
    except binascii.Error:
        raise ValueError("bad base64") from None
    if len(data) != size:
        raise ValueError("wrong length")
    return data


def _slot_to_json(slot: Slot) -> dict[str, Any]:
    return {
        "kdf": slot.kdf.as_dict(),
        "salt": b64(slot.salt),
        "nonce": b64(slot.nonce),
        "wrapped_key": b64(slot.wrapped_key),
    }


def _slot_from_json(value: object) -> Slot:
    if not isinstance(value, dict):
        raise TypeError("a slot must be an object")
    kdf = value["kdf"]
    if not isinstance(kdf, dict) or kdf.get("algorithm") != "argon2id":
        raise ValueError("unsupported KDF")
    params = KdfParams(
        memory_kib=kdf["memory_kib"], iterations=kdf["iterations"], lanes=kdf["lanes"]
    )
    return Slot(
        kdf=params,
        salt=_unb64(value["salt"], SALT_BYTES),
        nonce=_unb64(value["nonce"], NONCE_BYTES),
        wrapped_key=_unb64(value["wrapped_key"], WRAPPED_BYTES),
    )
