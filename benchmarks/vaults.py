"""Builds and caches generated vaults for the benchmark, and plain (unencrypted) copies of them."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2

from trustjournal.services.demo import GENERATOR_VERSION, generate_entries
from trustjournal.store.db import PRAGMAS, Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import DEFAULT_KDF
from trustjournal.store.schema import SCHEMA_VERSION
from trustjournal.store.vault import Vault

PASSPHRASE = "benchmark passphrase"
TODAY = date(2026, 6, 30)  # fixed, so cached vaults stay valid across days
YEARS = 20.0
CACHE = Path(__file__).resolve().parent / ".cache"
COMPLETE = f"ok, schema {SCHEMA_VERSION}\n"  # a cached vault's marker


def clock() -> datetime:
    """The benchmark's fixed notion of now."""
    return datetime(2026, 6, 30, 20, 0, tzinfo=UTC)


def vault_for(entries: int, seed: int, log: Any = print) -> Path:
    """A cached vault holding about `entries` generated entries over 20 years."""
    directory = CACHE / f"v{GENERATOR_VERSION}-s{seed}-n{entries}"
    if Vault.exists(directory) and (directory / "complete").exists():
        return _at_current_schema(directory, log)
    shutil.rmtree(directory, ignore_errors=True)
    directory.parent.mkdir(parents=True, exist_ok=True)
    log(f"building a vault of about {entries:,} entries (cached in {directory.name}) …")
    start = time.perf_counter()
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=DEFAULT_KDF)
    try:
        repo = EntryRepository(db=vault.db, clock=clock)
        per_day = entries / (YEARS * 365.25)
        repo.add_many(generate_entries(seed=seed, today=TODAY, years=YEARS, per_day=per_day))
        vault.db.execute("PRAGMA optimize")
    finally:
        vault.lock()
    (directory / "complete").write_text(COMPLETE)
    log(f"  built in {time.perf_counter() - start:.1f} s")
    return directory


def _at_current_schema(directory: Path, log: Any) -> Path:
    """Migrate a vault cached at an older schema (as the app does on unlock); its plain copy
    is made again from it, so the baseline has the same indexes."""
    marker = directory / "complete"
    if marker.read_text() == COMPLETE:
        return directory
    log(f"bringing the cached {directory.name} to schema {SCHEMA_VERSION} …")
    Vault.unlock(directory, PASSPHRASE).lock()
    shutil.rmtree(directory / "backups", ignore_errors=True)  # the cache can be rebuilt
    (directory / "plain-baseline.db").unlink(missing_ok=True)
    marker.write_text(COMPLETE)
    return directory


def plain_copy(directory: Path) -> Path:
    """An unencrypted copy of the vault's database (for baselines only), made once."""
    plain = directory / "plain-baseline.db"
    if plain.exists():
        return plain
    vault = Vault.unlock(directory, PASSPHRASE)
    try:
        tmp = directory / "plain-baseline.tmp"
        tmp.unlink(missing_ok=True)
        vault.db.execute("ATTACH DATABASE ? AS plain KEY ''", (str(tmp),))
        vault.db.execute("SELECT sqlcipher_export('plain')")
        version = vault.db.user_version
        vault.db.execute("DETACH DATABASE plain")
    finally:
        vault.lock()
    conn = sqlite3.connect(tmp)
    conn.execute(f"PRAGMA user_version = {int(version)}")
    conn.close()
    os.replace(tmp, plain)
    return plain


def open_plain(path: Path) -> Database:
    """The plain copy through the same wrapper and library (SQLCipher with no key)."""
    conn = sqlcipher3.dbapi2.connect(str(path), isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma).fetchall()
    return Database(conn, path)


@contextmanager
def scratch_copy(directory: Path, prefix: str = "tj-bench-") -> Iterator[Path]:
    """A throwaway copy of the cached vault in `directory` (its plain copy left out), as
    `<tmp>/journal`, so a figure that writes or migrates never changes the cache."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        copy = Path(tmp) / "journal"
        shutil.copytree(directory, copy, ignore=shutil.ignore_patterns("plain-*"))
        yield copy
