"""The mapping between entry dataclasses and rows of `entries`, `entry_names` and `entries_fts`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from trustjournal.core.entries import (
    About,
    Entry,
    EntryKind,
    GratitudeEntry,
    MoodCheckIn,
    QualityTime,
    Reflection,
    Statement,
    TherapySession,
    TriggerRecord,
    searchable_text,
)
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.core.times import from_micros, offset_minutes, to_micros

# The columns an entry's content fills, in a fixed order; created/deleted are the store's own.
DATA_COLUMNS: tuple[str, ...] = (
    "kind",
    "occurred_utc",
    "utc_offset_min",
    "local_day",
    "local_hour",
    "updated_utc",
    "private",
    "mood",
    "connection",
    "trust",
    "note",
    "text",
    "about",
    "expressed",
    "expressed_on",
    "prompt",
    "situation",
    "category",
    "intensity",
    "intensity_after",
    "thoughts",
    "body",
    "urge",
    "response",
    "need",
    "for_session",
    "unfinished",
    # added in schema v5 for reflections, statements and time together
    "title",
    "when_text",
    "because",
    "request",
    "said",
    "said_on",
    "outcome",
    "felt_after",
    "what",
    "minutes",
    "appreciated",
    # added in schema v6 for therapy sessions
    "with_whom",
    "worked_on",
    "remember",
    "next_utc",
    "next_offset_min",
)

# What `entry_from_row` reads, in this order.
READ_COLUMNS: tuple[str, ...] = ("id", "created_utc", "deleted_utc", *DATA_COLUMNS)
SELECT_LIST = ", ".join(READ_COLUMNS)
_AT = {name: i for i, name in enumerate(READ_COLUMNS)}

ROLES: tuple[str, ...] = ("tag", "emotion", "coping")

Names = Mapping[str, Sequence[str]]


def moment_columns(moment: datetime) -> tuple[int, int, str, int]:
    """The stored form of a lived moment: UTC µs, offset in minutes, local day and hour.

    The day and hour are taken from the moment exactly as it will be read back, so the row
    and the restored entry never disagree.

    Raises:
        ValidationError: if the moment cannot be stored (an impossible offset or year).
    """
    try:
        micros, minutes = to_micros(moment), offset_minutes(moment)
        lived = from_micros(micros, minutes)
    except (OverflowError, ValueError):
        raise ValidationError(_("The time of the entry is out of range."), field="time") from None
    return micros, minutes, lived.date().isoformat(), lived.hour


def utc_micros(moment: datetime) -> int:
    """The stored form of a store timestamp (created, updated, deleted)."""
    return to_micros(moment)


def utc_moment(micros: int) -> datetime:
    """A store timestamp as an aware UTC datetime."""
    return from_micros(micros, 0)


def _flag(value: bool) -> int:
    return 1 if value else 0


def data_values(entry: Entry, *, updated_utc: int) -> tuple[Any, ...]:
    """The values of DATA_COLUMNS for an entry; columns of the other kinds are NULL."""
    micros, minutes, day, hour = moment_columns(entry.occurred_at)
    values: dict[str, Any] = dict.fromkeys(DATA_COLUMNS)
    values.update(
        kind=entry.kind.value,
        occurred_utc=micros,
        utc_offset_min=minutes,
        local_day=day,
        local_hour=hour,
        updated_utc=updated_utc,
        private=_flag(entry.private),
    )
    if isinstance(entry, MoodCheckIn):
        values.update(
            mood=entry.mood, connection=entry.connection, trust=entry.trust, note=entry.note
        )
    elif isinstance(entry, GratitudeEntry):
        values.update(
            text=entry.text,
            about=entry.about.value if entry.about is not None else None,
            expressed=_flag(entry.expressed),
            expressed_on=entry.expressed_on.isoformat() if entry.expressed_on else None,
            prompt=entry.prompt,
        )
    elif isinstance(entry, TriggerRecord):
        values.update(
            situation=entry.situation,
            category=entry.category,
            intensity=entry.intensity,
            intensity_after=entry.intensity_after,
            thoughts=entry.thoughts,
            body=entry.body,
            urge=entry.urge,
            response=entry.response,
            need=entry.need,
            for_session=_flag(entry.for_session),
            unfinished=_flag(entry.unfinished),
        )
    elif isinstance(entry, Reflection):
        values.update(title=entry.title, body=entry.body, prompt=entry.prompt)
    elif isinstance(entry, Statement):
        values.update(
            when_text=entry.when,
            because=entry.because,
            request=entry.request,
            said=_flag(entry.said),
            said_on=entry.said_on.isoformat() if entry.said_on else None,
            outcome=entry.outcome,
            felt_after=entry.felt_after,
        )
    elif isinstance(entry, TherapySession):
        next_micros = next_minutes = None
        if entry.next_at is not None:
            next_micros, next_minutes, _day, _hour = moment_columns(entry.next_at)
        values.update(
            with_whom=entry.with_whom,
            worked_on=entry.worked_on,
            remember=entry.remember,
            next_utc=next_micros,
            next_offset_min=next_minutes,
        )
    else:
        values.update(
            what=entry.what,
            minutes=entry.minutes,
            connection=entry.connection,
            appreciated=entry.appreciated,
        )
    return tuple(values[name] for name in DATA_COLUMNS)


def names_of(entry: Entry) -> dict[str, tuple[str, ...]]:
    """The tags, emotions and coping strategies of an entry, by role."""
    names: dict[str, tuple[str, ...]] = {"tag": entry.tags}
    if isinstance(entry, MoodCheckIn | TriggerRecord):
        names["emotion"] = entry.emotions
    if isinstance(entry, Statement):
        names["emotion"] = entry.feel  # a statement's feelings are emotions of the vocabulary
    if isinstance(entry, TriggerRecord):
        names["coping"] = entry.coping
    return names


def name_rows(entry_id: int, entry: Entry) -> list[tuple[int, str, int, str, str]]:
    """Rows of `entry_names` for an entry: (entry_id, role, position, name, name_key)."""
    return [
        (entry_id, role, position, name, name.casefold())
        for role, values in names_of(entry).items()
        for position, name in enumerate(values)
    ]


def fts_row(entry_id: int, entry: Entry) -> tuple[int, str]:
    """The full-text row of an entry: (rowid, body)."""
    return entry_id, searchable_text(entry)


def entry_from_row(row: Sequence[Any], names: Names) -> Entry:  # noqa: PLR0911 - one per kind
    """Rebuild an entry from a row selected with SELECT_LIST and its names by role."""

    def col(name: str) -> Any:
        return row[_AT[name]]

    common: dict[str, Any] = {
        "id": col("id"),
        "occurred_at": from_micros(col("occurred_utc"), col("utc_offset_min")),
        "created_at": utc_moment(col("created_utc")),
        "updated_at": utc_moment(col("updated_utc")),
        "tags": tuple(names.get("tag", ())),
        "private": bool(col("private")),
    }
    kind = EntryKind(col("kind"))
    if kind is EntryKind.MOOD:
        return MoodCheckIn(
            mood=col("mood"),
            emotions=tuple(names.get("emotion", ())),
            connection=col("connection"),
            trust=col("trust"),
            note=col("note") or "",
            **common,
        )
    if kind is EntryKind.GRATITUDE:
        expressed_on = col("expressed_on")
        return GratitudeEntry(
            text=col("text"),
            about=About(col("about")) if col("about") is not None else None,
            expressed=bool(col("expressed")),
            expressed_on=date.fromisoformat(expressed_on) if expressed_on else None,
            prompt=col("prompt"),
            **common,
        )
    if kind is EntryKind.TRIGGER:
        return _trigger(col, names, common)
    if kind is EntryKind.REFLECTION:
        return Reflection(
            title=col("title") or "", body=col("body"), prompt=col("prompt"), **common
        )
    if kind is EntryKind.STATEMENT:
        said_on = col("said_on")
        return Statement(
            feel=tuple(names.get("emotion", ())),
            when=col("when_text"),
            because=col("because") or "",
            request=col("request") or "",
            said=bool(col("said")),
            said_on=date.fromisoformat(said_on) if said_on else None,
            outcome=col("outcome") or "",
            felt_after=col("felt_after") or "",
            **common,
        )
    if kind is EntryKind.SESSION:
        next_utc = col("next_utc")
        return TherapySession(
            with_whom=col("with_whom") or "",
            worked_on=col("worked_on") or "",
            remember=col("remember") or "",
            next_at=from_micros(next_utc, col("next_offset_min")) if next_utc is not None else None,
            **common,
        )
    return QualityTime(
        what=col("what"),
        minutes=col("minutes"),
        connection=col("connection"),
        appreciated=col("appreciated") or "",
        **common,
    )


def _trigger(col: Callable[[str], Any], names: Names, common: dict[str, Any]) -> TriggerRecord:
    return TriggerRecord(
        situation=col("situation"),
        intensity=col("intensity"),
        category=col("category"),
        emotions=tuple(names.get("emotion", ())),
        thoughts=col("thoughts") or "",
        body=col("body") or "",
        urge=col("urge") or "",
        response=col("response") or "",
        coping=tuple(names.get("coping", ())),
        intensity_after=col("intensity_after"),
        need=col("need") or "",
        for_session=bool(col("for_session")),
        unfinished=bool(col("unfinished")),
        **common,
    )
