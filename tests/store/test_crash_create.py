"""Creation killed at any moment never leaves a half vault that looks complete but fails."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trustjournal.core.errors import VaultIncompleteError
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.layout import Layout, classify
from trustjournal.store.vault import Vault

TINY = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "begin again"
ROUNDS = 20

CHILD = """
import sys
from pathlib import Path
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

print("ready", flush=True)
Vault.create(Path(sys.argv[1]), sys.argv[2], kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1))
print("created", flush=True)
"""


def _run_and_kill(directory: Path, delay: float) -> bytes:
    args = [sys.executable, "-c", CHILD, str(directory), PASSPHRASE]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None
        assert child.stdout.readline() == b"ready\n"
        time.sleep(delay)
        child.kill()
        out, _ = child.communicate()
    return out


@pytest.mark.slow
def test_kill_during_creation_leaves_nothing_a_complete_vault_or_a_clear_error(
    tmp_path: Path,
) -> None:
    # Kill moments are spread over about twice the time one creation takes here, so most
    # rounds land inside it rather than before or after.
    started = time.perf_counter()
    Vault.create(tmp_path / "timing", PASSPHRASE, kdf=TINY)[0].lock()
    span = 2 * (time.perf_counter() - started)
    rng = random.Random(77)
    for round_no in range(ROUNDS):
        directory = tmp_path / f"vault{round_no}"
        out = _run_and_kill(directory, rng.uniform(0.0, span))
        layout = classify(directory)
        if b"created" in out:
            assert layout is Layout.VAULT
        assert layout in (Layout.MISSING, Layout.EMPTY, Layout.INCOMPLETE, Layout.VAULT)
        if layout is Layout.VAULT:
            with Vault.unlock(directory, PASSPHRASE) as vault:
                assert vault.verify() == []
        elif layout is Layout.INCOMPLETE:
            with pytest.raises(VaultIncompleteError):
                Vault.unlock(directory, PASSPHRASE)
            with pytest.raises(VaultIncompleteError):
                Vault.create(directory, PASSPHRASE, kdf=TINY)
        else:
            vault, _ = Vault.create(directory, PASSPHRASE, kdf=TINY)
            vault.lock()
