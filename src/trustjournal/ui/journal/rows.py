"""What one timeline row shows (summary, time, marks, spoken text), worked out once per entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from trustjournal.core.entries import Entry, GratitudeEntry, TriggerRecord
from trustjournal.core.i18n import _, format_date
from trustjournal.core.wording import first_line, intensity_span, kind_label, summarise
from trustjournal.services.gratitude import gratitude_summary

ROW_TEXT = 240  # characters of a summary kept: the row elides by width, and a search hit
# further along must still be there to be shown
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


def row_summary(entry: Entry) -> str:
    """The one-line summary of a timeline row (gratitude says whom and whether it was told)."""
    if isinstance(entry, GratitudeEntry):
        return gratitude_summary(entry, ROW_TEXT)
    if isinstance(entry, TriggerRecord):
        return trigger_summary(entry)
    return summarise(entry, ROW_TEXT)


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


def entry_view(entry: Entry) -> RowView:
    """The row view of an entry: each string computed once, here."""
    summary = row_summary(entry)
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
