"""`trustjournal` starts the app for no arguments, --vault DIR or --demo; anything else is CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustjournal import __main__ as entry


def test_app_options_are_recognised() -> None:
    assert entry._app_options([]) == (None, False)
    assert entry._app_options(["--demo"]) == (None, True)
    assert entry._app_options(["--vault", "/x/y"]) == (Path("/x/y"), False)
    assert entry._app_options(["--vault=/x/y"]) == (Path("/x/y"), False)


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
    ],
)
def test_everything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert entry._app_options(argv) is None


def test_version_is_answered_by_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert entry.main(["--version"]) == 0
    assert capsys.readouterr().out.strip()
