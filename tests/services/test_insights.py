"""Today's figures through the one insights service, on a real encrypted vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.services.test_operations import CHEAP, PASSPHRASE
from tests.store.conftest import START, Clock
from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.core.errors import VaultLockedError
from trustjournal.core.periods import Period
from trustjournal.services.insights import Insights
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    created, _code = Vault.create(tmp_path / "journal", PASSPHRASE, kdf=CHEAP)
    yield created
    created.lock()


def test_week_streak_coping_and_categories_come_from_the_vault(vault: Vault) -> None:
    clock = Clock(START)
    entries = EntryRepository(db=vault.db, clock=clock)
    entries.add(MoodCheckIn(occurred_at=START, mood=6))
    entries.add(MoodCheckIn(occurred_at=START - timedelta(days=2), mood=4))
    entries.add(
        TriggerRecord(
            occurred_at=START,
            situation="A late reply",
            intensity=8,
            intensity_after=3,
            coping=("Walk",),
            category="My own worry",
        )
    )
    insights = Insights(vault=vault, clock=clock)
    today = START.date()

    assert insights.streak(today, 7) == 2
    week = insights.daily_mood(Period.last_days(7, today=today))
    assert [(d.day, d.mood_avg) for d in week] == [
        (today - timedelta(days=2), 4.0),
        (today, 6.0),
    ]
    [walk] = [e for e in insights.coping_effect() if e.strategy == "Walk"]
    assert (walk.uses, walk.avg_drop) == (1, 5.0)
    assert insights.category_choices()[-1] == "My own worry"  # used, after the person's list


def test_a_locked_vault_says_so_rather_than_reading(vault: Vault) -> None:
    insights = Insights(vault=vault, clock=Clock(START))
    vault.lock()

    with pytest.raises(VaultLockedError):
        insights.streak(START.date())
