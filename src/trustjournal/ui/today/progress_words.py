"""What reached steps, goals and milestones are called on Today and in Insights, with numbers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from trustjournal.core.between import Goal, Progress, ProgressKind
from trustjournal.core.i18n import _, format_date, format_number, ngettext, pgettext
from trustjournal.services.milestones import Milestone, MilestoneKind
from trustjournal.services.progress_words import Voice, reached_text


def _day(day: date) -> str:
    # Translators: a CLDR date pattern: day and month (German: d. MMMM).
    return format_date(day, pgettext("progress day pattern", "d MMMM"))


def _month(month: date) -> str:
    # Translators: a CLDR date pattern: a month and its year (German: MMMM y).
    return format_date(month, pgettext("progress month pattern", "MMMM y"))


def steps_done_text(goal: Goal) -> str:
    """ "2 of 5 steps done" (or that the goal has no steps yet)."""
    total = len(goal.steps)
    if total == 0:
        return _("No steps yet")
    done = sum(1 for step in goal.steps if step.done_at is not None)
    return ngettext("{done} of {total} step done", "{done} of {total} steps done", total).format(
        done=done, total=total
    )


def milestone_text(milestone: Milestone) -> str:
    """The milestone as one sentence with the numbers that make it true."""
    kind = milestone.kind
    if kind is MilestoneKind.CHECKIN_WEEK and milestone.weeks:
        return _("You checked in every day of the week of {day}: 7 of 7 days.").format(
            day=_day(milestone.weeks[0].start)
        )
    if kind is MilestoneKind.HOMEWORK_KEPT:
        weeks = ", ".join(
            _("{done} of {target}").format(done=w.done, target=w.target) for w in milestone.weeks
        )
        return _("You kept up “{title}” three weeks running: {weeks}.").format(
            title=milestone.title, weeks=weeks
        )
    if kind is MilestoneKind.TRUST_RISING:
        return _(
            "Your trust rose two months in a row: on average {first} in {first_month},"
            " {second} in {second_month} and {third} in {third_month} (of 10)."
        ).format(**_months(milestone))
    if kind is MilestoneKind.COPING_DROP:
        return _(
            "After coping, your triggers eased more two months in a row: by {first} points on"
            " average in {first_month}, {second} in {second_month} and {third} in {third_month}."
        ).format(**_months(milestone))
    if kind is MilestoneKind.TOLD_AFTER_HARD_WEEK and milestone.hard_week is not None:
        week, mean = milestone.hard_week
        return ngettext(
            "After a hard week (the week of {week}: mood {mean} of 10 on average, over"
            " {count} check-in), you told someone what you appreciate, on {day}.",
            "After a hard week (the week of {week}: mood {mean} of 10 on average, over"
            " {count} check-ins), you told someone what you appreciate, on {day}.",
            week.done,
        ).format(
            week=_day(week.start),
            mean=format_number(mean),
            count=week.done,
            day=_day(milestone.reached_on),
        )
    return _("A milestone, reached on {day}.").format(day=_day(milestone.reached_on))


def _months(milestone: Milestone) -> dict[str, str]:
    names = ("first", "second", "third")
    shown: dict[str, str] = {}
    for name, (month, mean, _count) in zip(names, milestone.months, strict=True):
        shown[name] = format_number(mean)
        shown[f"{name}_month"] = _month(month)
    return shown


def progress_text(
    record: Progress, *, goals: Mapping[int, Goal], milestones: Mapping[str, Milestone]
) -> str | None:
    """One sentence for something reached; None for a milestone the data no longer holds (a
    sentence without its numbers would be a claim we cannot show)."""
    if record.what is ProgressKind.MILESTONE:
        found = milestones.get(record.key)
        return milestone_text(found) if found is not None else None
    return reached_text(record, goals.get(record.goal_id or 0), voice=Voice.YOU)


def reached_on_text(record: Progress) -> str:
    """When it was reached, for the progress list."""
    return _day(record.reached_on)
