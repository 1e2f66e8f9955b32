"""One connection, two threads: a worker's reads never see half of the UI thread's transaction."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from trustjournal.store.db import Database, open_database

ROUNDS = 2000  # transactions written by the main thread
PAIRS_KEPT = 50  # the oldest pair is deleted again, so the table stays small

pytestmark = pytest.mark.usefixtures("collector_off_in_threads")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(tmp_path / "journal.db", os.urandom(32))
    with opened.transaction():
        opened.execute("CREATE TABLE pairs (id INTEGER PRIMARY KEY, round INTEGER NOT NULL)")
    yield opened
    opened.close()


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Switch threads often, so the two interleave at many more points than by default."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield
    sys.setswitchinterval(before)


class Reader(threading.Thread):
    """Reads the pairs table until told to stop; keeps what it saw and any error."""

    def __init__(self, db: Database) -> None:
        super().__init__(daemon=True)
        self.db = db
        self.stop = threading.Event()
        self.reads = 0
        self.counts_seen: set[int] = set()
        self.torn: list[str] = []
        self.errors: list[BaseException] = []

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                self._read_once()
        except BaseException as exc:  # handed to the test thread to report
            self.errors.append(exc)

    def _read_once(self) -> None:
        count = int(self.db.scalar("SELECT count(*) FROM pairs"))
        rounds = [int(r[0]) for r in self.db.query("SELECT round FROM pairs ORDER BY id")]
        self.reads += 1
        self.counts_seen.add(count)
        if count % 2:
            self.torn.append(f"count {count}")
        if len(rounds) % 2 or rounds[0::2] != rounds[1::2]:
            self.torn.append(f"rows of {len(rounds)}")


@pytest.mark.usefixtures("busy_switching")
def test_worker_reads_never_see_half_a_transaction(database: Database) -> None:
    reader = Reader(database)
    reader.start()
    try:
        for n in range(ROUNDS):
            with database.transaction():
                database.execute("INSERT INTO pairs (round) VALUES (?)", (n,))
                database.execute("INSERT INTO pairs (round) VALUES (?)", (n,))
                if n >= PAIRS_KEPT:
                    database.execute("DELETE FROM pairs WHERE round = ?", (n - PAIRS_KEPT,))
    finally:
        reader.stop.set()
        reader.join()
    assert reader.errors == []
    assert reader.torn == []
    # The reader really ran while the writes went on: it saw the table at several sizes.
    assert len(reader.counts_seen) > 1
    assert database.scalar("SELECT count(*) FROM pairs") == 2 * PAIRS_KEPT


def test_a_worker_transaction_does_not_join_the_main_threads(database: Database) -> None:
    inside = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []

    def worker() -> None:
        inside.wait()
        try:
            # Waits for the main thread's transaction, then makes one of its own.
            with database.transaction():
                database.execute("INSERT INTO pairs (round) VALUES (2)")
                database.execute("INSERT INTO pairs (round) VALUES (2)")
        except BaseException as exc:  # reported below
            errors.append(exc)

    def failing_transaction() -> None:
        with database.transaction():
            database.execute("INSERT INTO pairs (round) VALUES (1)")
            inside.set()
            release.wait(0.2)  # give the worker every chance to run inside this transaction
            raise RuntimeError("the main thread's transaction fails")

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    with pytest.raises(RuntimeError):
        failing_transaction()
    thread.join()
    assert errors == []
    # The main thread's row rolled back; the worker's pair committed on its own.
    assert database.query("SELECT round FROM pairs") == [(2,), (2,)]
