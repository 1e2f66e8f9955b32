"""Entries validate and normalise themselves; an invalid entry cannot be built."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from trustjournal.core.entries import (
    MAX_NAMES,
    MAX_TEXT,
    About,
    EntryKind,
    GratitudeEntry,
    MoodCheckIn,
    TriggerRecord,
    searchable_text,
)
from trustjournal.core.errors import ValidationError

WHEN = datetime(2026, 3, 1, 22, 30, tzinfo=timezone(timedelta(hours=-5)))


def test_mood_range_is_enforced() -> None:
    for bad in (0, 11, -1):
        with pytest.raises(ValidationError, match="mood") as caught:
            MoodCheckIn(occurred_at=WHEN, mood=bad)
        assert caught.value.field == "mood"
    assert MoodCheckIn(occurred_at=WHEN, mood=1).mood == 1


@pytest.mark.parametrize("field", ["connection", "trust"])
def test_connection_and_trust_are_optional_zero_to_ten(field: str) -> None:
    assert getattr(MoodCheckIn(occurred_at=WHEN, mood=5, **{field: 0}), field) == 0
    with pytest.raises(ValidationError):
        MoodCheckIn(occurred_at=WHEN, mood=5, **{field: 11})


def test_booleans_and_strings_are_not_numbers() -> None:
    with pytest.raises(ValidationError):
        MoodCheckIn(occurred_at=WHEN, mood=True)
    with pytest.raises(ValidationError):
        MoodCheckIn(occurred_at=WHEN, mood="7")  # type: ignore[arg-type]


def test_a_time_without_offset_is_refused() -> None:
    with pytest.raises(ValidationError, match="offset"):
        MoodCheckIn(occurred_at=datetime(2026, 3, 1, 12, 0), mood=5)


def test_required_text_must_not_be_blank() -> None:
    with pytest.raises(ValidationError):
        GratitudeEntry(occurred_at=WHEN, text="   \n")
    with pytest.raises(ValidationError):
        TriggerRecord(occurred_at=WHEN, situation="", intensity=5)


def test_overlong_text_is_refused_without_repeating_it() -> None:
    with pytest.raises(ValidationError) as caught:
        GratitudeEntry(occurred_at=WHEN, text="secret " * (MAX_TEXT // 6))
    assert "secret" not in str(caught.value)


def test_text_is_nfc_normalised_and_lone_surrogates_replaced() -> None:
    decomposed = unicodedata.normalize("NFD", "café")
    entry = MoodCheckIn(occurred_at=WHEN, mood=5, note=decomposed + " \ud800!")
    assert entry.note == "café \ufffd!"


def test_names_are_trimmed_and_deduplicated_case_insensitively() -> None:
    entry = MoodCheckIn(
        occurred_at=WHEN, mood=5, emotions=[" Calm ", "calm", "", "hope  ful"], tags=("A", "a")
    )
    assert entry.emotions == ("Calm", "hope ful")
    assert entry.tags == ("A",)


def test_an_overlong_name_is_refused_in_plain_words_without_repeating_it() -> None:
    with pytest.raises(ValidationError) as caught:
        MoodCheckIn(occurred_at=WHEN, mood=5, emotions=["secretword" * 9])
    message = str(caught.value)
    assert message == "A word or name can be up to 80 characters; this one has 90."
    assert caught.value.field == "emotions"


def test_too_many_names_are_refused() -> None:
    with pytest.raises(ValidationError):
        MoodCheckIn(occurred_at=WHEN, mood=5, tags=[f"t{i}" for i in range(MAX_NAMES + 1)])
    with pytest.raises(ValidationError):
        MoodCheckIn(occurred_at=WHEN, mood=5, tags="not-a-list")  # type: ignore[arg-type]


def test_gratitude_expressed_on_implies_expressed() -> None:
    entry = GratitudeEntry(occurred_at=WHEN, text="tea", expressed_on=date(2026, 3, 2))
    assert entry.expressed is True
    assert GratitudeEntry(occurred_at=WHEN, text="tea", about="us").about is About.US
    with pytest.raises(ValidationError):
        GratitudeEntry(occurred_at=WHEN, text="tea", about="the cat")  # type: ignore[arg-type]


def test_trigger_scales_and_optional_fields() -> None:
    record = TriggerRecord(occurred_at=WHEN, situation="Late again", intensity=0, category=" ")
    assert record.category is None and record.intensity_after is None
    with pytest.raises(ValidationError):
        TriggerRecord(occurred_at=WHEN, situation="x", intensity=11)
    with pytest.raises(ValidationError):
        TriggerRecord(occurred_at=WHEN, situation="x", intensity=5, intensity_after=-1)


def test_kind_is_fixed_by_the_class_and_changes_revalidate() -> None:
    mood = MoodCheckIn(occurred_at=WHEN, mood=5)
    assert mood.kind is EntryKind.MOOD
    with pytest.raises(ValidationError):
        mood.with_changes(mood=42)
    assert mood.with_changes(occurred_at=WHEN.astimezone(UTC)).occurred_at == WHEN


def test_searchable_text_covers_every_text_field_and_name() -> None:
    record = TriggerRecord(
        occurred_at=WHEN,
        situation="s1",
        intensity=5,
        thoughts="t1",
        body="b1",
        urge="u1",
        response="r1",
        need="n1",
        emotions=("e1",),
        coping=("c1",),
        category="k1",
        tags=("g1",),
    )
    text = searchable_text(record)
    for word in ("s1", "t1", "b1", "u1", "r1", "n1", "e1", "c1", "k1", "g1"):
        assert word in text
