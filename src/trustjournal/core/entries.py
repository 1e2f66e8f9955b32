"""The three entry kinds as frozen, self-validating dataclasses (DESIGN.md §2).

Every entry validates and normalises itself on construction, so an invalid entry cannot exist:
text is NFC-normalised and lone surrogates (which cannot be stored) become U+FFFD; tags,
emotions and coping strategies are trimmed and de-duplicated case-insensitively, keeping order.
Error messages name the field, never its text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import N_, _, format_number

MAX_TEXT = 200_000  # characters in one text field: a long letter, not a book
MAX_NAME = 80  # a tag, emotion, category or coping strategy
MAX_NAMES = 64  # names of one kind on one entry

E = TypeVar("E", bound="EntryBase")

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class EntryKind(StrEnum):
    """The kinds of entry."""

    MOOD = "mood"
    GRATITUDE = "gratitude"
    TRIGGER = "trigger"


class About(StrEnum):
    """Who or what a gratitude entry is about."""

    PARTNER = "partner"
    US = "us"
    MYSELF = "myself"
    SOMEONE = "someone"
    LIFE = "life"


# The names of fields as messages say them ("Please write something for {field}."); the keys are
# the names the code passes, translated when a message is made.
FIELD_NAMES = {
    "time": N_("time"),
    "created": N_("created"),
    "updated": N_("updated"),
    "tags": N_("tags"),
    "prompt": N_("prompt"),
    "note": N_("note"),
    "what happened": N_("what happened"),
    "gratitude": N_("gratitude"),
    "connection": N_("connection"),
    "intensity": N_("intensity"),
    "intensity afterwards": N_("intensity afterwards"),
    "mood": N_("mood"),
    "trust": N_("trust"),
    "category": N_("category"),
    "coping": N_("coping"),
    "emotions": N_("emotions"),
    "thoughts": N_("thoughts"),
    "body": N_("body"),
    "urge": N_("urge"),
    "response": N_("response"),
    "need": N_("need"),
    "name": N_("name"),
    "family": N_("family"),
    "about": N_("about"),
    "expressed_on": N_("expressed on"),
    "id": N_("id"),
}


def field_label(field_name: str) -> str:
    """A field's name in the current language (an option such as --from stays as it is)."""
    return _(FIELD_NAMES[field_name]) if field_name in FIELD_NAMES else field_name


def clean_text(value: str, *, field_name: str, required: bool = False) -> str:
    """Normalise free text: NFC, storable code points, within MAX_TEXT.

    Raises:
        ValidationError: if the text is required and blank, or too long.
    """
    if not isinstance(value, str):
        raise ValidationError(
            _("{field} must be text.").format(field=field_label(field_name)), field=field_name
        )
    text = value
    if not text.isascii():  # ASCII is already NFC and has no surrogates
        text = unicodedata.normalize("NFC", _LONE_SURROGATE.sub("\ufffd", text))
    if required and not text.strip():
        raise ValidationError(
            _("Please write something for {field}.").format(field=field_label(field_name)),
            field=field_name,
        )
    if len(text) > MAX_TEXT:
        raise ValidationError(
            _("{field} is longer than {limit} characters.").format(
                field=field_label(field_name), limit=format_number(MAX_TEXT)
            ),
            field=field_name,
        )
    return text


def clean_names(values: Iterable[str], *, field_name: str) -> tuple[str, ...]:
    """Trim, drop blanks, de-duplicate case-insensitively (first spelling wins), keep order.

    Raises:
        ValidationError: if a name is too long or there are too many.
    """
    if isinstance(values, str):
        raise ValidationError(
            _("{field} must be a list of names.").format(field=field_label(field_name)),
            field=field_name,
        )
    seen: set[str] = set()
    out: list[str] = []
    for raw in values:
        name = " ".join(clean_text(raw, field_name=field_name).split())
        if not name:
            continue
        if len(name) > MAX_NAME:
            raise ValidationError(
                _("A word or name can be up to {limit} characters; this one has {length}.").format(
                    limit=MAX_NAME, length=len(name)
                ),
                field=field_name,
            )
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    if len(out) > MAX_NAMES:
        raise ValidationError(
            _("{field} has more than {limit} names.").format(
                field=field_label(field_name), limit=MAX_NAMES
            ),
            field=field_name,
        )
    return tuple(out)


