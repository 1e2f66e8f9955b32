"""Today's first paint with homework and goals (issue 20), beside the same vault without them.

The real shell unlocks a copy of the cached vault to a painted main window (Today), by
`shell_figures` in a fresh process, for two vaults: the vault as cached, and a copy with 20
homework items (of every kind that counts, the manual ones ticked every other day for a year)
and 50 goals with steps, added through `BetweenOperations`. The two take turns (plain, with,
plain, with …), one process each, so both see the same load on a busy machine; the figure
is each side's median and the median of the paired differences. Today's first paint is the
UI thread's part of each unlock: building the window and laying it out, then painting it
(Argon2id and opening the vault are the same in both and left out). The target: + ≤ 10 ms
over the plain first paint.

Usage: python -m benchmarks.today_between_figures VAULT_DIR [PASSPHRASE] [--runs N] [--json]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.args import figure_args
from benchmarks.vaults import PASSPHRASE, TODAY, clock, scratch_copy
from trustjournal.core.between import Counts, Goal, GoalStep, Homework, Per
from trustjournal.services.between import BetweenOperations
from trustjournal.store.vault import Vault

HOMEWORK_ITEMS = 20  # the counts
GOALS = 50
STEPS = 4
RUNS = 7  # pairs, each side a fresh process
ROOT = Path(__file__).resolve().parent.parent  # where `-m benchmarks.…` is found
BUILD, PAINT = "unlock: build and lay out (UI)", "unlock: paint (UI)"
NAME = "Today first paint with 20 homework + 50 goals"


def add_between(directory: Path, passphrase: str = PASSPHRASE) -> None:
    """Add the homework items (ticked for a year) and the goals to the vault in `directory`."""
    vault = Vault.unlock(directory, passphrase)
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


def first_paint_in_process(directory: Path, passphrase: str) -> float:
    """One timed unlock's first paint of Today (ms), by `shell_figures` in a fresh process
    (after its own untimed first unlock, as run.py starts it)."""
    command = [sys.executable, "-m", "benchmarks.shell_figures", str(directory), passphrase]
    command += ["--json", "--runs", "1"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=900, cwd=ROOT, env=env
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])["figures"]
    return _first_paints(figures)[0]


def alternated(
    first_paint: Callable[[Path], float], plain: Path, with_between: Path, *, runs: int
) -> tuple[list[float], list[float]]:
    """`runs` pairs of first paints, plain then with, so each pair sees the same load."""
    plain_ms: list[float] = []
    with_ms: list[float] = []
    for _ in range(runs):
        plain_ms.append(first_paint(plain))
        with_ms.append(first_paint(with_between))
    return plain_ms, with_ms


def compared(entries: int, plain: list[float], with_between: list[float]) -> dict[str, Any]:
    """The figure: each side's median, and the median of the paired differences (what the
    homework and goals added, less the swings of a loaded machine than medians apart)."""
    added = [w - p for p, w in zip(plain, with_between, strict=True)]
    return {
        "name": NAME,
        "entries": entries,
        "plain_median_ms": round(statistics.median(plain), 2),
        "with_between_median_ms": round(statistics.median(with_between), 2),
        "added_ms": round(statistics.median(added), 2),
        "target": "+ ≤ 10 ms",
        "plain_samples_ms": [round(x, 3) for x in plain],
        "with_between_samples_ms": [round(x, 3) for x in with_between],
        "added_samples_ms": [round(x, 3) for x in added],
    }


def today_between_figures(
    directory: Path, *, passphrase: str = PASSPHRASE, runs: int = RUNS
) -> dict[str, Any]:
    """Today's first paint (ms) without and with homework and goals, alternated in pairs."""
    with scratch_copy(directory, "tj-today-between-") as copy:
        add_between(copy, passphrase)
        plain, with_between = alternated(
            lambda vault: first_paint_in_process(vault, passphrase), directory, copy, runs=runs
        )
    return compared(int(directory.name.rsplit("-n", 1)[1]), plain, with_between)


def print_today_between(found: dict[str, Any]) -> None:
    """One line: the first paint without and with, and what homework and goals added."""
    print(f"\n{found['name']} at {found['entries']:,} entries (median ms):")
    print(
        f"  plain {found['plain_median_ms']:>8.1f}   with {found['with_between_median_ms']:>8.1f}"
        f"   added (median of pairs) {found['added_ms']:>+7.1f}   target {found['target']}"
    )


def main() -> None:
    """Print the figure for one cached vault (`--json`: one JSON object)."""
    args = figure_args(runs=RUNS)
    found = today_between_figures(args.directory, passphrase=args.passphrase, runs=args.runs)
    if args.as_json:
        print(json.dumps(found))
    else:
        print_today_between(found)


if __name__ == "__main__":
    main()
