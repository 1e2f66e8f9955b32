"""jrnl's JSON export becomes reflections: tags without @, starred as a tag, twice adds nothing."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from trustjournal.core.entries import Reflection
from trustjournal.services import imports
from trustjournal.services.imports import ImportFormatError
from trustjournal.services.imports_files import parse_file
from trustjournal.services.imports_jrnl import parse_jrnl
from trustjournal.store.entries import EntryRepository

DATA = Path(__file__).resolve().parent.parent / "data"
CET = timezone(timedelta(hours=1))


def _cet(naive: datetime) -> datetime:
    return naive.replace(tzinfo=CET)


def _file() -> str:
    return imports.read_text((DATA / "jrnl-export.json").read_bytes())


def test_each_jrnl_entry_becomes_a_reflection() -> None:
    candidates, rejected = parse_jrnl(_file(), zone=_cet)
    assert rejected == []
    walk, tired = (c.entry for c in candidates)
    assert walk == Reflection(
        occurred_at=datetime(2026, 3, 14, 20, 30, tzinfo=CET),
        title="A walk by the harbour.",
        body="We talked for an hour and it felt easy again.",
        tags=("harbour", "starred"),
    )
    # A one-line jrnl entry is only a title: its sentence is the reflection's body.
    assert (tired.title, tired.body, tired.tags) == ("", "Tired.", ())
    assert [c.where for c in candidates] == ["entry 1", "entry 2"]


def test_importing_the_same_jrnl_file_twice_adds_nothing(repo: EntryRepository) -> None:
    first = imports.plan(repo, parse_jrnl(_file(), zone=_cet)[0])
    assert imports.apply(repo, first) == 2
    second = imports.plan(repo, parse_jrnl(_file(), zone=_cet)[0])
    assert (len(second.to_add), second.skipped) == (0, 2)
    assert second.by_kind_and_year() == {}
    assert first.by_kind_and_year() == {("reflection", 2026): 2}


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"date": "yesterday", "title": "x"}, "date"),
        ({"date": "2026-03-14", "time": "25:61", "title": "x"}, "time"),
        ({"date": "2026-03-14", "title": "", "body": " "}, "Please write something"),
        ({"date": "2026-03-14", "title": 5}, "not text"),
        ({"date": "2026-03-14", "title": "x", "tags": "@a"}, "tags"),
        ("just a string", "not a jrnl entry"),
    ],
)
def test_an_entry_that_cannot_be_read_is_named_never_quoted(entry: object, reason: str) -> None:
    good = {"date": "2026-03-14", "time": "08:00", "title": "fine"}
    text = json.dumps({"entries": [good, entry]})
    candidates, [rejected] = parse_jrnl(text, zone=_cet)
    assert len(candidates) == 1
    assert rejected.where == "entry 2"
    assert reason in rejected.reason


@pytest.mark.parametrize("text", ["", "{", '{"entries": 3}', "[1, 2]", "[" * 30_000])
def test_a_file_that_is_not_jrnl_json_is_refused_whole(text: str) -> None:
    with pytest.raises(ImportFormatError):
        parse_jrnl(text)


def test_hostile_text_is_kept_literally() -> None:
    hostile = "<img src=file:///etc/passwd> **x** \u202eevil"
    text = json.dumps({"entries": [{"date": "2026-03-14", "title": "t", "body": hostile}]})
    [candidate], _ = parse_jrnl(text, zone=_cet)
    assert isinstance(candidate.entry, Reflection)
    assert candidate.entry.body == hostile


def test_the_file_reader_of_the_app_and_the_cli_recognises_jrnl_by_its_content() -> None:
    parsed = parse_file(_file())  # no format given: File → Import… and `import` both ask so
    assert parsed.kind == "jrnl"
    assert parsed.candidates and all(isinstance(c.entry, Reflection) for c in parsed.candidates)
    assert parsed.rejected == []
