"""Chosen entries as summary items: only the fields the person chose, in plain words."""

from __future__ import annotations

from collections.abc import Collection

from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.wording import ABOUT_WORDS, INTENSITY_WORDS, MOOD_WORDS, intensity_span
from trustjournal.services.export.model import Field, Item
from trustjournal.services.export.request import TriggerField

# Trigger fields in display order with their labels (SITUATION and INTENSITY are special).
_TRIGGER_TEXT: tuple[tuple[TriggerField, str, str], ...] = (
    (TriggerField.THOUGHTS, "thoughts", "What I thought"),
    (TriggerField.BODY, "body", "In my body"),
    (TriggerField.URGE, "urge", "What I felt like doing"),
    (TriggerField.RESPONSE, "response", "What I did"),
)


def _id(entry: MoodCheckIn | GratitudeEntry | TriggerRecord) -> int:
    if entry.id is None:
        raise ValueError("only saved entries can be exported")
    return entry.id


def _field(label: str, text: str) -> list[Field]:
    return [Field(label, text)] if text.strip() else []


def intensity_text(before: int, after: int | None) -> str:
    """E.g. "8 → 3 of 10 (intense, then mild)", "4 of 10 before and after (noticeable)"."""
    words = INTENSITY_WORDS[before]
    if after is not None and after != before:
        words += f", then {INTENSITY_WORDS[after]}"
    return f"{intensity_span(before, after)} ({words})"


def mood_heading(entry: MoodCheckIn) -> str:
    """E.g. "Mood 7 of 10, good"."""
    return f"Mood {entry.mood} of 10, {MOOD_WORDS[entry.mood]}"


def mood_item(entry: MoodCheckIn) -> Item:
    """A mood check-in for the notes section: scores, feelings and the note."""
    fields: list[Field] = []
    if entry.connection is not None:
        fields.append(Field("Connection", f"{entry.connection} of 10"))
    if entry.trust is not None:
        fields.append(Field("Trust", f"{entry.trust} of 10"))
    if entry.emotions:
        fields.append(Field("Feelings", ", ".join(entry.emotions)))
    fields += _field("Note", entry.note)
    return Item(_id(entry), entry.kind, entry.occurred_at, mood_heading(entry), tuple(fields))


def gratitude_item(entry: GratitudeEntry) -> Item:
    """A gratitude entry: what I appreciate, about whom, and whether I told them."""
    heading = "Gratitude"
    if entry.about is not None:
        heading += f" · about {ABOUT_WORDS[entry.about]}"
    fields = [Field("I appreciate", entry.text)]
    if entry.expressed:
        day = entry.expressed_on
        told = "Yes" if day is None else f"Yes, on {day.day} {day:%B %Y}"
        fields.append(Field("Told them", told))
    return Item(_id(entry), entry.kind, entry.occurred_at, heading, tuple(fields))


def trigger_heading(entry: TriggerRecord, chosen: Collection[TriggerField]) -> str:
    """ "Hard moment", with its category when what happened is shared."""
    if TriggerField.SITUATION in chosen and entry.category:
        return f"Hard moment · {entry.category}"
    return "Hard moment"


def trigger_item(entry: TriggerRecord, chosen: Collection[TriggerField]) -> Item:
    """A trigger record with only the chosen fields."""
    fields: list[Field] = []
    if TriggerField.SITUATION in chosen:
        fields += _field("What happened", entry.situation)
    if TriggerField.INTENSITY in chosen:
        fields.append(Field("Intensity", intensity_text(entry.intensity, entry.intensity_after)))
    if TriggerField.EMOTIONS in chosen and entry.emotions:
        fields.append(Field("Feelings", ", ".join(entry.emotions)))
    for key, attr, label in _TRIGGER_TEXT:
        if key in chosen:
            fields += _field(label, getattr(entry, attr))
    if TriggerField.COPING in chosen and entry.coping:
        fields.append(Field("What helped me cope", ", ".join(entry.coping)))
    if TriggerField.NEED in chosen:
        fields += _field("What I need", entry.need)
    heading = trigger_heading(entry, chosen)
    return Item(_id(entry), entry.kind, entry.occurred_at, heading, tuple(fields))


def session_item(entry: TriggerRecord, chosen: Collection[TriggerField]) -> Item:
    """A topic for the next session: what happened and what I need, if those are shared."""
    fields: list[Field] = []
    if TriggerField.SITUATION in chosen:
        fields += _field("What happened", entry.situation)
    if TriggerField.NEED in chosen:
        fields += _field("What I need", entry.need)
    heading = "To talk about"
    if TriggerField.SITUATION in chosen and entry.category:
        heading += f" · {entry.category}"
    return Item(_id(entry), entry.kind, entry.occurred_at, heading, tuple(fields))
