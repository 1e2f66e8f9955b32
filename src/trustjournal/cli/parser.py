"""The argparse definition of the `trustjournal` command line (DESIGN.md §6)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn

from trustjournal import __version__
from trustjournal.cli.data_commands import add_data_commands, backup_to_help
from trustjournal.cli.terminal import UsageError
from trustjournal.core.entries import About, EntryKind
from trustjournal.core.i18n import _
from trustjournal.services.export.request import Audience, Section, language_help

EPILOG = (
    "Any text option (--note, --text, --situation, --search, …) may be given as - to read "
    "its text from standard input, after the passphrase line with --passphrase-stdin: "
    "text typed on the command line stays in your shell history and is visible to other "
    "users of this computer while the command runs. "
    "Exit codes: 0 done; 1 a bug in TrustJournal; 2 bad command line or invalid input; "
    "3 wrong passphrase or recovery code; 4 journal missing, not a journal, or damaged; "
    "5 disk full or file permissions; 6 journal open elsewhere; 7 no such entry."
)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one calm line and exit code 2, never a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see --help)")


def _scale(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number {low}–{high}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a whole number {low}–{high}")
        return value

    parse.__name__ = f"number {low}-{high}"
    return parse


MAX_ENTRY_ID = 2**63 - 1  # SQLite's largest integer: a larger number names no entry


def _entry_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:  # also for thousands of digits, which int() refuses
        raise argparse.ArgumentTypeError("expected an entry number") from None
    if not 1 <= value <= MAX_ENTRY_ID:
        raise argparse.ArgumentTypeError("expected an entry number")
    return value


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--vault", metavar="DIR", help="the journal folder (default: your data folder)")
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the passphrase(s) from standard input, one per line",
    )


def _envelope(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tags", metavar="A,B", default="", help="comma-separated tags")
    p.add_argument(
        "--at", metavar="WHEN", help="when it happened: 2026-03-14T21:30, a date, or now"
    )
    p.add_argument("--private", action="store_true", help="never include in a summary")


def _add_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    add = sub.add_parser("add", help="write a new entry")
    kinds = add.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=Parser)

    mood = kinds.add_parser("mood", help="a mood check-in")
    _common(mood)
    mood.add_argument("--mood", type=_scale(1, 10), required=True, help="1 (very hard) to 10")
    mood.add_argument("--connection", type=_scale(0, 10), help="how close I feel, 0–10")
    mood.add_argument(
        "--trust", type=_scale(0, 10), help="how much trust I feel between us right now, 0–10"
    )
    mood.add_argument("--emotions", metavar="A,B", default="")
    mood.add_argument("--note", default="")
    _envelope(mood)

    grat = kinds.add_parser("gratitude", help="something I appreciate")
    _common(grat)
    grat.add_argument("--text", required=True)
    grat.add_argument("--about", choices=[a.value for a in About])
    grat.add_argument("--expressed", action="store_true", help="I told them (today)")
    grat.add_argument("--prompt", help="the prompt this answers")
    _envelope(grat)

    trig = kinds.add_parser("trigger", help="a trigger record")
    _common(trig)
    trig.add_argument("--situation", required=True, help="what happened")
    trig.add_argument("--intensity", type=_scale(0, 10), required=True, help="0–10 at the time")
    trig.add_argument("--category")
    trig.add_argument("--emotions", metavar="A,B", default="")
    for name in ("thoughts", "body", "urge", "response", "need"):
        trig.add_argument(f"--{name}", default="")
    trig.add_argument("--coping", metavar="A,B", default="")
    trig.add_argument("--after", type=_scale(0, 10), help="intensity afterwards, 0–10")
    trig.add_argument("--for-session", action="store_true", help="raise at my next session")
    trig.add_argument("--unfinished", action="store_true", help="to be completed later")
    _envelope(trig)


def _export_command(sub: argparse._SubParsersAction[Parser]) -> None:
    export = sub.add_parser(
        "export",
        help="write a summary of what you choose to share",
        description=(
            "Write a summary for your therapist, your partner or yourself. Private entries are "
            "never included. The default period is since your last export to the same person "
            "(or the last 30 days); the default sections depend on the audience."
        ),
    )
    _common(export)
    export.add_argument("--out", metavar="FILE", required=True, help="the file to write")
    export.add_argument(
        "--format", choices=["pdf", "md", "html"], help="default: from the file's extension"
    )
    export.add_argument(
        "--audience", choices=[a.value for a in Audience], default=Audience.THERAPIST.value
    )
    export.add_argument("--from", dest="date_from", metavar="DATE")
    export.add_argument("--to", dest="date_to", metavar="DATE", help="default: today")
    export.add_argument(
        "--sections",
        metavar="A,B",
        help="any of " + ",".join(s.value for s in Section) + " (default: by audience)",
    )
    export.add_argument("--exclude", metavar="ID,…", help="entry numbers to leave out")
    export.add_argument(
        "--pdf-password",
        action="store_true",
        help="protect the PDF with a password (asked twice, or the next stdin line)",
    )
    export.add_argument("--note", default="", help="what I want to say, shown first")
    export.add_argument("--language", metavar="LANG", help=language_help())


def build_parser() -> Parser:
    """The full command-line parser."""
    parser = Parser(
        prog="trustjournal",
        description=_("A private, encrypted journal. With no command, the app starts."),
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"TrustJournal {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    init = sub.add_parser("init", help="create a new journal")
    _common(init)

    _add_commands(sub)

    lst = sub.add_parser("list", help="list entries, newest first")
    _common(lst)
    lst.add_argument("--kind", choices=[k.value for k in EntryKind])
    lst.add_argument("--from", dest="date_from", metavar="DATE")
    lst.add_argument("--to", dest="date_to", metavar="DATE")
    lst.add_argument("--tag")
    lst.add_argument("--search", metavar="QUERY", help='words, "a phrase", or prefix*')
    lst.add_argument("--limit", type=_scale(1, 10_000_000), help="at most this many")
    lst.add_argument("--json", action="store_true", help="one JSON array with every field")

    show = sub.add_parser("show", help="show one entry")
    _common(show)
    show.add_argument("id", type=_entry_id)
    show.add_argument("--json", action="store_true")

    for name, text in (
        ("delete", "move an entry to the bin (undo with undelete)"),
        ("undelete", "bring an entry back from the bin"),
    ):
        p = sub.add_parser(name, help=text)
        _common(p)
        p.add_argument("id", type=_entry_id)

    purge = sub.add_parser("purge", help="really remove every entry in the bin")
    _common(purge)
    purge.add_argument(
        "--also-backups",
        choices=["rewrite", "remove"],
        help="also remove purged entries from the journal's own backups (rewrite), "
        "or delete the backups that hold them (remove)",
    )

    for name, text in (
        ("passwd", "change the passphrase (old, then new)"),
        ("recover", "set a new passphrase using the recovery code"),
        ("verify", "check the journal's files are sound"),
    ):
        _common(sub.add_parser(name, help=text))

    backup = sub.add_parser("backup", help="write a complete encrypted copy of the journal")
    _common(backup)
    backup.add_argument(
        "--to",
        dest="target",
        metavar="DIR",
        help=backup_to_help(),
    )

    restore = sub.add_parser("restore", help="replace the journal with a backup")
    _common(restore)
    restore.add_argument("--from", dest="source", metavar="DIR", required=True)

    add_data_commands(sub, _common)
    _export_command(sub)

    demo = sub.add_parser("demo", help="create a journal filled with generated examples")
    demo.add_argument("--vault", metavar="DIR", required=True)
    demo.add_argument("--years", type=float, default=2.0)
    demo.add_argument("--seed", type=int, default=1)
    return parser
