"""The shipped lists in German: the same words under stable keys, so a person's choices hold."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from tests.store.conftest import Clock
from trustjournal.core import i18n
from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.resources import load_json
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vocabulary import VocabularyRepository

AT = datetime(2026, 3, 14, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def _lists(db: Database, clock: Clock) -> VocabularyRepository:
    """A repository reading the shipped files of the language now set."""
    return VocabularyRepository(db=db, clock=clock)


def test_every_german_file_has_every_english_word_under_its_english_key() -> None:
    english = load_json("vocabulary", "emotions.json")["families"]
    german = load_json("vocabulary", "emotions.json", lang="de")["families"]
    assert [f["emotions"] for f in english] == [[e["id"] for e in f["emotions"]] for f in german]
    for file, key in (
        ("trigger_categories.json", "categories"),
        ("coping_strategies.json", "strategies"),
    ):
        en_items = load_json("vocabulary", file)[key]
        de_items = load_json("vocabulary", file, lang="de")[key]
        assert [i["name"] for i in en_items] == [i["id"] for i in de_items]
        assert all(i["name"] and i["description"] for i in de_items)
    en_prompts = load_json("prompts", "gratitude_prompts.json")["prompts"]
    de_prompts = load_json("prompts", "gratitude_prompts.json", lang="de")["prompts"]
    assert len(de_prompts) == len(en_prompts) and set(de_prompts).isdisjoint(en_prompts)


def test_the_lists_speak_german_when_german_is_chosen(db: Database, clock: Clock) -> None:
    i18n.set_language("de")
    lists = _lists(db, clock)
    first = lists.items("emotion")[0]
    assert (first.name, first.family) == ("froh", "Freude")
    money = next(c for c in lists.items("category") if c.name == "Geld")
    assert money.description is not None and "Kassenbon" in money.description
    assert lists.prompts()[0].startswith("Etwas Kleines")


def test_a_rename_or_hide_in_one_language_holds_in_the_other(db: Database, clock: Clock) -> None:
    english = _lists(db, clock)
    english.rename("emotion", "glad", "gladdened")
    english.hide("category", "Money")

    i18n.set_language("de")
    german = _lists(db, clock)
    emotions = german.items("emotion", include_hidden=True)
    assert emotions[0].name == "gladdened" and emotions[0].family == "Freude"
    assert "froh" not in [e.name for e in emotions]
    assert "Geld" not in [c.name for c in german.items("category")]
    assert "Geld" in [c.name for c in german.items("category", include_hidden=True)]
    german.hide("coping", "Langsam atmen")

    i18n.set_language("en")
    assert "Slow breathing" not in [s.name for s in _lists(db, clock).items("coping")]


def test_an_entry_keeps_the_words_it_was_saved_with(db: Database, clock: Clock) -> None:
    i18n.set_language("de")
    repo = EntryRepository(db=db, clock=clock)
    saved = repo.add(MoodCheckIn(occurred_at=AT, mood=6, emotions=("froh", "ruhig")))
    i18n.set_language("en")
    assert repo.get(saved.id or 0).emotions == ("froh", "ruhig")  # never rewritten


def test_a_shipped_word_respelled_only_in_case_keeps_the_new_spelling(
    db: Database, clock: Clock
) -> None:
    _lists(db, clock).rename("emotion", "glad", "Glad")
    i18n.set_language("de")
    assert _lists(db, clock).items("emotion")[0].name == "Glad"
