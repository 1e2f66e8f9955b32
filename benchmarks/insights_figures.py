"""Insights figures: the page's reads for each span, on the encrypted vault beside a plain copy.

    python -m benchmarks.insights_figures [--entries N] [--runs R]

run.py adds these rows to its table; run alone, this prints them for one vault size.
"""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from benchmarks.store_figures import Figure
from benchmarks.timing import measure
from benchmarks.vaults import PASSPHRASE, TODAY, open_plain, plain_copy, vault_for
from trustjournal.services.insights_figures import Span, figures, period_for
from trustjournal.store.insight_queries import first_day
from trustjournal.store.vault import Vault

SPANS = (
    (Span.WEEKS_4, "insights: 4 weeks, all figures", "page ≤ 100 ms (switching period)"),
    (Span.MONTHS_12, "insights: 12 months, all figures", "page ≤ 100 ms (switching period)"),
    (Span.ALL, "insights: all time, all figures", "page ≤ 250 ms"),
)


def insights_figures(directory: Path, entries: int, runs: int) -> list[Figure]:
    """The page's figure queries for each span, encrypted and plain."""
    plain_path = plain_copy(directory)
    vault = Vault.unlock(directory, PASSPHRASE)
    plain = open_plain(plain_path)
    try:
        first = first_day(vault.db)
        found: list[Figure] = []
        for span, name, target in SPANS:
            period = period_for(span, TODAY, first=first)
            found.append(
                Figure(
                    name,
                    entries,
                    measure(partial(figures, vault.db, period), runs=runs),
                    measure(partial(figures, plain, period), runs=runs),
                    target,
                )
            )
        return found
    finally:
        plain.close()
        vault.lock()


def main(argv: list[str] | None = None) -> int:
    """Print the Insights rows for one vault size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from benchmarks.run import SEED, print_table

    print_table(insights_figures(vault_for(args.entries, SEED), args.entries, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
