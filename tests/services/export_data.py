"""A small journal for export tests: chosen entries, canaries, and hostile text (S6, S7)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

from tests.store.conftest import Clock, create_schema
from trustjournal.core.entries import MAX_TEXT, About, GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.periods import Period
from trustjournal.services import portable
from trustjournal.services.export.request import Audience, ExportRequest
from trustjournal.store.db import Database, open_database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vocabulary import VocabularyRepository

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 14, 18, 0, tzinfo=UTC).astimezone(TZ)
PERIOD = Period(date(2026, 3, 1), date(2026, 3, 14))

# Canary texts: none may appear in any output.
LEFT_OUT = "CANARY-LEFT-OUT-quince"
PRIVATE = "CANARY-PRIVATE-walnut"
OUTSIDE = "CANARY-OUTSIDE-medlar"
THOUGHTS = "CANARY-THOUGHTS-juniper"  # a field the partner does not get
URGE = "CANARY-URGE-sorrel"
BODY = "CANARY-BODY-chervil"

# Chosen texts: every one must appear.
CHOSEN_SITUATION = "Chosen situation: phone face down at dinner"
CHOSEN_NEED = "Chosen need: tell me when plans change"
CHOSEN_GRATITUDE = "Chosen gratitude: made me tea without asking"
CHOSEN_NOTE = "Chosen note: a calm walk together"
CHOSEN_COPING = "Chosen coping walk"

# S6: hostile text, which every format must show literally.
INJECTION: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<img src=file:///etc/passwd>",
    "<img src=https://x/y.png>",
    "![x](https://x/y.png)",
    "[a](javascript:alert(1))",
    "&amp;",
    "</style>",
    "# not a heading",
    "- not a list",
    "1. not a numbered list",
    "| not | a table |",
    "`not code`",
    "*not emphasis*",
    "> not a quote",
)
RTL = "abc\u202edef"
ZERO_WIDTH = "zero\u200bwidth\u200cjoin\u200d\ufeffend"
LONG_CHAR = "Ж"
LONG_LINE = LONG_CHAR * MAX_TEXT  # the longest line an entry can hold (MAX_TEXT characters)
HOSTILE_TEXT = "\n".join((*INJECTION, RTL, ZERO_WIDTH))


def at(day: int, hour: int = 20) -> datetime:
    """A moment in March 2026, local time."""
    return datetime(2026, 3, day, hour, 0, tzinfo=TZ)


@dataclass(frozen=True)
class Journal:
    """The ids of the test journal's entries."""

    chosen: frozenset[int]
    left_out: int
    private: frozenset[int]
    outside: int
    hostile: int
    moods: tuple[int, ...]


def fill_journal(repo: EntryRepository, *, long_line: bool = False) -> Journal:
    """Write the journal: chosen entries, one to leave out, private ones, one outside.

    With `long_line`, the hostile trigger record's thoughts hold a MAX_TEXT-character line.
    """
    moods = [
        repo.add(MoodCheckIn(occurred_at=at(d), mood=m, connection=c, trust=t, note=n))
        for d, m, c, t, n in (
            (2, 4, 3, 2, ""),
            (5, 6, 5, 4, CHOSEN_NOTE),
            (9, 8, 7, 6, ""),
        )
    ]
    trigger = repo.add(
        TriggerRecord(
            occurred_at=at(7),
            situation=CHOSEN_SITUATION,
            intensity=8,
            intensity_after=3,
            category="Secrecy and phones",
            emotions=("hurt", "anxious"),
            thoughts=THOUGHTS,
            body=BODY,
            urge=URGE,
            response="Went for a walk",
            coping=(CHOSEN_COPING, "breathing"),
            need=CHOSEN_NEED,
            for_session=True,
        )
    )
    gratitude = repo.add(
        GratitudeEntry(occurred_at=at(8), text=CHOSEN_GRATITUDE, about=About.PARTNER)
    )
    hostile = repo.add(
        TriggerRecord(
            occurred_at=at(10),
            situation=HOSTILE_TEXT,
            intensity=5,
            category="<b>bold category</b>",
            thoughts=LONG_LINE if long_line else HOSTILE_TEXT,
            coping=("<img src=x>",),
            need=HOSTILE_TEXT,
        )
    )
    left_out = repo.add(
        TriggerRecord(occurred_at=at(11), situation=LEFT_OUT, intensity=6, need=LEFT_OUT)
    )
    private = [
        repo.add(
            MoodCheckIn(
                occurred_at=at(12), mood=1, connection=0, trust=0, note=PRIVATE, private=True
            )
        ),
        repo.add(
            TriggerRecord(
                occurred_at=at(12),
                situation=PRIVATE,
                intensity=10,
                category=PRIVATE,
                coping=(PRIVATE,),
                private=True,
            )
        ),
        repo.add(GratitudeEntry(occurred_at=at(12), text=PRIVATE, private=True)),
    ]
    outside = repo.add(
        TriggerRecord(occurred_at=at(15), situation=OUTSIDE, intensity=9, category=OUTSIDE)
    )
    ids = [e.id for e in [*moods, trigger, gratitude, hostile]]
    return Journal(
        chosen=frozenset(i for i in ids if i is not None),
        left_out=_id(left_out.id),
        private=frozenset(_id(e.id) for e in private),
        outside=_id(outside.id),
        hostile=_id(hostile.id),
        moods=tuple(_id(m.id) for m in moods),
    )


def _id(value: int | None) -> int:
    if value is None:
        raise AssertionError("saved entries have ids")
    return value


def request_for(audience: Audience, journal: Journal, **changes: object) -> ExportRequest:
    """The audience's default request over PERIOD, leaving out the LEFT_OUT canary."""
    values: dict[str, object] = {"excluded_ids": frozenset({journal.left_out}), "note": ""}
    values.update(changes)
    return ExportRequest.for_audience(audience, PERIOD, **values)


CANARIES = (LEFT_OUT, PRIVATE, OUTSIDE)
PARTNER_HIDDEN = (THOUGHTS, URGE, BODY)
CHOSEN_TEXTS = (CHOSEN_SITUATION, CHOSEN_NEED, CHOSEN_GRATITUDE, CHOSEN_NOTE, CHOSEN_COPING)


def new_database(path: Path) -> Database:
    """A new encrypted journal database at `path` (a random key), with the current schema."""
    db = open_database(path, os.urandom(32))
    create_schema(db)
    return db


def portable_sources(db: Database, now: datetime) -> portable.Sources:
    """Everything the full export reads (entries, vocabulary, settings, between sessions) in
    `db`, its clock stopped at `now`."""
    clock = Clock(now)
    return portable.Sources(
        entries=EntryRepository(db=db, clock=clock),
        vocabulary=VocabularyRepository(db=db, clock=clock),
        settings=SettingsRepository(db=db),
        between=db,
    )


class HtmlText(HTMLParser):
    """The text an HTML document shows, and every tag it holds (hostile text stays text)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
