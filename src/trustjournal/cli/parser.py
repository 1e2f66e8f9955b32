"""The argparse definition of the `trustjournal` command line (DESIGN.md §6)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, NoReturn

from trustjournal import __version__
from trustjournal.cli.between_args import add_between_commands, add_session_kind
from trustjournal.cli.data_commands import add_data_commands, backup_to_help
from trustjournal.cli.insights_command import add_insights_command
from trustjournal.cli.terminal import UsageError
from trustjournal.cli.written_args import add_written_kinds
from trustjournal.core.entries import About, EntryKind
from trustjournal.core.i18n import _
from trustjournal.services.export.request import Audience, Section, language_help


def epilog() -> str:
    """The help's closing words, in the current language (read when the parser is built)."""
    return _(
        "Any text option (--note, --text, --situation, --search, …) may be given as - to read "
        "its text from standard input, after the passphrase line with --passphrase-stdin: "
        "text typed on the command line stays in your shell history and is visible to other "
        "users of this computer while the command runs. "
        "Exit codes: 0 done; 1 a bug in TrustJournal; 2 bad command line or invalid input; "
        "3 wrong passphrase or recovery code; 4 journal missing, not a journal, or damaged; "
        "5 disk full or file permissions; 6 journal open elsewhere; 7 no such entry."
    )


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with "usage:" and its headings in the current language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        # argparse's own two headings; any other heading is ours and already translated.
        ours = {"options": _("options"), "positional arguments": _("positional arguments")}
        super().start_section(ours.get(heading, heading) if heading else heading)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one calm line and exit code 2, never a usage dump.

    Its own -h/--help and "usage:" speak the current language (argparse's would stay English).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", help=_("show this help and exit"))

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            _("{prog}: {message} (see --help)").format(prog=self.prog, message=message)
        )


def _whole_number(low: int, high: int) -> str:
    return _("expected a whole number {low}–{high}").format(low=low, high=high)


def _scale(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(_whole_number(low, high)) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(_whole_number(low, high))
        return value

    parse.__name__ = f"number {low}-{high}"
    return parse


MAX_ENTRY_ID = 2**63 - 1  # SQLite's largest integer: a larger number names no entry


def _entry_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:  # also for thousands of digits, which int() refuses
        raise argparse.ArgumentTypeError(_("expected an entry number")) from None
    if not 1 <= value <= MAX_ENTRY_ID:
        raise argparse.ArgumentTypeError(_("expected an entry number"))
    return value


def _item_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("expected a number from the list")) from None
    if not 1 <= value <= MAX_ENTRY_ID:
        raise argparse.ArgumentTypeError(_("expected a number from the list"))
    return value


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--vault", metavar="DIR", help=_("the journal folder (default: your data folder)")
    )
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=_("read the passphrase(s) from standard input, one per line"),
    )


def _envelope(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tags", metavar="A,B", default="", help=_("comma-separated tags"))
    p.add_argument(
        "--at", metavar="WHEN", help=_("when it happened: 2026-03-14T21:30, a date, or now")
    )
    p.add_argument("--private", action="store_true", help=_("never include in a summary"))


def _add_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    add = sub.add_parser("add", help=_("write a new entry"))
    kinds = add.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=Parser)

    mood = kinds.add_parser("mood", help=_("a mood check-in"))
    _common(mood)
    mood.add_argument("--mood", type=_scale(1, 10), required=True, help=_("1 (very hard) to 10"))
    mood.add_argument("--connection", type=_scale(0, 10), help=_("how close I feel, 0–10"))
    mood.add_argument(
        "--trust", type=_scale(0, 10), help=_("how much trust I feel between us right now, 0–10")
    )
    mood.add_argument("--emotions", metavar="A,B", default="")
    mood.add_argument("--note", default="")
    _envelope(mood)

    grat = kinds.add_parser("gratitude", help=_("something I appreciate"))
    _common(grat)
    grat.add_argument("--text", required=True)
    grat.add_argument("--about", choices=[a.value for a in About])
    grat.add_argument("--expressed", action="store_true", help=_("I told them (today)"))
    grat.add_argument("--prompt", help=_("the prompt this answers"))
    _envelope(grat)

    trig = kinds.add_parser("trigger", help=_("a trigger record"))
    _common(trig)
    trig.add_argument("--situation", required=True, help=_("what happened"))
    trig.add_argument("--intensity", type=_scale(0, 10), required=True, help=_("0–10 at the time"))
    trig.add_argument("--category")
    trig.add_argument("--emotions", metavar="A,B", default="")
    for name in ("thoughts", "body", "urge", "response", "need"):
        trig.add_argument(f"--{name}", default="")
    trig.add_argument("--coping", metavar="A,B", default="")
    trig.add_argument("--after", type=_scale(0, 10), help=_("intensity afterwards, 0–10"))
    trig.add_argument("--for-session", action="store_true", help=_("raise at my next session"))
    trig.add_argument("--unfinished", action="store_true", help=_("to be completed later"))
    _envelope(trig)

    add_written_kinds(kinds, common=_common, envelope=_envelope, scale=_scale)
    add_session_kind(kinds, common=_common, envelope=_envelope)


