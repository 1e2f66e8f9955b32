"""The progress list in a summary: steps and goals reached in its period, each with its day.

Called inside `i18n.speaking(summary language)`. Only steps and goals are shown: they hold the
person's own goal and step words and no entry. Milestones are left out of every summary on
purpose. They are found over the whole journal, private entries included (services/milestones.py),
and most of them compare the summary's days with weeks or months before it ("the first full week",
"three months in a row"), which a summary does not hold. Restating one from the summary's own
entries would be a different, weaker claim under the same name, and stating it as found would
let a private entry or a left-out month shape what the reader sees. So a summary never shows one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from trustjournal.core.between import Goal, GoalState, Progress, ProgressKind
from trustjournal.core.entries import Entry
from trustjournal.core.i18n import _
from trustjournal.core.periods import Period
from trustjournal.services.export.between_source import BetweenSource
from trustjournal.services.export.model import Field, Group, Part
from trustjournal.services.export.shared_charts import (
    ChartKind,
    SharedChart,
    chart_title,
    shared_chart,
)
from trustjournal.services.export.text import day_text
from trustjournal.services.progress_words import Voice, reached_text

_OPEN = "a summary needs a closed period"  # ExportRequest forbids it; never shown to a person


def _still_holds(record: Progress, goals: Mapping[int, Goal]) -> tuple[Progress, Goal] | None:
    """The record (with the step's words as they are now) and its goal, if the goal still says
    it: a goal set back to "working on it" or a step unticked since is not claimed, so the
    progress never contradicts the goals shown beside it. A goal in the bin is never shown."""
    goal = goals.get(record.goal_id or 0)
    if goal is None:
        return None
    if record.what is ProgressKind.GOAL:
        return (record, goal) if goal.state is GoalState.REACHED else None
    if record.step is None or not 1 <= record.step <= len(goal.steps):
        return None
    step = goal.steps[record.step - 1]
    if step.done_at is None:
        return None
    return record.with_changes(title=step.text), goal


def reached_in(source: BetweenSource | None, period: Period) -> list[tuple[Progress, Goal]]:
    """The steps and goals reached in the period that their goals still hold, oldest first."""
    start, end = period.start, period.end
    if source is None or start is None or end is None:
        return []
    records = [
        r
        for r in source.progress()
        if r.what in (ProgressKind.STEP, ProgressKind.GOAL) and start <= r.reached_on <= end
    ]
    if not records:
        return []
    goals = {g.id: g for g in source.goals() if g.id is not None}
    found = [held for r in records if (held := _still_holds(r, goals)) is not None]
    return sorted(found, key=lambda held: (held[0].reached_on, held[0].id or 0))


def progress_intro() -> str:
    """What the progress part lists (said once above it)."""
    return _("Steps and goals I reached in this period, in the order I reached them.")


def progress_group(reached: Sequence[tuple[Progress, Goal]]) -> Group | None:
    """The sessions section's "Progress" part: one line a step or goal, with its day."""
    if not reached:
        return None
    parts = tuple(
        Part(
            reached_text(record, goal, voice=Voice.I),
            (Field(_("Reached on"), day_text(record.reached_on)),),
        )
        for record, goal in reached
    )
    return Group(_("Progress"), progress_intro(), parts)


def progress_lines(reached: Sequence[tuple[Progress, Goal]]) -> tuple[str, ...]:
    """The progress list added from Insights, in words: the intro, then a line each."""
    if not reached:
        return (_("No steps or goals reached in this period."),)
    lines = [
        _("{day}: {what}").format(
            day=day_text(record.reached_on), what=reached_text(record, goal, voice=Voice.I)
        )
        for record, goal in reached
    ]
    return (progress_intro(), *lines)


def reached_chart(reached: Sequence[tuple[Progress, Goal]]) -> SharedChart:
    """Insights' progress list added to a summary ("Add to Share"): words only, nothing drawn."""
    kind = ChartKind.REACHED
    return SharedChart(kind, chart_title(kind), None, progress_lines(reached))


def added_chart(
    kind: ChartKind, chosen: Sequence[Entry], period: Period, source: BetweenSource | None
) -> SharedChart:
    """A card added from Insights, over the summary's `chosen` entries (or, for the progress
    list, its steps and goals)."""
    if kind is ChartKind.REACHED:
        return reached_chart(reached_in(source, period))
    if period.start is None or period.end is None:
        raise ValueError(_OPEN)
    return shared_chart(kind, chosen, period.start, period.end)
