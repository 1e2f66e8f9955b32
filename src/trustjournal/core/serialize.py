"""Entries to and from plain JSON-ready dicts (CLI --json, editor drafts)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from enum import Enum
from typing import Any

from trustjournal.core.entries import ENTRY_TYPES, Entry, EntryKind
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _

_DATES = {"expressed_on", "said_on"}
_MOMENTS = {"occurred_at", "created_at", "updated_at"}


def to_dict(entry: Entry) -> dict[str, Any]:
    """Every field of an entry as JSON-ready values (times in ISO 8601 with their offset)."""
    out: dict[str, Any] = {}
    for f in fields(entry):
        value = getattr(entry, f.name)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, Enum):
            value = value.value
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out


def from_dict(data: dict[str, Any]) -> Entry:
    """Rebuild an entry from `to_dict` output.

    Raises:
        ValidationError: if the data does not describe a valid entry.
    """
    try:
        kind = EntryKind(data["kind"])
        cls = ENTRY_TYPES[kind]
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if not f.init or f.name not in data:
                continue
            value = data[f.name]
            if value is not None and f.name in _MOMENTS:
                value = datetime.fromisoformat(value)
            elif value is not None and f.name in _DATES:
                value = date.fromisoformat(value)
            elif isinstance(value, list):
                value = tuple(value)
            kwargs[f.name] = value
        return cls(**kwargs)
    except ValidationError:
        raise
    except (KeyError, TypeError, ValueError):
        raise ValidationError(_("The saved entry data could not be read.")) from None
