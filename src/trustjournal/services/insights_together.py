"""Insights' "Together with": a few plain comparisons, their counts, and their wording.

Each comparison splits the period's check-in days (or weeks) in two by something that did or
did not happen, and averages a value on each side. Every day weighs the same (a day's value is
the mean of its check-ins that answered it), as in the page's weekly averages; a week's value
is the mean of its days. Below MIN_SIDE days or weeks on either side, no averages are given:
a handful of days can tilt either way by chance. The wording says "a pattern, not proof",
because a journal cannot tell what caused what.

Why these four: each is a question people in couples work ask ("does telling an appreciation
go with a better day?", "are weeks with a trigger lower in trust?", "does closeness dip on a
trigger day, and does the next day recover?"), each side is defined by what was recorded, not
by a guess, and each compares like with like (days with days, weeks with weeks). Rejected:
whether a trigger record was finished, because that is its state now, not then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from trustjournal.core.i18n import _, format_number, ngettext
from trustjournal.core.periods import Period
from trustjournal.store.aggregates import DailyMood
from trustjournal.store.db import Database
from trustjournal.store.together_queries import MarkedDays, marked_days

MIN_SIDE = 5  # days or weeks needed on EACH side before averages are compared


class Compared(StrEnum):
    """The comparisons, in the order shown; the values are the JSON's `compare` keys."""

    MOOD_TOLD = "mood_on_days_told"
    TRUST_TRIGGER_WEEKS = "trust_in_weeks_with_a_trigger"
    CLOSENESS_TRIGGER_DAYS = "closeness_on_days_with_a_trigger"
    MOOD_AFTER_TRIGGER = "mood_on_days_after_a_trigger"


# Which value each compares (as named in the JSON) and whether it counts days or weeks.
VALUE: dict[Compared, Literal["mood", "connection", "trust"]] = {
    Compared.MOOD_TOLD: "mood",
    Compared.TRUST_TRIGGER_WEEKS: "trust",
    Compared.CLOSENESS_TRIGGER_DAYS: "connection",
    Compared.MOOD_AFTER_TRIGGER: "mood",
}
Unit = Literal["days", "weeks"]


@dataclass(frozen=True)
class Side:
    """One side of a comparison: how many days or weeks, and their mean (None if none)."""

    count: int
    average: float | None


@dataclass(frozen=True)
class Comparison:
    """One comparison over a period.

    Attributes:
        compared: which one.
        unit: whether the counts are days or weeks.
        marked: the days or weeks with it (a told appreciation, a trigger, the day after one).
        other: the other check-in days or weeks of the period.
    """

    compared: Compared
    unit: Unit
    marked: Side
    other: Side

    @property
    def enough(self) -> bool:
        """Whether both sides have at least MIN_SIDE days or weeks."""
        return min(self.marked.count, self.other.count) >= MIN_SIDE


def _split(compared: Compared, unit: Unit, pairs: Iterable[tuple[bool, float]]) -> Comparison:
    sides: dict[bool, list[float]] = {True: [], False: []}
    for marked, value in pairs:
        sides[marked].append(value)
    made = {k: Side(len(v), sum(v) / len(v) if v else None) for k, v in sides.items()}
    return Comparison(compared, unit, made[True], made[False])


