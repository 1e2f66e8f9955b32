"""`trustjournal` starts the app for no arguments, --vault DIR, --demo or --minimised; anything
else is the command line's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from trustjournal import __main__ as entry


def test_app_options_are_recognised() -> None:
    assert entry._app_options([]) == (None, False, False)
    assert entry._app_options(["--demo"]) == (None, True, False)
    assert entry._app_options(["--vault", "/x/y"]) == (Path("/x/y"), False, False)
    assert entry._app_options(["--vault=/x/y"]) == (Path("/x/y"), False, False)


@pytest.mark.parametrize(
    "argv",
    [
        ["--minimised", "--vault", "/x/y"],
        ["--vault", "/x/y", "--minimised"],
        ["--vault=/x/y", "--minimised"],
    ],
)
def test_minimised_starts_the_app_alone_or_with_a_vault(argv: list[str]) -> None:
    assert entry._app_options(["--minimised"]) == (None, False, True)
    assert entry._app_options(argv) == (Path("/x/y"), False, True)


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["list"],
        ["--vault"],
        ["--vault", "a", "--vault", "b"],
        ["--demo", "--vault", "x"],
        ["init", "--vault", "x"],
        ["--demo", "--demo"],
        ["--minimised", "--demo"],
        ["--demo", "--minimised"],
        ["--minimised", "--minimised"],
        ["--minimised", "--vault"],
        ["--vault", "--minimised"],
        ["--vault", "--demo"],
        ["--minimized"],
        ["list", "--minimised"],
    ],
)
def test_everything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert entry._app_options(argv) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["--minimised", "--demo"],
        ["--minimised", "--minimised"],
        ["--vault", "--minimised"],  # the folder is missing
        ["list", "--minimised"],
        ["--minimised", "list", "--json"],
    ],
)
def test_minimised_with_anything_but_a_vault_gets_a_plain_message(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert entry.main(argv) == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.strip() == (
        "trustjournal: --minimised starts the app out of sight, for its reminders: give it "
        "alone or with --vault DIR, not with --demo or a command."
    )


def test_version_is_answered_by_the_command_line() -> None:
    # In a process of its own: the command line forbids core dumps for good (S4), which would
    # leave this test process unable to test that itself (tests/core/test_process.py).
    result = subprocess.run(
        [sys.executable, "-m", "trustjournal", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.strip()
