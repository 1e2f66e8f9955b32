"""The Insights page's figures, read in SQL from a real encrypted vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.services.test_operations import CHEAP, PASSPHRASE
from tests.store.conftest import Clock
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.periods import Period
from trustjournal.services.insights_figures import (
    InsightFigures,
    Span,
    bucket_of,
    period_for,
    shifted,
)
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault

MONDAY = date(2026, 3, 2)
PLUS_TWO = timezone(timedelta(hours=2))


def at(day: date, hour: int = 9, tz: timezone = UTC) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=tz)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    created, _code = Vault.create(tmp_path / "journal", PASSPHRASE, kdf=CHEAP)
    yield created
    created.lock()


@pytest.fixture
def entries(vault: Vault) -> EntryRepository:
    return EntryRepository(db=vault.db, clock=Clock(at(MONDAY + timedelta(days=30))))


def test_days_without_a_check_in_are_left_out_never_zero(
    vault: Vault, entries: EntryRepository
) -> None:
    entries.add(MoodCheckIn(occurred_at=at(MONDAY), mood=4, connection=6, trust=2))
    entries.add(MoodCheckIn(occurred_at=at(MONDAY, 20), mood=6))  # same day: averaged
    entries.add(MoodCheckIn(occurred_at=at(MONDAY + timedelta(days=1)), mood=8, private=True))
    gone = entries.add(MoodCheckIn(occurred_at=at(MONDAY + timedelta(days=2)), mood=1))
    entries.delete(gone.id)
    # 00:30 on Monday the 9th at +02:00 is still Sunday in UTC: it counts on the lived Monday,
    # in the next week.
    entries.add(MoodCheckIn(occurred_at=datetime(2026, 3, 9, 0, 30, tzinfo=PLUS_TWO), mood=10))

    shown = InsightFigures(vault=vault).figures(Period(MONDAY, MONDAY + timedelta(days=13)))

    assert [(d.day, d.count, d.mood_avg) for d in shown.days] == [
        (MONDAY, 2, 5.0),
        (MONDAY + timedelta(days=1), 1, 8.0),  # private counts: it is the person's own view
        (date(2026, 3, 9), 1, 10.0),  # the deleted day is absent, not 0
    ]
    assert shown.bucket == "week"
    first, second = shown.averages
    assert (first.start, first.days, first.mood) == (MONDAY, 2, 6.5)  # mean of day means
    assert (first.connection, first.trust) == (6.0, 2.0)  # only the check-ins that rated them
    assert (second.start, second.mood, second.connection) == (date(2026, 3, 9), 10.0, None)
    assert shown.first_day == MONDAY
    assert shown.year_start is not None and shown.year_start.weekday() == 0
    assert len(shown.year_days) == 3


def test_triggers_by_week_hour_and_weekday_with_intensity_only_where_noted_afterwards(
    vault: Vault, entries: EntryRepository
) -> None:
    def trigger(day: date, hour: int, intensity: int, after: int | None, **more: object) -> None:
        record = TriggerRecord(
            occurred_at=at(day, hour),
            situation="Something",
            intensity=intensity,
            intensity_after=after,
            **more,  # type: ignore[arg-type]
        )
        entries.add(record)

    trigger(MONDAY, 21, 8, 4, category="Work")
    trigger(MONDAY + timedelta(days=2), 21, 6, None, unfinished=True)
    trigger(MONDAY + timedelta(days=7), 9, 9, 3, private=True)
    trigger(MONDAY + timedelta(days=8), 9, 2, None, unfinished=True)
    gone = entries.add(
        TriggerRecord(occurred_at=at(MONDAY), situation="Gone", intensity=10, unfinished=True)
    )
    entries.delete(gone.id)
    entries.add(GratitudeEntry(occurred_at=at(MONDAY), text="Tea"))  # not a trigger

    shown = InsightFigures(vault=vault).figures(Period(MONDAY, MONDAY + timedelta(days=13)))

    assert [(b.start, b.count, b.with_after) for b in shown.triggers] == [
        (MONDAY, 2, 1),
        (MONDAY + timedelta(days=7), 2, 1),
    ]
    first, second = shown.triggers
    assert (first.intensity, first.intensity_after) == (8.0, 4.0)  # the 6 had no afterwards
    assert (second.intensity, second.intensity_after) == (9.0, 3.0)
    assert shown.trigger_count == 4
    assert shown.unfinished == 2
    assert shown.categories == [("", 3), ("Work", 1)]
    assert shown.grid == {(0, 21): 1, (2, 21): 1, (0, 9): 1, (1, 9): 1}


def test_long_periods_go_by_month_and_the_empty_journal_says_so(vault: Vault) -> None:
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    shown = InsightFigures(vault=vault).figures(year)
    assert shown.bucket == "month"
    assert shown.empty
    assert (shown.days, shown.triggers, shown.unfinished) == ([], [], 0)


def test_the_day_opens_at_its_first_check_in(vault: Vault, entries: EntryRepository) -> None:
    entries.add(GratitudeEntry(occurred_at=at(MONDAY, 7), text="Tea"))
    check_in = entries.add(MoodCheckIn(occurred_at=at(MONDAY, 8), mood=5))
    entries.add(MoodCheckIn(occurred_at=at(MONDAY, 9), mood=5))
    gratitude = entries.add(GratitudeEntry(occurred_at=at(MONDAY + timedelta(days=1)), text="Sun"))
    figures = InsightFigures(vault=vault)
    assert figures.entry_of_day(MONDAY) == check_in.id
    assert figures.entry_of_day(MONDAY + timedelta(days=1)) == gratitude.id
    assert figures.entry_of_day(MONDAY + timedelta(days=2)) is None


def test_periods_step_by_their_own_length() -> None:
    today = date(2026, 3, 14)
    four = period_for(Span.WEEKS_4, today, first=None)
    assert four == Period(today - timedelta(days=27), today)
    assert shifted(four, -1) == Period(today - timedelta(days=55), today - timedelta(days=28))
    assert period_for(Span.ALL, today, first=date(2020, 5, 1)) == Period(date(2020, 5, 1), today)
    assert period_for(Span.ALL, today, first=None) == Period(today, today)
    assert bucket_of(four) == "week"
    assert bucket_of(period_for(Span.MONTHS_12, today, first=None)) == "month"


def test_the_year_is_whole_weeks_in_the_languages_own_order() -> None:
    """Weekday order comes from the language (Monday first in German), whole weeks either way."""
    from datetime import date, timedelta

    from trustjournal.core import i18n
    from trustjournal.services.insights_figures import year_period

    end = date(2026, 12, 3)  # a Thursday
    monday_first = year_period(end, 0)
    sunday_first = year_period(end, 6)
    assert monday_first.start is not None and monday_first.end is not None
    assert sunday_first.start is not None and sunday_first.end is not None
    assert (monday_first.start.weekday(), monday_first.end.weekday()) == (0, 6)
    assert (sunday_first.start.weekday(), sunday_first.end.weekday()) == (6, 5)
    for period in (monday_first, sunday_first):
        assert period.end >= end > period.end - timedelta(days=7)
        assert (period.end - period.start).days + 1 == 53 * 7
    try:
        i18n.set_language("de")
        assert i18n.first_weekday() == 0
    finally:
        i18n.set_language("en")
