"""The kinds for writing: a free reflection, an "I" statement, and time together (issue 21)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from trustjournal.core.entry_base import (
    MAX_BODY,
    MAX_MINUTES,
    EntryBase,
    EntryKind,
    check_date,
    check_scale,
    clean_names,
    field_label,
)
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _


@dataclass(frozen=True, kw_only=True)
class Reflection(EntryBase):
    """Free writing: an optional title, a body of any length (Markdown text), a prompt if any.

    The body is kept exactly as written (Markdown is shown formatted, searched as text, and
    exported literally); only the body may be longer than MAX_TEXT, up to MAX_BODY.
    """

    body: str
    title: str = ""
    prompt: str | None = None

    def __post_init__(self) -> None:
        self._set("kind", EntryKind.REFLECTION)
        super().__post_init__()
        self._text("body", "reflection", required=True, limit=MAX_BODY)
        self._text("title", "title")
        self._optional_text("prompt", "prompt")


@dataclass(frozen=True, kw_only=True)
class Statement(EntryBase):
    """An "I" statement being prepared: I feel … when … because … what I would like is ….

    Afterwards: whether (and on which day) I said it, how it went and how I felt. Saying it on
    a day means it was said, as for gratitude's `expressed_on`.
    """

    feel: tuple[str, ...]
    when: str
    because: str = ""
    request: str = ""
    said: bool = False
    said_on: date | None = None
    outcome: str = ""
    felt_after: str = ""

    def __post_init__(self) -> None:
        self._set("kind", EntryKind.STATEMENT)
        super().__post_init__()
        self._set("feel", clean_names(self.feel, field_name="feel"))
        if not self.feel:
            raise ValidationError(
                _("Please choose at least one feeling for {field}.").format(
                    field=field_label("feel")
                ),
                field="feel",
            )
        self._text("when", "when", required=True)
        for name in ("because", "request", "outcome", "felt_after"):
            self._text(name, name)
        check_date(self.said_on, field_name="said_on")
        self._set("said", bool(self.said or self.said_on is not None))


@dataclass(frozen=True, kw_only=True)
class QualityTime(EntryBase):
    """Time together: what we did, for how long, how connected I felt, what I appreciated."""

    what: str
    minutes: int | None = None
    connection: int | None = None
    appreciated: str = ""

    def __post_init__(self) -> None:
        self._set("kind", EntryKind.QUALITY_TIME)
        super().__post_init__()
        self._text("what", "what", required=True)
        check_scale(self.minutes, field_name="minutes", low=1, high=MAX_MINUTES)
        check_scale(self.connection, field_name="connection", low=0, high=10)
        self._text("appreciated", "appreciated")
