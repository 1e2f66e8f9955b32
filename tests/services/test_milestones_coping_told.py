"""The two milestones of issue 20 found here: the drop after coping growing, and the first
appreciation told after a hard week; each only when the data holds it, with its numbers."""

from __future__ import annotations

import itertools
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.conftest import Clock
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.services.between_reader import BetweenReader
from trustjournal.services.milestones import Milestone, MilestoneKind
from trustjournal.store.entries import EntryRepository
from trustjournal.store.homework_progress import Week
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
NOW = datetime(2026, 6, 17, 12, 0, tzinfo=UTC)  # a Wednesday
MONDAY = date(2026, 3, 2)
_counter = itertools.count()


def at(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def _vault(directory: Path) -> Vault:
    created, _code = Vault.create(
        directory / f"journal-{next(_counter)}", "a long passphrase x", kdf=CHEAP
    )
    return created


TODAY = NOW.date()


def _found(vault: Vault, kind: MilestoneKind, today: date = TODAY) -> list[Milestone]:
    reader = BetweenReader(vault=vault, clock=Clock(NOW))
    return [m for m in reader.milestones(today) if m.kind is kind]


def _trigger(day: date, before: int, after: int | None, *, coping: bool = True) -> TriggerRecord:
    return TriggerRecord(
        occurred_at=at(day),
        situation="A cue",
        intensity=before,
        intensity_after=after,
        coping=("Breathing",) if coping else (),
    )


def _drops(vault: Vault, by_month: dict[int, list[tuple[int, int]]]) -> None:
    repo = EntryRepository(db=vault.db, clock=Clock(NOW))
    for month, pairs in by_month.items():
        for day, (before, after) in enumerate(pairs, start=1):
            repo.add(_trigger(date(2026, month, day), before, after))


def test_the_drop_after_coping_growing_two_months_in_a_row(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    # drops: March 1, 2, 3 (2.0); April 2, 3, 3 (2.7); May 4, 3, 4, 3 (3.5)
    _drops(
        vault,
        {
            3: [(5, 4), (6, 4), (7, 4)],
            4: [(6, 4), (7, 4), (7, 4)],
            5: [(8, 4), (7, 4), (8, 4), (7, 4)],
        },
    )
    repo = EntryRepository(db=vault.db, clock=Clock(NOW))
    repo.add(_trigger(date(2026, 3, 20), 9, 0, coping=False))  # no coping named: not counted
    repo.add(_trigger(date(2026, 3, 21), 9, None))  # no "after": not counted
    repo.add(_trigger(date(2026, 6, 2), 1, 1))  # June is not over
    [found] = _found(vault, MilestoneKind.COPING_DROP)
    assert found.key == "milestone:coping-drop:2026-05"
    assert found.reached_on == date(2026, 5, 31)
    assert found.months == (
        (date(2026, 3, 1), 2.0, 3),
        (date(2026, 4, 1), 2.7, 3),
        (date(2026, 5, 1), 3.5, 4),
    )
    vault.lock()


def test_a_month_with_a_smaller_drop_or_too_few_records_is_never_a_milestone(
    tmp_path: Path,
) -> None:
    vault = _vault(tmp_path)
    _drops(vault, {3: [(5, 4)] * 3, 4: [(7, 4)] * 3, 5: [(6, 4)] * 3})  # up, then down
    assert _found(vault, MilestoneKind.COPING_DROP) == []
    other = _vault(tmp_path)
    _drops(other, {3: [(5, 4)] * 3, 4: [(7, 4)] * 3, 5: [(9, 4)] * 2})  # May: two records only
    assert _found(other, MilestoneKind.COPING_DROP) == []
    vault.lock()
    other.lock()


def _week_of_moods(repo: EntryRepository, monday: date, moods: list[int]) -> None:
    for offset, mood in enumerate(moods):
        repo.add(MoodCheckIn(occurred_at=at(monday + timedelta(days=offset)), mood=mood))


def test_the_first_appreciation_told_after_a_hard_week(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    repo = EntryRepository(db=vault.db, clock=Clock(NOW))
    _week_of_moods(repo, MONDAY, [3, 4, 5])  # mean 4.0 of 3 check-ins: a hard week
    told_on = MONDAY + timedelta(days=9)  # the Wednesday after
    repo.add(
        GratitudeEntry(
            occurred_at=at(MONDAY + timedelta(days=8)),
            text="You made tea",
            expressed=True,
            expressed_on=told_on,
        )
    )
    [found] = _found(vault, MilestoneKind.TOLD_AFTER_HARD_WEEK)
    assert found.key == "milestone:told-after-hard-week"
    assert found.reached_on == told_on
    assert found.hard_week == (Week(MONDAY, 3, 3), 4.0)
    # while the week after is not over, nothing is found yet
    assert _found(vault, MilestoneKind.TOLD_AFTER_HARD_WEEK, MONDAY + timedelta(days=13)) == []
    vault.lock()


def test_no_hard_week_or_nothing_told_after_it_is_no_milestone(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    repo = EntryRepository(db=vault.db, clock=Clock(NOW))
    _week_of_moods(repo, MONDAY, [3, 4, 6])  # mean 4.3: not hard
    _week_of_moods(repo, MONDAY + timedelta(weeks=2), [1, 1])  # two check-ins: too few
    _week_of_moods(repo, MONDAY + timedelta(weeks=4), [2, 2, 2])  # hard ...
    for day in (MONDAY + timedelta(days=9), MONDAY + timedelta(weeks=3, days=1)):
        repo.add(GratitudeEntry(occurred_at=at(day), text="Thanks", expressed=True))
    repo.add(  # ... but what follows it is written, not told
        GratitudeEntry(occurred_at=at(MONDAY + timedelta(weeks=5)), text="Thanks")
    )
    assert _found(vault, MilestoneKind.TOLD_AFTER_HARD_WEEK) == []
    vault.lock()


def test_only_a_day_of_the_very_next_week_counts_after_a_hard_week(tmp_path: Path) -> None:
    """Its Sunday does (told on day 13 after the hard Monday); the hard week's own Sunday and
    the Monday after the next week do not."""
    vault = _vault(tmp_path)
    repo = EntryRepository(db=vault.db, clock=Clock(NOW))
    _week_of_moods(repo, MONDAY, [2, 2, 2])
    _week_of_moods(repo, MONDAY + timedelta(weeks=4), [2, 2, 2])
    later = (MONDAY + timedelta(days=6), MONDAY + timedelta(days=14))
    for told_on in (*later, MONDAY + timedelta(weeks=5, days=6)):
        repo.add(GratitudeEntry(occurred_at=at(told_on), text="Thanks", expressed=True))
    [found] = _found(vault, MilestoneKind.TOLD_AFTER_HARD_WEEK)
    assert found.reached_on == MONDAY + timedelta(weeks=5, days=6)
    assert found.hard_week == (Week(MONDAY + timedelta(weeks=4), 3, 3), 2.0)
    vault.lock()


MONTHS = st.lists(
    st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), min_size=0, max_size=4),
    min_size=3,
    max_size=3,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MONTHS)
def test_the_coping_drop_is_found_exactly_when_the_months_hold_it(
    months: list[list[tuple[int, int]]],
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        vault = _vault(Path(directory))
        _drops(vault, {3 + i: pairs for i, pairs in enumerate(months)})
        means = [round(sum(b - a for b, a in m) / len(m), 1) if m else None for m in months]
        holds = all(len(m) >= 3 for m in months) and (
            means[0] < means[1] < means[2] and means[2] > 0  # type: ignore[operator]
        )
        found = _found(vault, MilestoneKind.COPING_DROP)
        assert bool(found) == holds
        if found:
            assert [mean for _m, mean, _n in found[0].months] == means
        vault.lock()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.integers(1, 10), min_size=0, max_size=7),
    st.lists(st.integers(0, 20), max_size=3),
)
def test_an_appreciation_after_a_hard_week_is_found_exactly_when_the_data_holds_it(
    moods: list[int], told_offsets: list[int]
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        vault = _vault(Path(directory))
        repo = EntryRepository(db=vault.db, clock=Clock(NOW))
        _week_of_moods(repo, MONDAY, moods)
        for offset in told_offsets:  # days from the hard week's Monday
            day = MONDAY + timedelta(days=offset)
            repo.add(GratitudeEntry(occurred_at=at(day), text="Thanks", expressed=True))
        hard = len(moods) >= 3 and sum(moods) / len(moods) <= 4
        after = sorted(o for o in told_offsets if 7 <= o <= 13)
        found = _found(vault, MilestoneKind.TOLD_AFTER_HARD_WEEK)
        assert bool(found) == (hard and bool(after))
        if found:
            assert found[0].reached_on == MONDAY + timedelta(days=after[0])
        vault.lock()
