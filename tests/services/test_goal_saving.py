"""A goal saved whole from the dialog: steps newly ticked and a goal newly reached go in the
progress list once; done dates already there stay; Undo puts everything back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.store.conftest import Clock
from trustjournal.core.between import Goal, GoalState, GoalStep
from trustjournal.services.between import BetweenOperations
from trustjournal.services.between_reader import BetweenReader
from trustjournal.services.goal_saving import GoalSaving
from trustjournal.services.progress_recording import acknowledge_all
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
NOW = datetime(2026, 4, 15, 12, 0, tzinfo=UTC)
EARLIER = NOW - timedelta(days=9)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    created, _code = Vault.create(tmp_path / "journal", "a long enough passphrase", kdf=CHEAP)
    yield created
    created.lock()


def test_newly_done_steps_and_reaching_are_recorded_once_and_undone(vault: Vault) -> None:
    clock = Clock(NOW)
    ops = BetweenOperations(vault=vault, clock=clock)
    reader = BetweenReader(vault=vault, clock=clock)
    steps = (GoalStep(text="One", done_at=EARLIER), GoalStep(text="Two"), GoalStep(text="Three"))
    goal = ops.add_goal(Goal(title="Rest", steps=steps)).value
    edited = goal.with_changes(
        steps=(goal.steps[0], goal.steps[1].with_changes(done_at=NOW), goal.steps[2]),
        state=GoalState.REACHED,
    )
    saving = GoalSaving(vault=vault, clock=clock)
    saved = saving.save(edited).value
    assert [s.done_at for s in saved.after.steps] == [EARLIER, NOW, None]
    assert saved.after.state_at == NOW
    # the step done before is not said again; the new one and the goal are
    assert [(p.key, p.reached_on) for p in reader.progress()] == [
        (f"step:{goal.id}:2", NOW.date()),
        (f"goal:{goal.id}", NOW.date()),
    ]
    assert saving.save(saved.after).value.recorded == ()  # saved again: nothing new
    saving.put_back(saved)
    [back] = reader.goals()
    assert back.state is GoalState.WORKING
    assert [s.done_at for s in back.steps] == [EARLIER, None, None]
    assert reader.progress() == []


def test_thank_you_for_all_acknowledges_in_one_go_and_keeps_earlier_moments(
    vault: Vault,
) -> None:
    clock = Clock(NOW)
    ops = BetweenOperations(vault=vault, clock=clock)
    goal = ops.add_goal(Goal(title="Rest", steps=(GoalStep(text="A"), GoalStep(text="B")))).value
    ops.mark_step_done(goal.id or 0, 1, EARLIER)
    ops.mark_step_done(goal.id or 0, 2, NOW)
    ops.acknowledge(f"step:{goal.id}:1", EARLIER)
    keys = [f"step:{goal.id}:1", f"step:{goal.id}:2", "no such key"]
    done = acknowledge_all(vault=vault, clock=clock, keys=keys, at=NOW).value
    assert done == [f"step:{goal.id}:2"]
    moments = [p.acknowledged_at for p in BetweenReader(vault=vault, clock=clock).progress()]
    assert moments == [EARLIER, NOW]
