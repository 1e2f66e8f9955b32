"""The sessions section: chosen sessions, homework counted from the summary, and goals.

Called inside `i18n.speaking(summary language)`. Homework is counted only from the entries the
summary includes (and ticks by hand, which belong to the homework itself): an entry left out,
or private, never counts, and a kind the summary does not share is said to be uncounted here
rather than shown as nothing done.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from trustjournal.core.between import Counts, Goal, GoalState, Homework
from trustjournal.core.between_words import how_often
from trustjournal.core.entries import EntryKind
from trustjournal.core.entries_session import TherapySession
from trustjournal.core.i18n import _, format_number, ngettext
from trustjournal.core.periods import Period
from trustjournal.services.export.between_source import BetweenSource
from trustjournal.services.export.model import Field, Group, Item, Part
from trustjournal.services.export.text import day_text, moment_text
from trustjournal.store.homework_progress import Week

_UNSAVED = "only saved entries can be exported"  # a bug in the caller, never shown to a person
COUNTED_KIND: dict[Counts, EntryKind] = {
    Counts.CHECKIN: EntryKind.MOOD,
    Counts.GRATITUDE_TOLD: EntryKind.GRATITUDE,
    Counts.TRIGGER: EntryKind.TRIGGER,
    Counts.STATEMENT: EntryKind.STATEMENT,
    Counts.QUALITY_TIME: EntryKind.QUALITY_TIME,
    Counts.REFLECTION: EntryKind.REFLECTION,
}


def _field(label: str, text: str | None) -> list[Field]:
    return [Field(label, text)] if text and text.strip() else []


def session_item(entry: TherapySession) -> Item:
    """A session: with whom, what we worked on, what I want to remember, the next one."""
    if entry.id is None:
        raise ValueError(_UNSAVED)
    fields = _field(_("With"), entry.with_whom)
    fields += _field(_("What we worked on"), entry.worked_on)
    fields += _field(_("What I want to remember"), entry.remember)
    if entry.next_at is not None:
        fields.append(Field(_("Next session"), moment_text(entry.next_at)))
    return Item(entry.id, entry.kind, entry.occurred_at, _("Therapy session"), tuple(fields))


def sessions_intro(count: int) -> str:
    """How many sessions the summary shows (never that none took place)."""
    if not count:
        return _("No sessions chosen for this summary.")
    return ngettext(
        "%(count)s session in this summary.", "%(count)s sessions in this summary.", count
    ) % {"count": format_number(count)}


def _counts_words() -> dict[Counts, str]:
    return {
        Counts.CHECKIN: _("a check-in"),
        Counts.GRATITUDE_TOLD: _("an appreciation I told"),
        Counts.TRIGGER: _("a finished record of a hard moment"),
        Counts.STATEMENT: _("an “I” statement I said"),
        Counts.QUALITY_TIME: _("time together"),
        Counts.REFLECTION: _("a reflection"),
        Counts.MANUAL: _("ticked by hand"),
    }


def _uncounted_words() -> dict[Counts, str]:
    return {
        Counts.CHECKIN: _("This summary shares no check-ins, so they are not counted here."),
        Counts.GRATITUDE_TOLD: _(
            "This summary shares no gratitude, so appreciations told are not counted here."
        ),
        Counts.TRIGGER: _("This summary shares no hard moments, so they are not counted here."),
        Counts.STATEMENT: _("This summary shares no “I” statements, so they are not counted here."),
        Counts.QUALITY_TIME: _("This summary shares no time together, so it is not counted here."),
        Counts.REFLECTION: _("This summary shares no reflections, so they are not counted here."),
    }


def _span(item: Homework) -> str:
    start = day_text(item.start)
    if item.ended_on is not None and (item.end is None or item.ended_on <= item.end):
        return _("From %(start)s, ended on %(end)s") % {
            "start": start,
            "end": day_text(item.ended_on),
        }
    if item.end is not None:
        return _("From %(start)s until %(end)s") % {"start": start, "end": day_text(item.end)}
    return _("From %(start)s") % {"start": start}


def homework_part(item: Homework, weeks: Sequence[Week], counted: bool) -> Part:
    """A homework item with its weeks in the period, "done of target" each."""
    fields = [
        Field(_("How often"), how_often(item)),
        Field(_("What counts"), _counts_words()[item.counts]),
        Field(_("When"), _span(item)),
    ]
    if not counted:
        fields.append(Field(_("Progress"), _uncounted_words()[item.counts]))
    elif weeks:  # one line a week, so a long period reads as a column, not a run-on line
        lines = [
            _("%(day)s: %(done)s of %(target)s")
            % {
                "day": day_text(week.start),
                "done": format_number(week.done),
                "target": format_number(week.target),
            }
            for week in weeks
        ]
        fields.append(Field(_("Each week, from Monday"), "\n".join(lines)))
    return Part(item.title, tuple(fields))


def _is_counted(item: Homework, shared_kinds: Collection[EntryKind]) -> bool:
    kind = COUNTED_KIND.get(item.counts)
    return kind is None or kind in shared_kinds


def homework_group(
    source: BetweenSource,
    period: Period,
    *,
    chosen_ids: Collection[int],
    shared_kinds: Collection[EntryKind],
) -> Group | None:
    """The homework that ran in the period, each counted from `chosen_ids` only."""
    start, end = period.start, period.end
    items = {i.id: i for i in source.homework() if i.id is not None}
    if start is None or end is None or not items:
        return None
    weeks = source.weeks(list(items), start=start, end=end, only_entries=chosen_ids)
    parts = tuple(
        homework_part(items[i], found, _is_counted(items[i], shared_kinds))
        for i, found in weeks.items()
        if i in items and found
    )
    if not parts:
        return None
    intro = _("Counted only from the entries in this summary and what I ticked by hand.")
    return Group(_("Homework"), intro, parts)


def _state(goal: Goal) -> str:
    day = goal.state_at.date() if goal.state_at is not None else None
    if goal.state is GoalState.REACHED:
        return _("Reached on %(day)s") % {"day": day_text(day)} if day else _("Reached")
    if goal.state is GoalState.SET_ASIDE:
        return _("Set aside on %(day)s") % {"day": day_text(day)} if day else _("Set aside")
    return _("Working on it")


def goal_part(goal: Goal) -> Part:
    """A goal: why it matters, where it stands, its target date and every step."""
    fields = _field(_("Why it matters to me"), goal.why)
    fields.append(Field(_("Where it stands"), _state(goal)))
    if goal.target_on is not None:
        fields.append(Field(_("Hoping to reach it by"), day_text(goal.target_on)))
    for number, step in enumerate(goal.steps, 1):
        if step.done_at is not None:
            label = _("Step %(number)s, done on %(day)s") % {
                "number": format_number(number),
                "day": day_text(step.done_at.date()),
            }
        else:
            label = _("Step %(number)s, not yet") % {"number": format_number(number)}
        fields.append(Field(label, step.text))
    return Part(goal.title, tuple(fields))


def _in_period(goal: Goal, start: date, end: date) -> bool:
    """Whether the goal was there in the period: made by its end, not closed before its start."""
    if goal.created_at is not None and goal.created_at.date() > end:
        return False
    closed = goal.state is not GoalState.WORKING and goal.state_at is not None
    return not (closed and goal.state_at is not None and goal.state_at.date() < start)


def goals_group(source: BetweenSource, period: Period) -> Group | None:
    """The goals I was working on in the period (or reached or set aside in it)."""
    start, end = period.start, period.end
    if start is None or end is None:
        return None
    parts = tuple(goal_part(g) for g in source.goals() if _in_period(g, start, end))
    if not parts:
        return None
    return Group(_("Goals"), _("What I am working towards, step by step."), parts)
