"""Periods, lived times, summaries and JSON round trips."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.errors import ValidationError
from trustjournal.core.periods import Period, parse_day
from trustjournal.core.serialize import from_dict, to_dict
from trustjournal.core.times import from_micros, local_day, offset_minutes, to_micros
from trustjournal.core.wording import (
    MOOD_WORDS,
    first_line,
    intensity_span,
    short_day,
    short_when,
    summarise,
)

TODAY = date(2026, 3, 14)  # a Saturday


def test_periods_are_built_from_an_explicit_today() -> None:
    assert Period.last_days(7, today=TODAY) == Period(date(2026, 3, 8), TODAY)
    assert Period.week_of(TODAY) == Period(date(2026, 3, 9), date(2026, 3, 15))
    # A language whose week starts on Sunday: Sunday 8 to Saturday 14 March.
    assert Period.week_of(TODAY, 6) == Period(date(2026, 3, 8), date(2026, 3, 14))
    assert Period.month_of(date(2024, 2, 10)) == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert len(Period.year_ending(TODAY).days()) == 365


def test_a_backwards_period_and_a_bad_date_are_clear_errors() -> None:
    with pytest.raises(ValidationError):
        Period(TODAY, TODAY - timedelta(days=1))
    with pytest.raises(ValidationError, match="--from"):
        parse_day("14/03/2026", field_name="--from")
    assert Period(None, TODAY).contains(date(1990, 1, 1))


def test_a_moment_keeps_its_instant_and_its_lived_day() -> None:
    late_evening = datetime(2026, 3, 1, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert local_day(late_evening) == date(2026, 3, 1)  # already 2 March in UTC
    micros = to_micros(late_evening)
    back = from_micros(micros, offset_minutes(late_evening))
    assert back == late_evening and back.utcoffset() == late_evening.utcoffset()
    assert to_micros(datetime(1970, 1, 1, tzinfo=UTC)) == 0


def test_summaries_are_one_line_with_words_for_numbers() -> None:
    when = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    mood = MoodCheckIn(occurred_at=when, mood=3, emotions=("tired", "hopeful"), note="\n\nfirst\n2")
    assert summarise(mood) == "Mood 3 of 10, low · tired, hopeful — first"
    record = TriggerRecord(occurred_at=when, situation="x" * 200, intensity=8, intensity_after=3)
    assert summarise(record).startswith("8 → 3 of 10 · x") and len(summarise(record)) <= 80
    steady = TriggerRecord(occurred_at=when, situation="s", intensity=4, intensity_after=4)
    assert summarise(steady) == "4 of 10 before and after · s"
    assert first_line("a" * 100, 10) == "a" * 9 + "…"
    assert set(MOOD_WORDS) == set(range(1, 11))


def test_an_intensity_reads_with_its_change_only_when_there_is_one() -> None:
    assert intensity_span(8, 3) == "8 → 3 of 10"
    assert intensity_span(4, 4) == "4 of 10 before and after"
    assert intensity_span(0, 0, "/10") == "0/10 before and after"
    assert intensity_span(6, None) == "6 of 10"


def test_every_kind_round_trips_through_json_dicts() -> None:
    when = datetime(2026, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=2)))
    entries = [
        MoodCheckIn(occurred_at=when, mood=6, emotions=("calm",), trust=4, tags=("x",), id=3),
        GratitudeEntry(occurred_at=when, text="t", about="us", expressed_on=date(2026, 3, 2)),
        TriggerRecord(occurred_at=when, situation="s", intensity=7, coping=("walk",)),
    ]
    for entry in entries:
        assert from_dict(to_dict(entry)) == entry


def test_unreadable_entry_data_is_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        from_dict({"kind": "mood", "occurred_at": "not a time", "mood": 5})
    with pytest.raises(ValidationError):
        from_dict({"kind": "dream"})


def test_days_and_moments_are_written_in_one_short_style() -> None:
    moment = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)
    assert short_day(moment) == "Sun 6 Dec"
    assert short_when(moment) == "Sun 6 Dec, 14:05"
