"""The Summary: pure, frozen data that every renderer (preview, Markdown, HTML, PDF) draws from.

Every string in a Summary is plain text. Renderers must show each one literally (escaped),
whether it came from the person's entries or from TrustJournal's own wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from trustjournal.core.entries import EntryKind
from trustjournal.core.periods import Period
from trustjournal.services.export.request import Audience, Section

if TYPE_CHECKING:  # shared_charts words its figures with text, which reads this module
    from trustjournal.services.export.shared_charts import SharedChart


@dataclass(frozen=True)
class Field:
    """One labelled piece of an entry, e.g. ("What happened", "…")."""

    label: str
    text: str


@dataclass(frozen=True)
class Item:
    """One chosen entry as it appears in a section: a heading line, its moment, its fields."""

    entry_id: int
    kind: EntryKind
    occurred_at: datetime
    heading: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Part:
    """Something shown that is not an entry (a homework item, a goal): a heading, its fields."""

    heading: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Group:
    """A titled run of parts after a section's entries, e.g. "Homework" with its items."""

    title: str
    intro: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class SummarySection:
    """A titled part of the summary with its entries (and a short plain-text intro).

    `groups` follow the entries: what belongs to the section without being an entry
    (the sessions section's homework and goals). Renderers show them after the items.
    """

    key: Section
    title: str
    intro: str
    items: tuple[Item, ...]
    groups: tuple[Group, ...] = ()


@dataclass(frozen=True)
class Figures:
    """Figures over the chosen mood check-ins and the counts of every chosen kind."""

    mood_count: int
    mood_avg: float | None
    mood_min: int | None
    mood_max: int | None
    connection_avg: float | None
    trust_avg: float | None
    gratitude_count: int
    trigger_count: int
    statement_count: int = 0
    together_count: int = 0
    reflection_count: int = 0
    session_count: int = 0


@dataclass(frozen=True)
class ChartSeries:
    """One line of the chart: daily averages (downsampled if long) and the period average."""

    name: str
    points: tuple[tuple[date, float], ...]
    average: float | None
    low: int
    high: int


@dataclass(frozen=True)
class Chart:
    """Mood, connection and trust over the period."""

    start: date
    end: date
    series: tuple[ChartSeries, ...]

    @property
    def is_empty(self) -> bool:
        """Whether no series has a point."""
        return not any(s.points for s in self.series)


@dataclass(frozen=True)
class CopingRow:
    """How a coping strategy went in the chosen trigger records."""

    strategy: str
    uses: int
    with_after: int
    avg_drop: float | None


@dataclass(frozen=True)
class Patterns:
    """What stands out across the chosen trigger records."""

    record_count: int
    top_categories: tuple[tuple[str, int], ...]
    coping: tuple[CopingRow, ...]
    intensity_avg: float | None
    intensity_after_avg: float | None


@dataclass(frozen=True)
class Candidate:
    """One entry the composer offers (private entries never are), and whether it is included.

    `hard_moment` marks a trigger record written in the last 24 hours at intensity 8 or more,
    so the composer can show a gentle marker; renderers never show candidates. A candidate
    carries no text, so a Summary holds no word of an entry that was left out (the composer
    reads the labels from the store).
    """

    entry_id: int
    kind: EntryKind
    occurred_at: datetime
    included: bool
    hard_moment: bool


@dataclass(frozen=True)
class Summary:
    """Everything one export shows, built from exactly the chosen entries.

    Attributes:
        title: e.g. "Summary for my therapist".
        audience: whom it is for.
        period: the local days covered.
        made_on: the day it was built.
        note: the free "what I want to say" text (may be empty).
        figures: mood figures and counts, or None when the mood section is off.
        chart: the mood/connection/trust chart, or None when the mood section is off.
        patterns: trigger patterns, or None when that section is off.
        sections: the sections with entries, in display order.
        entry_ids: every entry that contributed anything (figures, chart, patterns, items).
        candidates: every entry offered for choosing, in time order (for the composer).
        language: the language it is written in (may differ from the UI's).
        charts: charts added from Insights, computed from the included entries only.
    """

    title: str
    audience: Audience
    period: Period
    made_on: date
    note: str
    figures: Figures | None
    chart: Chart | None
    patterns: Patterns | None
    sections: tuple[SummarySection, ...]
    entry_ids: frozenset[int]
    candidates: tuple[Candidate, ...]
    language: str = "en"
    charts: tuple[SharedChart, ...] = ()

    def section(self, key: Section) -> SummarySection | None:
        """The section with this key, if included."""
        return next((s for s in self.sections if s.key == key), None)
