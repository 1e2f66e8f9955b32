"""Atomic export writes: all or nothing, mode 0600, no temp file left behind (S7, S10)."""

from __future__ import annotations

import io
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from trustjournal.cli import main
from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.errors import DiskFullError, StorageError
from trustjournal.services.export.writer import TEMP_PREFIX, atomic_write, sweep_temp_files
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

NOW = datetime(2026, 3, 14, 18, 30, tzinfo=UTC)
CANARY = "zqxvexportcanary"
OLD = b"the previous summary, which must survive a failed write\n"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_new_file_is_written_with_mode_0600_even_with_a_lax_umask(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    old_umask = os.umask(0)
    try:
        atomic_write(target, b"hello")
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"hello"
    assert _mode(target) == 0o600
    assert _leftovers(tmp_path) == []


def test_existing_file_is_replaced_whole_and_becomes_private(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_bytes(OLD * 100)
    target.chmod(0o644)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o600


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder"):
        atomic_write(tmp_path / "nowhere" / "summary.md", b"x")


def test_a_folder_in_the_way_is_a_clear_error_and_stays(tmp_path: Path) -> None:
    (tmp_path / "summary.md").mkdir()
    with pytest.raises(StorageError):
        atomic_write(tmp_path / "summary.md", b"x")
    assert (tmp_path / "summary.md").is_dir()
    assert _leftovers(tmp_path) == []


def test_a_device_or_pipe_in_the_way_is_never_replaced(tmp_path: Path) -> None:
    """Exporting 'to /dev/null' as root must not swap the device for a file (a pipe stands in)."""
    pipe = tmp_path / "summary.md"
    os.mkfifo(pipe)
    with pytest.raises(StorageError, match="ordinary file"):
        atomic_write(pipe, b"x")
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert _leftovers(tmp_path) == []


WRITE_IN_CHILD = """
import ctypes, os, resource, signal, sys
from pathlib import Path
if sys.argv[3] == "drop" and os.geteuid() == 0:
    # Root ignores permission bits through CAP_DAC_OVERRIDE (and friends); drop them so this
    # process meets a read-only folder the way a person's own account would.
    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]
    class Data(ctypes.Structure):
        _fields_ = [(n, ctypes.c_uint32) for n in ("effective", "permitted", "inheritable")]
    libc = ctypes.CDLL(None, use_errno=True)
    header, data = Header(0x20080522, 0), (Data * 2)()
    assert libc.capget(ctypes.byref(header), data) == 0
    keep = ~((1 << 1) | (1 << 2) | (1 << 3)) & 0xFFFFFFFF  # DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER
    for half in data:
        half.effective &= keep
        half.permitted &= keep
    assert libc.capset(ctypes.byref(header), data) == 0, ctypes.get_errno()
from trustjournal.core.errors import UserFacingError
from trustjournal.services.export.writer import atomic_write
limit = int(sys.argv[2])
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    atomic_write(Path(sys.argv[1]), b"n" * 200_000)
except UserFacingError as exc:
    print(type(exc).__name__, exc.message)
else:
    print("written")
"""


def _child(target: Path, *, limit: int = 0, drop_privileges: bool = False) -> str:
    mode = "drop" if drop_privileges else "keep"
    result = subprocess.run(
        [sys.executable, "-c", WRITE_IN_CHILD, str(target), str(limit), mode],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_full_disk_leaves_the_old_file_byte_identical_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(OLD)
    outcome = _child(target, limit=4096)
    assert outcome.startswith(DiskFullError.__name__)
    assert "disk is full" in outcome
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder (mode 0555) holding a file; the writing child drops root's override."""
    directory = tmp_path / "read-only"
    directory.mkdir()
    (directory / "summary.pdf").write_bytes(OLD)
    directory.chmod(0o555)
    try:
        yield directory
    finally:
        directory.chmod(0o755)


def test_read_only_folder_leaves_the_old_file_byte_identical(read_only_dir: Path) -> None:
    target = read_only_dir / "summary.pdf"
    outcome = _child(target, drop_privileges=True)
    assert outcome.startswith("PermissionDeniedError"), outcome
    assert target.read_bytes() == OLD
    assert _leftovers(read_only_dir) == []


# S18: a summary killed at its last step. The child kills itself with SIGKILL at the named call
# (the rename into place, or the fsync of the data), as a crash or `kill -9` would.
EXPORT_AND_DIE = """
import io, os, signal, sys
from trustjournal.cli import main
from trustjournal.services.export.writer import TEMP_PREFIX
vault, out, at = sys.argv[1:4]
real = getattr(os, at)
def die(*args, **kwargs):
    if at != "replace" or os.path.basename(str(args[0])).startswith(TEMP_PREFIX):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
setattr(os, at, die)
main(["export", "--vault", vault, "--passphrase-stdin", "--out", out, "--from", "2026-03-01"],
     stdin=io.StringIO(sys.argv[4] + "\\n"))
"""


def _export_killed_at(vault: Path, out: Path, call: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", EXPORT_AND_DIE, str(vault), str(out), call, PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr[-2000:]


PASSPHRASE = "a summary killed at the last step"


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """A vault holding one entry whose text must not be left lying around."""
    directory = tmp_path / "vault"
    vault, _code = Vault.create(
        directory, PASSPHRASE, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1)
    )
    with vault:
        EntryRepository(db=vault.db, clock=lambda: NOW).add(
            MoodCheckIn(occurred_at=NOW, mood=4, note=f"the {CANARY} evening")
        )
    return directory


def _export(vault: Path, out: Path) -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(
        ["export", "--vault", str(vault), "--passphrase-stdin", "--out", str(out)],
        stdin=io.StringIO(PASSPHRASE + "\n"),
        stdout=stdout,
        stderr=stderr,
        clock=lambda: NOW,
    )
    assert code == 0, stderr.getvalue()


def _canary_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if CANARY.encode() in p.read_bytes())


def test_a_kill_while_writing_the_summary_leaves_no_file_at_all(
    journal: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    _export_killed_at(journal, out / "summary.md", "fsync")
    assert list(out.iterdir()) == []


def test_a_kill_at_the_rename_is_swept_by_the_next_export_into_that_folder(
    journal: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    _export_killed_at(journal, out / "summary.md", "replace")
    assert _leftovers(out) and _canary_files(out) == _leftovers(out)  # the hazard, reproduced

    _export(journal, out / "again.md")

    assert _leftovers(out) == []
    assert _canary_files(out) == ["again.md"]


def test_a_kill_at_the_rename_is_swept_at_the_next_start_whatever_folder_it_writes_to(
    journal: Path, tmp_path: Path
) -> None:
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    _export_killed_at(journal, tmp_path / "first" / "summary.md", "replace")
    assert _leftovers(tmp_path / "first")

    _export(journal, tmp_path / "second" / "summary.md")

    assert list((tmp_path / "first").iterdir()) == []


def test_sweeping_removes_only_export_temp_files(tmp_path: Path) -> None:
    keep = [".trustjournal-notours.part", "summary.part", ".trustjournal-0123456789abcdef.pdf"]
    for name in [*keep, ".trustjournal-0123456789abcdef.part"]:
        (tmp_path / name).write_bytes(b"x")
    assert sweep_temp_files(tmp_path) == [".trustjournal-0123456789abcdef.part"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(keep)
