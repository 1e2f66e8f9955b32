"""S9: a passphrase change killed at any moment leaves a vault that opens with exactly one."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trustjournal.core.errors import WrongSecretError
from trustjournal.store.files import is_temp_name
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

# Tiny on purpose: the loop is about crash safety, not key stretching, and must stay quick.
TINY = KdfParams(memory_kib=8192, iterations=1, lanes=1)
OLD = "old passphrase ' \"; --"
NEW = "new passphrase é 🔐"
ROUNDS = 50

# Changes the passphrase back and forth forever; says "ready" after its first change, so
# every round is killed during (or between) later changes, at a random moment.
CHILD = """
import sys
from pathlib import Path
from trustjournal.store.vault import Vault

directory, current, other = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
vault = Vault.unlock(directory, current)
ready = False
while True:
    vault.change_passphrase(current, other)
    current, other = other, current
    if not ready:
        print("ready", flush=True)
        ready = True
"""


def _opens_with(directory: Path, passphrase: str) -> bool:
    try:
        vault = Vault.unlock(directory, passphrase)
    except WrongSecretError:
        return False
    vault.lock()
    return True


def _run_and_kill(directory: Path, current: str, other: str, delay: float) -> None:
    args = [sys.executable, "-c", CHILD, str(directory), current, other]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None
        if child.stdout.readline() != b"ready\n":
            child.kill()
            _, err = child.communicate()
            pytest.fail("the child failed before its first change:\n" + err.decode())
        time.sleep(delay)
        child.kill()
        child.communicate()


@pytest.mark.slow
def test_kill_during_passphrase_changes_always_leaves_exactly_one_passphrase(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "vault"
    vault, _ = Vault.create(directory, OLD, kdf=TINY)
    # Kill moments are spread over about three changes as long as one takes here.
    started = time.perf_counter()
    vault.change_passphrase(OLD, NEW)
    vault.change_passphrase(NEW, OLD)
    span = 1.5 * (time.perf_counter() - started)
    vault.lock()
    rng = random.Random(20260314)
    current = OLD
    for _ in range(ROUNDS):
        other = NEW if current == OLD else OLD
        _run_and_kill(directory, current, other, rng.uniform(0.0, span))
        opening = [p for p in (OLD, NEW) if _opens_with(directory, p)]
        assert len(opening) == 1
        current = opening[0]
        # Whatever the kill left behind was swept by the successful unlock.
        assert not [name for name in os.listdir(directory) if is_temp_name(name)]
    with Vault.unlock(directory, current) as survivor:
        assert survivor.verify() == []
