"""Chosen reflections, "I" statements and time together as summary items, in plain words.

Called inside `i18n.speaking(summary language)`. Text the person wrote is carried as it is
(Markdown too): every renderer shows it literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from trustjournal.core.entries import Entry, QualityTime, Reflection, Statement
from trustjournal.core.i18n import _, format_date, format_number, ngettext
from trustjournal.core.wording import compose_statement, duration_words
from trustjournal.services.export.model import Field, Item
from trustjournal.services.export.request import Section


def _id(entry: Reflection | Statement | QualityTime) -> int:
    if entry.id is None:
        raise ValueError("only saved entries can be exported")
    return entry.id


def _field(label: str, text: str | None) -> list[Field]:
    return [Field(label, text)] if text and text.strip() else []


def reflection_item(entry: Reflection) -> Item:
    """A reflection: its title (or "Reflection"), the prompt it answers, and what I wrote."""
    heading = " ".join(entry.title.split()) or _("Reflection")
    fields = _field(_("Prompt"), entry.prompt) + _field(_("What I wrote"), entry.body)
    return Item(_id(entry), entry.kind, entry.occurred_at, heading, tuple(fields))


def statement_item(entry: Statement) -> Item:
    """An "I" statement as the sentence it composes, its parts, and whether it was said."""
    sentence = compose_statement(entry.feel, entry.when, entry.because, entry.request)
    fields = [Field(_("What I want to say"), sentence)]
    if entry.said:
        day = entry.said_on
        said = _("Yes") if day is None else _("Yes, on %(day)s") % {"day": format_date(day, "long")}
        fields.append(Field(_("Said it"), said))
        fields += _field(_("How it went"), entry.outcome)
        fields += _field(_("How I felt afterwards"), entry.felt_after)
    heading = _("I statement") if entry.said else _("I statement · not said yet")
    return Item(_id(entry), entry.kind, entry.occurred_at, heading, tuple(fields))


def together_item(entry: QualityTime) -> Item:
    """Time together: what we did, for how long, how connected I felt, what I appreciated."""
    fields = _field(_("What we did"), entry.what)
    if entry.minutes is not None:
        fields.append(Field(_("For how long"), duration_words(entry.minutes)))
    if entry.connection is not None:
        score = _("%(score)s of 10") % {"score": entry.connection}
        fields.append(Field(_("How connected I felt"), score))
    fields += _field(_("What I appreciated"), entry.appreciated)
    return Item(_id(entry), entry.kind, entry.occurred_at, _("Time together"), tuple(fields))


def together_intro(chosen: Sequence[QualityTime]) -> str:
    """The time-together section's figures, counted over the chosen entries only."""
    if not chosen:
        return _("Time we spent together.")
    count = len(chosen)
    parts = [
        ngettext("%(count)s time together", "%(count)s times together", count)
        % {"count": format_number(count)}
    ]
    minutes = [e.minutes for e in chosen if e.minutes is not None]
    if minutes:
        parts.append(_("%(duration)s in all") % {"duration": duration_words(sum(minutes))})
    scores = [e.connection for e in chosen if e.connection is not None]
    if scores:
        average = format_number(round(fmean(scores), 1))
        parts.append(_("connection %(average)s of 10 on average") % {"average": average})
    return _("In this summary: %(counts)s.") % {"counts": _(", ").join(parts)}


def written_items(section: Section, chosen: Sequence[Entry]) -> tuple[Item, ...]:
    """The items of the statements, time-together or reflections section."""
    if section == Section.STATEMENTS:
        return tuple(statement_item(e) for e in chosen if isinstance(e, Statement))
    if section == Section.TOGETHER:
        return tuple(together_item(e) for e in chosen if isinstance(e, QualityTime))
    if section == Section.REFLECTIONS:
        return tuple(reflection_item(e) for e in chosen if isinstance(e, Reflection))
    return ()
