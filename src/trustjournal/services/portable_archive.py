"""A ZIP archive with WinZip AES-256 encryption (AE-2), written as a stream and read back.

The format is WinZip's "AES Encryption Information" (AE-2), which 7-Zip, WinZip, Keka and
many others open: PBKDF2-HMAC-SHA1 over a 16-byte salt with 1000 iterations gives the AES
key, the HMAC key and a 2-byte check; the data (deflated first) is AES-CTR encrypted with a
little-endian counter starting at 1, and authenticated with HMAC-SHA1 over the ciphertext
(first 10 bytes). The 1000 iterations are fixed by the format and weak by today's standards,
so only a long passphrase protects such an archive. AE-2 stores no CRC of the plain data
(the HMAC replaces it), so nothing about the content is readable without the passphrase.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import secrets
import struct
import sys
import unicodedata
import zlib
from array import array
from datetime import datetime
from typing import TYPE_CHECKING, BinaryIO

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from trustjournal.core.errors import ExitCode, StorageError, UserFacingError, ValidationError
from trustjournal.core.i18n import N_, _

if TYPE_CHECKING:
    from typing_extensions import Buffer

ITERATIONS = 1000  # fixed by the format
_STRENGTHS = {1: 16, 2: 24, 3: 32}  # AES strength byte -> key length (salt is half of it)
_VERIFIER, _AUTH = 2, 10
_AES_METHOD, _DEFLATE, _STORED = 99, 8, 0
_VERSION_NEEDED = 51
_FLAGS = 0x0001 | 0x0800  # encrypted; the file name is UTF-8
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_EXTRA = struct.Struct("<HHH2sBH")
_LIMIT = 0xFFFFFFFF  # no ZIP64: an export this large would not be a journal
_CHUNK = 64 * 1024


class ArchiveError(UserFacingError):
    """The archive cannot be read (not ours, damaged, or a kind of ZIP we do not read)."""

    exit_code = ExitCode.USAGE
    default_message = N_(
        "That archive could not be read: it is damaged, or not one TrustJournal can open."
    )


class ArchivePassphraseError(UserFacingError):
    """The passphrase does not open this archive (or the archive was changed)."""

    exit_code = ExitCode.WRONG_SECRET
    default_message = N_("That passphrase does not open this archive.")


KDF_NOTE = N_(
    "The archive is AES-256 encrypted in the ZIP format that 7-Zip, WinZip, Keka and many "
    "other programs open. That format turns the passphrase into a key quickly (1000 rounds, "
    "fixed by the format), which makes guessing cheaper than for your journal itself, so "
    "only a long passphrase of several unrelated words keeps it safe."
)
STRONG_SCORE = 4  # zxcvbn's top score: the format's fast key derivation needs the most


def require_strong(passphrase: str) -> None:
    """Refuse a passphrase too easy to guess for the archive's fast key derivation.

    Raises:
        ValidationError: if it is not very strong (zxcvbn score 4), saying why.
    """
    from trustjournal.core.strength import estimate

    if estimate(passphrase).score < STRONG_SCORE:
        raise ValidationError(
            _(
                "That passphrase is too easy to guess for an archive. Use a long one of "
                "several unrelated words, such as four or five words that don't belong together."
            )
        )


def is_archive(head: bytes) -> bool:
    """Whether a file's first bytes are those of a ZIP archive."""
    return head.startswith(b"PK\x03\x04")


def _keys(passphrase: str, salt: bytes, key_len: int) -> tuple[bytes, bytes, bytes]:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    derived = hashlib.pbkdf2_hmac("sha1", secret, salt, ITERATIONS, 2 * key_len + _VERIFIER)
    return derived[:key_len], derived[key_len : 2 * key_len], derived[2 * key_len :]


