"""Figures for the kinds for writing (issue 21): search among long reflections, and saving one."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.store_figures import SEARCH_WORDS, Figure, first_page
from benchmarks.timing import measure, stats
from benchmarks.vaults import PASSPHRASE, clock, scratch_copy
from trustjournal.core.entries import Reflection
from trustjournal.core.query import EntryQuery
from trustjournal.services.operations import Operations
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.journal.timeline_model import FIRST_FETCH

LONG_REFLECTIONS = 200  # spread over the journal's years, among its ordinary entries
LONG_WORDS = 5_000  # words in each, and one of 100 000 words (the longest)
_SENTENCE = (
    "Today I kept thinking about how we talk when we are tired, and what I would like "
    "to say more gently next time; the evening was quiet and I noticed my breath. "
)


def _long_text(words: int) -> str:
    per = len(_SENTENCE.split())
    return (_SENTENCE * (words // per + 1)).strip()


def _add_long_reflections(repo: EntryRepository) -> None:
    start = datetime(2026, 6, 30, 21, 0, tzinfo=UTC)
    body = _long_text(LONG_WORDS)
    entries = [
        Reflection(occurred_at=start - timedelta(days=5 * i), title=f"Evening {i}", body=body)
        for i in range(LONG_REFLECTIONS)
    ]
    entries.append(Reflection(occurred_at=start, title="Everything", body=_long_text(100_000)))
    repo.add_many(entries)


def written_figures(directory: Path, entries: int, runs: int) -> list[Figure]:
    """Search with long reflections among the entries, and save-to-timeline of a reflection.

    Works on a scratch copy, so the cached vault stays as it was built.
    """
    with scratch_copy(directory) as copy:
        vault = Vault.unlock(copy, PASSPHRASE)
        try:
            repo = EntryRepository(db=vault.db, clock=clock)
            _add_long_reflections(repo)
            samples: list[float] = []
            for word in SEARCH_WORDS:
                query = EntryQuery(search=word)
                first_page(repo, query)  # warm-up, untimed
                for _ in range(runs):
                    begun = time.perf_counter()
                    first_page(repo, query)
                    samples.append(time.perf_counter() - begun)
            search = Figure(
                f"word search with {LONG_REFLECTIONS + 1} long reflections, first {FIRST_FETCH}"
                " (p95 over 20 words)",
                entries,
                stats(samples),
                None,
                "≤ 10 ms p95",
            )
            operations = Operations(vault=vault, clock=clock)
            when = datetime(2026, 6, 30, 22, 0, tzinfo=UTC).astimezone()
            body = _long_text(1_000)

            def save_and_show() -> None:
                saved = operations.save_entry(Reflection(occurred_at=when, body=body)).value.after
                rows = repo.timeline_slice(EntryQuery(), limit=FIRST_FETCH).rows
                assert rows[0][0] == saved.id  # the new reflection leads the timeline

            save = Figure(
                "save a 1 000-word reflection, then read the timeline's first slice",
                entries,
                measure(save_and_show, runs=runs),
                None,
                "≤ 30 ms (save-to-timeline, without the paint)",
            )
            return [search, save]
        finally:
            vault.lock()
