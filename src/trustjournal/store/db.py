"""The one SQLCipher connection wrapper: keying, pragmas, transactions and error translation.

All SQL in TrustJournal runs through `Database`. Environment failures (disk full, permissions,
a damaged file, a locked database) become `UserFacingError`s; anything else propagates as a bug.
Key material reaches SQLCipher only as bytes through `set_key`, never inside SQL text (S2).
"""

from __future__ import annotations

import errno
import logging
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlcipher3.dbapi2

from trustjournal.core.errors import (
    DiskFullError,
    EncryptionUnavailableError,
    PermissionDeniedError,
    StorageError,
    UserFacingError,
    VaultCorruptError,
    VaultInUseError,
    VaultLockedError,
)

log = logging.getLogger(__name__)

# The DB-API module in use. Tests substitute the stdlib sqlite3 here to prove we refuse it (S1).
_driver: ModuleType = sqlcipher3.dbapi2

KEY_BYTES = 32
PLAINTEXT_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 2.0
CACHE_KIB = 16_000

PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    # 16 MB of page cache (SQLCipher's default is 8 MB). A page that falls out of the cache is
    # decrypted again when read; at 100 000 entries the per-strategy coping figures read more
    # than 8 MB and ran 1.9x slower than plain SQLite, 0.9x with this. The cache is decrypted
    # pages in this process's memory, which already holds what is on screen; it is freed when
    # the journal locks, and core dumps are forbidden at start (core/process.py), so none of it
    # reaches the disk.
    f"PRAGMA cache_size = -{CACHE_KIB}",
)

Params = Sequence[Any] | dict[str, Any]


