"""Turning `add`/`list` options into entries and queries, and entries into terminal lines."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from trustjournal.cli.between_args import session_entry
from trustjournal.cli.terminal import UsageError, visible
from trustjournal.cli.written_args import written_entry
from trustjournal.core.entries import (
    About,
    Entry,
    EntryKind,
    GratitudeEntry,
    MoodCheckIn,
    Statement,
    TriggerRecord,
)
from trustjournal.core.i18n import N_, _, format_date, format_time, pgettext
from trustjournal.core.periods import Period, parse_day
from trustjournal.core.query import EntryQuery
from trustjournal.core.serialize import to_dict
from trustjournal.core.wording import ABOUT_WORDS, kind_label, kind_word, summarise
from trustjournal.store.vault import Vault
from trustjournal.store.vocabulary import VocabularyRepository

AHEAD_ALLOWED = timedelta(days=1)  # a time zone's worth: entries record what has happened
# The names `show` gives an entry's fields (translated when shown; the keys are to_dict's).
FIELD_LABELS = {
    "tags": N_("tags"),
    "private": N_("private"),
    "created_at": N_("created at"),
    "updated_at": N_("updated at"),
    "mood": N_("mood"),
    "emotions": N_("emotions"),
    "connection": N_("connection"),
    "trust": N_("trust"),
    "note": N_("note"),
    "text": N_("text"),
    "about": N_("about"),
    "expressed": N_("expressed"),
    "expressed_on": N_("expressed on"),
    "prompt": N_("prompt"),
    "situation": N_("situation"),
    "intensity": N_("intensity"),
    "category": N_("category"),
    "thoughts": N_("thoughts"),
    "body": N_("body"),
    "urge": N_("urge"),
    "response": N_("response"),
    "coping": N_("coping"),
    "intensity_after": N_("intensity after"),
    "need": N_("need"),
    "for_session": N_("for session"),
    "unfinished": N_("unfinished"),
    "title": N_("title"),
    "feel": N_("feel"),
    "when": N_("when"),
    "because": N_("because"),
    "request": N_("request"),
    "said": N_("said"),
    "said_on": N_("said on"),
    "outcome": N_("outcome"),
    "felt_after": N_("felt after"),
    "what": N_("what"),
    "minutes": N_("minutes"),
    "appreciated": N_("appreciated"),
    "with": N_("with"),
    "worked_on": N_("worked on"),
    "remember": N_("remember"),
    "next_at": N_("next session"),
}


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def parse_when(text: str | None, now_local: datetime) -> datetime:
    """--at: 'now', a date (noon that day), or a date and time (local unless an offset is given).

    Raises:
        UsageError: if the text is none of these.
    """
    if text is None or text.strip().lower() == "now":
        return now_local
    raw = text.strip()
    try:
        if len(raw) == 10:
            moment = datetime.combine(date.fromisoformat(raw), time(12, 0))
        else:
            moment = datetime.fromisoformat(raw)
    except ValueError:
        raise UsageError(_("--at must look like 2026-03-14T21:30, 2026-03-14, or now.")) from None
    try:
        moment = moment if moment.tzinfo is not None else moment.astimezone()
        ahead = moment - now_local > AHEAD_ALLOWED
    except (OverflowError, ValueError):  # e.g. year 1 or 9999 pushed past the calendar's end
        raise UsageError(_("--at is too far in the past or future to be a real moment.")) from None
    if ahead:
        raise UsageError(_("--at is more than a day ahead. An entry is about what has happened."))
    return moment


def entry_from_args(args: argparse.Namespace, now_local: datetime) -> Entry:
    common: dict[str, Any] = {
        "occurred_at": parse_when(args.at, now_local),
        "tags": _names(args.tags),
        "private": args.private,
    }
    written = written_entry(args, common, now_local) or session_entry(args, common)
    if written is not None:
        return written
    if args.kind == EntryKind.MOOD:
        return MoodCheckIn(
            mood=args.mood,
            connection=args.connection,
            trust=args.trust,
            emotions=_names(args.emotions),
            note=args.note,
            **common,
        )
    if args.kind == EntryKind.GRATITUDE:
        return GratitudeEntry(
            text=args.text,
            about=About(args.about) if args.about else None,
            expressed=args.expressed,
            expressed_on=now_local.date() if args.expressed else None,
            prompt=args.prompt,
            **common,
        )
    return TriggerRecord(
        situation=args.situation,
        intensity=args.intensity,
        category=args.category,
        emotions=_names(args.emotions),
        thoughts=args.thoughts,
        body=args.body,
        urge=args.urge,
        response=args.response,
        coping=_names(args.coping),
        intensity_after=args.after,
        need=args.need,
        for_session=args.for_session,
        unfinished=args.unfinished,
        **common,
    )


def own_words(vault: Vault, entry: Entry, clock: Callable[[], datetime]) -> list[str]:
    """The entry's emotion words that are not in the emotion list (shipped or the person's)."""
    emotions = entry.feel if isinstance(entry, Statement) else getattr(entry, "emotions", ())
    if not emotions:
        return []
    vocabulary = VocabularyRepository(db=vault.db, clock=clock)
    known = {item.name.casefold() for item in vocabulary.items("emotion", include_hidden=True)}
    return [word for word in emotions if word.casefold() not in known]


def query_from_args(args: argparse.Namespace) -> EntryQuery:
    start = parse_day(args.date_from, field_name="--from") if args.date_from else None
    end = parse_day(args.date_to, field_name="--to") if args.date_to else None
    return EntryQuery(
        kinds=frozenset({EntryKind(args.kind)}) if args.kind else frozenset(),
        period=Period(start, end) if start or end else None,
        tag=args.tag,
        search=args.search,
    )


def list_line(entry: Entry) -> str:
    """The one-line summary, led by a trigger's category when it has one."""
    category = entry.category if isinstance(entry, TriggerRecord) else None
    return f"[{category}] {summarise(entry)}" if category else summarise(entry)


