"""Build a Summary from exactly the chosen entries: ExportRequest → Summary (DESIGN.md §5)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Protocol

from trustjournal.core import i18n
from trustjournal.core.entries import (
    Entry,
    EntryKind,
    GratitudeEntry,
    MoodCheckIn,
    QualityTime,
    Reflection,
    Statement,
    TriggerRecord,
)
from trustjournal.core.entries_session import TherapySession
from trustjournal.core.i18n import _, pgettext
from trustjournal.core.query import EntryQuery
from trustjournal.services.export import figures as fig
from trustjournal.services.export import items_between as between
from trustjournal.services.export.between_source import BetweenSource
from trustjournal.services.export.items import gratitude_item, mood_item, session_item, trigger_item
from trustjournal.services.export.items_progress import added_chart, progress_group, reached_in
from trustjournal.services.export.items_written import together_intro, written_items
from trustjournal.services.export.model import Candidate, Item, Summary, SummarySection
from trustjournal.services.export.request import Audience, ExportRequest, Section
from trustjournal.services.export.shared_charts import ChartKind, chart_kinds, chosen_kinds

PAGE = 2000  # entries fetched per query
HARD_INTENSITY = 8
HARD_WINDOW = timedelta(hours=24)

ORDER: tuple[Section, ...] = (
    Section.MOOD,
    Section.SESSION,
    Section.SESSIONS,
    Section.PATTERNS,
    Section.TRIGGERS,
    Section.NOTES,
    Section.GRATITUDE,
    Section.STATEMENTS,
    Section.TOGETHER,
    Section.REFLECTIONS,
)


def _section_texts() -> dict[Section, tuple[str, str]]:
    """Each section's title and intro in the language being spoken."""
    return {
        Section.MOOD: (_("Mood, connection and trust"), _("Daily averages of my check-ins.")),
        Section.SESSION: (_("For our next session"), _("Moments I want to talk about.")),
        Section.PATTERNS: (
            pgettext("summary section", "Patterns"),
            _("What stands out across the hard moments in this summary."),
        ),
        Section.TRIGGERS: (_("Hard moments"), _("What set me off, and what I did with it.")),
        Section.NOTES: (
            _("Check-in notes"),
            _("Check-ins where I wrote a note or named feelings."),
        ),
        Section.GRATITUDE: (pgettext("summary section", "Gratitude"), _("Things I appreciated.")),
        Section.STATEMENTS: (
            _("Things I want to say"),
            _("What I feel and need, said as I would like to say it, and how it went."),
        ),
        Section.TOGETHER: (_("Time together"), _("Time we spent together.")),
        Section.REFLECTIONS: (
            pgettext("summary section", "Reflections"),
            _("Things I wrote and chose to share, one by one."),
        ),
        Section.SESSIONS: (_("Sessions, homework and goals"), ""),  # its intro counts sessions
    }


def section_text(section: Section, audience: Audience) -> tuple[str, str]:
    """A section's title and intro, in the words that fit whom the summary is for."""
    # A summary for myself has no "our" session: the heading that names one says "my".
    if audience == Audience.SELF and section == Section.SESSION:
        return (_("For my next session"), _("Moments I want to talk about."))
    return _section_texts()[section]


class EntrySource(Protocol):
    """What building a summary needs from the store (EntryRepository provides it)."""

    def list(self, query: EntryQuery, *, limit: int = ..., offset: int = ...) -> list[Entry]:
        """One page of matching entries."""
        ...


def _kinds(sections: frozenset[Section], charts: tuple[str, ...] = ()) -> frozenset[EntryKind]:
    kinds: set[EntryKind] = set(chart_kinds(charts))
    if sections & {Section.MOOD, Section.NOTES}:
        kinds.add(EntryKind.MOOD)
    if Section.GRATITUDE in sections:
        kinds.add(EntryKind.GRATITUDE)
    if sections & {Section.TRIGGERS, Section.PATTERNS, Section.SESSION}:
        kinds.add(EntryKind.TRIGGER)
    for section, kind in _WRITTEN.items():
        if section in sections:
            kinds.add(kind)
    return frozenset(kinds)


_WRITTEN = {
    Section.STATEMENTS: EntryKind.STATEMENT,
    Section.TOGETHER: EntryKind.QUALITY_TIME,
    Section.REFLECTIONS: EntryKind.REFLECTION,
    Section.SESSIONS: EntryKind.SESSION,
}


def is_offered(entry: Entry, sections: frozenset[Section], charts: tuple[str, ...] = ()) -> bool:
    """Whether an entry contributes to any chosen section or added chart (private entries
    never do)."""
    if entry.private:
        return False
    if entry.kind in chart_kinds(charts):
        return True
    if isinstance(entry, MoodCheckIn):
        return Section.MOOD in sections or (
            Section.NOTES in sections and bool(entry.note.strip() or entry.emotions)
        )
    if isinstance(entry, GratitudeEntry):
        return Section.GRATITUDE in sections
    if isinstance(entry, TriggerRecord):
        return bool(sections & {Section.TRIGGERS, Section.PATTERNS}) or (
            Section.SESSION in sections and entry.for_session
        )
    return any(section in sections and entry.kind is kind for section, kind in _WRITTEN.items())


def is_included(entry: Entry, request: ExportRequest) -> bool:
    """Whether an offered entry is in the summary: not left out, and a reflection only when
    it was chosen one by one."""
    if entry.id in request.excluded_ids:
        return False
    return not isinstance(entry, Reflection) or entry.id in request.reflection_ids


