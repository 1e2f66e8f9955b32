"""S8: every acknowledged save survives kill -9, and the vault stays sound."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from trustjournal.core.query import EntryQuery
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

PASSPHRASE = "durable enough"
ROUNDS = 50

WRITER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from trustjournal.core.entries import MoodCheckIn
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault

vault = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
repo = EntryRepository(db=vault.db, clock=lambda: datetime.now(UTC))
round_no = sys.argv[3]
n = 0
while True:
    note = f"round {round_no} save {n} " + "words " * (n % 50)
    saved = repo.add(MoodCheckIn(occurred_at=datetime.now(UTC), mood=1 + n % 10, note=note))
    print(saved.id, note, sep="\\t", flush=True)  # acknowledged only after add() returned
    n += 1
"""

pytestmark = pytest.mark.usefixtures("collector_off_in_threads")


def _run_round(directory: Path, round_no: int, rng: random.Random) -> dict[int, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(directory), PASSPHRASE, str(round_no)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    acked: dict[int, str] = {}
    first = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if not line.endswith("\n"):
                break  # cut off by the kill: not an acknowledgement
            entry_id, note = line.rstrip("\n").split("\t")
            acked[int(entry_id)] = note
            first.set()

    reader = threading.Thread(target=read)
    reader.start()
    first.wait(timeout=30)
    time.sleep(rng.uniform(0.0, 0.15))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(timeout=30)
    assert proc.stdout is not None
    proc.stdout.close()
    return acked


@pytest.mark.slow
def test_kill_9_during_writes_loses_no_acknowledged_save(tmp_path: Path) -> None:
    directory = tmp_path / "vault"
    vault, _code = Vault.create(
        directory, PASSPHRASE, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1)
    )
    vault.lock()
    rng = random.Random(8)
    expected: dict[int, str] = {}
    for round_no in range(ROUNDS):
        acked = _run_round(directory, round_no, rng)
        assert acked, f"round {round_no} saved nothing before the kill"
        expected.update(acked)
        vault = Vault.unlock(directory, PASSPHRASE)
        try:
            assert vault.verify() == []
            repo = EntryRepository(db=vault.db, clock=lambda: datetime.now(UTC))
            stored = repo.get_many(sorted(expected))
            assert {e.id: getattr(e, "note", None) for e in stored} == expected
            assert repo.count(EntryQuery()) >= len(expected)
        finally:
            vault.lock()