def day_text(day: date) -> str:
    """A date in the language's order, all digits (fixed width: lists line up)."""
    # Translators: a CLDR date pattern for the CLI's lists, all digits so columns line up
    # (German: dd.MM.yyyy).
    return format_date(day, pgettext("CLI date pattern", "yyyy-MM-dd"))


def moment_text(moment: datetime) -> str:
    """A date and time as the CLI shows them, in the moment's own offset."""
    # Translators: a CLDR time pattern for the CLI (24-hour clock).
    clock = format_time(moment.time(), pgettext("CLI time pattern", "HH:mm"))
    return _("{date} {time}").format(date=day_text(moment.date()), time=clock)


def when_text(entry: Entry) -> str:
    """When the entry happened, in the language's order."""
    return moment_text(entry.occurred_at)


def kind_width() -> int:
    """The widest kind label in the current language, so the list's columns line up."""
    return max(len(kind_word(kind)) for kind in EntryKind)


def detail_lines(entry: Entry) -> list[str]:
    data = to_dict(entry)
    lines = [
        _("{kind} entry {number} · {when} (UTC{offset})").format(
            kind=kind_label(entry), number=entry.id, when=when_text(entry), offset=_offset(entry)
        )
    ]
    skip = {"kind", "id", "occurred_at"}
    for key, value in data.items():
        if key in skip or value in (None, "", [], False):
            continue
        shown = getattr(entry, key, None)
        if isinstance(shown, datetime):
            text = moment_text(shown)
        elif isinstance(shown, date):
            text = day_text(shown)
        elif isinstance(shown, About):
            text = ABOUT_WORDS[shown]
        elif isinstance(value, list):
            text = ", ".join(value)
        elif value is True:
            text = _("yes")
        else:
            text = str(value)
        label = _(FIELD_LABELS[key]) if key in FIELD_LABELS else key.replace("_", " ")
        if "\n" in text:
            lines.append(f"{label}:")
            lines.extend("    " + visible(line) for line in text.splitlines())
        else:
            lines.append(f"{label}: {visible(text)}")
    return lines


def _offset(entry: Entry) -> str:
    return entry.occurred_at.strftime("%z")[:3] + ":" + entry.occurred_at.strftime("%z")[3:]
