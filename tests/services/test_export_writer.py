"""Atomic export writes: all or nothing, mode 0600, no temp file left behind (S7, S10)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from trustjournal.core.errors import DiskFullError, StorageError
from trustjournal.services.export.writer import TEMP_PREFIX, atomic_write

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
