"""The Insights page's periods and figures: which days, and what they held, read in SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from trustjournal.core import i18n
from trustjournal.core.periods import Period
from trustjournal.services.insights_together import Comparison, together
from trustjournal.store import aggregates, insight_queries
from trustjournal.store.aggregates import CopingEffect, DailyMood
from trustjournal.store.db import Database
from trustjournal.store.insight_queries import (
    Bucket,
    GratitudeBucket,
    PeriodTotals,
    TriggerBucket,
)
from trustjournal.store.vault import Vault

__all__ = [
    "CopingEffect",
    "DailyMood",
    "Figures",
    "GratitudeBucket",
    "InsightFigures",
    "PeriodTotals",
    "Span",
    "Summary",
    "TriggerBucket",
]

PERIOD_SETTING = "insights.period"  # the chosen span, kept in the vault's settings
LONG_PERIOD_DAYS = 120  # from this many days on, averages and counts go by month, not week


class Span(StrEnum):
    """The lengths of time the period bar offers."""

    WEEKS_4 = "4w"
    MONTHS_3 = "3m"
    MONTHS_12 = "12m"
    ALL = "all"
    CUSTOM = "custom"


_SPAN_DAYS = {Span.WEEKS_4: 28, Span.MONTHS_3: 91, Span.MONTHS_12: 365}


def period_for(span: Span, end: date, *, first: date | None) -> Period:
    """The closed period of `span` ending on `end` (all time starts at the first entry)."""
    if span in _SPAN_DAYS:
        return Period.last_days(_SPAN_DAYS[span], today=end)
    return Period(min(first or end, end), end)


def shifted(period: Period, steps: int) -> Period:
    """The same number of days, `steps` whole periods later (negative: earlier)."""
    assert period.start is not None
    assert period.end is not None
    length = (period.end - period.start).days + 1
    move = timedelta(days=length * steps)
    return Period(period.start + move, period.end + move)


def bucket_of(period: Period) -> Bucket:
    """Weeks for short periods, months for long ones."""
    assert period.start is not None
    assert period.end is not None
    return "month" if (period.end - period.start).days + 1 >= LONG_PERIOD_DAYS else "week"


def bucket_start(day: date, bucket: Bucket) -> date:
    """The first day of `day`'s week (Monday) or month."""
    return day - timedelta(days=day.weekday()) if bucket == "week" else day.replace(day=1)


@dataclass(frozen=True)
class Average:
    """The mean of mood, connection and trust over the check-in days of one week or month."""

    start: date
    days: int
    mood: float
    connection: float | None
    trust: float | None


@dataclass(frozen=True)
class Figures:
    """Everything the Insights page shows for one period.

    Attributes:
        period: the closed period.
        bucket: whether averages and counts go by week or by month.
        days: each day with a check-in, oldest first (days without one are simply absent).
        averages: per week or month, the mean of the days' means.
        triggers: trigger records per week or month.
        grid: trigger records per (weekday 0 = Monday, hour).
        unfinished: trigger records still to finish.
        categories: trigger records per category (NO_CATEGORY for none), most frequent first.
        coping: each coping strategy used in the period's trigger records.
        first_day: the journal's first day, or None when it is empty.
        year_start: the Monday the year at a glance starts on (53 whole weeks up to the end).
        year_days: the check-in days of those 53 weeks.
        gratitude: appreciations per week or month, and how many were told.
        totals: plain means and counts over the period's entries.
        emotions: emotions of check-ins and trigger records, most frequent first.
        previous: the figures of the same number of days just before, for comparing.
        together: "Together with": the period's days split by what happened, compared.
    """

    period: Period
    bucket: Bucket
    days: list[DailyMood]
    averages: list[Average]
    triggers: list[TriggerBucket]
    grid: dict[tuple[int, int], int] = field(default_factory=dict)
    unfinished: int = 0
    categories: list[tuple[str, int]] = field(default_factory=list)
    coping: list[CopingEffect] = field(default_factory=list)
    first_day: date | None = None
    year_start: date | None = None
    year_days: list[DailyMood] = field(default_factory=list)
    gratitude: list[GratitudeBucket] = field(default_factory=list)
    totals: PeriodTotals | None = None
    emotions: list[tuple[str, int]] = field(default_factory=list)
    previous: Summary | None = None
    together: list[Comparison] = field(default_factory=list)

    @property
    def trigger_count(self) -> int:
        """All trigger records in the period."""
        return sum(b.count for b in self.triggers)

    @property
    def empty(self) -> bool:
        """Nothing at all was recorded in the journal yet."""
        return self.first_day is None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def averages(days: list[DailyMood], bucket: Bucket) -> list[Average]:
    """Per week or month, the mean of each day's mean (each day weighs the same)."""
    groups: dict[date, list[DailyMood]] = {}
    for day in days:
        groups.setdefault(bucket_start(day.day, bucket), []).append(day)
    result = []
    for start, group in sorted(groups.items()):
        mood = _mean([d.mood_avg for d in group])
        assert mood is not None
        result.append(
            Average(
                start,
                len(group),
                mood,
                _mean([d.connection_avg for d in group if d.connection_avg is not None]),
                _mean([d.trust_avg for d in group if d.trust_avg is not None]),
            )
        )
    return result


