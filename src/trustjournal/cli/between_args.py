"""The options of `add session`, `homework …` and `goal …` (issue 20), and the session made."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from trustjournal.cli.terminal import FROM_STDIN, SecretSource, UsageError, stdin_option
from trustjournal.core.between import MAX_TIMES, Counts, Per
from trustjournal.core.entries import TherapySession
from trustjournal.core.i18n import _

Adder = Callable[[argparse.ArgumentParser], None]


def add_session_kind(
    kinds: argparse._SubParsersAction[Any], *, common: Adder, envelope: Adder
) -> None:
    """`add session`: when (--at), with whom, what we worked on, what to remember, the next one."""
    session = kinds.add_parser("session", help=_("a therapy session"))
    common(session)
    session.add_argument(
        "--with", dest="with_whom", default="", metavar="TEXT", help=_("with whom (free text)")
    )
    session.add_argument("--worked-on", default="", metavar="TEXT", help=_("what we worked on"))
    session.add_argument(
        "--remember", default="", metavar="TEXT", help=_("what I want to remember")
    )
    session.add_argument(
        "--next", dest="next_at", metavar="WHEN", help=_("when the next one is: 2026-03-21T18:00")
    )
    session.add_argument(
        "--homework",
        action="append",
        default=[],
        metavar="TEXT",
        help=_(
            "homework agreed (repeatable; - reads them from standard input, one per line): "
            "each becomes a homework item ticked by hand once a week, until the day before the "
            "next session"
        ),
    )
    envelope(session)


def homework_lines(args: argparse.Namespace, secrets: SecretSource) -> list[str]:
    """The `--homework` given to `add session`; `-` reads them from standard input, one per
    line, so they stay out of shell history (S20). Call before `fill_from_stdin`.

    Raises:
        UsageError: if another text option reads standard input too.
    """
    given = list(getattr(args, "homework", None) or [])
    if FROM_STDIN not in given:
        return given
    other = stdin_option(args)
    if other is not None:
        raise UsageError(
            _(
                "Only one option can read its text from standard input, "
                "but {first} and {second} both ask to."
            ).format(first="--" + other.replace("_", "-"), second="--homework")
        )
    lines = secrets.rest_of_input().splitlines()
    return [line for value in given for line in (lines if value == FROM_STDIN else [value])]


def parse_moment(text: str, option: str) -> datetime:
    """A date (noon that day) or a date and time, local unless an offset is given; may lie ahead.

    Raises:
        UsageError: if the text is neither.
    """
    raw = text.strip()
    try:
        if len(raw) == 10:
            moment = datetime.combine(date.fromisoformat(raw), time(12, 0))
        else:
            moment = datetime.fromisoformat(raw)
        return moment if moment.tzinfo is not None else moment.astimezone()
    except (ValueError, OverflowError):
        raise UsageError(
            _("{option} must look like 2026-03-21T18:00 or 2026-03-21.").format(option=option)
        ) from None


def session_entry(args: argparse.Namespace, common: dict[str, Any]) -> TherapySession | None:
    """The session the options describe (None: another kind)."""
    if args.kind != "session":
        return None
    return TherapySession(
        with_whom=args.with_whom,
        worked_on=args.worked_on,
        remember=args.remember,
        next_at=parse_moment(args.next_at, "--next") if args.next_at else None,
        **common,
    )


def add_between_commands(
    sub: argparse._SubParsersAction[Any],
    *,
    common: Adder,
    scale: Callable[[int, int], Callable[[str], int]],
    number: Callable[[str], int],
) -> None:
    """Register `homework add|done|end|list` and `goal add|step|reached|list`."""
    homework = sub.add_parser("homework", help=_("homework between sessions"))
    actions = homework.add_subparsers(dest="action", metavar="ACTION", required=True)
    homework.set_defaults(handler="homework")

    add = actions.add_parser("add", help=_("add a homework item"))
    common(add)
    add.add_argument("--title", required=True, metavar="TEXT", help=_("what it is"))
    add.add_argument(
        "--counts",
        required=True,
        choices=[c.value for c in Counts],
        help=_("what counts as doing it: entries you write, or manual (ticked by hand)"),
    )
    add.add_argument("--times", type=scale(1, MAX_TIMES), required=True, metavar="N")
    add.add_argument("--per", choices=[p.value for p in Per], required=True)
    add.add_argument("--from", dest="date_from", metavar="DATE", help=_("default: today"))
    add.add_argument("--to", dest="date_to", metavar="DATE", help=_("default: no end"))

    done = actions.add_parser("done", help=_("tick a manual homework item done"))
    common(done)
    done.add_argument("id", type=number)
    done.add_argument("--at", metavar="WHEN", help=_("when: 2026-03-14T21:30, a date, or now"))

    end = actions.add_parser("end", help=_("end a homework item (its weeks so far are kept)"))
    common(end)
    end.add_argument("id", type=number)

    lst = actions.add_parser("list", help=_("homework with its progress week by week"))
    common(lst)
    lst.add_argument("--json", action="store_true", help=_("one JSON array with every field"))

    goal = sub.add_parser("goal", help=_("goals and their steps"))
    goal_actions = goal.add_subparsers(dest="action", metavar="ACTION", required=True)
    goal.set_defaults(handler="goal")

    gadd = goal_actions.add_parser("add", help=_("add a goal"))
    common(gadd)
    gadd.add_argument("--title", required=True, metavar="TEXT", help=_("what I want"))
    gadd.add_argument("--why", default="", metavar="TEXT", help=_("why it matters to me"))
    gadd.add_argument(
        "--step", action="append", default=[], metavar="TEXT", help=_("a step (repeat, in order)")
    )
    gadd.add_argument("--target", metavar="DATE", help=_("a target date, if I want one"))

    step = goal_actions.add_parser("step", help=_("mark step N of a goal done (from 1)"))
    common(step)
    step.add_argument("id", type=number)
    step.add_argument("n", type=scale(1, 1_000_000), metavar="N")

    reached = goal_actions.add_parser("reached", help=_("mark a goal reached"))
    common(reached)
    reached.add_argument("id", type=number)

    glist = goal_actions.add_parser("list", help=_("goals with their steps"))
    common(glist)
    glist.add_argument("--json", action="store_true", help=_("one JSON array with every field"))
