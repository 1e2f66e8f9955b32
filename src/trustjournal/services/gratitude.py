"""Gratitude helpers: the prompt of the day, and how a gratitude entry reads in a list."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from trustjournal.core.entries import About, GratitudeEntry
from trustjournal.core.i18n import _, format_date, pgettext
from trustjournal.core.wording import SUMMARY_WIDTH, first_line

SHUFFLE_SEED = 20260314  # fixed, so every install shows the same prompt on the same day


def prompt_of_the_day(prompts: Sequence[str], today: date, *, skip: int = 0) -> str:
    """The prompt for `today`: the same all day, a different one the next day.

    The prompts are walked one a day in a fixed shuffled order, so neighbouring days never
    repeat a prompt and every prompt comes round before any comes back.

    Args:
        prompts: the shipped prompts, in file order.
        today: the local day.
        skip: how many prompts the person skipped today ("Another prompt").

    Returns:
        The prompt, or "" if there are none.
    """
    if not prompts:
        return ""
    order = list(range(len(prompts)))
    random.Random(SHUFFLE_SEED).shuffle(order)
    return prompts[order[(today.toordinal() + skip) % len(order)]]


def about_label(about: About | None) -> str:
    """Who it is about as a label says it ("My partner", "Us"), or "" when not said."""
    if about is None:
        return ""
    labels = {
        About.PARTNER: _("My partner"),
        About.US: _("Us"),
        About.MYSELF: _("Myself"),
        About.SOMEONE: _("Someone else"),
        About.LIFE: _("Life"),
    }
    return labels[about]


def told_phrase(entry: GratitudeEntry) -> str:
    """Whether and when it was told: "told them 12 Mar", "told them", or "" if not yet."""
    if entry.expressed_on is not None:
        # Translators: a CLDR date pattern, day and short month ("12 Mar")
        day = format_date(entry.expressed_on, pgettext("date pattern", "d MMM"))
        return _("told them %(day)s") % {"day": day}
    return _("told them") if entry.expressed else ""


def gratitude_summary(entry: GratitudeEntry, width: int = SUMMARY_WIDTH) -> str:
    """One line for a timeline row: whom it is about, the first line, and whether it was told."""
    parts = [p for p in (about_label(entry.about), first_line(entry.text, width)) if p]
    text = " — ".join(parts)
    told = told_phrase(entry)
    return f"{text} · {told}" if told else text
