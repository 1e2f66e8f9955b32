"""Fixtures for driving the command line in-process against real encrypted vaults."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from trustjournal.cli import main
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

PASSPHRASE = "correct horse battery"
FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)
NOW = datetime(2026, 3, 14, 18, 30, tzinfo=UTC)


@dataclass
class Result:
    """What one CLI run produced."""

    code: int
    out: str
    err: str


Run = Callable[..., Result]


def run_cli(*argv: str, stdin: str = "") -> Result:
    """Run `trustjournal argv…` in-process with a fixed clock."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err, clock=lambda: NOW)
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    """A fresh vault (cheap KDF) holding no entries."""
    directory = tmp_path / "vault"
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=FAST_KDF)
    vault.lock()
    return directory


@pytest.fixture
def cli(vault_dir: Path) -> Run:
    """Run a command against `vault_dir`, passing the passphrase on stdin."""

    def run(*argv: str, stdin: str | None = None) -> Result:
        return run_cli(
            *argv,
            "--vault",
            str(vault_dir),
            "--passphrase-stdin",
            stdin=PASSPHRASE + "\n" if stdin is None else stdin,
        )

    return run