def offered_entries(source: EntrySource, request: ExportRequest) -> list[Entry]:
    """Every non-private entry of the period that the chosen sections could show, oldest first.

    Raises:
        UserFacingError: if the store cannot be read.
    """
    kinds = _kinds(request.sections, request.charts)
    if not kinds:
        return []
    query = EntryQuery(kinds=kinds, period=request.period, include_private=False)
    found: list[Entry] = []
    while True:
        page = source.list(query, limit=PAGE, offset=len(found))
        found.extend(page)
        if len(page) < PAGE:
            break
    offered = [e for e in found if is_offered(e, request.sections, request.charts)]
    offered.sort(key=lambda e: (e.occurred_at, e.id or 0))
    return offered


def _is_hard_moment(entry: Entry, now: datetime) -> bool:
    if not isinstance(entry, TriggerRecord) or entry.intensity < HARD_INTENSITY:
        return False
    written = entry.created_at or entry.occurred_at
    return now - HARD_WINDOW <= written <= now + HARD_WINDOW


def _candidates(
    offered: Sequence[Entry], request: ExportRequest, now: datetime
) -> tuple[Candidate, ...]:
    return tuple(
        Candidate(
            entry_id=e.id or 0,
            kind=e.kind,
            occurred_at=e.occurred_at,
            included=is_included(e, request),
            hard_moment=_is_hard_moment(e, now),
        )
        for e in offered
    )


def _items(section: Section, chosen: Sequence[Entry], request: ExportRequest) -> tuple[Item, ...]:
    fields = request.trigger_fields
    if section == Section.NOTES:
        return tuple(
            mood_item(e)
            for e in chosen
            if isinstance(e, MoodCheckIn) and (e.note.strip() or e.emotions)
        )
    if section == Section.GRATITUDE:
        return tuple(gratitude_item(e) for e in chosen if isinstance(e, GratitudeEntry))
    if section == Section.TRIGGERS:
        return tuple(trigger_item(e, fields) for e in chosen if isinstance(e, TriggerRecord))
    if section in _WRITTEN:
        return written_items(section, chosen)
    if section == Section.SESSION:
        return tuple(
            session_item(e, fields)
            for e in chosen
            if isinstance(e, TriggerRecord) and e.for_session
        )
    return ()


def _section(
    key: Section,
    chosen: Sequence[Entry],
    request: ExportRequest,
    between_source: BetweenSource | None,
) -> SummarySection:
    title, intro = section_text(key, request.audience)
    if key == Section.TOGETHER:  # its figures count only the time together it includes
        intro = together_intro([e for e in chosen if isinstance(e, QualityTime)])
    if key != Section.SESSIONS:
        return SummarySection(key, title, intro, _items(key, chosen, request))
    items = tuple(between.session_item(e) for e in chosen if isinstance(e, TherapySession))
    groups = []
    if between_source is not None:
        ids = {e.id for e in chosen if e.id is not None}
        kinds = _kinds(request.sections, request.charts)
        homework = between.homework_group(
            between_source, request.period, chosen_ids=ids, shared_kinds=kinds
        )
        goals = between.goals_group(between_source, request.period)
        # The progress list shows once: where the person put it with "Add to Share", else here.
        reached = None
        if ChartKind.REACHED not in chosen_kinds(list(request.charts)):
            reached = progress_group(reached_in(between_source, request.period))
        groups = [g for g in (homework, goals, reached) if g is not None]
    return SummarySection(key, title, between.sessions_intro(len(items)), items, tuple(groups))


def build_summary(
    source: EntrySource,
    request: ExportRequest,
    *,
    now: datetime,
    between_source: BetweenSource | None = None,
) -> Summary:
    """The summary of exactly the chosen entries.

    Args:
        source: the entry store.
        request: the person's choices.
        now: the current moment, aware, in the local offset (for `made_on` and hard moments).
        between_source: homework and goals for the sessions section (without it, that section
            shows the chosen sessions only).

    Returns:
        A Summary whose `entry_ids` are the offered entries of the period minus those left out.

    Raises:
        UserFacingError: if the store cannot be read.
    """
    with i18n.speaking(request.language) as language:
        return _build(source, request, now, language, between_source)


def _build(
    source: EntrySource,
    request: ExportRequest,
    now: datetime,
    language: str,
    between_source: BetweenSource | None,
) -> Summary:
    start, end = request.period.start, request.period.end
    if start is None or end is None:  # ExportRequest forbids it; kept for the type checker
        raise ValueError("a summary needs a closed period")
    offered = offered_entries(source, request)
    chosen = [e for e in offered if is_included(e, request)]
    moods = [e for e in chosen if isinstance(e, MoodCheckIn)]
    records = [e for e in chosen if isinstance(e, TriggerRecord)]
    grateful = sum(isinstance(e, GratitudeEntry) for e in chosen)
    together = [e for e in chosen if isinstance(e, QualityTime)]
    mood_on = Section.MOOD in request.sections
    sections = tuple(
        _section(key, chosen, request, between_source) for key in ORDER if key in request.sections
    )
    return Summary(
        title=request.title,
        audience=request.audience,
        period=request.period,
        made_on=now.date(),
        note=request.note,
        figures=(
            replace(
                fig.figures(moods, gratitude_count=grateful, trigger_count=len(records)),
                statement_count=sum(isinstance(e, Statement) for e in chosen),
                together_count=len(together),
                reflection_count=sum(isinstance(e, Reflection) for e in chosen),
                session_count=sum(isinstance(e, TherapySession) for e in chosen),
            )
            if mood_on
            else None
        ),
        chart=fig.chart(moods, start=start, end=end) if mood_on else None,
        patterns=fig.patterns(records) if Section.PATTERNS in request.sections else None,
        sections=sections,
        entry_ids=frozenset(e.id for e in chosen if e.id is not None),
        candidates=_candidates(offered, request, now),
        language=language,
        charts=tuple(
            added_chart(k, chosen, request.period, between_source)
            for k in chosen_kinds(list(request.charts))
        ),
    )
