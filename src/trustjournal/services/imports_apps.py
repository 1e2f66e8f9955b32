"""Reading other apps' exports: recognising a file's format, and Daylio's CSV as check-ins.

Daylio's five standard moods map onto our 1-10 mood, two steps each from the bottom (README):
awful 1, bad 3, meh 5, good 7, rad 9. Its own mood labels are mapped by the person.
jrnl's JSON export becomes reflections (imports_jrnl).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time

from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.services.imports import Candidate, ImportFormatError, Rejected
from trustjournal.services.portable import looks_like_export

DAYLIO_MOODS = {"awful": 1, "bad": 3, "meh": 5, "good": 7, "rad": 9}
DAYLIO_COLUMNS = ("full_date", "time", "mood", "activities", "note_title", "note")
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap])?\.?\s*m?\.?\s*$", re.IGNORECASE)
_FORMULA = re.compile(r"^\s*[=+@]\s*[A-Za-z_][\w.]*\s*\(")

LocalZone = Callable[[datetime], datetime]


def local_offset(naive: datetime) -> datetime:
    """The moment as lived on this computer's clock, with the offset it had then."""
    return naive.astimezone()


def detect(text: str) -> str:
    """The format of an import file from its content: "trustjournal", "daylio" or "jrnl".

    Raises:
        ImportFormatError: if it is none of them.
    """
    if looks_like_export(text):
        return "trustjournal"
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            raise ImportFormatError() from None
        entries = data.get("entries") if isinstance(data, dict) else None
        if isinstance(entries, list) and all(
            isinstance(e, dict) and "date" in e and ("body" in e or "title" in e) for e in entries
        ):
            return "jrnl"
        raise ImportFormatError()
    first = stripped.splitlines()[0] if stripped else ""
    header = {c.strip().strip('"').casefold() for c in first.split(",")}
    if {"full_date", "mood"} <= header:
        return "daylio"
    raise ImportFormatError()


def parse_mood_map(text: str) -> dict[str, int]:
    """`--mood-map "label=N,other=M"` as a mapping of casefolded labels to 1-10.

    Raises:
        ValidationError: if a pair is not label=N with N from 1 to 10.
    """
    found: dict[str, int] = {}
    for pair in filter(None, (p.strip() for p in text.split(","))):
        label, sep, number = pair.rpartition("=")
        if not sep or not label.strip() or not number.strip().isdigit():
            raise ValidationError(_("Give each mood as label=N, for example: sleepy=4."))
        value = int(number)
        if not 1 <= value <= 10:
            raise ValidationError(_("A mood is a whole number from 1 to 10."))
        found[label.strip().casefold()] = value
    return found


def parse_daylio(
    text: str, *, mood_map: Mapping[str, int] | None = None, zone: LocalZone = local_offset
) -> tuple[list[Candidate], list[Rejected]]:
    """Daylio's CSV export as mood check-ins: activities become tags, title and note the note.

    Rows that cannot be read are returned as rejections naming the row, never its text.

    Raises:
        ImportFormatError: if the file is not a Daylio CSV or its quoting is broken.
    """
    moods = {**DAYLIO_MOODS, **{k.casefold(): v for k, v in (mood_map or {}).items()}}
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        columns = {(c or "").strip().casefold() for c in reader.fieldnames or ()}
        if not set(DAYLIO_COLUMNS) <= columns:
            raise ImportFormatError(
                _("That file is not a Daylio export: some of its columns are missing.")
            )
        candidates: list[Candidate] = []
        rejected: list[Rejected] = []
        for raw in reader:
            where = _("line {number}").format(number=reader.line_num)
            try:
                row = {(k or "").strip().casefold(): _cell(v) for k, v in raw.items()}
                candidates.append(Candidate(_daylio_entry(row, moods, zone), where))
            except ValidationError as exc:
                rejected.append(Rejected(where, exc.message))
    except csv.Error:
        raise ImportFormatError(
            _(
                "The file's quoting is broken near line {line}; nothing was imported. "
                "Export it again from Daylio."
            ).format(line=reader.line_num)
        ) from None
    return candidates, rejected


def _daylio_entry(row: dict[str, str], moods: Mapping[str, int], zone: LocalZone) -> MoodCheckIn:
    for value in row.values():
        if isinstance(value, str) and _FORMULA.match(value):
            raise ValidationError(_("A cell looks like a spreadsheet formula; it was not read."))
    try:
        day = date.fromisoformat(row["full_date"].strip())
    except ValueError:
        raise ValidationError(_("The date is not a date like 2026-03-14.")) from None
    moment = zone(datetime.combine(day, _daylio_time(row["time"])))
    label = row["mood"].strip().casefold()
    if label not in moods:
        raise ValidationError(
            _(
                "The mood is not one of awful, bad, meh, good or rad; "
                "map your own moods with --mood-map label=N."
            )
        )
    tags = [a for a in (part.strip() for part in row["activities"].split("|")) if a]
    title, note = row["note_title"].strip(), row["note"].strip()
    text = "\n\n".join(part for part in (title, note) if part)
    return MoodCheckIn(occurred_at=moment, mood=moods[label], tags=tuple(tags), note=text)


def _cell(value: object) -> str:
    """A cell's text; a row longer than the header gives a list, read as its first cell."""
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return value if isinstance(value, str) else ""


def _daylio_time(text: str) -> time:
    found = _TIME.match(text)
    if found is None:
        raise ValidationError(_("The time is not a time like 20:30 or 8:30 pm."))
    hour, minute, half = int(found.group(1)), int(found.group(2)), (found.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValidationError(_("The time is not a time like 20:30 or 8:30 pm."))
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise ValidationError(_("The time is not a time like 20:30 or 8:30 pm."))
    return time(hour, minute)
