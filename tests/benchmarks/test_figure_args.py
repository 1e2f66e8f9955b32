"""The benchmarks' shared command line, and Today's plain/with first paints taken in turns."""

from __future__ import annotations

from pathlib import Path

from benchmarks.args import figure_args
from benchmarks.today_between_figures import alternated, compared
from benchmarks.vaults import PASSPHRASE


def test_a_vault_alone_takes_the_figures_defaults() -> None:
    args = figure_args(["/cache/vault-n1000"], runs=7)
    assert args.directory == Path("/cache/vault-n1000")
    assert args.passphrase == PASSPHRASE
    assert args.runs == 7
    assert not args.as_json


def test_passphrase_runs_and_json_in_any_order() -> None:
    args = figure_args(["--json", "/v", "--runs", "3", "another phrase"], runs=7)
    assert args == figure_args(["/v", "another phrase", "--runs", "3", "--json"], runs=7)
    assert (args.directory, args.passphrase, args.runs, args.as_json) == (
        Path("/v"),
        "another phrase",
        3,
        True,
    )


def test_plain_and_with_take_turns_so_each_pair_sees_the_same_load() -> None:
    order: list[Path] = []
    plain, with_between = Path("plain"), Path("with")

    def first_paint(vault: Path) -> float:
        order.append(vault)
        return float(len(order))

    found = alternated(first_paint, plain, with_between, runs=3)
    assert order == [plain, with_between] * 3
    assert found == ([1.0, 3.0, 5.0], [2.0, 4.0, 6.0])


def test_the_figure_is_each_median_and_the_median_of_the_paired_differences() -> None:
    # A busy spell in the third pair slows both sides: the pair still says +2.
    found = compared(1000, [100.0, 101.0, 300.0], [102.0, 104.0, 302.0])
    assert found["entries"] == 1000
    assert (found["plain_median_ms"], found["with_between_median_ms"]) == (101.0, 104.0)
    assert found["added_samples_ms"] == [2.0, 3.0, 2.0]
    assert found["added_ms"] == 2.0
