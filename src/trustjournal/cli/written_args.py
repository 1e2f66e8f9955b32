"""`add reflection|statement|quality-time`: their options, and the entries made from them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from typing import Any

from trustjournal.core.entries import MAX_MINUTES, Entry, QualityTime, Reflection, Statement
from trustjournal.core.i18n import _

# The subcommand names people type; `list --kind` takes the entry kind's own value.
WRITTEN_KINDS = {
    "reflection": "reflection",
    "statement": "statement",
    "quality-time": "quality_time",
}

Adder = Callable[[argparse.ArgumentParser], None]


def add_written_kinds(
    kinds: argparse._SubParsersAction[Any],
    *,
    common: Adder,
    envelope: Adder,
    scale: Callable[[int, int], Callable[[str], int]],
) -> None:
    """Add the three `add` subcommands for writing, with the options of the issue."""
    refl = kinds.add_parser("reflection", help=_("free writing, of any length (Markdown)"))
    common(refl)
    refl.add_argument("--body", required=True, help=_("what I want to write (Markdown)"))
    refl.add_argument("--title", default="", help=_("a title, if I want one"))
    refl.add_argument("--prompt", help=_("the prompt this answers"))
    envelope(refl)

    stmt = kinds.add_parser("statement", help=_('an "I" statement I want to say'))
    common(stmt)
    stmt.add_argument("--feel", metavar="A,B", required=True, help=_("I feel … (feelings)"))
    stmt.add_argument("--when", required=True, help=_("… when … (what happens)"))
    stmt.add_argument("--because", default="", help=_("… because … (my need)"))
    stmt.add_argument("--request", default="", help=_("what I would like"))
    stmt.add_argument("--said", action="store_true", help=_("I said it (today)"))
    stmt.add_argument("--outcome", default="", help=_("how it went"))
    stmt.add_argument("--felt-after", default="", help=_("how I felt afterwards"))
    envelope(stmt)

    time = kinds.add_parser("quality-time", help=_("time together"))
    common(time)
    time.add_argument("--what", required=True, help=_("what we did"))
    time.add_argument("--minutes", type=scale(1, MAX_MINUTES), help=_("for how long, in minutes"))
    time.add_argument("--connection", type=scale(0, 10), help=_("how connected I felt, 0–10"))
    time.add_argument("--appreciated", default="", help=_("what I appreciated"))
    envelope(time)


def written_entry(
    args: argparse.Namespace, common: dict[str, Any], now_local: datetime
) -> Entry | None:
    """The reflection, statement or time together the options describe (None: another kind)."""
    if args.kind == "reflection":
        return Reflection(body=args.body, title=args.title, prompt=args.prompt, **common)
    if args.kind == "statement":
        return Statement(
            feel=tuple(part.strip() for part in args.feel.split(",")),
            when=args.when,
            because=args.because,
            request=args.request,
            said=args.said,
            said_on=now_local.date() if args.said else None,
            outcome=args.outcome,
            felt_after=args.felt_after,
            **common,
        )
    if args.kind == "quality-time":
        return QualityTime(
            what=args.what,
            minutes=args.minutes,
            connection=args.connection,
            appreciated=args.appreciated,
            **common,
        )
    return None
