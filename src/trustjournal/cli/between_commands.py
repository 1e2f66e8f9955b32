"""`trustjournal homework …` and `goal …`: homework with its weeks, goals with their steps."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from trustjournal.cli.terminal import fill_from_stdin, visible
from trustjournal.core.between import Goal, GoalState, GoalStep, Homework
from trustjournal.core.between_words import how_often
from trustjournal.core.i18n import _
from trustjournal.core.periods import parse_day
from trustjournal.services.between import BetweenOperations
from trustjournal.services.between_reader import BetweenReader, HomeworkProgress

if TYPE_CHECKING:
    from trustjournal.cli.terminal import SecretSource
    from trustjournal.store.vault import Vault


def homework_json(progress: HomeworkProgress) -> dict[str, Any]:
    """Every field of a homework item, and its weeks: [{"start", "done", "target"}]."""
    item = progress.item
    return {
        "id": item.id,
        "title": item.title,
        "counts": item.counts.value,
        "times": item.times,
        "per": item.per.value,
        "from": item.start.isoformat(),
        "to": item.end.isoformat() if item.end else None,
        "ended": item.ended_on.isoformat() if item.ended_on else None,
        "session": item.session_id,
        "weeks": [
            {"start": w.start.isoformat(), "done": w.done, "target": w.target}
            for w in progress.weeks
        ],
    }


def goal_json(goal: Goal) -> dict[str, Any]:
    """Every field of a goal, its steps in order with when each was done (or null)."""
    return {
        "id": goal.id,
        "title": goal.title,
        "why": goal.why,
        "state": goal.state.value,
        "target": goal.target_on.isoformat() if goal.target_on else None,
        "steps": [
            {"text": s.text, "done_at": s.done_at.isoformat() if s.done_at else None}
            for s in goal.steps
        ],
    }


def _state_word(state: GoalState) -> str:
    if state is GoalState.REACHED:
        return _("reached")
    if state is GoalState.SET_ASIDE:
        return _("set aside")
    return _("working on it")


class BetweenCommands:
    """Homework and goals; mixed into `Commands`, sharing its secrets, printer and clock."""

    _secrets: SecretSource
    _out: Callable[[str], None]
    _clock: Callable[[], datetime]

    def _open(self, args: argparse.Namespace) -> Vault:
        from trustjournal.cli.commands import _unlock

        return _unlock(args, self._secrets)

    def homework(self, args: argparse.Namespace) -> None:
        getattr(self, f"_homework_{args.action}")(args)

    def goal(self, args: argparse.Namespace) -> None:
        getattr(self, f"_goal_{args.action}")(args)

    # --- homework ------------------------------------------------------------------------------

    def _homework_add(self, args: argparse.Namespace) -> None:
        today = self._clock().astimezone().date()
        start = parse_day(args.date_from, field_name="--from") if args.date_from else today
        end = parse_day(args.date_to, field_name="--to") if args.date_to else None
        # Dates in the wrong order are refused before the passphrase is asked (the title may
        # still come from standard input, after it).
        Homework(
            title="·", counts=args.counts, times=args.times, per=args.per, start=start, end=end
        )
        vault = self._open(args)
        try:
            fill_from_stdin(args, self._secrets)
            item = Homework(
                title=args.title,
                counts=args.counts,
                times=args.times,
                per=args.per,
                start=start,
                end=end,
            )
            stored = BetweenOperations(vault=vault, clock=self._clock).add_homework(item).value
        finally:
            vault.lock()
        self._out(_("Saved as homework {number}.").format(number=stored.id))

    def _homework_done(self, args: argparse.Namespace) -> None:
        from trustjournal.cli.entry_args import parse_when

        now_local = self._clock().astimezone()
        moment = parse_when(args.at, now_local)
        vault = self._open(args)
        try:
            ops = BetweenOperations(vault=vault, clock=self._clock)
            mark = ops.mark_done(args.id, moment).value
        finally:
            vault.lock()
        self._out(
            _("Ticked homework {number} done (tick {tick}).").format(number=args.id, tick=mark.id)
        )

    def _homework_end(self, args: argparse.Namespace) -> None:
        today = self._clock().astimezone().date()
        vault = self._open(args)
        try:
            BetweenOperations(vault=vault, clock=self._clock).end_homework(args.id, today)
        finally:
            vault.lock()
        self._out(
            _("Homework {number} has ended; its weeks so far are kept.").format(number=args.id)
        )

    def _homework_list(self, args: argparse.Namespace) -> None:
        today = self._clock().astimezone().date()
        vault = self._open(args)
        try:
            items = BetweenReader(vault=vault, clock=self._clock).homework(today)
        finally:
            vault.lock()
        if args.json:
            self._out(json.dumps([homework_json(p) for p in items], ensure_ascii=False, indent=2))
            return
        if not items:
            self._out(_("No homework yet."))
            return
        for progress in items:
            self._out(self._homework_line(progress))

    def _homework_line(self, progress: HomeworkProgress) -> str:
        item = progress.item
        head = f"{item.id:>5}  {visible(item.title)} · {how_often(item)}"
        if item.ended_on is not None:
            return head + " · " + _("ended")
        week = progress.this_week
        if week is None:
            return head + " · " + _("not started yet")
        return (
            head
            + " · "
            + _("{done} of {target} this week").format(done=week.done, target=week.target)
        )

    # --- goals ---------------------------------------------------------------------------------

    def _goal_add(self, args: argparse.Namespace) -> None:
        target = parse_day(args.target, field_name="--target") if args.target else None
        vault = self._open(args)
        try:
            fill_from_stdin(args, self._secrets)
            goal = Goal(
                title=args.title,
                why=args.why,
                steps=tuple(GoalStep(text=text) for text in args.step),
                target_on=target,
            )
            stored = BetweenOperations(vault=vault, clock=self._clock).add_goal(goal).value
        finally:
            vault.lock()
        self._out(_("Saved as goal {number}.").format(number=stored.id))

    def _goal_step(self, args: argparse.Namespace) -> None:
        vault = self._open(args)
        try:
            ops = BetweenOperations(vault=vault, clock=self._clock)
            ops.mark_step_done(args.id, args.n, self._clock().astimezone())
        finally:
            vault.lock()
        self._out(_("Step {step} of goal {number} is done.").format(step=args.n, number=args.id))

    def _goal_reached(self, args: argparse.Namespace) -> None:
        vault = self._open(args)
        try:
            ops = BetweenOperations(vault=vault, clock=self._clock)
            ops.set_goal_state(args.id, GoalState.REACHED, self._clock().astimezone())
        finally:
            vault.lock()
        self._out(_("Goal {number} is reached.").format(number=args.id))

    def _goal_list(self, args: argparse.Namespace) -> None:
        vault = self._open(args)
        try:
            goals = BetweenReader(vault=vault, clock=self._clock).goals()
        finally:
            vault.lock()
        if args.json:
            self._out(json.dumps([goal_json(g) for g in goals], ensure_ascii=False, indent=2))
            return
        if not goals:
            self._out(_("No goals yet."))
            return
        for goal in goals:
            done = sum(1 for s in goal.steps if s.done_at is not None)
            steps = _("{done} of {count} steps").format(done=done, count=len(goal.steps))
            self._out(f"{goal.id:>5}  {visible(goal.title)} · {_state_word(goal.state)} · {steps}")
            for number, step in enumerate(goal.steps, start=1):
                mark = "x" if step.done_at else " "
                self._out(f"       [{mark}] {number}. {visible(step.text)}")
