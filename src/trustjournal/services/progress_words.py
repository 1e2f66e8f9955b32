"""A reached step or goal in one sentence with its numbers, for Today, Insights and summaries."""

from __future__ import annotations

from enum import Enum

from trustjournal.core.between import Goal, Progress, ProgressKind
from trustjournal.core.i18n import _, ngettext


class Voice(Enum):
    """Who is speaking: the app to the person (Today, Insights), or the person in a summary.

    A summary is written in the person's own words ("What I am working towards"), so it says
    "I did step 2 of 3"; the app says "You did step 2 of 3". The numbers and the choice of
    sentence are the same; only the pronoun differs, and each language words that itself.
    """

    YOU = "you"
    I = "i"  # noqa: E741 (the first person, as a summary speaks)


def reached_text(record: Progress, goal: Goal | None, *, voice: Voice) -> str:
    """One sentence for a reached step or goal (not a milestone), e.g. "You did step 2 of 3
    towards “Talk calmly”: “Book an hour”."

    Args:
        record: a STEP or GOAL record of the progress list.
        goal: the goal it belongs to, if it is still there (else the record's own title says it).
        voice: who is speaking.
    """
    you = voice is Voice.YOU
    if record.what is ProgressKind.GOAL:
        title = goal.title if goal else record.title
        said = _("You reached your goal “{goal}”.") if you else _("I reached my goal “{goal}”.")
        return said.format(goal=title)
    if goal is None:
        said = _("You did a step: “{step}”.") if you else _("I did a step: “{step}”.")
        return said.format(step=record.title)
    if record.step is None or not 1 <= record.step <= len(goal.steps):
        said = (
            _("You did a step towards “{goal}”: “{step}”.")
            if you
            else _("I did a step towards “{goal}”: “{step}”.")
        )
        return said.format(goal=goal.title, step=record.title)
    total = len(goal.steps)
    said = (
        ngettext(
            "You did step {number} of {total} towards “{goal}”: “{step}”.",
            "You did step {number} of {total} towards “{goal}”: “{step}”.",
            total,
        )
        if you
        else ngettext(
            "I did step {number} of {total} towards “{goal}”: “{step}”.",
            "I did step {number} of {total} towards “{goal}”: “{step}”.",
            total,
        )
    )
    return said.format(number=record.step, total=total, goal=goal.title, step=record.title)