def compare(days: list[DailyMood], marks: MarkedDays, period: Period) -> list[Comparison]:
    """The four comparisons from the period's check-in days and its marked days.

    Weeks run Monday to Sunday (as the page's weekly averages) and hold only the period's
    days; a week counts as "with a trigger" when one of its days in the period had one.
    """
    told, triggers = marks.told, marks.triggers
    # Days as ordinals and weeks as their Monday's ordinal: 20 years of days are 7 300 of each,
    # and date arithmetic per day was most of this function's time.
    ordinals = [d.day.toordinal() for d in days]
    weeks: dict[int, list[float]] = {}
    for d, o in zip(days, ordinals, strict=True):
        if d.trust_avg is not None:
            weeks.setdefault(o - (o + 6) % 7, []).append(d.trust_avg)
    start = date.min if period.start is None else period.start
    end = date.max if period.end is None else period.end
    in_period = {t.toordinal() for t in triggers if start <= t <= end}
    trigger_weeks = {o - (o + 6) % 7 for o in in_period}
    after = {t.toordinal() + 1 for t in triggers}
    told_days = {t.toordinal() for t in told}
    return [
        _split(
            Compared.MOOD_TOLD,
            "days",
            ((o in told_days, d.mood_avg) for d, o in zip(days, ordinals, strict=True)),
        ),
        _split(
            Compared.TRUST_TRIGGER_WEEKS,
            "weeks",
            ((week in trigger_weeks, sum(v) / len(v)) for week, v in weeks.items()),
        ),
        _split(
            Compared.CLOSENESS_TRIGGER_DAYS,
            "days",
            (
                (o in in_period, d.connection_avg)
                for d, o in zip(days, ordinals, strict=True)
                if d.connection_avg is not None
            ),
        ),
        _split(
            Compared.MOOD_AFTER_TRIGGER,
            "days",
            ((o in after, d.mood_avg) for d, o in zip(days, ordinals, strict=True)),
        ),
    ]


def together(db: Database, period: Period, days: list[DailyMood]) -> list[Comparison]:
    """Read the marked days of `period` and compare (`days`: its check-in days, as read)."""
    return compare(days, marked_days(db, period), period)


# --- wording ---------------------------------------------------------------------------------


def _count(n: int, unit: Unit) -> str:
    if unit == "weeks":
        return ngettext("{count} week", "{count} weeks", n).format(count=n)
    return ngettext("{count} day", "{count} days", n).format(count=n)


def title(compared: Compared) -> str:
    """What a comparison looks at, in a few words."""
    return {
        Compared.MOOD_TOLD: _("Mood on days you told an appreciation, and on other days"),
        Compared.TRUST_TRIGGER_WEEKS: _("Trust in weeks with a trigger, and in weeks without"),
        Compared.CLOSENESS_TRIGGER_DAYS: _("Closeness on days with a trigger, and on days without"),
        Compared.MOOD_AFTER_TRIGGER: _("Mood on the day after a trigger, and on other days"),
    }[compared]


def _pattern(c: Comparison) -> str:
    values = {
        "marked": format_number(round(c.marked.average or 0, 1)),
        "marked_count": _count(c.marked.count, c.unit),
        "other": format_number(round(c.other.average or 0, 1)),
        "other_count": _count(c.other.count, c.unit),
    }
    template = {
        Compared.MOOD_TOLD: _(
            "On days you told an appreciation, your mood averaged {marked} ({marked_count});"
            " on other days {other} ({other_count})."
        ),
        Compared.TRUST_TRIGGER_WEEKS: _(
            "In weeks with a trigger recorded, your trust averaged {marked} ({marked_count});"
            " in weeks without, {other} ({other_count})."
        ),
        Compared.CLOSENESS_TRIGGER_DAYS: _(
            "On days with a trigger recorded, your closeness averaged {marked}"
            " ({marked_count}); on days without, {other} ({other_count})."
        ),
        Compared.MOOD_AFTER_TRIGGER: _(
            "On the day after a trigger, your mood averaged {marked} ({marked_count});"
            " on other days {other} ({other_count})."
        ),
    }[c.compared]
    return template.format(**values)


def comparison_text(c: Comparison) -> str:
    """One comparison in plain words, with its counts; too few says so instead of averages."""
    if c.enough:
        return _pattern(c) + " " + _("A pattern, not proof.")
    return _(
        "{what}: not enough yet to compare ({marked_count} and {other_count} so far;"
        " it takes at least {minimum} on each side)."
    ).format(
        what=title(c.compared),
        marked_count=_count(c.marked.count, c.unit),
        other_count=_count(c.other.count, c.unit),
        minimum=MIN_SIDE,
    )
