"""What the composer's choices say: audiences, sections, trigger fields, languages."""

from __future__ import annotations

from trustjournal.core.i18n import _, pgettext
from trustjournal.services.export.request import Audience, Section, TriggerField


def audience_words() -> dict[Audience, str]:
    """The audience choices, with their mnemonics."""
    return {
        Audience.THERAPIST: _("My &therapist"),
        Audience.PARTNER: _("My &partner"),
        Audience.SELF: _("&Myself"),
    }


def section_words() -> dict[Section, str]:
    """What each section checkbox says."""
    return {
        Section.MOOD: _("Mood summary (chart and figures)"),
        Section.NOTES: _("Notes from my check-ins"),
        Section.GRATITUDE: pgettext("section checkbox", "Gratitude"),
        Section.TRIGGERS: _("Hard moments (trigger records)"),
        Section.PATTERNS: _("Patterns across hard moments"),
        Section.SESSION: _("Topics flagged for the session"),
        Section.STATEMENTS: _("“I” statements I prepared"),
        Section.TOGETHER: _("Time together"),
        Section.REFLECTIONS: _("Reflections, only those I tick below"),
        Section.SESSIONS: _("Sessions, homework and goals"),
    }


SECTIONS_SHOWN = (  # the trigger records last, right above the fields they share
    Section.MOOD,
    Section.NOTES,
    Section.GRATITUDE,
    Section.TOGETHER,
    Section.STATEMENTS,
    Section.REFLECTIONS,
    Section.SESSIONS,
    Section.SESSION,
    Section.TRIGGERS,
    Section.PATTERNS,
)


def field_words() -> dict[TriggerField, str]:
    """What each trigger-field checkbox says, in display order."""
    return {
        TriggerField.SITUATION: _("What happened"),
        TriggerField.INTENSITY: _("Intensity, before → after"),
        TriggerField.EMOTIONS: _("Feelings"),
        TriggerField.THOUGHTS: _("What I thought"),
        TriggerField.BODY: _("In my body"),
        TriggerField.URGE: _("What I felt like doing"),
        TriggerField.RESPONSE: _("What I did"),
        TriggerField.COPING: _("What helped me cope"),
        TriggerField.NEED: _("What I need"),
    }


def language_name(code: str) -> str:
    """A language's name in that language ("English", "Deutsch"), so anyone can find theirs."""
    from babel import Locale

    return str(Locale.parse(code).get_display_name(code) or code).capitalize()
