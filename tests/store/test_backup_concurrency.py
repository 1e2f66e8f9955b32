"""A backup running in the background never holds a lock the journal needs: the journal can
be unlocked, written and locked again while the copy is being made (no SQLITE_BUSY)."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.store.test_backup import CHEAP, PASSPHRASE, _clock, _fill
from trustjournal.store.vault import Vault

ROWS = 400  # enough for the copy to pass the point where the test holds it


def _notes(vault: Vault) -> list[str]:
    return [row[0] for row in vault.db.query("SELECT note FROM entries ORDER BY id")]


def test_unlocking_and_writing_while_a_backup_runs_never_meets_a_busy_journal(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "vault"
    first, _code = Vault.create(directory, PASSPHRASE, kdf=CHEAP, clock=_clock)
    for number in range(ROWS):
        _fill(first.db, f"entry {number}")
    inside, release = threading.Event(), threading.Event()

    def hold_once() -> None:
        if not inside.is_set():
            inside.set()
            release.wait(60)

    failures: list[BaseException] = []

    def back_up_then_lock() -> None:  # as the automatic backup on lock does
        try:
            first.backup_to(tmp_path / "copy", progress=hold_once)
        except BaseException as exc:
            failures.append(exc)
        finally:
            first.lock()

    worker = threading.Thread(target=back_up_then_lock)
    worker.start()
    try:
        assert inside.wait(60), "the copy never started"
        second = Vault.unlock(directory, PASSPHRASE, clock=_clock)  # the person is back
        _fill(second.db, "written while the backup ran")
        second.lock()
    finally:
        release.set()
        worker.join(120)
    assert not worker.is_alive() and failures == []
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as journal:
        assert _notes(journal)[-1] == "written while the backup ran"
    with Vault.unlock(tmp_path / "copy", PASSPHRASE, clock=_clock) as copy:
        notes = _notes(copy)
    assert len(notes) == ROWS and notes[-1] == f"entry {ROWS - 1}"  # a copy of one moment
