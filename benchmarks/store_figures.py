"""Store figures: each query on the encrypted vault beside the same query on a plain copy."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from benchmarks.timing import Stats, measure, stats
from benchmarks.vaults import PASSPHRASE, TODAY, YEARS, clock, open_plain, plain_copy, scratch_copy
from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.periods import Period
from trustjournal.core.query import EntryQuery
from trustjournal.store import aggregates
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import DEFAULT_KDF
from trustjournal.store.vault import Vault
from trustjournal.ui.journal.timeline_model import FIRST_FETCH

SEARCH_WORDS = (
    "tea",
    "walk",
    "phone",
    "late",
    "dinner",
    "laughed",
    "message",
    "quiet",
    "work",
    "safe",
    "kitchen",
    "weekend",
    "sorry",
    "listened",
    "tired",
    "garden",
    "morning",
    "trust",
    "plans",
    "honest",
)
PREFIXES = ("te*", "wal*", "pho*", "mess*", "lis*", "gard*", "hon*", "kit*")
YEAR = Period.year_ending(TODAY)
ALL_YEARS = Period(TODAY - timedelta(days=round(YEARS * 365.25)), TODAY)


@dataclass(frozen=True)
class Figure:
    """One measured figure, optionally with its plain-SQLite baseline."""

    name: str
    entries: int
    encrypted: Stats
    plain: Stats | None = None
    target: str = ""

    @property
    def ratio(self) -> float | None:
        """Encrypted median over plain median."""
        if self.plain is None or self.plain.median == 0:
            return None
        return self.encrypted.median / self.plain.median

    def as_dict(self) -> dict[str, Any]:
        """For the JSON report."""
        out: dict[str, Any] = {"name": self.name, "entries": self.entries, "target": self.target}
        out["encrypted"] = self.encrypted.as_ms()
        if self.plain is not None:
            out["plain"] = self.plain.as_ms()
            out["ratio"] = round(self.ratio or 0.0, 3)
        return out


def _pair(
    name: str,
    entries: int,
    work: Callable[[Database], Any],
    *,
    enc: Database,
    plain: Database,
    runs: int,
    target: str,
) -> Figure:
    return Figure(
        name,
        entries,
        measure(lambda: work(enc), runs=runs),
        measure(lambda: work(plain), runs=runs),
        target,
    )


def _repo(db: Database) -> EntryRepository:
    return EntryRepository(db=db, clock=clock)


def _per_query(
    queries: tuple[str, ...], db: Database, runs: int, read: Callable[..., Any]
) -> Stats:
    """Every query read with `read(repo, query)` `runs` times: p95 is over queries and runs."""
    repo = _repo(db)
    samples: list[float] = []
    for query in queries:
        search = EntryQuery(search=query)
        samples.extend(_samples(partial(read, repo, search), runs))
    return stats(samples)


def first_page(repo: EntryRepository, query: EntryQuery) -> Any:
    """What a person waits for: the Journal's first slice of the timeline (FIRST_FETCH rows)."""
    return repo.timeline_slice(query, limit=FIRST_FETCH)


def every_id(repo: EntryRepository, query: EntryQuery) -> Any:
    """Every matching id in timeline order (what the search figures timed before)."""
    return repo.ids(query)


SEARCH_FIGURES = (
    (f"word search, first {FIRST_FETCH} (p95 over 20 words)", SEARCH_WORDS, first_page),
    (f"prefix search, first {FIRST_FETCH} (p95 over 8 prefixes)", PREFIXES, first_page),
    ("word search, every matching id (p95, 20 words)", SEARCH_WORDS, every_id),
    ("prefix search, every matching id (p95, 8 prefixes)", PREFIXES, every_id),
)


def _samples(fn: Callable[[], Any], runs: int) -> list[float]:
    fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def kdf_figure(runs: int) -> Figure:
    """Argon2id with the default parameters, alone."""
    salt = os.urandom(16)

    def derive() -> None:
        Argon2id(
            salt=salt,
            length=32,
            iterations=DEFAULT_KDF.iterations,
            lanes=DEFAULT_KDF.lanes,
            memory_cost=DEFAULT_KDF.memory_kib,
        ).derive(PASSPHRASE.encode())

    return Figure(
        "KDF alone (Argon2id 256 MiB, t=3, p=4)",
        0,
        measure(derive, runs=runs, warmup=0),
        target="≈ 0.4 s",
    )


