"""S18 for the full export: a real `trustjournal export-data` killed with SIGKILL while it writes
leaves none of the journal's words in the folder (with unnamed files), or only a hidden temp
file that the next export sweeps (without them), and a full disk leaves nothing at all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import FAST_KDF, PASSPHRASE, run_cli
from trustjournal.core.entries import MoodCheckIn
from trustjournal.services.export.writer import TEMP_PREFIX
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault

pytestmark = pytest.mark.skipif(
    not os.path.isdir("/proc/self/fd"), reason="the child looks at its open files in /proc"
)

NOW = datetime(2026, 3, 14, 18, 30, tzinfo=UTC)
WORDS = ("zqxvharbour", "zqxvlanterns", "zqxvquarrel", "zqxvforgiven")
ENTRIES = 2000

# The child runs the real command and kills itself with SIGKILL, as `kill -9` or a crash would:
# "mid-write" at the 1500th entry turned into JSON (three chunks of 500 already streamed out),
# "unnamed" at the fsync of the complete file, before it has its name. Before dying it writes
# down how many bytes its open files in the folder hold, so the test knows the kill came while
# the journal was really on disk. "named" runs it as on a system without unnamed files.
EXPORT_AND_DIE = """
import io, json, os, signal, sys
vault, out, files, at, report, passphrase = sys.argv[1:7]
folder = os.path.dirname(out) + os.sep
if files == "named":
    del os.O_TMPFILE
from trustjournal.cli import main

def in_folder(fd):
    try:
        return os.readlink(f"/proc/self/fd/{fd}").startswith(folder)
    except OSError:
        return False

def die():
    held = [int(fd) for fd in os.listdir("/proc/self/fd") if in_folder(fd)]
    with open(report, "w") as f:
        f.write(str(sum(os.fstat(fd).st_size for fd in held)))
    os.kill(os.getpid(), signal.SIGKILL)

if at == "mid-write":
    real_dumps, calls = json.dumps, []
    def dumps(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1500:
            die()
        return real_dumps(*args, **kwargs)
    json.dumps = dumps
else:
    real_fsync = os.fsync
    def fsync(fd):
        if in_folder(fd):
            die()
        return real_fsync(fd)
    os.fsync = fsync
main(["export-data", "--vault", vault, "--passphrase-stdin", "--out", out],
     stdin=io.StringIO(passphrase + "\\n"))
"""


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real vault of 2000 entries, big enough that the export streams in several chunks."""
    directory = tmp_path_factory.mktemp("journal") / "vault"
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        EntryRepository(db=vault.db, clock=lambda: NOW).add_many(
            MoodCheckIn(
                occurred_at=NOW - timedelta(hours=i),
                mood=1 + i % 10,
                note=f"{WORDS[i % len(WORDS)]} and an evening like the others, {i}",
            )
            for i in range(ENTRIES)
        )
    return directory


def _killed(journal: Path, out: Path, files: str, at: str) -> int:
    """Run the export in a child killed at `at`; returns the bytes it had on disk then."""
    if files == "unnamed" and not hasattr(os, "O_TMPFILE"):
        pytest.skip("this system has no unnamed files")
    report = out.parent.parent / f"{out.parent.name}-report"
    args = [str(journal), str(out), files, at, str(report), PASSPHRASE]
    died = subprocess.run(
        [sys.executable, "-c", EXPORT_AND_DIE, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert died.returncode == -signal.SIGKILL, died.stderr[-2000:]
    return int(report.read_text())


def _with_words(folder: Path) -> list[str]:
    """The files in `folder` holding any of the journal's words."""
    return sorted(
        p.name for p in folder.iterdir() if any(w.encode() in p.read_bytes() for w in WORDS)
    )


def _export(journal: Path, out: Path) -> None:
    result = run_cli("export-data", "--vault", str(journal), "--passphrase-stdin", "--out",
                     str(out), stdin=PASSPHRASE + "\n")  # fmt: skip
    assert result.code == 0, result.err


@pytest.mark.parametrize("at", ["mid-write", "before-the-name"])
def test_a_kill_while_writing_leaves_no_file_with_unnamed_files(
    journal: Path, tmp_path: Path, at: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    on_disk = _killed(journal, out / "everything.json", "unnamed", at)
    assert on_disk > 100_000  # much of the journal was written when it died
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("at", ["mid-write", "before-the-name"])
def test_a_kill_without_unnamed_files_is_swept_by_the_next_export_into_that_folder(
    journal: Path, tmp_path: Path, at: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert _killed(journal, out / "everything.json", "named", at) > 100_000
    left = _with_words(out)
    assert left and all(n.startswith(TEMP_PREFIX) for n in left)  # the hazard, hidden, reproduced

    _export(journal, out / "again.json")

    assert _with_words(out) == ["again.json"]


def test_a_kill_without_unnamed_files_is_swept_by_the_next_export_anywhere(
    journal: Path, tmp_path: Path
) -> None:
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    _killed(journal, tmp_path / "first" / "everything.json", "named", "mid-write")
    assert _with_words(tmp_path / "first")

    _export(journal, tmp_path / "second" / "everything.json")

    assert list((tmp_path / "first").iterdir()) == []


FILL_THE_DISK = """
import io, os, resource, signal, sys
vault, out, files, passphrase = sys.argv[1:5]
if files == "named":
    del os.O_TMPFILE
from trustjournal.cli import main
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
sys.exit(main(["export-data", "--vault", vault, "--passphrase-stdin", "--out", out],
              stdin=io.StringIO(passphrase + "\\n")))
"""


@pytest.mark.parametrize("files", ["unnamed", "named"])
def test_a_full_disk_says_so_and_leaves_nothing(journal: Path, tmp_path: Path, files: str) -> None:
    if files == "unnamed" and not hasattr(os, "O_TMPFILE"):
        pytest.skip("this system has no unnamed files")
    out = tmp_path / "out"
    out.mkdir()
    args = [str(journal), str(out / "everything.json"), files, PASSPHRASE]
    full = subprocess.run(
        [sys.executable, "-c", FILL_THE_DISK, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert full.returncode != 0 and "disk is full" in full.stderr, full.stderr[-2000:]
    assert "Traceback" not in full.stderr
    assert list(out.iterdir()) == []


def test_an_existing_file_is_refused_and_kept(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "everything.json"
    target.write_text("last year's export, kept on purpose")
    result = run_cli("export-data", "--vault", str(journal), "--passphrase-stdin", "--out",
                     str(target), stdin=PASSPHRASE + "\n")  # fmt: skip
    assert result.code != 0
    assert "already a file with that name" in result.err
    assert target.read_text() == "last year's export, kept on purpose"
