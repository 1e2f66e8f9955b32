"""Today's first paint with homework and goals (issue 20), beside the same vault without them.

The real shell unlocks a copy of the cached vault to a painted main window (Today), as
`shell_figures` does, twice: the vault as cached, and a copy with 20 homework items (of every
kind that counts, the manual ones ticked every other day for a year) and 50 goals with steps,
added through `BetweenOperations`. Today's first paint is the UI thread's part of each unlock:
building the window and laying it out, then painting it (Argon2id and opening the vault are
the same in both and left out). The target: + ≤ 10 ms over the plain first paint.

Usage: python -m benchmarks.today_between_figures VAULT_DIR [--runs N] [--json]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.shell_figures import shell_figures
from benchmarks.vaults import PASSPHRASE, TODAY, clock, scratch_copy
from trustjournal.core.between import Counts, Goal, GoalStep, Homework, Per
from trustjournal.services.between import BetweenOperations
from trustjournal.store.vault import Vault

HOMEWORK_ITEMS = 20  # the counts
GOALS = 50
STEPS = 4
RUNS = 7
BUILD, PAINT = "unlock: build and lay out (UI)", "unlock: paint (UI)"
NAME = "Today first paint with 20 homework + 50 goals"


def add_between(directory: Path) -> None:
    """Add the homework items (ticked for a year) and the goals to the vault in `directory`."""
    vault = Vault.unlock(directory, PASSPHRASE)
    try:
        ops = BetweenOperations(vault=vault, clock=clock)
        start = TODAY - timedelta(days=364)
        kinds = list(Counts)
        for i in range(HOMEWORK_ITEMS):
            item = Homework(
                title=f"Practice {i}",
                counts=kinds[i % len(kinds)],
                times=1 + i % 3,
                per=Per.DAY if i % 2 else Per.WEEK,
                start=start + timedelta(days=i),
            )
            stored = ops.add_homework(item).value
            if item.counts is Counts.MANUAL:
                for day in range(0, 364, 2):
                    ops.mark_done(stored.id or 0, clock() - timedelta(days=day))
        for g in range(GOALS):
            steps = tuple(
                GoalStep(text=f"Step {s} of goal {g}", done_at=clock() if s < g % STEPS else None)
                for s in range(STEPS)
            )
            ops.add_goal(Goal(title=f"Goal {g}", why="It matters to us", steps=steps))
    finally:
        vault.lock()


def _first_paints(figures: list[dict[str, Any]]) -> list[float]:
    """Each unlock's build-and-lay-out plus its paint (ms): Today's first paint."""
    parts = {fig["name"]: fig["samples_ms"] for fig in figures}
    return [b + p for b, p in zip(parts[BUILD], parts[PAINT], strict=True)]


def today_between_figures(directory: Path, *, runs: int = RUNS) -> dict[str, Any]:
    """Today's first paint (median ms) without and with homework and goals, and the difference."""
    plain = _first_paints(shell_figures(directory, PASSPHRASE, runs=runs))
    with scratch_copy(directory, "tj-today-between-") as copy:
        add_between(copy)
        with_between = _first_paints(shell_figures(copy, PASSPHRASE, runs=runs))
    plain_ms, with_ms = statistics.median(plain), statistics.median(with_between)
    return {
        "name": NAME,
        "entries": int(directory.name.rsplit("-n", 1)[1]),
        "plain_median_ms": round(plain_ms, 2),
        "with_between_median_ms": round(with_ms, 2),
        "added_ms": round(with_ms - plain_ms, 2),
        "target": "+ ≤ 10 ms",
        "plain_samples_ms": [round(x, 3) for x in plain],
        "with_between_samples_ms": [round(x, 3) for x in with_between],
    }


def print_today_between(found: dict[str, Any]) -> None:
    """One line: the first paint without and with, and what homework and goals added."""
    print(f"\n{found['name']} at {found['entries']:,} entries (median ms):")
    print(
        f"  plain {found['plain_median_ms']:>8.1f}   with {found['with_between_median_ms']:>8.1f}"
        f"   added {found['added_ms']:>+7.1f}   target {found['target']}"
    )


def main() -> None:
    """Print the figure for one cached vault (`--json`: one JSON object)."""
    args = sys.argv[1:]
    runs = RUNS
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at : at + 2]
    as_json = "--json" in args
    args = [a for a in args if a != "--json"]
    found = today_between_figures(Path(args[0]), runs=runs)
    if as_json:
        print(json.dumps(found))
    else:
        print_today_between(found)


if __name__ == "__main__":
    main()
