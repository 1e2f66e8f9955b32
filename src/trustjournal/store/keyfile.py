"""The vault key file: one random data key, wrapped per slot with AES-256-GCM under Argon2id.

`vault.key` is small JSON holding, for each way in (`passphrase`, `recovery`), the KDF parameters,
a salt, a nonce and the wrapped data key. The GCM associated data binds each slot to the format
version, the vault id, the slot name, the KDF parameters and the salt, so editing any of them
makes unwrapping fail. A wrong secret is detected here, before the database is touched.
"""

from __future__ import annotations

import json
import os
import secrets
import unicodedata
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from trustjournal.core.errors import (
    NotAVaultError,
    ValidationError,
    VaultCorruptError,
    VaultNotFoundError,
    WrongSecretError,
)
from trustjournal.core.i18n import _
from trustjournal.store.db import KEY_BYTES, translate_errors
from trustjournal.store.files import NOFOLLOW, refuse_link, write_atomically
from trustjournal.store.keyfile_format import (
    DEFAULT_KDF,
    FORMAT,
    FORMAT_VERSION,
    MAX_KEYFILE_BYTES,
    NONCE_BYTES,
    SALT_BYTES,
    KdfParams,
    KeyFile,
    Slot,
    SlotName,
    b64,
    keyfile_to_bytes,
    parse_keyfile,
)
from trustjournal.store.recovery_code import (
    RECOVERY_MESSAGE,
    new_recovery_code,
    normalise_recovery_code,
)

__all__ = [
    "DEFAULT_KDF",
    "KdfParams",
    "KeyFile",
    "Slot",
    "SlotName",
    "create_keyfile",
    "keyfile_to_bytes",
    "new_data_key",
    "new_recovery_code",
    "normalise_recovery_code",
    "parse_keyfile",
    "read_keyfile",
    "rewrap",
    "unwrap",
    "write_keyfile",
]


def new_data_key() -> bytes:
    """A fresh random 256-bit data key."""
    return secrets.token_bytes(KEY_BYTES)


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


def read_keyfile(path: Path) -> KeyFile:
    """Read and validate `vault.key`.

    Raises:
        VaultNotFoundError: if there is no file.
        StorageError: if a symlink stands in its place (never followed, S17).
        NotAVaultError, VaultCorruptError, VaultTooNewError: see `parse_keyfile`.
        UserFacingError: for other file-system failures.
    """
    refuse_link(path)
    if not path.exists():
        raise VaultNotFoundError()
    if not path.is_file():
        raise NotAVaultError()
    with translate_errors():
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(MAX_KEYFILE_BYTES + 1)
    if len(data) > MAX_KEYFILE_BYTES:
        raise NotAVaultError()
    return parse_keyfile(data)


def write_keyfile(path: Path, keyfile: KeyFile) -> bool:
    """Atomically replace `path` with `keyfile` (temp → fsync → rename → fsync directory).

    Returns:
        Whether the new file is confirmed durable (see `write_atomically`); it is in place
        either way once this returns.

    Raises:
        UserFacingError: if the file could not be replaced; the old one is untouched.
    """
    return write_atomically(path, keyfile_to_bytes(keyfile))


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
        "salt": b64(salt),
    }
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("ascii")


def _wrap(vault_id: str, slot: SlotName, secret: str, data_key: bytes, kdf: KdfParams) -> Slot:
    if len(data_key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    if slot is SlotName.PASSPHRASE and not secret:
        raise ValidationError(_("Choose a passphrase; it cannot be empty."), field="passphrase")
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    kek = _derive(_secret_bytes(slot, secret), kdf, salt)
    aad = _associated_data(FORMAT_VERSION, vault_id, slot, kdf, salt)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, aad)
    return Slot(kdf=kdf, salt=salt, nonce=nonce, wrapped_key=wrapped)
