"""S13: a backup killed at any moment leaves the previous backup intact and openable."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

TINY = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "keep a copy"
ROUNDS = 12

# Writes a new marker, backs up, and acknowledges each complete backup by printing its marker.
CHILD = """
import sys
from pathlib import Path
from trustjournal.store.vault import Vault

vault = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
target, round_no = Path(sys.argv[3]), sys.argv[4]
step = 0
while True:
    step += 1
    marker = f"{round_no}:{step}"
    with vault.db.transaction():
        vault.db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('marker', ?)", (marker,)
        )
    vault.backup_to(target)
    print(marker, flush=True)
"""


def _backup_marker(target: Path) -> str:
    with Vault.unlock(target, PASSPHRASE) as backup:
        assert backup.verify() == []
        return str(backup.db.scalar("SELECT value FROM settings WHERE key = 'marker'"))


def _run_and_kill(vault_dir: Path, target: Path, round_no: int, delay: float) -> list[str]:
    args = [sys.executable, "-c", CHILD, str(vault_dir), PASSPHRASE, str(target), str(round_no)]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None
        first = child.stdout.readline()
        if not first:
            child.kill()
            _, err = child.communicate()
            pytest.fail("the child failed before its first backup:\n" + err.decode())
        time.sleep(delay)
        child.kill()
        rest, _ = child.communicate()
    return (first + rest).decode().split()


@pytest.mark.slow
def test_kill_during_backups_never_damages_the_previous_backup(tmp_path: Path) -> None:
    vault_dir, target = tmp_path / "vault", tmp_path / "backup"
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=TINY)
    with vault.db.transaction():  # enough pages that a kill often lands mid-export
        vault.db.executemany(
            "INSERT INTO drafts (key, payload, updated_utc) VALUES (?, ?, 0)",
            [(f"draft {i}", "x" * 400) for i in range(1500)],
        )
        vault.db.execute("INSERT INTO settings (key, value) VALUES ('marker', '0:0')")
    # Kill moments are spread over about three backups as long as one takes here.
    started = time.perf_counter()
    vault.backup_to(target)
    span = 3 * (time.perf_counter() - started)
    vault.lock()
    rng = random.Random(1312)
    for round_no in range(1, ROUNDS + 1):
        acked = _run_and_kill(vault_dir, target, round_no, rng.uniform(0.0, span))
        last = acked[-1]
        following = f"{round_no}:{int(last.split(':')[1]) + 1}"
        # Either the last acknowledged backup, or the next one if it had just been renamed
        # into place when the kill came: never older, never half-written.
        assert _backup_marker(target) in (last, following)
    with Vault.unlock(vault_dir, PASSPHRASE) as survivor:
        assert survivor.verify() == []


# Kills itself with SIGKILL as the snapshot of a before-restore copy is about to be renamed into
# place: the copy's folder then holds only vault.key and a hidden temp snapshot (issue 16 #4).
RESTORE_AND_DIE = """
import os, signal, sys
from pathlib import Path
from trustjournal.store.vault import Vault

real = os.replace
def die(source, target, *args, **kwargs):
    if "before-restore" in str(target) and str(target).endswith("journal.db"):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(source, target, *args, **kwargs)
os.replace = die
Vault.restore(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
"""


def test_a_backup_killed_midway_leaves_leftovers_the_next_start_removes(tmp_path: Path) -> None:
    vault_dir, outside = tmp_path / "vault", tmp_path / "outside"
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=TINY)
    with vault:
        vault.backup_to(outside)
    args = [sys.executable, "-c", RESTORE_AND_DIE, str(outside), str(vault_dir), PASSPHRASE]
    result = subprocess.run(args, capture_output=True, timeout=120, check=False)
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()[-2000:]
    [crashed] = (vault_dir / "backups").iterdir()
    names = sorted(p.name for p in crashed.iterdir())
    assert names[-1] == "vault.key" and names[0].startswith(".journal.db.")  # the orphan

    Vault.unlock(vault_dir, PASSPHRASE).lock()

    assert list((vault_dir / "backups").iterdir()) == []
