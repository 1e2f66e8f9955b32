"""How Today words homework: what counts, how often, and a week's progress, plainly and kindly."""

from __future__ import annotations

from datetime import date, timedelta

from trustjournal.core.between import Counts, Homework
from trustjournal.core.between_words import how_often
from trustjournal.core.i18n import _, ngettext
from trustjournal.core.wording import short_day
from trustjournal.services.between_reader import HomeworkProgress
from trustjournal.store.homework_progress import monday_of


def counts_choices() -> list[tuple[Counts, str]]:
    """What can count as doing homework, in plain words, in the order the dialog offers them."""
    return [
        (Counts.MANUAL, _("Ticked by hand")),
        (Counts.CHECKIN, _("A check-in")),
        (Counts.GRATITUDE_TOLD, _("An appreciation told")),
        (Counts.TRIGGER, _("A finished trigger record")),
        (Counts.STATEMENT, _("An “I” statement said")),
        (Counts.QUALITY_TIME, _("Time together")),
        (Counts.REFLECTION, _("A reflection")),
    ]


def counted_from(counts: Counts) -> str:
    """Where a counted item's progress comes from ("" for one ticked by hand)."""
    words = {
        Counts.CHECKIN: _("counted from your check-ins"),
        Counts.GRATITUDE_TOLD: _("counted from appreciations you told"),
        Counts.TRIGGER: _("counted from finished trigger records"),
        Counts.STATEMENT: _("counted from “I” statements you said"),
        Counts.QUALITY_TIME: _("counted from time together"),
        Counts.REFLECTION: _("counted from reflections"),
    }
    return words.get(counts, "")


def progress_text(progress: HomeworkProgress, today: date) -> str:
    """This week's progress and last week's, plain: "2 of 3 this week · Last week: 1 of 3".

    A week that fell short reads exactly like one that did not: numbers, never a verdict.
    """
    item = progress.item
    monday = monday_of(today)
    if item.start > today:
        return _("Starts on {day}").format(day=short_day(item.start))
    weeks = {week.start: week for week in progress.weeks}
    parts = []
    this = weeks.get(monday)
    if this is not None and this.target > 0:
        parts.append(
            ngettext(
                "{done} of {target} this week", "{done} of {target} this week", this.target
            ).format(done=this.done, target=this.target)
        )
    last = weeks.get(monday - timedelta(days=7))
    if last is not None and last.target > 0:
        parts.append(
            ngettext(
                "Last week: {done} of {target}", "Last week: {done} of {target}", last.target
            ).format(done=last.done, target=last.target)
        )
    if not parts:
        parts.append(how_often(item))
    return " · ".join(parts)


def details_text(item: Homework) -> str:
    """How often, where it is counted from, and until when: "3 times a week · until Fri 20 Mar"."""
    parts = [how_often(item)]
    source = counted_from(item.counts)
    if source:
        parts.append(source)
    if item.last_day is not None:
        parts.append(_("until {day}").format(day=short_day(item.last_day)))
    return " · ".join(parts)


def shown_this_week(item: Homework, today: date) -> bool:
    """Whether Today lists it: not over before this week began."""
    last = item.last_day
    return last is None or last >= monday_of(today)