def store_figures(directory: Path, entries: int, runs: int) -> list[Figure]:
    """Every store figure for one vault size."""
    plain_path = plain_copy(directory)
    figures: list[Figure] = []

    def unlock_and_query() -> None:
        vault = Vault.unlock(directory, PASSPHRASE)
        vault.db.scalar("SELECT count(*) FROM entries WHERE id = 1")
        vault.lock()

    figures.append(
        Figure(
            "unlock (KDF + open + first query)",
            entries,
            measure(unlock_and_query, runs=max(3, runs // 3), warmup=0),
            target="≤ 500 ms",
        )
    )

    vault = Vault.unlock(directory, PASSPHRASE)
    plain = open_plain(plain_path)
    try:
        enc = vault.db
        figures.append(
            _pair(
                "newest 200",
                entries,
                lambda db: _repo(db).list(EntryQuery(), limit=200),
                enc=enc,
                plain=plain,
                runs=runs,
                target="≤ 10 ms",
            )
        )

        def year_page(db: Database) -> None:
            repo = _repo(db)
            ids = repo.ids(EntryQuery(period=YEAR))
            repo.get_many(ids[:200])

        figures.append(
            _pair(
                "one-year period, warm (ids + first 200)",
                entries,
                year_page,
                enc=enc,
                plain=plain,
                runs=runs,
                target="within 1.3× plain",
            )
        )
        for name, queries, read in SEARCH_FIGURES:
            query_runs = max(3, runs // 3)
            figures.append(
                Figure(
                    name,
                    entries,
                    _per_query(queries, enc, query_runs, read),
                    _per_query(queries, plain, query_runs, read),
                    "≤ 10 ms p95" if read is first_page else "(for comparison)",
                )
            )
        figures.append(
            _pair(
                "daily mood averages, 20 years",
                entries,
                lambda db: aggregates.daily_mood(db, ALL_YEARS),
                enc=enc,
                plain=plain,
                runs=runs,
                target="≤ 40 ms",
            )
        )
        figures.append(
            _pair(
                "per-strategy coping figures",
                entries,
                lambda db: aggregates.coping_effect(db, None),
                enc=enc,
                plain=plain,
                runs=runs,
                target="within 1.3× plain",
            )
        )
    finally:
        vault.lock()
        plain.close()

    figures.append(_cold_year(directory, plain_path, entries, runs))
    figures.append(_add_one(directory, plain_path, entries, runs))
    return figures


def _cold_year(directory: Path, plain_path: Path, entries: int, runs: int) -> Figure:
    """The one-year page on a fresh connection (SQLCipher's page cache empty)."""
    state: dict[str, Any] = {}

    def fresh_enc() -> None:
        if "vault" in state:
            state["vault"].lock()
        state["vault"] = Vault.unlock(directory, PASSPHRASE)

    def fresh_plain() -> None:
        if "plain" in state:
            state["plain"].close()
        state["plain"] = open_plain(plain_path)

    def year(db: Database) -> None:
        repo = _repo(db)
        repo.get_many(repo.ids(EntryQuery(period=YEAR))[:200])

    cold_runs = max(3, runs // 3)
    enc = measure(lambda: year(state["vault"].db), runs=cold_runs, setup=fresh_enc, warmup=0)
    plain = measure(lambda: year(state["plain"]), runs=cold_runs, setup=fresh_plain, warmup=0)
    state["vault"].lock()
    state["plain"].close()
    return Figure("one-year period, fresh connection", entries, enc, plain, "≤ 20 ms")


def _add_one(directory: Path, plain_path: Path, entries: int, runs: int) -> Figure:
    """One mood check-in saved (commit + FTS), on scratch copies so the cache stays as built."""
    with scratch_copy(directory) as copy:
        plain_copy_path = copy.parent / "plain.db"
        shutil.copy2(plain_path, plain_copy_path)
        vault = Vault.unlock(copy, PASSPHRASE)
        plain = open_plain(plain_copy_path)
        when = datetime(2026, 6, 30, 21, 0, tzinfo=UTC).astimezone()
        note = "A slow evening; we talked for a while and it felt a little easier."

        def add(db: Database) -> None:
            _repo(db).add(MoodCheckIn(occurred_at=when, mood=6, emotions=("calm",), note=note))

        try:
            return _pair(
                "add one entry (commit + FTS)",
                entries,
                add,
                enc=vault.db,
                plain=plain,
                runs=runs * 3,
                target="≤ 2 ms and ≤ 2× plain",
            )
        finally:
            vault.lock()
            plain.close()
