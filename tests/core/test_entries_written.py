"""Reflections, "I" statements and time together validate and normalise themselves."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta, timezone

import pytest

from trustjournal.core.entries import (
    ENTRY_TYPES,
    MAX_BODY,
    MAX_MINUTES,
    MAX_TEXT,
    EntryKind,
    QualityTime,
    Reflection,
    Statement,
    field_names,
    searchable_text,
)
from trustjournal.core.errors import ValidationError
from trustjournal.core.serialize import from_dict, to_dict
from trustjournal.core.wording import compose_statement, duration_words, kind_word, summarise

WHEN = datetime(2026, 3, 1, 22, 30, tzinfo=timezone(timedelta(hours=-5)))
DECOMPOSED = unicodedata.normalize("NFD", "Café déjà vu")


def test_the_new_kinds_have_their_names_and_classes() -> None:
    assert EntryKind("reflection") is EntryKind.REFLECTION
    assert EntryKind("statement") is EntryKind.STATEMENT
    assert EntryKind("quality_time") is EntryKind.QUALITY_TIME
    assert ENTRY_TYPES[EntryKind.REFLECTION] is Reflection
    assert Reflection(occurred_at=WHEN, body="x").kind is EntryKind.REFLECTION
    assert Statement(occurred_at=WHEN, feel=("hurt",), when="x").kind is EntryKind.STATEMENT
    assert QualityTime(occurred_at=WHEN, what="x").kind is EntryKind.QUALITY_TIME


def test_field_names_are_the_command_line_names() -> None:
    envelope = ("occurred_at", "id", "tags", "private", "created_at", "updated_at")
    assert field_names(EntryKind.REFLECTION) == (*envelope, "body", "title", "prompt")
    assert field_names(EntryKind.STATEMENT) == (
        *envelope,
        *("feel", "when", "because", "request", "said", "said_on", "outcome", "felt_after"),
    )
    assert field_names(EntryKind.QUALITY_TIME) == (
        *envelope,
        *("what", "minutes", "connection", "appreciated"),
    )


def test_a_reflection_of_a_hundred_thousand_words_fits() -> None:
    body = "Heute habe ich lange nachgedacht über Vertrauen. " * 14_300  # > 100 000 words
    assert len(body.split()) > 100_000
    assert len(body) > MAX_TEXT  # the ordinary limit would refuse it
    assert Reflection(occurred_at=WHEN, body=body).body == body


def test_a_reflection_body_beyond_its_limit_is_refused_by_name_without_repeating_it() -> None:
    with pytest.raises(ValidationError) as caught:
        Reflection(occurred_at=WHEN, body="secret " * (MAX_BODY // 7 + 1))
    assert caught.value.field == "reflection"
    assert "secret" not in str(caught.value)
    with pytest.raises(ValidationError) as title:
        Reflection(occurred_at=WHEN, body="x", title="t" * (MAX_TEXT + 1))
    assert title.value.field == "title"


def test_a_reflection_needs_a_body_and_keeps_markdown_as_written() -> None:
    with pytest.raises(ValidationError, match="reflection") as caught:
        Reflection(occurred_at=WHEN, body="  \n ")
    assert caught.value.field == "reflection"
    markdown = "# Today\n\n**bold** and *soft*\n\n- one\n- two\n"
    entry = Reflection(occurred_at=WHEN, body=markdown, title=DECOMPOSED, prompt="  ")
    assert entry.body == markdown
    assert entry.title == unicodedata.normalize("NFC", DECOMPOSED)
    assert entry.prompt is None  # a blank prompt is no prompt


def test_a_statement_needs_a_feeling_and_a_situation() -> None:
    with pytest.raises(ValidationError) as no_feeling:
        Statement(occurred_at=WHEN, feel=(" ", ""), when="you came home late")
    assert no_feeling.value.field == "feel"
    with pytest.raises(ValidationError) as no_when:
        Statement(occurred_at=WHEN, feel=("hurt",), when=" ")
    assert no_when.value.field == "when"
    with pytest.raises(ValidationError) as not_names:
        Statement(occurred_at=WHEN, feel="hurt", when="x")  # type: ignore[arg-type]
    assert not_names.value.field == "feel"


def test_a_statement_said_on_a_day_was_said_and_feelings_are_cleaned() -> None:
    entry = Statement(
        occurred_at=WHEN,
        feel=(" hurt ", "Hurt", "lonely"),
        when="plans change",
        said_on=date(2026, 3, 2),
    )
    assert entry.feel == ("hurt", "lonely")
    assert entry.said is True
    with pytest.raises(ValidationError) as caught:
        Statement(occurred_at=WHEN, feel=("hurt",), when="x", said_on=WHEN)  # type: ignore[arg-type]
    assert caught.value.field == "said_on"


@pytest.mark.parametrize("name", ["because", "request", "outcome", "felt_after"])
def test_statement_texts_are_named_in_their_errors(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Statement(occurred_at=WHEN, feel=("hurt",), when="x", **{name: "y" * (MAX_TEXT + 1)})
    assert caught.value.field == name


def test_time_together_minutes_and_connection_are_bounded() -> None:
    entry = QualityTime(occurred_at=WHEN, what="a walk", minutes=45, connection=0)
    assert (entry.minutes, entry.connection) == (45, 0)
    assert QualityTime(occurred_at=WHEN, what="away", minutes=MAX_MINUTES).minutes == MAX_MINUTES
    for field, bad in (("minutes", 0), ("minutes", MAX_MINUTES + 1), ("minutes", True)):
        with pytest.raises(ValidationError) as caught:
            QualityTime(occurred_at=WHEN, what="a walk", **{field: bad})
        assert caught.value.field == field
    for bad in (-1, 11):
        with pytest.raises(ValidationError) as conn:
            QualityTime(occurred_at=WHEN, what="a walk", connection=bad)
        assert conn.value.field == "connection"
    with pytest.raises(ValidationError) as what:
        QualityTime(occurred_at=WHEN, what="")
    assert what.value.field == "what"


def test_searchable_text_covers_every_new_field() -> None:
    reflection = Reflection(
        occurred_at=WHEN, body="alpha", title="beta", prompt="gamma", tags=("t",)
    )
    assert searchable_text(reflection).split("\n") == ["beta", "alpha", "gamma", "t"]
    statement = Statement(
        occurred_at=WHEN,
        feel=("hurt",),
        when="w1",
        because="b1",
        request="r1",
        outcome="o1",
        felt_after="f1",
    )
    assert set(searchable_text(statement).split("\n")) == {"w1", "b1", "r1", "o1", "f1", "hurt"}
    together = QualityTime(occurred_at=WHEN, what="w2", appreciated="a2")
    assert searchable_text(together).split("\n") == ["w2", "a2"]


def test_the_new_kinds_round_trip_through_plain_dicts() -> None:
    for entry in (
        Reflection(occurred_at=WHEN, body="b", title="t", prompt="p", private=True),
        Statement(occurred_at=WHEN, feel=("hurt",), when="w", said_on=date(2026, 3, 2)),
        QualityTime(occurred_at=WHEN, what="w", minutes=90, connection=8, appreciated="a"),
    ):
        data = to_dict(entry)
        assert from_dict(data) == entry
    assert to_dict(Statement(occurred_at=WHEN, feel=("a",), when="w"))["feel"] == ["a"]


def test_words_for_the_new_kinds() -> None:
    assert kind_word(EntryKind.REFLECTION) == "Reflection"
    assert kind_word(EntryKind.STATEMENT) == "I statement"
    assert kind_word(EntryKind.QUALITY_TIME) == "Time together"
    assert summarise(Reflection(occurred_at=WHEN, body="\n\nfirst line\nsecond")) == "first line"
    assert summarise(Reflection(occurred_at=WHEN, body="body", title="A title")) == "A title"
    statement = Statement(occurred_at=WHEN, feel=("hurt", "lonely"), when="plans change")
    assert summarise(statement) == "I feel hurt, lonely when plans change"
    together = QualityTime(occurred_at=WHEN, what="a walk", minutes=90, connection=7)
    assert summarise(together) == "a walk · 1 h 30 min · connection 7 of 10"
    assert duration_words(1) == "1 minute"
    assert duration_words(120) == "2 h"


def test_a_statement_is_composed_as_it_grows() -> None:
    assert compose_statement((), "") == "I feel … when …"
    assert compose_statement(("hurt",), "plans change?") == "I feel hurt when plans change?"
    assert compose_statement(("hurt",), "plans change") == "I feel hurt when plans change."
    assert compose_statement(("hurt",), "plans change", "I need to count on us", "a text") == (
        "I feel hurt when plans change because I need to count on us. What I would like is a text."
    )