class _Ctr:
    """AES-CTR with the format's little-endian counter (the library's CTR counts big-endian),
    built from AES over counter blocks; the same call encrypts and decrypts."""

    def __init__(self, key: bytes) -> None:
        # ECB here only encrypts the counter blocks: this is CTR mode, block by block.
        self._aes = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # noqa: S305
        self._next = 1
        self._pending = b""

    def _stream(self, blocks: int) -> bytes:
        counters = array("Q", bytes(16 * blocks))
        counters[0::2] = array("Q", range(self._next, self._next + blocks))
        if sys.byteorder == "big":
            counters.byteswap()
        self._next += blocks
        return self._aes.update(counters.tobytes())

    def _xor(self, data: bytes, blocks: int) -> bytes:
        stream = self._stream(blocks)[: len(data)]
        mixed = int.from_bytes(data, "little") ^ int.from_bytes(stream, "little")
        return mixed.to_bytes(len(data), "little")

    def update(self, data: bytes) -> bytes:
        data = self._pending + data
        whole = len(data) - len(data) % 16
        self._pending = data[whole:]
        return self._xor(data[:whole], whole // 16) if whole else b""

    def finalize(self) -> bytes:
        rest, self._pending = self._pending, b""
        return self._xor(rest, 1) if rest else b""


class AesZipWriter(io.RawIOBase):
    """Writes one file into a new AE-2 archive on `out` (seekable, empty), as bytes arrive.

    Call `finish()` once everything is written; without it the archive is incomplete (the
    caller writes to a temp file and removes it on failure).
    """

    def __init__(self, out: BinaryIO, *, name: str, passphrase: str, when: datetime) -> None:
        super().__init__()
        self._out = out
        self._name = name.encode("utf-8")
        self._time, self._date = _dos_time(when)
        salt = secrets.token_bytes(16)
        key, auth_key, verifier = _keys(passphrase, salt, 32)
        self._ctr = _Ctr(key)
        self._mac = hmac.new(auth_key, digestmod=hashlib.sha1)
        self._deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        self._plain = 0
        self._stored = 0
        out.write(self._local_header(0, 0))
        self._emit(salt + verifier, mac=False)

    def writable(self) -> bool:
        return True

    def write(self, data: Buffer, /) -> int:
        chunk = bytes(data)
        self._plain += len(chunk)
        self._emit(self._ctr.update(self._deflate.compress(chunk)))
        return len(chunk)

    def finish(self) -> None:
        """Write the authentication code, the sizes and the central directory."""
        self._emit(self._ctr.update(self._deflate.flush()) + self._ctr.finalize())
        self._emit(self._mac.digest()[:_AUTH], mac=False)
        if self._plain > _LIMIT or self._stored > _LIMIT:
            raise StorageError(_("The export is too large for one archive."))
        end = self._out.tell()
        self._out.seek(0)
        self._out.write(self._local_header(self._stored, self._plain))
        self._out.seek(end)
        extra = _extra()
        central = _CENTRAL.pack(
            0x02014B50, 0x0300 | 63, _VERSION_NEEDED, _FLAGS, _AES_METHOD, self._time,
            self._date, 0, self._stored, self._plain, len(self._name), len(extra), 0, 0, 0,
            0o100600 << 16, 0,
        )  # fmt: skip
        record = central + self._name + extra
        self._out.write(record)
        self._out.write(_END.pack(0x06054B50, 0, 0, 1, 1, len(record), end, 0))

    def _emit(self, data: bytes, *, mac: bool = True) -> None:
        if data:
            if mac:
                self._mac.update(data)
            self._out.write(data)
            self._stored += len(data)

    def _local_header(self, stored: int, plain: int) -> bytes:
        extra = _extra()
        head = _LOCAL.pack(
            0x04034B50, _VERSION_NEEDED, _FLAGS, _AES_METHOD, self._time, self._date, 0,
            stored, plain, len(self._name), len(extra),
        )  # fmt: skip
        return head + self._name + extra


def _extra() -> bytes:
    return _EXTRA.pack(0x9901, 7, 2, b"AE", 3, _DEFLATE)


def _dos_time(when: datetime) -> tuple[int, int]:
    year = min(max(when.year, 1980), 2107)
    return (
        (when.hour << 11) | (when.minute << 5) | (when.second // 2),
        ((year - 1980) << 9) | (when.month << 5) | when.day,
    )


def read_archive(data: bytes, passphrase: str, *, limit: int) -> bytes:
    """The one file inside an AES-encrypted ZIP (AE-1 or AE-2), checked and decrypted.

    Args:
        data: the whole archive.
        passphrase: the archive's passphrase.
        limit: the largest plain size accepted (a tiny archive may unpack to gigabytes).

    Raises:
        ArchivePassphraseError: if the passphrase is wrong or the archive was changed.
        ArchiveError: if it is not such an archive, holds more than one file, or is too large.
    """
    try:
        offset, stored, method, strength, version, crc = _locate(data)
    except (struct.error, IndexError, ValueError):
        raise ArchiveError() from None
    key_len = _STRENGTHS.get(strength)
    if key_len is None or method not in (_STORED, _DEFLATE) or stored < key_len // 2 + 12:
        raise ArchiveError()
    body = data[offset : offset + stored]
    if len(body) != stored:
        raise ArchiveError()
    salt_len = key_len // 2
    salt, check = body[:salt_len], body[salt_len : salt_len + _VERIFIER]
    cipher, auth = body[salt_len + _VERIFIER : -_AUTH], body[-_AUTH:]
    key, auth_key, verifier = _keys(passphrase, salt, key_len)
    mac = hmac.new(auth_key, cipher, hashlib.sha1).digest()[:_AUTH]
    if not hmac.compare_digest(check, verifier) or not hmac.compare_digest(mac, auth):
        raise ArchivePassphraseError()
    ctr = _Ctr(key)
    plain = ctr.update(cipher) + ctr.finalize()
    if method == _DEFLATE:
        inflate = zlib.decompressobj(-15)
        try:
            plain = inflate.decompress(plain, limit + 1)
        except zlib.error:
            raise ArchiveError() from None
    if len(plain) > limit:
        raise ArchiveError(_("The file inside that archive is too large to import."))
    if version == 1 and zlib.crc32(plain) != crc:
        raise ArchiveError()
    return plain


def _locate(data: bytes) -> tuple[int, int, int, int, int, int]:
    """Where the one encrypted file's data starts, its stored size, real method, strength,
    AE version and CRC, from the central directory."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 0xFFFF))
    if end < 0:
        raise ValueError
    _sig, _d, _cd, _n, total, _size, start, _c = _END.unpack_from(data, end)
    if total != 1:
        raise ArchiveError(_("That archive holds more than one file; nothing was imported."))
    fields = _CENTRAL.unpack_from(data, start)
    if fields[0] != 0x02014B50 or fields[4] != _AES_METHOD or not fields[3] & 1:
        raise ValueError
    crc, stored, name_len, extra_len = fields[7], fields[8], fields[10], fields[11]
    local = fields[16]
    extra = data[start + _CENTRAL.size + name_len : start + _CENTRAL.size + name_len + extra_len]
    version = strength = method = -1
    at = 0
    while at + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, at)
        if tag == 0x9901 and size == 7:
            _t, _s, version, vendor, strength, method = _EXTRA.unpack_from(extra, at)
            if vendor != b"AE":
                raise ValueError
        at += 4 + size
    if version not in (1, 2):
        raise ValueError
    head = _LOCAL.unpack_from(data, local)
    if head[0] != 0x04034B50:
        raise ValueError
    return local + _LOCAL.size + head[9] + head[10], stored, method, strength, version, crc


def archive_name(target: os.PathLike[str] | str) -> str:
    """The name of the JSON file inside an archive written to `target`."""
    stem = os.path.splitext(os.path.basename(os.fspath(target)))[0] or "trustjournal-export"
    return stem + ".json"
