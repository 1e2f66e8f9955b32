"""The `trustjournal insights` command: the Insights page's figures as text or JSON."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from trustjournal.cli.entry_args import day_text
from trustjournal.core.i18n import _, format_number, ngettext
from trustjournal.core.periods import Period, parse_day
from trustjournal.services.insights_figures import InsightFigures, PeriodTotals, Summary
from trustjournal.services.insights_together import VALUE, Comparison, comparison_text

if TYPE_CHECKING:
    from trustjournal.cli.terminal import SecretSource

DECIMALS = 2  # every mean in the JSON is rounded to this many places


def add_insights_command(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `insights`."""
    p = sub.add_parser(
        "insights",
        help=_("show the figures of the Insights page for a period"),
        description=_(
            "Print the figures of the Insights page: check-ins and their averages, emotions, "
            "appreciations, trigger records and what helped. Private entries count (this is "
            "your own view); entries in the bin never do. The default period runs from your "
            "first entry to today."
        ),
    )
    common(p)
    p.add_argument("--from", dest="date_from", metavar="DATE", help=_("first day, YYYY-MM-DD"))
    p.add_argument("--to", dest="date_to", metavar="DATE", help=_("default: today"))
    p.add_argument("--json", action="store_true", help=_("one JSON object (see the README)"))


def _mean(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def summary_json(s: Summary) -> dict[str, Any]:
    """The documented JSON object of one period's figures (README, "insights --json")."""
    t = s.totals
    assert s.period.start is not None
    assert s.period.end is not None
    return {
        "from": s.period.start.isoformat(),
        "to": s.period.end.isoformat(),
        "days": [
            {
                "date": d.day.isoformat(),
                "checkins": d.count,
                "mood": _mean(d.mood_avg),
                "connection": _mean(d.connection_avg),
                "trust": _mean(d.trust_avg),
            }
            for d in s.days
        ],
        "checkins": {
            "count": t.checkins,
            "mood": _mean(t.mood),
            "connection": _mean(t.connection),
            "trust": _mean(t.trust),
        },
        "emotions": [{"name": name, "count": n} for name, n in s.emotions],
        "reflections": {"count": t.reflections},
        "statements": {"count": t.statements, "said": t.said, "not_said": t.statements - t.said},
        "quality_time": {
            "count": t.together,
            "minutes": t.together_minutes,
            "connection": _mean(t.together_connection),
        },
        "gratitude": {"count": t.gratitude, "told": t.told},
        "triggers": {
            "count": t.triggers,
            "unfinished": t.unfinished,
            "intensity": _mean(t.intensity),
            "intensity_after": _mean(t.intensity_after),
            "by_category": [{"category": c, "count": n} for c, n in s.categories],
        },
        "coping": [
            {
                "strategy": c.strategy,
                "uses": c.uses,
                "with_after": c.records_with_after,
                "average_drop": _mean(c.avg_drop),
            }
            for c in s.coping
        ],
        "together_with": [_together_json(c) for c in s.together],
    }


def _together_json(c: Comparison) -> dict[str, Any]:
    """One "Together with" comparison: both sides' counts always, averages only if enough."""
    return {
        "compare": c.compared.value,
        "value": VALUE[c.compared],
        "unit": c.unit,
        "enough": c.enough,
        "with": {"count": c.marked.count, "average": _mean(c.marked.average) if c.enough else None},
        "without": {
            "count": c.other.count,
            "average": _mean(c.other.average) if c.enough else None,
        },
    }


def _num(value: float | None) -> str:
    return _("not answered") if value is None else format_number(round(value, 1))


def summary_lines(s: Summary) -> list[str]:
    """The figures as plain lines for a terminal, in the current language."""
    t = s.totals
    assert s.period.start is not None
    assert s.period.end is not None
    lines = [
        _("From {start} to {end}").format(
            start=day_text(s.period.start), end=day_text(s.period.end)
        ),
        ngettext(
            "{n} check-in on {days} days: mood {mood}, closeness {connection}, trust {trust}",
            "{n} check-ins on {days} days: mood {mood}, closeness {connection}, trust {trust}",
            t.checkins,
        ).format(
            n=t.checkins,
            days=len(s.days),
            mood=_num(t.mood),
            connection=_num(t.connection),
            trust=_num(t.trust),
        ),
        ngettext(
            "{n} appreciation, {told} of them told",
            "{n} appreciations, {told} of them told",
            t.gratitude,
        ).format(n=t.gratitude, told=t.told),
        ngettext(
            "{n} trigger record ({unfinished} to finish): intensity {at} at the time, "
            "{after} afterwards",
            "{n} trigger records ({unfinished} to finish): intensity {at} at the time, "
            "{after} afterwards",
            t.triggers,
        ).format(
            n=t.triggers,
            unfinished=t.unfinished,
            at=_num(t.intensity),
            after=_num(t.intensity_after),
        ),
        *_written_lines(t),
    ]
    if s.emotions:
        words = ", ".join(f"{name} ({n})" for name, n in s.emotions[:10])
        lines.append(_("Emotions: {words}").format(words=words))
    for c in s.coping:
        drop = _num(c.avg_drop) if c.avg_drop is not None else _("no afterwards yet")
        lines.append(
            _(
                "What helped: {strategy}: used {uses}×, {with_after} with an afterwards, "
                "average drop {drop}"
            ).format(strategy=c.strategy, uses=c.uses, with_after=c.records_with_after, drop=drop)
        )
    if s.together:
        lines.append(_("Together with:"))
        lines.extend("- " + comparison_text(c) for c in s.together)
    return lines


def _written_lines(t: PeriodTotals) -> list[str]:
    """Reflections, "I" statements and time together, each only once there is one."""
    lines: list[str] = []
    if t.reflections:
        lines.append(
            ngettext("{n} reflection", "{n} reflections", t.reflections).format(n=t.reflections)
        )
    if t.statements:
        lines.append(
            ngettext(
                "{n} I statement, {said} of them said",
                "{n} I statements, {said} of them said",
                t.statements,
            ).format(n=t.statements, said=t.said)
        )
    if t.together:
        lines.append(
            ngettext(
                "{n} time together, {minutes} minutes noted, connection {connection}",
                "{n} times together, {minutes} minutes noted, connection {connection}",
                t.together,
            ).format(
                n=t.together, minutes=t.together_minutes, connection=_num(t.together_connection)
            )
        )
    return lines


def period_from_args(args: argparse.Namespace) -> tuple[date | None, date | None]:
    """The days given (checked before the passphrase is asked)."""
    start = parse_day(args.date_from, field_name="--from") if args.date_from else None
    end = parse_day(args.date_to, field_name="--to") if args.date_to else None
    Period(start, end)  # a period that starts after it ends is refused here
    return start, end


class InsightsCommand:
    """`insights`; mixed into `Commands`, sharing its secrets, printer and clock."""

    _secrets: SecretSource
    _out: Callable[[str], None]
    _clock: Callable[[], datetime]

    def insights(self, args: argparse.Namespace) -> None:
        from trustjournal.cli.commands import _unlock

        start, end = period_from_args(args)
        today = self._clock().astimezone().date()
        vault = _unlock(args, self._secrets)
        try:
            service = InsightFigures(vault=vault)
            end = end or max(today, start or today)
            first = service.first_day()
            start = start or min(first or end, end)
            s = service.summary(Period(start, end))
        finally:
            vault.lock()
        if args.json:
            self._out(json.dumps(summary_json(s), ensure_ascii=False, indent=2))
        else:
            self._out("\n".join(summary_lines(s)))