def raw_key_material(key: bytes) -> bytes:
    """The SQLCipher raw-key form x'<hex>' of a 256-bit data key, as bytes for `set_key`."""
    if len(key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    return b"x'" + key.hex().encode("ascii") + b"'"


def cipher_version() -> str:
    """The SQLCipher version of the driver in use, or '' if it is not SQLCipher.

    Also switches SQLCipher's own logging off for the whole process (S4): its log is global,
    and by default it writes to stderr on every failed decryption.
    """
    probe = _driver.connect(":memory:")
    try:
        row = probe.execute("PRAGMA cipher_version").fetchone()
        version = str(row[0]) if row and row[0] else ""
        if version:
            probe.execute("PRAGMA cipher_log_level = NONE").fetchall()
        return version
    finally:
        probe.close()


# Substrings of SQLite/SQLCipher error messages, in the order they are checked.
_DRIVER_ERRORS: tuple[tuple[tuple[str, ...], type[UserFacingError]], ...] = (
    (("disk is full",), DiskFullError),
    (("readonly", "read-only", "permission"), PermissionDeniedError),
    (("database is locked", "database table is locked", "busy"), VaultInUseError),
    (("not a database", "malformed", "corrupt"), VaultCorruptError),
    (("unable to open", "disk i/o error"), StorageError),
)


def _classify(exc: BaseException) -> UserFacingError | None:
    """The user-facing error an environment failure means, or None for a bug."""
    if isinstance(exc, UserFacingError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return DiskFullError()
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return PermissionDeniedError()
        return StorageError()
    if isinstance(exc, _driver.Error):
        text = str(exc).lower()
        for needles, error in _DRIVER_ERRORS:
            if any(needle in text for needle in needles):
                return error()
    return None


LOW_SPACE_BYTES = 1 << 20


def _out_of_room(near: Path | None) -> bool:
    """Whether a failed write is explained by a full disk or the process's file-size limit.

    SQLite reports ENOSPC as "database or disk is full", but EFBIG (RLIMIT_FSIZE) and some
    quota failures only as "disk I/O error"; this looks at the actual cause.
    """
    if near is None:
        return False
    try:
        import resource

        soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        if soft != resource.RLIM_INFINITY:
            return True
    except (ImportError, OSError, ValueError):
        pass
    try:
        folder = near if near.is_dir() else near.parent
        usage = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return usage.f_bavail * usage.f_frsize < LOW_SPACE_BYTES


@contextmanager
def translate_errors(near: Path | None = None) -> Iterator[None]:
    """Turn environment failures inside the block into `UserFacingError`s.

    Args:
        near: a file or folder the block writes to, used to tell a full disk from other
            write failures.
    """
    try:
        yield
    except UserFacingError:
        raise
    except (OSError, _driver.Error) as exc:
        mapped = _classify(exc)
        if mapped is None:
            raise
        if type(mapped) is StorageError and _out_of_room(near):
            mapped = DiskFullError()
        log.warning("storage failure: %s", type(mapped).__name__)
        raise mapped from None


class Database:
    """An open, keyed SQLCipher database.

    Use `with db.transaction():` around every write; each is one atomic commit (S8).
    Reads outside a transaction see the latest committed state.
    """

    def __init__(self, connection: Any, path: Path | None) -> None:
        self._conn = connection
        self.path = path
        self._depth = 0
        # One connection serves the UI thread and workers. Each statement, and each transaction
        # from BEGIN to COMMIT, holds this lock, so no thread sees another's half-made
        # transaction or joins it by mistake (`_depth` belongs to the lock's owner).
        self._lock = threading.RLock()

    @property
    def connection(self) -> Any:
        """The underlying DB-API connection, for the backup API only."""
        return self._conn

    @property
    def is_open(self) -> bool:
        """Whether the connection is still open."""
        return self._conn is not None

    @property
    def read_only(self) -> bool:
        """Whether every write is refused (the journal was opened with the disk full)."""
        return False

    def _open(self) -> Any:
        """The connection; a read that comes after locking (a late repaint) gets a clear error.

        Raises:
            VaultLockedError: the database was closed.
        """
        if self._conn is None:
            raise VaultLockedError()
        return self._conn

    def execute(self, sql: str, params: Params = ()) -> Any:
        """Run one statement and return its cursor (for `lastrowid`; read rows with `query`)."""
        with self._lock, translate_errors(self.path):
            return self._open().execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Params]) -> Any:
        """Run one statement for many parameter rows."""
        with self._lock, translate_errors(self.path):
            return self._open().executemany(sql, rows)

    def query(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        """Run a query and return every row."""
        with self._lock, translate_errors(self.path):
            return list(self._open().execute(sql, params).fetchall())

    def query_one(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        """Run a query and return its first row, or None."""
        with self._lock, translate_errors(self.path):
            row = self._open().execute(sql, params).fetchone()
            return tuple(row) if row is not None else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        """Run a query and return the first column of the first row, or None."""
        row = self.query_one(sql, params)
        return row[0] if row else None

    @property
    def user_version(self) -> int:
        """The schema version stored in the database."""
        return int(self.scalar("PRAGMA user_version") or 0)

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic, durable unit of work; nested blocks join the outer one.

        Other threads wait at their next statement or transaction until this one ends.

        Raises:
            UserFacingError: for environment failures; the transaction is rolled back.
        """
        with self._lock:
            yield from self._transaction()

    def _transaction(self) -> Iterator[Database]:
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        with translate_errors(self.path):
            self._open().execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self._rollback_quietly()
            raise
        self._depth = 0
        try:
            with translate_errors(self.path):
                self._conn.execute("COMMIT")
        except BaseException:
            self._rollback_quietly()
            raise

    @contextmanager
    def read_transaction(self) -> Iterator[Database]:
        """A consistent view of one moment that never takes the write lock (WAL lets others
        write meanwhile): for a snapshot, whose only writes go to an attached database.

        Raises:
            UserFacingError: for environment failures; the transaction is rolled back.
        """
        with self._lock:
            if self._depth:
                raise RuntimeError("a read transaction cannot join a write transaction")
            with translate_errors(self.path):
                self._open().execute("BEGIN DEFERRED")
            try:
                yield self
            except BaseException:
                self._rollback_quietly()
                raise
            try:
                with translate_errors(self.path):
                    self._conn.execute("COMMIT")
            except BaseException:
                self._rollback_quietly()
                raise

    def _rollback_quietly(self) -> None:
        try:
            self._conn.execute("ROLLBACK")
        except _driver.Error:
            log.debug("rollback after a failed transaction did not run")

    def checkpoint(self) -> None:
        """Fold the WAL into the database and truncate it (on lock and quit, S12)."""
        self.query("PRAGMA wal_checkpoint(TRUNCATE)")

    def integrity_problems(self) -> list[str]:
        """Problems found by `integrity_check` and `cipher_integrity_check` (empty when sound)."""
        problems = [str(r[0]) for r in self.query("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [str(r[0]) for r in self.query("PRAGMA cipher_integrity_check")]
        return problems

    def close(self) -> None:
        """Checkpoint quietly and close; safe to call twice.

        The checkpoint does not wait for another connection (a backup still copying): closing
        must never stall, and the last connection to close truncates the WAL instead.
        """
        with self._lock:  # after a worker's statement in flight, never under it
            if self._conn is None:
                return
            try:
                self.execute("PRAGMA busy_timeout = 0")
                self.checkpoint()
            except UserFacingError:
                log.warning("checkpoint before close failed")
            finally:
                self._conn.close()
                self._conn = None


def open_database(path: Path | None, key: bytes) -> Database:
    """Open (or create) the encrypted database at `path` with the raw data key.

    `path=None` opens a private in-memory database (fast tests where encryption is not the point).

    Raises:
        EncryptionUnavailableError: if the driver is not SQLCipher; nothing is touched (S1).
        VaultCorruptError: if the file cannot be decrypted with this key or is damaged.
        UserFacingError: for other environment failures.
    """
    if not cipher_version():
        raise EncryptionUnavailableError()
    if path is None:
        return Database(_keyed_connection(":memory:", key, None), None)
    try:
        return Database(_keyed_connection(os.fspath(path), key, path), path)
    except DiskFullError:
        # Opening a WAL journal after a clean close creates its shared-memory file, which needs
        # a few free pages. Reading must not need free space: open it for reading only.
        return ReadOnlyDatabase(_read_only_connection(path, key), path)


READ_ONLY_MESSAGE = (
    "The disk is full, so the journal was opened for reading only; nothing was lost. "
    "Free some space, then open the journal again to make changes."
)


class ReadOnlyDatabase(Database):
    """A journal opened for reading only because the disk is full: every write is refused."""

    @property
    def read_only(self) -> bool:
        """Always: nothing can be written while the disk is full."""
        return True

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """Refuse: nothing can be written while the disk is full.

        Raises:
            DiskFullError: always.
        """
        raise DiskFullError(READ_ONLY_MESSAGE)
        yield self  # pragma: no cover - makes this a generator, like the method it replaces

    def checkpoint(self) -> None:
        """Nothing to fold in: this connection never wrote."""


def _read_only_connection(path: Path, key: bytes) -> Any:
    """A read-only connection that needs no free space (SQLite's `readonly_shm`).

    SQLite then reads the shared-memory file without growing it, and reads any WAL content
    into this process's memory; the shared-memory file must exist, and an empty one is enough.
    """
    shm = path.with_name(path.name + "-shm")
    if not os.path.lexists(shm):
        with translate_errors(path):
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
            os.close(os.open(shm, flags, 0o600))
    uri = path.resolve().as_uri() + "?mode=ro&readonly_shm=1"
    return _keyed_connection(uri, key, path, uri=True)


def _keyed_connection(target: str, key: bytes, path: Path | None, *, uri: bool = False) -> Any:
    """A connection to `target`, keyed, checked to be SQLCipher, with our pragmas set."""
    with translate_errors(path):
        # The app derives the key and opens the vault on a worker thread, then hands the
        # connection to the UI thread; one thread uses it at a time, and SQLCipher is built
        # THREADSAFE=1 (serialized), so the per-thread check is lifted.
        conn = _driver.connect(
            target,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_SECONDS,
            check_same_thread=False,
            uri=uri,
        )
    try:
        conn.set_key(raw_key_material(key))
        with translate_errors(path):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not conn.execute("PRAGMA cipher_version").fetchone()[0]:
                raise EncryptionUnavailableError()
            for pragma in PRAGMAS:
                conn.execute(pragma).fetchall()
    except BaseException:
        conn.close()
        raise
    return conn


def looks_plaintext(path: Path) -> bool:
    """Whether a file starts with the plain SQLite header (S1: ours never do)."""
    with open(path, "rb") as fh:
        return fh.read(len(PLAINTEXT_HEADER)) == PLAINTEXT_HEADER
