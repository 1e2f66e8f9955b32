"""What one timeline row shows (summary, time, marks, spoken text), worked out once per entry."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from trustjournal.core.entries import (
    Entry,
    GratitudeEntry,
    Reflection,
    TriggerRecord,
    searchable_text,
)
from trustjournal.core.i18n import _, format_date
from trustjournal.core.wording import first_line, intensity_span, kind_label, summarise
from trustjournal.services.gratitude import gratitude_summary

ROW_TEXT = 240  # characters of a summary kept: the row elides by width, and a search hit
# further along must still be there to be shown
HIT_BEFORE = 24  # characters shown before a search hit deep in an entry's text
STILL_TO_FINISH = "still to finish"
FOR_SESSION = "for my session"


def day_heading(day: date) -> str:
    """A day as a heading: "Saturday 14 March 2026", in the language's words and order."""
    # Translators: a CLDR date pattern for a day's heading in the Journal (EEEE weekday,
    # d day, MMMM month, y year), e.g. "EEEE, d. MMMM y".
    return format_date(day, _("EEEE d MMMM y"))


def trigger_summary(entry: TriggerRecord) -> str:
    """ "7 → 3 of 10 · Category · what happened" (the category only when there is one)."""
    parts = [intensity_span(entry.intensity, entry.intensity_after)]
    if entry.category:
        parts.append(entry.category)
    parts.append(first_line(entry.situation, ROW_TEXT))
    return " · ".join(parts)


# Markdown's marks at a line's start (heading, quote, list item) and around emphasis: a row
# shows the words, not the marks ("**Today** I…" reads "Today I…").
_BLOCK_MARK = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)+")
_EMPHASIS = re.compile(
    r"\*\*|__|~~|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)"
)


def plain_line(markdown: str, width: int = ROW_TEXT) -> str:
    """The first line of Markdown text with its marks taken off, as words to show in a row."""
    for line in markdown.splitlines():
        words = _EMPHASIS.sub("", _BLOCK_MARK.sub("", line)).strip()
        if words:
            return first_line(words, width)
    return ""


def reflection_summary(entry: Reflection) -> str:
    """ "Title · the first words of the body", or only the first words when it has no title."""
    body = plain_line(entry.body)
    title = first_line(entry.title, ROW_TEXT)
    return " · ".join(part for part in (title, body) if part)


def row_summary(entry: Entry) -> str:
    """The one-line summary of a timeline row (gratitude says whom and whether it was told)."""
    if isinstance(entry, GratitudeEntry):
        return gratitude_summary(entry, ROW_TEXT)
    if isinstance(entry, TriggerRecord):
        return trigger_summary(entry)
    if isinstance(entry, Reflection):
        return reflection_summary(entry)
    return summarise(entry, ROW_TEXT)


def hit_passage(entry: Entry, summary: str, terms: Sequence[str]) -> str:
    """A few words around the first search hit, when the summary does not show one.

    A reflection may be 100 000 words long and match on its last page: the row then shows
    where ("… walked by the river and talked"), not only its first line.
    """
    patterns = [re.compile(r"(?<!\w)" + re.escape(t), re.IGNORECASE) for t in terms if t.strip()]
    if not patterns or any(p.search(summary) for p in patterns):
        return ""
    text = searchable_text(entry)
    found = [m for p in patterns if (m := p.search(text))]
    if not found:
        return ""
    start = min(m.start() for m in found)
    line_start = text.rfind("\n", 0, start) + 1
    lead = max(line_start, text.rfind(" ", line_start, max(line_start, start - HIT_BEFORE)) + 1)
    passage = plain_line(text[lead : lead + ROW_TEXT])
    return passage if lead == line_start else "…" + passage


def row_marks(entry: Entry) -> tuple[str, ...]:
    """Short flags drawn at the end of a row: a trigger record still to finish, or flagged."""
    if not isinstance(entry, TriggerRecord):
        return ()
    marks = (_(STILL_TO_FINISH),) if entry.unfinished else ()
    return (*marks, _(FOR_SESSION)) if entry.for_session else marks


@dataclass(frozen=True, slots=True)
class RowView:
    """Everything a timeline row paints and says, so painting never works it out again.

    Attributes:
        header: whether the row is a day heading (then only `text` is set).
        text: the row as one line for DisplayRole and screen readers.
        kind: the entry's kind value ("mood", "gratitude", ...).
        time: the time of day, "09:30".
        summary: the one-line summary (plain text, drawn literally).
        marks: short flags drawn at the row's end.
    """

    header: bool
    text: str
    kind: str = ""
    time: str = ""
    summary: str = ""
    marks: tuple[str, ...] = ()


def heading_view(day: date) -> RowView:
    """The row view of a day heading."""
    return RowView(header=True, text=day_heading(day))


def entry_view(entry: Entry, terms: Sequence[str] = ()) -> RowView:
    """The row view of an entry: each string computed once, here.

    Args:
        entry: the entry of the row.
        terms: the words searched for; a hit the summary does not show is added after it.
    """
    summary = row_summary(entry)
    passage = hit_passage(entry, summary, terms) if terms else ""
    if passage:
        summary = f"{summary} · {passage}" if summary else passage
    marks = row_marks(entry)
    time = f"{entry.occurred_at:%H:%M}"
    spoken_marks = "".join(f" ({mark})" for mark in marks)
    return RowView(
        header=False,
        text=f"{kind_label(entry)}, {time}: {summary}{spoken_marks}",
        kind=str(entry.kind.value),
        time=time,
        summary=summary,
        marks=marks,
    )
