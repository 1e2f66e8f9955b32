"""The envelope every entry shares, and the checks that make an entry valid on construction."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import N_, _, format_number

MAX_TEXT = 200_000  # characters in one text field: a long letter, not a book
MAX_NAME = 80  # a tag, emotion, category or coping strategy
MAX_NAMES = 64  # names of one kind on one entry
# A reflection's body is free writing of any length: 100 000 words must fit, and words average
# well under ten characters with their space in the languages we ship (German's long compounds
# included), so a million characters leaves room without letting a pasted file grow unbounded.
MAX_BODY = 1_000_000
MAX_MINUTES = 7 * 24 * 60  # time together on one entry: up to a week away together

E = TypeVar("E", bound="EntryBase")

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class EntryKind(StrEnum):
    """The kinds of entry."""

    MOOD = "mood"
    GRATITUDE = "gratitude"
    TRIGGER = "trigger"
    REFLECTION = "reflection"
    STATEMENT = "statement"
    QUALITY_TIME = "quality_time"
    SESSION = "session"


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
    "title": N_("title"),
    "reflection": N_("reflection"),
    "feel": N_("feelings"),
    "when": N_("when"),
    "because": N_("because"),
    "request": N_("what I would like"),
    "said_on": N_("said on"),
    "outcome": N_("how it went"),
    "felt_after": N_("how I felt afterwards"),
    "what": N_("what we did"),
    "minutes": N_("minutes"),
    "appreciated": N_("what I appreciated"),
    "with_whom": N_("with whom"),
    "worked_on": N_("what we worked on"),
    "remember": N_("what I want to remember"),
    "next_at": N_("the next session"),
    "counts": N_("what counts"),
    "times": N_("how often"),
    "per": N_("per"),
    "from": N_("from"),
    "to": N_("until"),
    "ended_on": N_("ended on"),
    "why": N_("why it matters"),
    "steps": N_("steps"),
    "step": N_("step"),
    "target_on": N_("target date"),
    "state": N_("state"),
    "at": N_("done at"),
    "homework": N_("homework"),
    "goal": N_("goal"),
}


def field_label(field_name: str) -> str:
    """A field's name in the current language (an option such as --from stays as it is)."""
    return _(FIELD_NAMES[field_name]) if field_name in FIELD_NAMES else field_name


def clean_text(
    value: str, *, field_name: str, required: bool = False, limit: int = MAX_TEXT
) -> str:
    """Normalise free text: NFC, storable code points, within `limit` characters.

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
    if len(text) > limit:
        raise ValidationError(
            _("{field} is longer than {limit} characters.").format(
                field=field_label(field_name), limit=format_number(limit)
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


def check_moment(value: datetime | None, field_name: str, *, required: bool) -> None:
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
        check_moment(self.occurred_at, "time", required=True)
        check_moment(self.created_at, "created", required=False)
        check_moment(self.updated_at, "updated", required=False)
        self._set("tags", clean_names(self.tags, field_name="tags"))
        self._set("private", bool(self.private))
        if self.id is not None and (isinstance(self.id, bool) or not isinstance(self.id, int)):
            raise ValidationError(
                _("{field} must be a whole number.").format(field=field_label("id")), field="id"
            )

    def _set(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)

    def _text(
        self, name: str, label: str, *, required: bool = False, limit: int = MAX_TEXT
    ) -> None:
        value = clean_text(getattr(self, name), field_name=label, required=required, limit=limit)
        self._set(name, value)

    def _optional_text(self, name: str, label: str) -> None:
        value = getattr(self, name)
        if value is not None:
            cleaned = clean_text(value, field_name=label)
            self._set(name, cleaned if cleaned.strip() else None)

    def with_changes(self: E, **changes: Any) -> E:
        """A copy with some fields changed, validated again."""
        return replace(self, **changes)


def check_date(value: date | None, *, field_name: str) -> None:
    """Check an optional calendar day (a datetime is not a day).

    Raises:
        ValidationError: if it is not a date.
    """
    if value is not None and (isinstance(value, datetime) or not isinstance(value, date)):
        raise ValidationError(
            _("{field} must be a date.").format(field=field_label(field_name)),
            field=field_name,
        )
