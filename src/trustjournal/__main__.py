"""`trustjournal`: the app with no arguments (or only --vault DIR / --demo), else the CLI."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _app_options(argv: list[str]) -> tuple[Path | None, bool] | None:
    """(vault, demo) when argv only starts the app, else None (the CLI handles it)."""
    vault: Path | None = None
    demo = False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--demo" and not demo:
            demo = True
        elif arg == "--vault" and vault is None and rest:
            vault = Path(rest.pop(0)).expanduser()
        elif arg.startswith("--vault=") and vault is None and len(arg) > len("--vault="):
            vault = Path(arg.removeprefix("--vault=")).expanduser()
        else:
            return None
    if demo and vault is not None:
        return None  # the demo journal is always a throwaway copy; let the CLI explain
    return vault, demo


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

    vault, demo = options
    try:
        return run(vault_dir=vault, demo=demo)
    finally:
        gc.enable()  # e.g. after a second launch that only raised the first window


if __name__ == "__main__":
    sys.exit(main())
