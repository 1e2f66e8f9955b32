"""What the person chose to share: audience, period, sections, trigger fields, left-out entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from trustjournal.core import i18n
from trustjournal.core.entries import clean_text
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.core.periods import Period

DEFAULT_DAYS = 30  # the period when nothing has been shared with this audience before


class Audience(StrEnum):
    """Whom a summary is for."""

    THERAPIST = "therapist"
    PARTNER = "partner"
    SELF = "self"


class Section(StrEnum):
    """The parts of a summary, in the order they are shown."""

    MOOD = "mood"  # chart and figures
    NOTES = "notes"  # mood check-ins with their notes
    GRATITUDE = "gratitude"
    TRIGGERS = "triggers"
    PATTERNS = "patterns"  # top categories, coping that lowered intensity most
    SESSION = "session"  # trigger records flagged for the next session
    STATEMENTS = "statements"  # "I" statements
    TOGETHER = "together"  # time together
    REFLECTIONS = "reflections"  # only the reflections named one by one (reflection_ids)
    SESSIONS = "sessions"  # therapy sessions, homework progress and goals (issue 20)


class TriggerField(StrEnum):
    """The parts of a trigger record that can be shared one by one."""

    SITUATION = "situation"  # what happened, with its category
    INTENSITY = "intensity"  # before → after
    EMOTIONS = "emotions"
    THOUGHTS = "thoughts"
    BODY = "body"
    URGE = "urge"
    RESPONSE = "response"
    COPING = "coping"
    NEED = "need"


def language_help() -> str:
    """The CLI's help for --language (kept here, with the summaries' words)."""
    return _("the language the summary is written in, such as de (default: the app's language)")


def audience_title(audience: Audience) -> str:
    """The summary's heading for an audience, in the language being spoken."""
    if audience == Audience.THERAPIST:
        return _("Summary for my therapist")
    if audience == Audience.PARTNER:
        return _("Summary for my partner")
    return _("Summary for myself")


_PARTNER_FIELDS = frozenset(
    {TriggerField.SITUATION, TriggerField.INTENSITY, TriggerField.COPING, TriggerField.NEED}
)


@dataclass(frozen=True)
class AudienceDefaults:
    """The sections and trigger fields an audience starts with (only a starting point)."""

    sections: frozenset[Section]
    trigger_fields: frozenset[TriggerField]


def defaults_for(audience: Audience) -> AudienceDefaults:
    """The starting choices for an audience (the composer and the CLI share them).

    A therapist gets everything but reflections; a partner gets progress, gratitude, "I"
    statements, time together and a gentle view of trigger records (what happened, intensity,
    coping and need; no thoughts, urges or body sensations), without patterns, mood notes or
    sessions, homework and goals; myself gets everything but reflections. Reflections are
    never on by default: free writing is shared only when each one is chosen
    (`ExportRequest.reflection_ids`).
    """
    everything = frozenset(TriggerField)
    if audience == Audience.PARTNER:
        sections = {Section.MOOD, Section.GRATITUDE, Section.TRIGGERS}
        sections |= {Section.STATEMENTS, Section.TOGETHER}
        return AudienceDefaults(frozenset(sections), _PARTNER_FIELDS)
    return AudienceDefaults(frozenset(Section) - {Section.REFLECTIONS}, everything)


def default_period(last_end: date | None, *, today: date) -> Period:
    """Since the last export to the audience (from its last day, inclusive), else 30 days.

    Starting on the last export's final day (not the day after) overlaps by a day rather than
    risking a gap for entries written later that day.
    """
    if last_end is not None:
        return Period(min(last_end, today), today)
    return Period(today - timedelta(days=DEFAULT_DAYS - 1), today)


def since_session(session_day: date, *, today: date) -> Period:
    """ "Since my last session": from the session's own day (so it is in the summary) to today."""
    return Period(min(session_day, today), today)


@dataclass(frozen=True)
class ExportRequest:
    """Every choice behind one summary.

    Attributes:
        audience: whom it is for (sets the title).
        period: the local days covered; both ends required.
        sections: which parts to include.
        trigger_fields: which parts of each trigger record to show.
        excluded_ids: entries left out one by one.
        note: the free "what I want to say" text, shown first.
        language: the language the summary is written in; None means the UI's language.
            Becomes the language actually spoken ("fr" without a catalogue becomes "en").
        charts: Insights charts added to it ("Add to Share"), by their names, in order.
        reflection_ids: the reflections chosen one by one. A reflection is included only when
            its id is here, the REFLECTIONS section is on, and it is not in `excluded_ids`;
            the section alone includes none.
    """

    audience: Audience
    period: Period
    sections: frozenset[Section]
    trigger_fields: frozenset[TriggerField]
    excluded_ids: frozenset[int] = field(default_factory=frozenset)
    note: str = ""
    language: str | None = None
    charts: tuple[str, ...] = ()
    reflection_ids: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.period.start is None or self.period.end is None:
            raise ValidationError(
                _("A summary needs a period with a start and an end."), field="period"
            )
        try:
            object.__setattr__(self, "audience", Audience(self.audience))
            object.__setattr__(self, "sections", frozenset(Section(s) for s in self.sections))
            object.__setattr__(
                self, "trigger_fields", frozenset(TriggerField(f) for f in self.trigger_fields)
            )
        except ValueError:
            raise ValidationError(
                _("That choice is not one of the options."), field="export"
            ) from None
        wanted = i18n.ui_language() if self.language is None else i18n.normalise(self.language)
        if wanted is None:
            raise ValidationError(_("That language is not one of the options."), field="language")
        object.__setattr__(self, "language", i18n.translation_for(wanted)[0])
        object.__setattr__(self, "charts", tuple(dict.fromkeys(str(c) for c in self.charts)))
        object.__setattr__(self, "excluded_ids", frozenset(int(i) for i in self.excluded_ids))
        object.__setattr__(self, "reflection_ids", frozenset(int(i) for i in self.reflection_ids))
        object.__setattr__(self, "note", clean_text(self.note, field_name="note"))

    @classmethod
    def for_audience(cls, audience: Audience, period: Period, **changes: object) -> ExportRequest:
        """A request with the audience's defaults, optionally overriding some choices."""
        defaults = defaults_for(audience)
        values: dict[str, object] = {
            "sections": defaults.sections,
            "trigger_fields": defaults.trigger_fields,
        }
        values.update(changes)
        return cls(audience, period, **values)  # type: ignore[arg-type]

    @property
    def title(self) -> str:
        """The summary's heading in its language, e.g. "Summary for my therapist"."""
        with i18n.speaking(self.language):
            return audience_title(self.audience)
