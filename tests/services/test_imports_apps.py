"""Daylio's CSV becomes mood check-ins (moods mapped, activities as tags), twice adds nothing;
formats are recognised from the content; bad files say where, and never crash."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.errors import ValidationError
from trustjournal.services import imports
from trustjournal.services.imports import ImportFormatError
from trustjournal.services.imports_apps import (
    detect,
    parse_daylio,
    parse_mood_map,
)
from trustjournal.store.entries import EntryRepository

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
DATA = Path(__file__).resolve().parent.parent / "data"
CET = timezone(timedelta(hours=1))


def _cet(naive: datetime) -> datetime:
    return naive.replace(tzinfo=CET)


def _daylio(**kwargs: object) -> tuple[list[imports.Candidate], list[imports.Rejected]]:
    text = imports.read_text((DATA / "daylio-export.csv").read_bytes())
    return parse_daylio(text, zone=_cet, **kwargs)  # type: ignore[arg-type]


def test_formats_are_recognised_from_the_content() -> None:
    assert detect((DATA / "daylio-export.csv").read_text(encoding="utf-8")) == "daylio"
    assert detect((DATA / "jrnl-export.json").read_text(encoding="utf-8")) == "jrnl"
    assert detect('{"format": "trustjournal-export", "version": 1}') == "trustjournal"
    for other in ("", "just some words", '{"a": 1}', "[1, 2]"):
        with pytest.raises(ImportFormatError):
            detect(other)


def test_daylio_rows_become_check_ins_with_moods_tags_and_notes() -> None:
    candidates, rejected = _daylio()
    entries = [c.entry for c in candidates]
    assert all(isinstance(e, MoodCheckIn) for e in entries)
    first, second, third, fourth = entries
    assert first.occurred_at == datetime(2026, 3, 14, 20, 30, tzinfo=CET)
    assert (first.mood, first.tags) == (7, ("friends", "walk"))
    assert first.note == "A good day\n\nWe walked by the harbour, and talked."
    assert (second.mood, second.tags, second.note) == (5, (), "")
    assert second.occurred_at.hour == 7
    assert third.occurred_at == datetime(2026, 3, 13, 0, 5, tzinfo=CET)  # 12:05 AM
    assert third.mood == 1
    assert third.note == 'A long "bad" night\r\nand a longer morning'
    assert (fourth.mood, fourth.occurred_at.hour) == (9, 12)  # rad, 12:00 pm is noon
    # Rows that cannot be read are named by line, with the reason, never their text.
    reasons = {r.where: r.reason for r in rejected}
    assert set(reasons) == {"line 7", "line 8", "line 9"}
    assert "--mood-map" in reasons["line 7"]
    assert "formula" in reasons["line 8"]
    assert "date" in reasons["line 9"]
    assert not any("HYPERLINK" in r or "sleepy" in r for r in reasons.values())


def test_own_moods_are_mapped_by_the_person() -> None:
    candidates, rejected = _daylio(mood_map=parse_mood_map("Sleepy=4"))
    assert [c.entry.mood for c in candidates][-1] == 4  # type: ignore[union-attr]
    assert len(rejected) == 2
    for bad in ("sleepy", "sleepy=0", "sleepy=11", "=4", "sleepy=four"):
        with pytest.raises(ValidationError):
            parse_mood_map(bad)


def test_importing_daylio_twice_adds_nothing(repo: EntryRepository) -> None:
    candidates, rejected = _daylio()
    plan = imports.plan(repo, candidates, rejected)
    assert imports.apply(repo, plan) == 4
    again = imports.plan(repo, *_daylio())
    assert (len(again.to_add), again.skipped) == (0, 4)
    assert again.summary() == {
        "added": 0,
        "skipped": 4,
        "rejected": [{"where": r.where, "reason": r.reason} for r in rejected],
    }
    assert plan.by_kind_and_year() == {("mood", 2026): 4}


def test_broken_quoting_and_missing_columns_import_nothing() -> None:
    broken = HEADER + '2026-03-14,a,b,9:00,good,,,"open\n'
    with pytest.raises(ImportFormatError, match="quoting"):
        parse_daylio(broken, zone=_cet)
    with pytest.raises(ImportFormatError, match="columns"):
        parse_daylio("full_date,mood\n2026-03-14,good\n", zone=_cet)


@pytest.mark.parametrize("clock_text", ["25:00", "13:00 pm", "9", "noon", "0:00 am"])
def test_times_that_do_not_parse_are_rejected(clock_text: str) -> None:
    row = HEADER + f"2026-03-14,a,b,{clock_text},good,,,\n"
    candidates, [rejected] = parse_daylio(row, zone=_cet)
    assert candidates == []
    assert "time" in rejected.reason


def test_the_local_offset_of_the_day_is_used_by_default() -> None:
    row = HEADER + "2026-07-01,a,b,9:00,good,,,\n"
    [candidate], _ = parse_daylio(row)
    assert candidate.entry.occurred_at.utcoffset() is not None


def test_the_reasons_are_translated() -> None:
    from trustjournal.core.i18n import set_language

    set_language("de")
    try:
        _candidates, rejected = _daylio()
        assert rejected[0].where == "Zeile 7"
    finally:
        set_language("en")
