"""Figures for between sessions (issue 20): homework progress per week for a year, in SQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from benchmarks.store_figures import Figure
from benchmarks.timing import measure
from benchmarks.vaults import PASSPHRASE, TODAY, clock, scratch_copy
from trustjournal.core.between import Counts, Homework, Per
from trustjournal.services.between import BetweenOperations
from trustjournal.store.homework_progress import monday_of, weekly_progress
from trustjournal.store.vault import Vault

HOMEWORK_ITEMS = 20  # the count, of every kind that counts, some ticked by hand


def between_figures(directory: Path, entries: int, runs: int) -> list[Figure]:
    """Homework progress week by week for a year, for 20 items, straight from SQL.

    Works on a scratch copy, so the cached vault stays as it was built.
    """
    with scratch_copy(directory) as copy:
        vault = Vault.unlock(copy, PASSPHRASE)
        try:
            start = TODAY - timedelta(days=364)
            ops = BetweenOperations(vault=vault, clock=clock)
            kinds = list(Counts)
            ids = []
            for i in range(HOMEWORK_ITEMS):
                item = Homework(
                    title=f"Practice {i}",
                    counts=kinds[i % len(kinds)],
                    times=1 + i % 3,
                    per=Per.DAY if i % 2 else Per.WEEK,
                    start=start + timedelta(days=i),
                )
                ids.append(ops.add_homework(item).value.id or 0)
                if item.counts is Counts.MANUAL:
                    for day in range(0, 364, 2):
                        ops.mark_done(ids[-1], clock() - timedelta(days=day))
            sunday = monday_of(TODAY) + timedelta(days=6)

            def year_of_progress() -> None:
                weeks = weekly_progress(vault.db, ids, start=start, end=sunday)
                assert len(weeks) == HOMEWORK_ITEMS

            return [
                Figure(
                    f"homework progress per week for a year, {HOMEWORK_ITEMS} items (SQL)",
                    entries,
                    measure(year_of_progress, runs=runs),
                    None,
                    "≤ 20 ms",
                )
            ]
        finally:
            vault.lock()