def _export_command(sub: argparse._SubParsersAction[Parser]) -> None:
    export = sub.add_parser(
        "export",
        help=_("write a summary of what you choose to share"),
        description=_(
            "Write a summary for your therapist, your partner or yourself. Private entries are "
            "never included. The default period is since your last export to the same person "
            "(or the last 30 days); the default sections depend on the audience."
        ),
    )
    _common(export)
    export.add_argument("--out", metavar="FILE", required=True, help=_("the file to write"))
    export.add_argument(
        "--format", choices=["pdf", "md", "html"], help=_("default: from the file's extension")
    )
    export.add_argument(
        "--audience", choices=[a.value for a in Audience], default=Audience.THERAPIST.value
    )
    export.add_argument("--from", dest="date_from", metavar="DATE")
    export.add_argument("--to", dest="date_to", metavar="DATE", help=_("default: today"))
    export.add_argument(
        "--sections",
        metavar="A,B",
        help=_("any of {names} (default: by audience)").format(
            names=",".join(s.value for s in Section)
        ),
    )
    export.add_argument("--exclude", metavar="ID,…", help=_("entry numbers to leave out"))
    export.add_argument(
        "--include",
        metavar="ID,…",
        help=_("reflections to share, each named by its number (none are shared otherwise)"),
    )
    export.add_argument(
        "--pdf-password",
        action="store_true",
        help=_("protect the PDF with a password (asked twice, or the next stdin line)"),
    )
    export.add_argument("--note", default="", help=_("what I want to say, shown first"))
    export.add_argument("--language", metavar="LANG", help=language_help())


def build_parser() -> Parser:
    """The full command-line parser."""
    parser = Parser(
        prog="trustjournal",
        description=_("A private, encrypted journal. With no command, the app starts."),
        epilog=epilog(),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"TrustJournal {__version__}",
        help=_("show the version and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    init = sub.add_parser("init", help=_("create a new journal"))
    _common(init)

    _add_commands(sub)

    lst = sub.add_parser("list", help=_("list entries, newest first"))
    _common(lst)
    lst.add_argument("--kind", choices=[k.value for k in EntryKind])
    lst.add_argument("--from", dest="date_from", metavar="DATE")
    lst.add_argument("--to", dest="date_to", metavar="DATE")
    lst.add_argument("--tag")
    lst.add_argument("--search", metavar="QUERY", help=_('words, "a phrase", or prefix*'))
    lst.add_argument("--limit", type=_scale(1, 10_000_000), help=_("at most this many"))
    lst.add_argument("--json", action="store_true", help=_("one JSON array with every field"))

    show = sub.add_parser("show", help=_("show one entry"))
    _common(show)
    show.add_argument("id", type=_entry_id)
    show.add_argument("--json", action="store_true")

    for name, text in (
        ("delete", _("move an entry to the bin (undo with undelete)")),
        ("undelete", _("bring an entry back from the bin")),
    ):
        p = sub.add_parser(name, help=text)
        _common(p)
        p.add_argument("id", type=_entry_id)

    purge = sub.add_parser("purge", help=_("really remove every entry in the bin"))
    _common(purge)
    purge.add_argument(
        "--also-backups",
        choices=["rewrite", "remove"],
        help=_(
            "also remove purged entries from the journal's own backups (rewrite), "
            "or delete the backups that hold them (remove)"
        ),
    )

    for name, text in (
        ("passwd", _("change the passphrase (old, then new)")),
        ("recover", _("set a new passphrase using the recovery code")),
        ("verify", _("check the journal's files are sound")),
    ):
        _common(sub.add_parser(name, help=text))

    backup = sub.add_parser("backup", help=_("write a complete encrypted copy of the journal"))
    _common(backup)
    backup.add_argument(
        "--to",
        dest="target",
        metavar="DIR",
        help=backup_to_help(),
    )

    restore = sub.add_parser("restore", help=_("replace the journal with a backup"))
    _common(restore)
    restore.add_argument("--from", dest="source", metavar="DIR", required=True)

    add_data_commands(sub, _common)
    add_insights_command(sub, _common)
    add_between_commands(sub, common=_common, scale=_scale, number=_item_id)
    _export_command(sub)

    demo = sub.add_parser("demo", help=_("create a journal filled with generated examples"))
    demo.add_argument("--vault", metavar="DIR", required=True)
    demo.add_argument("--years", type=float, default=2.0)
    demo.add_argument("--seed", type=int, default=1)
    return parser
