"""The `trustjournal` command line: scripting, quick capture and tests (DESIGN.md §6).

Errors are one line on stderr with a documented exit code; never a traceback, never journal text.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TextIO

from trustjournal.cli.parser import build_parser
from trustjournal.cli.terminal import SecretSource, stdin_option
from trustjournal.core.errors import ExitCode, UserFacingError
from trustjournal.core.i18n import _
from trustjournal.store.db import translate_errors

log = logging.getLogger("trustjournal.cli")


def bug_message(kind: str) -> str:
    """The line for a bug: the exception's type only, never its text (it may hold entries)."""
    return _(
        "trustjournal: something went wrong inside TrustJournal ({kind}). "
        "Your journal was not changed by this command unless it said so."
    ).format(kind=kind)


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    clock: Callable[[], datetime] | None = None,
) -> int:
    """Run one command and return its exit code.

    Args:
        argv: the arguments after the program name (default: sys.argv[1:]).
        stdin, stdout, stderr: streams (default: the process's).
        clock: returns the current UTC instant (tests pass a fixed one).
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    _quiet_logging()
    _ignore_file_size_signal()
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args_list, stdin=stdin, out=out, clock=clock)
    except UserFacingError as exc:
        print(_("trustjournal: {message}").format(message=exc.message), file=err)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print(_("trustjournal: stopped."), file=err)
        return 130
    except Exception as exc:  # a bug: report the type only, never the text (it may hold entries)
        print(bug_message(type(exc).__name__), file=err)
        return int(ExitCode.INTERNAL)


def _run(
    argv: list[str],
    *,
    stdin: TextIO | None,
    out: TextIO,
    clock: Callable[[], datetime] | None,
) -> int:
    from trustjournal.cli.commands import Commands, utc_now

    parser = build_parser()
    try:
        with contextlib.redirect_stdout(out):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # --help and --version print and exit 0
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(out)
        return 0
    stdin_option(args)  # more than one `-` is a usage error before anything is asked
    secrets = SecretSource(from_stdin=getattr(args, "passphrase_stdin", False), stdin=stdin)
    commands = Commands(
        secrets=secrets, out=lambda text: print(text, file=out), clock=clock or utc_now
    )
    # A file-system failure is the environment's, not a bug, wherever it surfaces (a folder
    # we may not read fails even `Path.exists()`): exit 5 with the plain words for it.
    with translate_errors():
        result = getattr(commands, getattr(args, "handler", None) or args.command)(args)
    return int(result or 0)


def _quiet_logging() -> None:
    """Keep stderr to the one error line: store warnings carry no text, but are noise here."""
    logging.getLogger("trustjournal").setLevel(logging.CRITICAL)


def _ignore_file_size_signal() -> None:
    """With RLIMIT_FSIZE reached, writes should fail with EFBIG (a clear error), not kill us."""
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
