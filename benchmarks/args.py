"""The command line a vault figure takes: `VAULT_DIR [PASSPHRASE] [--runs N] [--json]`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.vaults import PASSPHRASE


@dataclass(frozen=True)
class FigureArgs:
    """What a figure's `main()` was asked for."""

    directory: Path  # the cached vault
    passphrase: str
    runs: int
    as_json: bool  # one JSON object on the last line, for run.py


def figure_args(argv: Sequence[str] | None = None, *, runs: int) -> FigureArgs:
    """Read `VAULT_DIR [PASSPHRASE] [--runs N] [--json]` (`sys.argv` when `argv` is None).

    Args:
        runs: how many timed runs when `--runs` is not given (the figure's own default).
    """
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", type=Path, metavar="VAULT_DIR")
    parser.add_argument("passphrase", nargs="?", default=PASSPHRASE, metavar="PASSPHRASE")
    parser.add_argument("--runs", type=int, default=runs, metavar="N")
    parser.add_argument("--json", action="store_true", dest="as_json")
    found = parser.parse_intermixed_args(argv)  # options anywhere, as before
    return FigureArgs(found.directory, found.passphrase, found.runs, found.as_json)
