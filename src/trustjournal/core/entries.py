"""The entry kinds as frozen, self-validating dataclasses (DESIGN.md §2).

Every entry validates and normalises itself on construction, so an invalid entry cannot exist:
text is NFC-normalised and lone surrogates (which cannot be stored) become U+FFFD; tags,
emotions and coping strategies are trimmed and de-duplicated case-insensitively, keeping order.
Error messages name the field, never its text. The envelope and the checks live in entry_base,
the kinds for writing (reflection, statement, time together) in entries_written; both are
re-exported here, so `trustjournal.core.entries` stays the one place to import from.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from trustjournal.core.entries_session import TherapySession
from trustjournal.core.entries_written import (
    QualityTime,
    Reflection,
    Statement,
)
from trustjournal.core.entry_base import (
    FIELD_NAMES,
    MAX_BODY,
    MAX_MINUTES,
    MAX_NAME,
    MAX_NAMES,
    MAX_TEXT,
    About,
    EntryBase,
    EntryKind,
    check_date,
    check_scale,
    clean_names,
    clean_text,
    field_label,
)
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _

__all__ = [
    "ENTRY_TYPES",
    "FIELD_NAMES",
    "MAX_BODY",
    "MAX_MINUTES",
    "MAX_NAME",
    "MAX_NAMES",
    "MAX_TEXT",
    "TEXT_FIELDS",
    "About",
    "Entry",
    "EntryBase",
    "EntryKind",
    "EntryType",
    "GratitudeEntry",
    "MoodCheckIn",
    "QualityTime",
    "Reflection",
    "Statement",
    "TherapySession",
    "TriggerRecord",
    "check_date",
    "check_scale",
    "clean_names",
    "clean_text",
    "field_label",
    "field_names",
    "searchable_text",
]


@dataclass(frozen=True, kw_only=True)
class MoodCheckIn(EntryBase):
    """How I feel: mood 1–10, emotions, and optionally closeness and trust 0–10."""

    mood: int
    emotions: tuple[str, ...] = ()
    connection: int | None = None
    trust: int | None = None
    note: str = ""

    def __post_init__(self) -> None:
        self._set("kind", EntryKind.MOOD)
        super().__post_init__()
        check_scale(self.mood, field_name="mood", low=1, high=10, required=True)
        check_scale(self.connection, field_name="connection", low=0, high=10)
        check_scale(self.trust, field_name="trust", low=0, high=10)
        self._set("emotions", clean_names(self.emotions, field_name="emotions"))
        self._text("note", "note")


@dataclass(frozen=True, kw_only=True)
class GratitudeEntry(EntryBase):
    """Something I appreciate, whom it is about, and whether (and when) I told them."""

    text: str
    about: About | None = None
    expressed: bool = False
    expressed_on: date | None = None
    prompt: str | None = None

    def __post_init__(self) -> None:
        self._set("kind", EntryKind.GRATITUDE)
        super().__post_init__()
        self._text("text", "gratitude", required=True)
        if self.about is not None:
            try:
                self._set("about", About(self.about))
            except ValueError:
                raise ValidationError(
                    _("{field} is not one of the choices.").format(field=field_label("about")),
                    field="about",
                ) from None
        self._set("expressed", bool(self.expressed or self.expressed_on is not None))
        check_date(self.expressed_on, field_name="expressed_on")
        self._optional_text("prompt", "prompt")


@dataclass(frozen=True, kw_only=True)
class TriggerRecord(EntryBase):
    """What set off a wave of hurt or distrust, how it felt, what I did, and what helped.

    Only the situation and the intensity are required; `unfinished` marks a record logged in the
    moment to be completed later.
    """

    situation: str
    intensity: int
    category: str | None = None
    emotions: tuple[str, ...] = ()
    thoughts: str = ""
    body: str = ""
    urge: str = ""
    response: str = ""
    coping: tuple[str, ...] = ()
    intensity_after: int | None = None
    need: str = ""
    for_session: bool = False
    unfinished: bool = False

    def __post_init__(self) -> None:
        self._set("kind", EntryKind.TRIGGER)
        super().__post_init__()
        self._text("situation", "what happened", required=True)
        check_scale(self.intensity, field_name="intensity", low=0, high=10, required=True)
        check_scale(self.intensity_after, field_name="intensity afterwards", low=0, high=10)
        if self.category is not None:
            names = clean_names([self.category], field_name="category")
            self._set("category", names[0] if names else None)
        self._set("emotions", clean_names(self.emotions, field_name="emotions"))
        self._set("coping", clean_names(self.coping, field_name="coping"))
        for name, label in (
            ("thoughts", "thoughts"),
            ("body", "body sensations"),
            ("urge", "urge"),
            ("response", "what I did"),
            ("need", "what I need"),
        ):
            self._text(name, label)
        self._set("for_session", bool(self.for_session))
        self._set("unfinished", bool(self.unfinished))


Entry = (
    MoodCheckIn
    | GratitudeEntry
    | TriggerRecord
    | Reflection
    | Statement
    | QualityTime
    | TherapySession
)

EntryType = (
    type[MoodCheckIn]
    | type[GratitudeEntry]
    | type[TriggerRecord]
    | type[Reflection]
    | type[Statement]
    | type[QualityTime]
    | type[TherapySession]
)

ENTRY_TYPES: dict[EntryKind, EntryType] = {
    EntryKind.MOOD: MoodCheckIn,
    EntryKind.GRATITUDE: GratitudeEntry,
    EntryKind.TRIGGER: TriggerRecord,
    EntryKind.REFLECTION: Reflection,
    EntryKind.STATEMENT: Statement,
    EntryKind.QUALITY_TIME: QualityTime,
    EntryKind.SESSION: TherapySession,
}

TEXT_FIELDS: dict[EntryKind, tuple[str, ...]] = {
    EntryKind.MOOD: ("note",),
    EntryKind.GRATITUDE: ("text", "prompt"),
    EntryKind.TRIGGER: ("situation", "thoughts", "body", "urge", "response", "need"),
    EntryKind.REFLECTION: ("title", "body", "prompt"),
    EntryKind.STATEMENT: ("when", "because", "request", "outcome", "felt_after"),
    EntryKind.QUALITY_TIME: ("what", "appreciated"),
    EntryKind.SESSION: ("with_whom", "worked_on", "remember"),
}


def field_names(kind: EntryKind) -> tuple[str, ...]:
    """The init fields of an entry kind, envelope included."""
    return tuple(f.name for f in fields(ENTRY_TYPES[kind]) if f.init)


def searchable_text(entry: Entry) -> str:
    """Every piece of text of an entry that full-text search should find, one per line."""
    parts: list[str] = [getattr(entry, name) or "" for name in TEXT_FIELDS[entry.kind]]
    parts.extend(entry.tags)
    if isinstance(entry, MoodCheckIn | TriggerRecord):
        parts.extend(entry.emotions)
    if isinstance(entry, Statement):
        parts.extend(entry.feel)
    if isinstance(entry, TriggerRecord):
        parts.extend(entry.coping)
        parts.append(entry.category or "")
    return "\n".join(p for p in parts if p)
