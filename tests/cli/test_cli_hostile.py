"""Issue 16 #9: hostile dates, huge numbers, nested files and unreadable folders are bad input
(exit 2) or a file-system problem (exit 5) in plain words — never reported as a bug (exit 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import PASSPHRASE, Run, run_cli

HUGE = "1" + "0" * 400
ENORMOUS = "1" + "0" * 5000  # more digits than int() converts


@pytest.mark.parametrize(
    "argv",
    [
        ("add", "mood", "--mood", "5", "--at", "99999-01-01"),
        ("add", "mood", "--mood", "5", "--at", "2024-13-45"),
        ("add", "mood", "--mood", "5", "--at", "0001-01-01"),
        ("add", "mood", "--mood", "5", "--at", "0001-01-01T00:00+14:00"),
        ("add", "mood", "--mood", "5", "--at", "9999-12-31T23:59-14:00"),
        ("add", "mood", "--mood", HUGE),
        ("add", "mood", "--mood", ENORMOUS),
        ("add", "trigger", "--situation", "x", "--intensity", f"-{HUGE}"),
        ("list", "--from", "99999-01-01"),
        ("list", "--limit", HUGE),
        ("show", HUGE),
        ("show", "9223372036854775808"),
        ("delete", HUGE),
        ("undelete", ENORMOUS),
        ("export", "--out", "summary.md", "--exclude", HUGE),
        ("export", "--out", "summary.md", "--exclude", ENORMOUS),
    ],
    ids=lambda argv: " ".join(part[:24] for part in argv),
)
def test_hostile_values_are_bad_input(cli: Run, argv: tuple[str, ...]) -> None:
    result = cli(*argv)
    assert result.code == 2, result
    assert result.err.startswith("trustjournal: ") and result.err.count("\n") == 1
    assert "went wrong inside" not in result.err


def test_a_deeply_nested_key_file_is_a_damaged_journal(vault_dir: Path) -> None:
    (vault_dir / "vault.key").write_text("[" * 30_000 + "]" * 30_000)
    result = run_cli("list", "--vault", str(vault_dir), "--passphrase-stdin", stdin="x\n")
    assert result.code == 4, result
    assert "went wrong inside" not in result.err


# Root reads any folder whatever its mode (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH); the child
# drops those capabilities so a mode-000 folder stops it as it would stop a person's account.
AS_A_PERSON = """
import ctypes, io, os, sys
if os.geteuid() == 0:
    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]
    class Data(ctypes.Structure):
        _fields_ = [(n, ctypes.c_uint32) for n in ("effective", "permitted", "inheritable")]
    libc = ctypes.CDLL(None, use_errno=True)
    header, data = Header(0x20080522, 0), (Data * 2)()
    assert libc.capget(ctypes.byref(header), data) == 0
    keep = ~((1 << 1) | (1 << 2) | (1 << 3)) & 0xFFFFFFFF
    for half in data:
        half.effective &= keep
        half.permitted &= keep
    assert libc.capset(ctypes.byref(header), data) == 0, ctypes.get_errno()
from trustjournal.cli import main
err = io.StringIO()
code = main(sys.argv[1:], stdin=io.StringIO(sys.stdin.read()), stdout=io.StringIO(), stderr=err)
print(code, err.getvalue().strip())
"""


@pytest.fixture
def locked_away(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody but an administrator may look into (mode 000)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        yield folder
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(
    "argv",
    [
        ("list", "--vault", "{locked}/journal"),
        ("init", "--vault", "{locked}/journal"),
        ("backup", "--vault", "{vault}", "--to", "{locked}/copy"),
        ("restore", "--vault", "{vault}", "--from", "{locked}/copy"),
        ("export", "--vault", "{vault}", "--out", "{locked}/summary.md"),
    ],
    ids=lambda argv: argv[0],
)
def test_a_folder_that_may_not_be_read_is_a_file_system_problem(
    vault_dir: Path, locked_away: Path, argv: tuple[str, ...]
) -> None:
    args = [a.format(locked=locked_away, vault=vault_dir) for a in argv]
    result = subprocess.run(
        [sys.executable, "-c", AS_A_PERSON, *args, "--passphrase-stdin"],
        input=f"{PASSPHRASE}\n" * 3,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (
        result.stdout.strip()
        == "5 trustjournal: TrustJournal is not allowed to use that file or folder."
    )