def year_period(end: date, first_weekday: int = 0) -> Period:
    """Whole weeks covering the year up to `end`, each starting on `first_weekday` (0 = Monday,
    the language's own first day of the week as core.i18n.first_weekday() tells)."""
    last = end + timedelta(days=(first_weekday + 6 - end.weekday()) % 7)
    return Period(last - timedelta(days=53 * 7 - 1), last)


def figures(db: Database, period: Period) -> Figures:
    """Read the figures of `period` (safe to call from a background task)."""
    bucket = bucket_of(period)
    days = aggregates.daily_mood(db, period)
    assert period.end is not None
    year = year_period(period.end, i18n.first_weekday())
    return Figures(
        period=period,
        bucket=bucket,
        days=days,
        averages=averages(days, bucket),
        triggers=insight_queries.triggers_by_bucket(db, period, bucket),
        grid=insight_queries.triggers_by_weekday_hour(db, period),
        unfinished=insight_queries.unfinished_triggers(db, period),
        categories=aggregates.triggers_by_category(db, period),
        coping=aggregates.coping_effect(db, period),
        first_day=insight_queries.first_day(db),
        year_start=year.start,
        year_days=aggregates.daily_mood(db, year),
        gratitude=insight_queries.gratitude_by_bucket(db, period, bucket),
        totals=insight_queries.period_totals(db, period),
        emotions=insight_queries.emotion_counts(db, period),
        previous=summary(db, shifted(period, -1)),
        together=together(db, period, days),
    )


@dataclass(frozen=True)
class Summary:
    """The figures of one period as the command line prints them (also the page's totals).

    Attributes:
        period: the closed period.
        days: each day with a check-in, oldest first.
        totals: plain means and counts over the period's entries.
        emotions: emotions of check-ins and trigger records, most frequent first.
        categories: trigger records per category (NO_CATEGORY for none), most frequent first.
        coping: each coping strategy used in the period's trigger records.
        together: "Together with" (read only when asked: the page's previous period skips it).
    """

    period: Period
    days: list[DailyMood]
    totals: PeriodTotals
    emotions: list[tuple[str, int]]
    categories: list[tuple[str, int]]
    coping: list[CopingEffect]
    together: list[Comparison] = field(default_factory=list)


def summary(db: Database, period: Period, *, compare: bool = False) -> Summary:
    """Read the totals of `period` (safe to call from a background task); with `compare`,
    "Together with" too."""
    days = aggregates.daily_mood(db, period)
    return Summary(
        period=period,
        days=days,
        totals=insight_queries.period_totals(db, period),
        emotions=insight_queries.emotion_counts(db, period),
        categories=aggregates.triggers_by_category(db, period),
        coping=aggregates.coping_effect(db, period),
        together=together(db, period, days) if compare else [],
    )


class InsightFigures:
    """The Insights page's reads over the open vault; safe to call from a background task.

    The database is looked up on each call, so a locked vault says so (VaultLockedError).
    """

    def __init__(self, *, vault: Vault) -> None:
        self._vault = vault

    def figures(self, period: Period) -> Figures:
        """Everything the page shows for `period`."""
        return figures(self._vault.db, period)

    def summary(self, period: Period) -> Summary:
        """The totals of `period` and "Together with" (the command line's figures)."""
        return summary(self._vault.db, period, compare=True)

    def first_day(self) -> date | None:
        """The journal's first day, or None when it is empty."""
        return insight_queries.first_day(self._vault.db)

    def entry_of_day(self, day: date) -> int | None:
        """The entry to open for `day`: its first check-in, else its first entry, else None."""
        return insight_queries.first_entry_of_day(self._vault.db, day)
