"""Milestones are found from the data with their numbers; a worse month never becomes one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from tests.store.conftest import Clock
from trustjournal.core.between import Counts, Homework, Per
from trustjournal.core.entries import MoodCheckIn
from trustjournal.services.between import BetweenOperations
from trustjournal.services.between_reader import BetweenReader
from trustjournal.services.milestones import MilestoneKind
from trustjournal.store.entries import EntryRepository
from trustjournal.store.homework_progress import Week
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
NOW = datetime(2026, 4, 15, 12, 0, tzinfo=UTC)
MONDAY = date(2026, 3, 2)


def at(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    created, _code = Vault.create(tmp_path / "journal", "a long enough passphrase", kdf=CHEAP)
    yield created
    created.lock()


@pytest.fixture
def reader(vault: Vault) -> BetweenReader:
    return BetweenReader(vault=vault, clock=Clock(NOW))


def _trust(vault: Vault, by_month: dict[int, list[int]]) -> None:
    repo = EntryRepository(db=vault.db, clock=Clock(NOW))
    for month, values in by_month.items():
        for day, trust in enumerate(values, start=1):
            repo.add(MoodCheckIn(occurred_at=at(date(2026, month, day * 2)), mood=5, trust=trust))


def test_trust_rising_two_months_in_a_row_with_its_numbers(
    vault: Vault, reader: BetweenReader
) -> None:
    _trust(vault, {1: [3, 4], 2: [4, 5], 3: [6, 6, 7]})
    found = [m for m in reader.milestones(NOW.date()) if m.kind is MilestoneKind.TRUST_RISING]
    assert [(m.key, m.reached_on, m.months) for m in found] == [
        (
            "milestone:trust-rising:2026-03",
            date(2026, 3, 31),
            ((date(2026, 1, 1), 3.5, 2), (date(2026, 2, 1), 4.5, 2), (date(2026, 3, 1), 6.3, 3)),
        )
    ]


def test_a_worse_month_is_never_a_milestone(vault: Vault, reader: BetweenReader) -> None:
    # up, down, up, the same: no two rises in a row end on any of these months
    _trust(vault, {1: [5], 2: [6], 3: [4], 4: [7]})
    assert reader.milestones(date(2026, 6, 1)) == []
    # the month in progress never counts (April is not over on the 15th)
    assert reader.milestones(NOW.date()) == []


def test_the_first_full_week_of_check_ins(vault: Vault, reader: BetweenReader) -> None:
    repo = EntryRepository(db=vault.db, clock=Clock(NOW))
    for offset in range(13):  # the first week misses nothing; the second misses its Sunday
        repo.add(MoodCheckIn(occurred_at=at(MONDAY + timedelta(offset)), mood=6))
    repo.add(MoodCheckIn(occurred_at=at(MONDAY), mood=7, private=True))
    [week] = reader.milestones(NOW.date())
    assert week.kind is MilestoneKind.CHECKIN_WEEK
    assert week.weeks == (Week(MONDAY, 8, 7),)
    assert week.reached_on == MONDAY + timedelta(6)


def test_homework_kept_three_weeks_running_once_in_the_progress_list(
    vault: Vault, reader: BetweenReader
) -> None:
    ops = BetweenOperations(vault=vault, clock=Clock(NOW))
    hw = ops.add_homework(
        Homework(title="Walk together", counts=Counts.MANUAL, times=2, per=Per.WEEK, start=MONDAY)
    ).value
    for week in (0, 2, 3, 4):  # a missed week breaks the run; weeks 2-4 make one
        for day in (1, 3):
            ops.mark_done(hw.id or 0, at(MONDAY + timedelta(weeks=week, days=day)))
    found = reader.milestones(NOW.date())
    assert [(m.kind, m.title, [w.start for w in m.weeks]) for m in found] == [
        (
            MilestoneKind.HOMEWORK_KEPT,
            "Walk together",
            [MONDAY + timedelta(weeks=w) for w in (2, 3, 4)],
        )
    ]
    assert [w.done for w in found[0].weeks] == [2, 2, 2]
    first = ops.record_milestones(NOW.date()).value
    again = ops.record_milestones(NOW.date()).value
    assert [p.key for p in first] == [f"milestone:homework-kept:{hw.id}"]
    assert again == []
