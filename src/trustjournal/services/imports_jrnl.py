"""Reading jrnl's JSON export: every jrnl entry becomes a reflection (issue 22).

jrnl keeps an entry's first sentence as its `title` and the rest as its `body`; both are kept
as they are. An entry that is only a title (jrnl's one-line entries) has no body, and a
reflection needs one, so its one sentence becomes the body. Tags keep their words without
jrnl's `@`; a starred entry gets the tag "starred" (jrnl's own word, the same in every
language, so importing the file again finds the same entries and adds nothing).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from trustjournal.core.entries import Reflection
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.services.imports import Candidate, ImportFormatError, Rejected

STARRED_TAG = "starred"
TAG_MARKS = "@"

LocalZone = Callable[[datetime], datetime]


def _local_offset(naive: datetime) -> datetime:
    return naive.astimezone()


def parse_jrnl(
    text: str, *, zone: LocalZone = _local_offset
) -> tuple[list[Candidate], list[Rejected]]:
    """jrnl's JSON export as reflections; entries that cannot be read are named, never quoted.

    Raises:
        ImportFormatError: if the file is not a jrnl JSON export at all.
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        raise ImportFormatError(
            _("That file is not valid JSON (near line {line}); nothing was imported.").format(
                line=line or 1
            )
        ) from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ImportFormatError(
            _('That file is not a jrnl export: it has no list of "entries"; nothing was imported.')
        )
    candidates: list[Candidate] = []
    rejected: list[Rejected] = []
    for number, item in enumerate(entries, start=1):
        where = _("entry {number}").format(number=number)
        try:
            candidates.append(Candidate(_reflection(item, zone), where))
        except ValidationError as exc:
            rejected.append(Rejected(where, exc.message))
    return candidates, rejected


def _reflection(item: Any, zone: LocalZone) -> Reflection:
    if not isinstance(item, dict):
        raise ValidationError(_("This entry is not a jrnl entry (an object with a date)."))
    moment = zone(datetime.combine(_day(item.get("date")), _time(item.get("time"))))
    title, body = _text(item.get("title")), _text(item.get("body")).rstrip()
    if not body.strip():
        title, body = "", title
    raw_tags = item.get("tags") or []
    if not isinstance(raw_tags, list) or not all(isinstance(t, str) for t in raw_tags):
        raise ValidationError(_("The tags are not a list of words."))
    tags = [tag.lstrip(TAG_MARKS) for tag in raw_tags]
    if item.get("starred") is True:
        tags.append(STARRED_TAG)
    return Reflection(occurred_at=moment, title=title.strip(), body=body, tags=tuple(tags))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(_("The title or text is not text."))
    return value


def _day(value: Any) -> date:
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(_("The date is not a date like 2026-03-14.")) from None


def _time(value: Any) -> time:
    if value is None or value == "":
        return time(0, 0)
    try:
        return time.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(_("The time is not a time like 20:30.")) from None
