"""Aggregates against figures worked out by hand on a small seeded journal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from trustjournal.core.entries import Entry, MoodCheckIn, TriggerRecord
from trustjournal.core.errors import ValidationError
from trustjournal.core.periods import Period
from trustjournal.store.aggregates import (
    NO_CATEGORY,
    CopingEffect,
    DailyMood,
    coping_effect,
    daily_mood,
    streak,
    triggers_by_category,
    triggers_by_hour,
)
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository

PARIS = timezone(timedelta(hours=1))
NEW_YORK = timezone(timedelta(hours=-5))
ATHENS = timezone(timedelta(hours=2))
MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))


def _t(situation: str, at: datetime, intensity: int, after: int | None, **more: object) -> Entry:
    return TriggerRecord(
        situation=situation,
        occurred_at=at,
        intensity=intensity,
        intensity_after=after,
        **more,  # type: ignore[arg-type]
    )


@pytest.fixture
def seeded(repo: EntryRepository) -> None:
    def mood(
        at: datetime, value: int, conn: int | None, trust: int | None, private: bool = False
    ) -> None:
        repo.add(
            MoodCheckIn(occurred_at=at, mood=value, connection=conn, trust=trust, private=private)
        )

    mood(datetime(2026, 2, 28, 10, tzinfo=UTC), 2, 1, 1)
    mood(datetime(2026, 3, 1, 20, tzinfo=PARIS), 4, 6, 3)
    mood(datetime(2026, 3, 1, 23, 30, tzinfo=NEW_YORK), 8, None, 5)  # 2 March in UTC
    mood(datetime(2026, 3, 2, 9, tzinfo=UTC), 5, None, None, private=True)
    mood(datetime(2026, 3, 5, 8, tzinfo=UTC), 7, 8, 9)
    mood(datetime(2026, 3, 5, 22, tzinfo=UTC), 6, 4, None)
    for gone in (
        MoodCheckIn(occurred_at=datetime(2026, 3, 2, 12, tzinfo=UTC), mood=1, trust=0),
        MoodCheckIn(occurred_at=datetime(2026, 3, 4, 12, tzinfo=UTC), mood=1),
        _t(
            "gone",
            datetime(2026, 3, 4, 3, tzinfo=UTC),
            10,
            0,
            category="Lateness",
            coping=("Slow breathing",),
        ),
    ):
        repo.delete(repo.add(gone).id or 0)

    cat = "Secrecy and phones"
    for entry in (
        _t(
            "t1",
            datetime(2026, 3, 1, 21, 15, tzinfo=PARIS),
            8,
            3,
            category=cat,
            coping=("Slow breathing", "Go for a walk"),
        ),
        _t(
            "t2",
            datetime(2026, 3, 2, 21, 40, tzinfo=UTC),
            6,
            5,
            category=cat.lower(),
            coping=("slow BREATHING",),
        ),
        _t(
            "t3",
            datetime(2026, 3, 3, 7, 5, tzinfo=ATHENS),
            9,
            None,
            private=True,
            coping=("Go for a walk", "Call a friend", "Hold ice"),
        ),
        _t(
            "t4",
            datetime(2026, 3, 4, 12, tzinfo=UTC),
            7,
            1,
            category="Lateness",
            coping=("Call a friend",),
        ),
        _t("t6", datetime(2026, 2, 20, 12, tzinfo=UTC), 9, 0, coping=("Go for a walk",)),
    ):
        repo.add(entry)


@pytest.mark.usefixtures("seeded")
def test_daily_mood_averages_each_lived_day(db: Database) -> None:
    assert daily_mood(db, MARCH) == [
        DailyMood(date(2026, 3, 1), 2, 6.0, 6.0, 4.0),
        DailyMood(date(2026, 3, 2), 1, 5.0, None, None),
        DailyMood(date(2026, 3, 5), 2, 6.5, 6.0, 9.0),
    ]
    assert daily_mood(db, None)[0] == DailyMood(date(2026, 2, 28), 1, 2.0, 1.0, 1.0)
    assert daily_mood(db, Period(date(2026, 3, 3), date(2026, 3, 4))) == []


@pytest.mark.usefixtures("seeded")
def test_coping_effect_ranks_by_mean_drop_over_records_with_an_after(db: Database) -> None:
    assert coping_effect(db, MARCH) == [
        CopingEffect("Call a friend", 2, 1, 6.0),
        CopingEffect("Go for a walk", 2, 1, 5.0),
        CopingEffect("Slow breathing", 2, 2, 3.0),
        CopingEffect("Hold ice", 1, 0, None),
    ]
    assert coping_effect(db)[0] == CopingEffect("Go for a walk", 3, 2, 7.0)


@pytest.mark.usefixtures("seeded")
def test_triggers_by_category_ignores_letter_case(db: Database) -> None:
    assert triggers_by_category(db, MARCH) == [
        ("Secrecy and phones", 2),
        (NO_CATEGORY, 1),
        ("Lateness", 1),
    ]


@pytest.mark.usefixtures("seeded")
def test_triggers_by_hour_counts_the_lived_hour_for_all_24_hours(db: Database) -> None:
    hours = triggers_by_hour(db, MARCH)
    assert [hour for hour, _ in hours] == list(range(24))
    assert {hour: n for hour, n in hours if n} == {21: 2, 7: 1, 12: 1}
    assert sum(n for _, n in triggers_by_hour(db, None)) == 5


@pytest.mark.usefixtures("seeded")
def test_streak_counts_days_with_a_check_in(db: Database) -> None:
    assert streak(db, date(2026, 3, 5)) == 4  # 28 Feb, 1, 2 and 5 March
    assert streak(db, date(2026, 3, 5), days=1) == 1
    assert streak(db, date(2026, 3, 4), days=1) == 0  # only a deleted check-in that day
    assert streak(db, date(2026, 3, 5), days=3) == 1
    with pytest.raises(ValidationError):
        streak(db, date(2026, 3, 5), days=0)


def test_an_empty_journal_has_no_figures(db: Database) -> None:
    assert daily_mood(db, MARCH) == []
    assert coping_effect(db, MARCH) == []
    assert triggers_by_category(db, MARCH) == []
    assert triggers_by_hour(db, MARCH) == [(hour, 0) for hour in range(24)]
    assert streak(db, date(2026, 3, 5)) == 0
