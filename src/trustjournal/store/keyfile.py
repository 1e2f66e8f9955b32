"""The vault key file: one random data key, wrapped per slot with AES-256-GCM under Argon2id.

`vault.key` is small JSON holding, for each way in (`passphrase`, `recovery`), the KDF parameters,
a salt, a nonce and the wrapped data key. The GCM associated data binds each slot to the format
version, the vault id, the slot name, the KDF parameters and the salt, so editing any of them
makes unwrapping fail. A wrong secret is detected here, before the database is touched.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from trustjournal.core.errors import (
    NotAVaultError,
    ValidationError,
    VaultCorruptError,
    VaultNotFoundError,
    VaultTooNewError,
    WrongSecretError,
)
from trustjournal.store.db import KEY_BYTES, translate_errors
from trustjournal.store.files import write_atomically

FORMAT = "trustjournal-vault-key"
FORMAT_VERSION = 1
SALT_BYTES = 16
NONCE_BYTES = 12
WRAPPED_BYTES = KEY_BYTES + 16  # the data key plus the GCM tag
MAX_KEYFILE_BYTES = 64 * 1024  # ours are < 1 KiB; never slurp a big foreign file

# Bounds for parameters read from disk, so a tampered file cannot make us allocate or spin
# without limit. The upper bounds leave ample room to raise the defaults later.
MAX_MEMORY_KIB = 2 * 1024 * 1024  # 2 GiB
MAX_ITERATIONS = 16
MAX_LANES = 16

RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
RECOVERY_GROUPS = 7
RECOVERY_GROUP_SIZE = 4  # 7 groups of 4 base32 digits = 140 bits
RECOVERY_MESSAGE = "That recovery code does not open this journal."
_RECOVERY_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_RECOVERY_SEPARATORS = frozenset("-_.\u2010\u2011\u2012\u2013\u2014\u2212")
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
        if not 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB:
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


def new_data_key() -> bytes:
    """A fresh random 256-bit data key."""
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_code() -> str:
    """A fresh recovery code: 140 random bits as 7 dash-separated groups of 4 (Crockford base32)."""
    count = RECOVERY_GROUPS * RECOVERY_GROUP_SIZE
    return _group("".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(count)))


def normalise_recovery_code(text: str) -> str:
    """The canonical form of a typed recovery code.

    Case does not matter, spaces and dashes are ignored, and O, I and L are read as 0, 1 and 1.

    Raises:
        WrongSecretError: if the text cannot be a recovery code.
    """
    folded = unicodedata.normalize("NFKC", text).upper().translate(_RECOVERY_LOOKALIKES)
    compact = "".join(c for c in folded if not c.isspace() and c not in _RECOVERY_SEPARATORS)
    if len(compact) != RECOVERY_GROUPS * RECOVERY_GROUP_SIZE or any(
        c not in RECOVERY_ALPHABET for c in compact
    ):
        raise WrongSecretError(RECOVERY_MESSAGE)
    return _group(compact)


def create_keyfile(
    *, data_key: bytes, passphrase: str, recovery_code: str, kdf: KdfParams = DEFAULT_KDF
) -> KeyFile:
    """A new key file with a fresh vault id, wrapping `data_key` in both slots.

    Raises:
        ValidationError: if the passphrase is empty.
        WrongSecretError: if the recovery code is malformed.
    """
    vault_id = secrets.token_hex(16)
    return KeyFile(
        vault_id=vault_id,
        passphrase=_wrap(vault_id, SlotName.PASSPHRASE, passphrase, data_key, kdf),
        recovery=_wrap(vault_id, SlotName.RECOVERY, recovery_code, data_key, kdf),
    )


def unwrap(keyfile: KeyFile, slot: SlotName | str, secret: str) -> bytes:
    """The data key from one slot, given that slot's secret.

    Raises:
        WrongSecretError: if the secret is wrong or the slot was tampered with (GCM tag fails).
    """
    name = SlotName(slot)
    stored = keyfile.slot(name)
    kek = _derive(_secret_bytes(name, secret), stored.kdf, stored.salt)
    aad = _associated_data(keyfile.version, keyfile.vault_id, name, stored.kdf, stored.salt)
    try:
        data_key = AESGCM(kek).decrypt(stored.nonce, stored.wrapped_key, aad)
    except InvalidTag:
        message = RECOVERY_MESSAGE if name is SlotName.RECOVERY else None
        raise WrongSecretError(message) from None
    if len(data_key) != KEY_BYTES:
        raise VaultCorruptError()
    return data_key


def rewrap(
    keyfile: KeyFile,
    slot: SlotName | str,
    secret: str,
    data_key: bytes,
    kdf: KdfParams | None = None,
) -> KeyFile:
    """A copy of `keyfile` whose slot wraps `data_key` under a new secret (fresh salt and nonce).

    `kdf` defaults to the slot's current parameters. The caller must have verified `data_key`.

    Raises:
        ValidationError: if a new passphrase is empty.
        WrongSecretError: if a new recovery code is malformed.
    """
    name = SlotName(slot)
    params = kdf if kdf is not None else keyfile.slot(name).kdf
    return keyfile.with_slot(name, _wrap(keyfile.vault_id, name, secret, data_key, params))


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
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
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


def read_keyfile(path: Path) -> KeyFile:
    """Read and validate `vault.key`.

    Raises:
        VaultNotFoundError: if there is no file.
        NotAVaultError, VaultCorruptError, VaultTooNewError: see `parse_keyfile`.
        UserFacingError: for other file-system failures.
    """
    if not path.exists():
        raise VaultNotFoundError()
    if not path.is_file():
        raise NotAVaultError()
    with translate_errors(), open(path, "rb") as fh:
        data = fh.read(MAX_KEYFILE_BYTES + 1)
    if len(data) > MAX_KEYFILE_BYTES:
        raise NotAVaultError()
    return parse_keyfile(data)


def write_keyfile(path: Path, keyfile: KeyFile) -> None:
    """Atomically replace `path` with `keyfile` (temp → fsync → rename → fsync directory)."""
    write_atomically(path, keyfile_to_bytes(keyfile))


def _group(compact: str) -> str:
    size = RECOVERY_GROUP_SIZE
    return "-".join(compact[i : i + size] for i in range(0, len(compact), size))


def _secret_bytes(slot: SlotName, secret: str) -> bytes:
    if slot is SlotName.RECOVERY:
        return normalise_recovery_code(secret).replace("-", "").encode("ascii")
    # NFC, so a composed and a decomposed é are the same passphrase; surrogatepass, so even a
    # lone surrogate from a clipboard is a stable byte sequence rather than a crash.
    return unicodedata.normalize("NFC", secret).encode("utf-8", "surrogatepass")


def _derive(secret: bytes, kdf: KdfParams, salt: bytes) -> bytes:
    argon = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    )
    return argon.derive(secret)


def _associated_data(
    version: int, vault_id: str, slot: SlotName, kdf: KdfParams, salt: bytes
) -> bytes:
    bound = {
        "format": FORMAT,
        "version": version,
        "vault_id": vault_id,
        "slot": slot.value,
        "kdf": kdf.as_dict(),
        "salt": _b64(salt),
    }
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("ascii")


def _wrap(vault_id: str, slot: SlotName, secret: str, data_key: bytes, kdf: KdfParams) -> Slot:
    if len(data_key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    if slot is SlotName.PASSPHRASE and not secret:
        raise ValidationError("Choose a passphrase; it cannot be empty.", field="passphrase")
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    kek = _derive(_secret_bytes(slot, secret), kdf, salt)
    aad = _associated_data(FORMAT_VERSION, vault_id, slot, kdf, salt)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, aad)
    return Slot(kdf=kdf, salt=salt, nonce=nonce, wrapped_key=wrapped)


def _b64(data: bytes) -> str:
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
        "salt": _b64(slot.salt),
        "nonce": _b64(slot.nonce),
        "wrapped_key": _b64(slot.wrapped_key),
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
