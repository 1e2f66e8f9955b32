"""Homework progress per week, goals, progress and their undo pairs, on a real encrypted vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from tests.store.conftest import Clock
from trustjournal.core.between import Counts, Goal, GoalState, GoalStep, Homework, Per
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, Statement, TriggerRecord
from trustjournal.core.errors import HomeworkNotFoundError, ValidationError
from trustjournal.services.between import BetweenOperations
from trustjournal.services.between_reader import BetweenReader
from trustjournal.services.changes import Change
from trustjournal.store.entries import EntryRepository
from trustjournal.store.homework_progress import Week, weekly_progress
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
MONDAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)  # a Friday, in the third week


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    created, _code = Vault.create(tmp_path / "journal", "a long enough passphrase", kdf=CHEAP)
    yield created
    created.lock()


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def ops(vault: Vault, clock: Clock) -> BetweenOperations:
    return BetweenOperations(vault=vault, clock=clock)


@pytest.fixture
def entries(vault: Vault, clock: Clock) -> EntryRepository:
    return EntryRepository(db=vault.db, clock=clock)


def item(counts: Counts, times: int, per: Per, start: date = MONDAY, **more: object) -> Homework:
    return Homework(title="practise", counts=counts, times=times, per=per, start=start, **more)  # type: ignore[arg-type]


def test_check_ins_count_per_day_capped_private_in_deleted_out(
    ops: BetweenOperations, entries: EntryRepository, vault: Vault
) -> None:
    hw = ops.add_homework(item(Counts.CHECKIN, 1, Per.DAY)).value
    for hour in (8, 12, 20):  # three on Monday count once: once a day is asked
        entries.add(MoodCheckIn(occurred_at=at(MONDAY, hour), mood=5))
    entries.add(MoodCheckIn(occurred_at=at(MONDAY + timedelta(1)), mood=5, private=True))
    gone = entries.add(MoodCheckIn(occurred_at=at(MONDAY + timedelta(2)), mood=5))
    entries.delete(gone.id or 0)
    weeks = weekly_progress(vault.db, [hw.id or 0], start=MONDAY, end=MONDAY + timedelta(6))
    assert weeks == {hw.id: [Week(MONDAY, 2, 7)]}


def test_targets_lose_the_days_outside_from_and_to(ops: BetweenOperations, vault: Vault) -> None:
    thursday = MONDAY + timedelta(3)
    daily = ops.add_homework(item(Counts.MANUAL, 2, Per.DAY, thursday)).value
    weekly = ops.add_homework(
        item(Counts.MANUAL, 3, Per.WEEK, thursday, end=MONDAY + timedelta(9))
    ).value
    progress = weekly_progress(
        vault.db, [daily.id or 0, weekly.id or 0], start=MONDAY, end=MONDAY + timedelta(13)
    )
    second = MONDAY + timedelta(7)
    assert progress[daily.id or 0] == [Week(MONDAY, 0, 8), Week(second, 0, 14)]
    # 3 a week: 4 days of the first week → ⌈12/7⌉ = 2; 3 days of the second → ⌈9/7⌉ = 2
    assert progress[weekly.id or 0] == [Week(MONDAY, 0, 2), Week(second, 0, 2)]


def test_told_said_and_finished_count_on_their_own_terms(
    ops: BetweenOperations, entries: EntryRepository, vault: Vault
) -> None:
    told = ops.add_homework(item(Counts.GRATITUDE_TOLD, 2, Per.WEEK)).value
    said = ops.add_homework(item(Counts.STATEMENT, 1, Per.WEEK)).value
    trig = ops.add_homework(item(Counts.TRIGGER, 1, Per.WEEK)).value
    before = MONDAY - timedelta(3)
    # written the week before, told this week: it counts this week
    entries.add(GratitudeEntry(occurred_at=at(before), text="t", expressed_on=MONDAY))
    entries.add(GratitudeEntry(occurred_at=at(MONDAY), text="not told"))
    entries.add(Statement(occurred_at=at(MONDAY), feel=("hurt",), when="w"))  # not said yet
    entries.add(Statement(occurred_at=at(MONDAY), feel=("hurt",), when="w", said=True))
    entries.add(TriggerRecord(occurred_at=at(MONDAY), situation="s", intensity=5, unfinished=True))
    entries.add(TriggerRecord(occurred_at=at(MONDAY), situation="s", intensity=5))
    got = weekly_progress(
        vault.db,
        [told.id or 0, said.id or 0, trig.id or 0],
        start=MONDAY,
        end=MONDAY + timedelta(6),
    )
    assert [got[i.id or 0][0].done for i in (told, said, trig)] == [1, 1, 1]


def test_a_summary_counts_only_the_entries_it_includes(
    ops: BetweenOperations, entries: EntryRepository, vault: Vault
) -> None:
    hw = ops.add_homework(item(Counts.CHECKIN, 3, Per.WEEK)).value
    shown = entries.add(MoodCheckIn(occurred_at=at(MONDAY), mood=5))
    entries.add(MoodCheckIn(occurred_at=at(MONDAY + timedelta(1)), mood=5))
    got = weekly_progress(
        vault.db,
        [hw.id or 0],
        start=MONDAY,
        end=MONDAY + timedelta(6),
        only_entries={shown.id or 0},
    )
    assert got[hw.id or 0] == [Week(MONDAY, 1, 3)]


def test_manual_ticks_and_their_undo(ops: BetweenOperations, vault: Vault, clock: Clock) -> None:
    hw = ops.add_homework(item(Counts.MANUAL, 3, Per.WEEK)).value
    reader = BetweenReader(vault=vault, clock=clock)
    done = ops.mark_done(hw.id or 0, at(MONDAY + timedelta(14)))
    assert done.changes == {Change.HOMEWORK}
    assert reader.homework_item(hw.id or 0, NOW.date()).this_week == Week(
        MONDAY + timedelta(14), 1, 3
    )
    ops.take_back_mark(done.value.id or 0)
    assert reader.homework_item(hw.id or 0, NOW.date()).this_week == Week(
        MONDAY + timedelta(14), 0, 3
    )
    ops.restore_mark(done.value.id or 0)
    assert reader.homework_item(hw.id or 0, NOW.date()).this_week == Week(
        MONDAY + timedelta(14), 1, 3
    )


def test_an_entry_counted_item_cannot_be_ticked(ops: BetweenOperations) -> None:
    hw = ops.add_homework(item(Counts.CHECKIN, 1, Per.DAY)).value
    with pytest.raises(ValidationError):
        ops.mark_done(hw.id or 0, NOW)


def test_ending_keeps_the_weeks_before_and_undo_reopens(
    ops: BetweenOperations, vault: Vault, clock: Clock
) -> None:
    hw = ops.add_homework(item(Counts.MANUAL, 1, Per.DAY)).value
    ops.mark_done(hw.id or 0, at(MONDAY))
    ended = ops.end_homework(hw.id or 0, MONDAY + timedelta(1))
    reader = BetweenReader(vault=vault, clock=clock)
    assert reader.homework_item(hw.id or 0, NOW.date()).weeks == (Week(MONDAY, 1, 2),)
    with pytest.raises(ValidationError):
        ops.end_homework(hw.id or 0, NOW.date())
    ops.edit_homework(ended.value.before)
    assert len(reader.homework_item(hw.id or 0, NOW.date()).weeks) == 3


def test_deleting_homework_goes_to_the_bin_with_undo(
    ops: BetweenOperations, vault: Vault, clock: Clock
) -> None:
    hw = ops.add_homework(item(Counts.MANUAL, 1, Per.DAY)).value
    ops.delete_homework(hw.id or 0)
    reader = BetweenReader(vault=vault, clock=clock)
    assert reader.homework(NOW.date()) == []
    with pytest.raises(HomeworkNotFoundError):
        ops.mark_done(hw.id or 0, NOW)
    ops.undelete_homework(hw.id or 0)
    assert [p.item for p in reader.homework(NOW.date())] == [hw]


def test_steps_done_undone_and_the_progress_list_once(
    ops: BetweenOperations, vault: Vault, clock: Clock
) -> None:
    goal = ops.add_goal(
        Goal(title="Talk more", why="us", steps=(GoalStep(text="a"), GoalStep(text="b")))
    ).value
    reader = BetweenReader(vault=vault, clock=clock)
    done = ops.mark_step_done(goal.id or 0, 2, NOW)
    assert done.value.after.steps[1].done_at == NOW
    assert [p.key for p in reader.progress(unacknowledged_only=True)] == [f"step:{goal.id}:2"]
    with pytest.raises(ValidationError):
        ops.mark_step_done(goal.id or 0, 3, NOW)
    ops.mark_step_undone(goal.id or 0, 2)  # the undo: never seen, so it leaves the list
    assert reader.progress() == []
    ops.mark_step_done(goal.id or 0, 2, NOW)
    ops.acknowledge(f"step:{goal.id}:2", NOW)
    ops.mark_step_undone(goal.id or 0, 2)
    ops.mark_step_done(goal.id or 0, 2, NOW)  # seen once: stays acknowledged
    assert reader.progress(unacknowledged_only=True) == []
    assert len(reader.progress()) == 1


def test_a_goal_without_steps_can_be_reached_and_set_back(
    ops: BetweenOperations, vault: Vault, clock: Clock
) -> None:
    goal = ops.add_goal(Goal(title="Rest")).value
    reached = ops.set_goal_state(goal.id or 0, GoalState.REACHED, NOW)
    assert reached.value.after.state is GoalState.REACHED
    reader = BetweenReader(vault=vault, clock=clock)
    assert [p.key for p in reader.progress()] == [f"goal:{goal.id}"]
    ops.set_goal_state(goal.id or 0, reached.value.before.state, NOW)  # undo
    assert reader.progress() == []
    assert reader.goals()[0].state is GoalState.WORKING


def test_homework_dates_in_the_wrong_order_and_zero_times_are_refused() -> None:
    with pytest.raises(ValidationError) as wrong:
        item(Counts.MANUAL, 1, Per.DAY, end=MONDAY - timedelta(1))
    assert wrong.value.field == "to"
    with pytest.raises(ValidationError) as zero:
        item(Counts.MANUAL, 0, Per.DAY)
    assert zero.value.field == "times"
    with pytest.raises(ValidationError) as unknown:
        item("hugs", 1, Per.DAY)  # type: ignore[arg-type]
    assert unknown.value.field == "counts"