def check_scale(
    value: int | None, *, field_name: str, low: int, high: int, required: bool = False
) -> int | None:
    """Check an integer rating on a closed scale.

    Raises:
        ValidationError: if missing when required, not an integer, or out of range.
    """
    if value is None:
        if required:
            raise ValidationError(
                _("{field} is required.").format(field=field_label(field_name)), field=field_name
            )
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            _("{field} must be a whole number.").format(field=field_label(field_name)),
            field=field_name,
        )
    if not low <= value <= high:
        raise ValidationError(
            _("{field} must be between {low} and {high}.").format(
                field=field_label(field_name), low=low, high=high
            ),
            field=field_name,
        )
    return value


def _check_moment(value: datetime | None, field_name: str, *, required: bool) -> None:
    if value is None:
        if required:
            raise ValidationError(
                _("{field} is required.").format(field=field_label(field_name)), field=field_name
            )
        return
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValidationError(
            _("{field} must be a time with its UTC offset.").format(field=field_label(field_name)),
            field=field_name,
        )


@dataclass(frozen=True, kw_only=True)
class EntryBase:
    """The envelope every entry shares.

    Attributes:
        occurred_at: when it happened, aware, in the local offset of that moment.
        id: the store's id; None until saved.
        tags: the person's own labels.
        private: never offered for export.
        created_at / updated_at: set by the store.
    """

    kind: EntryKind = field(init=False)
    occurred_at: datetime
    id: int | None = None
    tags: tuple[str, ...] = ()
    private: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        _check_moment(self.occurred_at, "time", required=True)
        _check_moment(self.created_at, "created", required=False)
        _check_moment(self.updated_at, "updated", required=False)
        self._set("tags", clean_names(self.tags, field_name="tags"))
        self._set("private", bool(self.private))
        if self.id is not None and (isinstance(self.id, bool) or not isinstance(self.id, int)):
            raise ValidationError(
                _("{field} must be a whole number.").format(field=field_label("id")), field="id"
            )

    def _set(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)

    def _text(self, name: str, label: str, *, required: bool = False) -> None:
        self._set(name, clean_text(getattr(self, name), field_name=label, required=required))

    def _optional_text(self, name: str, label: str) -> None:
        value = getattr(self, name)
        if value is not None:
            cleaned = clean_text(value, field_name=label)
            self._set(name, cleaned if cleaned.strip() else None)

    def with_changes(self: E, **changes: Any) -> E:
        """A copy with some fields changed, validated again."""
        return replace(self, **changes)


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
        if self.expressed_on is not None and (
            isinstance(self.expressed_on, datetime) or not isinstance(self.expressed_on, date)
        ):
            raise ValidationError(
                _("{field} must be a date.").format(field=field_label("expressed_on")),
                field="expressed_on",
            )
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


Entry = MoodCheckIn | GratitudeEntry | TriggerRecord

ENTRY_TYPES: dict[EntryKind, type[MoodCheckIn] | type[GratitudeEntry] | type[TriggerRecord]] = {
    EntryKind.MOOD: MoodCheckIn,
    EntryKind.GRATITUDE: GratitudeEntry,
    EntryKind.TRIGGER: TriggerRecord,
}

TEXT_FIELDS: dict[EntryKind, tuple[str, ...]] = {
    EntryKind.MOOD: ("note",),
    EntryKind.GRATITUDE: ("text", "prompt"),
    EntryKind.TRIGGER: ("situation", "thoughts", "body", "urge", "response", "need"),
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
    if isinstance(entry, TriggerRecord):
        parts.extend(entry.coping)
        parts.append(entry.category or "")
    return "\n".join(p for p in parts if p)
