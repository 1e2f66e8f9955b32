"""The throwaway journal `trustjournal --demo` opens: a private folder, made-up entries."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from trustjournal.store.keyfile import KdfParams

DEMO_SEED = 1


def demo_kdf() -> KdfParams:
    """Cheap key derivation for the throwaway demo journal, so it opens at once."""
    from trustjournal.store.keyfile import KdfParams

    return KdfParams(memory_kib=8192, iterations=1, lanes=1)


def demo_passphrase() -> str:
    """The demo journal's passphrase (shown on its unlock screen)."""
    from trustjournal.services.demo import DEMO_PASSPHRASE

    return DEMO_PASSPHRASE


@contextmanager
def demo_folder() -> Iterator[Path]:
    """A private (0700) temporary folder for the demo journal, removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="trustjournal-demo-"))  # mkdtemp makes it 0700
    try:
        yield root / "journal"
    finally:
        shutil.rmtree(root, ignore_errors=True)


def make_demo(directory: Path, clock: Callable[[], datetime]) -> Callable[[], int]:
    """The work that writes the demo journal into `directory` (run it in a worker thread);
    it returns how many entries it wrote."""

    def prepare() -> int:  # runs in a worker thread; its connection opens and closes there
        from trustjournal.services.demo import DEMO_PASSPHRASE, fill
        from trustjournal.store.entries import EntryRepository
        from trustjournal.store.vault import Vault

        vault, _code = Vault.create(directory, DEMO_PASSPHRASE, kdf=demo_kdf())
        try:
            repo = EntryRepository(db=vault.db, clock=clock)
            now = clock()
            return fill(repo.add_many, seed=DEMO_SEED, today=now.date(), years=2.0, until=now)
        finally:
            vault.lock()

    return prepare
