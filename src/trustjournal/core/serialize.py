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
_MOMENTS = {"occurred_at", "created_at", "updated_at", "next_at"}
# Fields whose JSON name differs: `with` is a Python keyword, so the session's field is
# `with_whom` in code and `with` wherever people read it (the JSON, the CLI).
_JSON_NAMES = {"with_whom": "with"}


def json_name(field_name: str) -> str:
    """The name a field has in JSON (the export schema, --json): `with` for `with_whom`."""
    return _JSON_NAMES.get(field_name, field_name)


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
        out[_JSON_NAMES.get(f.name, f.name)] = value
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
            key = _JSON_NAMES.get(f.name, f.name)
            if not f.init or key not in data:
                continue
            value = data[key]
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
