"""Chosen entries as summary items: only the fields the person chose, in plain words.

Called inside `i18n.speaking(summary language)`: every word here is in the summary's language.
"""

from __future__ import annotations

from collections.abc import Collection

from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.i18n import _, format_date, pgettext
from trustjournal.core.wording import ABOUT_WORDS, INTENSITY_WORDS, MOOD_WORDS
from trustjournal.services.export.model import Field, Item
from trustjournal.services.export.request import TriggerField
from trustjournal.services.export.words import word


def _trigger_text() -> tuple[tuple[TriggerField, str, str], ...]:
    """Trigger fields in display order with their labels (SITUATION and INTENSITY are special)."""
    return (
        (TriggerField.THOUGHTS, "thoughts", _("What I thought")),
        (TriggerField.BODY, "body", _("In my body")),
        (TriggerField.URGE, "urge", _("What I felt like doing")),
        (TriggerField.RESPONSE, "response", _("What I did")),
    )


def score_text(value: int) -> str:
    """E.g. "7 of 10"."""
    return _("%(score)s of 10") % {"score": value}


def _id(entry: MoodCheckIn | GratitudeEntry | TriggerRecord) -> int:
    if entry.id is None:
        raise ValueError("only saved entries can be exported")
    return entry.id


def _field(label: str, text: str) -> list[Field]:
    return [Field(label, text)] if text.strip() else []


def intensity_text(before: int, after: int | None) -> str:
    """E.g. "8 → 3 of 10 (intense, then mild)", "4 of 10 before and after (noticeable)"."""
    then = word(INTENSITY_WORDS[before])
    if after is None:
        return _("%(before)s of 10 (%(word)s)") % {"before": before, "word": then}
    if after == before:
        return _("%(before)s of 10 before and after (%(word)s)") % {"before": before, "word": then}
    return _("%(before)s → %(after)s of 10 (%(word)s, then %(after_word)s)") % {
        "before": before,
        "after": after,
        "word": then,
        "after_word": word(INTENSITY_WORDS[after]),
    }


def mood_heading(entry: MoodCheckIn) -> str:
    """E.g. "Mood 7 of 10, good"."""
    return _("Mood %(score)s of 10, %(word)s") % {
        "score": entry.mood,
        "word": word(MOOD_WORDS[entry.mood]),
    }


def mood_item(entry: MoodCheckIn) -> Item:
    """A mood check-in for the notes section: scores, feelings and the note."""
    fields: list[Field] = []
    if entry.connection is not None:
        fields.append(Field(_("Connection"), score_text(entry.connection)))
    if entry.trust is not None:
        fields.append(Field(_("Trust"), score_text(entry.trust)))
    if entry.emotions:
        fields.append(Field(_("Feelings"), ", ".join(entry.emotions)))
    fields += _field(pgettext("check-in", "Note"), entry.note)
    return Item(_id(entry), entry.kind, entry.occurred_at, mood_heading(entry), tuple(fields))


def gratitude_item(entry: GratitudeEntry) -> Item:
    """A gratitude entry: what I appreciate, about whom, and whether I told them."""
    heading = pgettext("summary section", "Gratitude")
    if entry.about is not None:
        heading = _("Gratitude · about %(whom)s") % {"whom": word(ABOUT_WORDS[entry.about])}
    fields = [Field(_("I appreciate"), entry.text)]
    if entry.expressed:
        day = entry.expressed_on
        told = _("Yes") if day is None else _("Yes, on %(day)s") % {"day": format_date(day, "long")}
        fields.append(Field(_("Told them"), told))
    return Item(_id(entry), entry.kind, entry.occurred_at, heading, tuple(fields))


def trigger_heading(entry: TriggerRecord, chosen: Collection[TriggerField]) -> str:
    """ "Hard moment", with its category when what happened is shared."""
    if TriggerField.SITUATION in chosen and entry.category:
        return _("Hard moment · %(category)s") % {"category": entry.category}
    return _("Hard moment")


def trigger_item(entry: TriggerRecord, chosen: Collection[TriggerField]) -> Item:
    """A trigger record with only the chosen fields."""
    fields: list[Field] = []
    if TriggerField.SITUATION in chosen:
        fields += _field(_("What happened"), entry.situation)
    if TriggerField.INTENSITY in chosen:
        fields.append(Field(_("Intensity"), intensity_text(entry.intensity, entry.intensity_after)))
    if TriggerField.EMOTIONS in chosen and entry.emotions:
        fields.append(Field(_("Feelings"), ", ".join(entry.emotions)))
    for key, attr, label in _trigger_text():
        if key in chosen:
            fields += _field(label, getattr(entry, attr))
    if TriggerField.COPING in chosen and entry.coping:
        fields.append(Field(_("What helped me cope"), ", ".join(entry.coping)))
    if TriggerField.NEED in chosen:
        fields += _field(_("What I need"), entry.need)
    heading = trigger_heading(entry, chosen)
    return Item(_id(entry), entry.kind, entry.occurred_at, heading, tuple(fields))


def session_item(entry: TriggerRecord, chosen: Collection[TriggerField]) -> Item:
    """A topic for the next session: what happened and what I need, if those are shared."""
    fields: list[Field] = []
    if TriggerField.SITUATION in chosen:
        fields += _field(_("What happened"), entry.situation)
    if TriggerField.NEED in chosen:
        fields += _field(_("What I need"), entry.need)
    heading = _("To talk about")
    if TriggerField.SITUATION in chosen and entry.category:
        heading = _("To talk about · %(category)s") % {"category": entry.category}
    return Item(_id(entry), entry.kind, entry.occurred_at, heading, tuple(fields))
