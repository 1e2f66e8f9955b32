"""`trustjournal`: the app for no arguments or --vault DIR, --demo, --minimised; else the CLI."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

MINIMISED = "--minimised"  # the autostart entry's option (services/autostart.py)


def _app_options(argv: list[str]) -> tuple[Path | None, bool, bool] | None:
    """(vault, demo, minimised) when argv only starts the app, else None (the CLI handles it)."""
    vault: Path | None = None
    demo = minimised = False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--demo" and not demo:
            demo = True
        elif arg == MINIMISED and not minimised:
            minimised = True
        elif arg == "--vault" and vault is None and rest and not rest[0].startswith("-"):
            # "--vault --minimised" lacks its folder, as argparse would say too (--vault=-x
            # or ./-x names a folder that starts with a dash).
            vault = Path(rest.pop(0)).expanduser()
        elif arg.startswith("--vault=") and vault is None and len(arg) > len("--vault="):
            vault = Path(arg.removeprefix("--vault=")).expanduser()
        else:
            return None
    if demo and (vault is not None or minimised):
        # The demo journal is always a throwaway copy, with no reminders to wait in the tray
        # for: let the command line (or `_not_an_app_start`) explain.
        return None
    return vault, demo, minimised


def _not_an_app_start(args: list[str]) -> str | None:
    """The plain message for --minimised given with what does not start the app, else None
    (argparse would only call it an unrecognised argument)."""
    if MINIMISED not in args:
        return None
    from trustjournal.core.i18n import _

    return _(
        "trustjournal: --minimised starts the app out of sight, for its reminders: give it "
        "alone or with --vault DIR, not with --demo or a command."
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Start the app, or run a command of the command line.

    Args:
        argv: the arguments after the program name (default: sys.argv[1:]).

    Returns:
        The exit code.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    options = _app_options(args)
    if options is None:
        mistake = _not_an_app_start(args)
        if mistake is not None:
            print(mistake, file=sys.stderr)
            return 2  # ExitCode.USAGE, as the command line answers a bad command line
        from trustjournal import cli
        from trustjournal.core.process import forbid_core_dumps

        forbid_core_dumps()  # before any journal text is in memory (S4)

        return cli.main(args)
    # Start-up builds thousands of objects (Qt's enums among them) and frees almost none: the
    # cyclic collector would only walk them over and over before the first paint. The app
    # turns it back on once the window has painted (`trustjournal.app.run`).
    from trustjournal.display_libraries import start_up_problem

    problem = start_up_problem(os.environ)  # before Qt aborts on a missing X11 library
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    gc.disable()
    from trustjournal.app import run

    vault, demo, minimised = options
    try:
        return run(vault_dir=vault, demo=demo, minimised=minimised)
    finally:
        gc.enable()  # e.g. after a second launch that only raised the first window


if __name__ == "__main__":
    sys.exit(main())
