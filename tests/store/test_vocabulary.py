"""Vocabulary: the shipped lists from resources/, combined with the person's own names.

Expectations are read from the shipped files themselves, so these tests hold for any
vocabulary that keeps the documented format.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.store.conftest import Clock
from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.core.errors import ValidationError
from trustjournal.core.resources import load_json
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vocabulary import (
    OWN_FAMILY,
    VocabularyItem,
    VocabularyList,
    VocabularyRepository,
)

FAMILIES = load_json("vocabulary", "emotions.json")["families"]
CATEGORIES = load_json("vocabulary", "trigger_categories.json")["categories"]
STRATEGIES = load_json("vocabulary", "coping_strategies.json")["strategies"]
FIRST_FAMILY = FAMILIES[0]["name"]
FIRST_EMOTION = FAMILIES[0]["emotions"][0]
FIRST_CATEGORY = CATEGORIES[0]["name"]
AT = datetime(2026, 3, 14, 12, tzinfo=UTC)


@pytest.fixture
def vocabulary(db: Database, clock: Clock) -> VocabularyRepository:
    return VocabularyRepository(db=db, clock=clock)


def _names(items: list[VocabularyItem]) -> list[str]:
    return [item.name for item in items]


def test_the_shipped_lists_come_from_the_resource_files(vocabulary: VocabularyRepository) -> None:
    emotions = vocabulary.items("emotion")
    assert _names(emotions) == [e for family in FAMILIES for e in family["emotions"]]
    assert emotions[0] == VocabularyItem(FIRST_EMOTION, family=FIRST_FAMILY, shipped=True)
    categories = vocabulary.items(VocabularyList.CATEGORY)
    assert [(c.name, c.description) for c in categories] == [
        (c["name"], c.get("description")) for c in CATEGORIES
    ]
    assert all(c.shipped and not c.hidden for c in categories)
    assert _names(vocabulary.items("coping")) == [s["name"] for s in STRATEGIES]
    assert vocabulary.emotion_families() == [(f["name"], f["emotions"]) for f in FAMILIES]


def test_prompts_come_from_the_resource_file(vocabulary: VocabularyRepository) -> None:
    prompts = vocabulary.prompts()
    assert prompts == load_json("prompts", "gratitude_prompts.json")["prompts"]
    assert prompts and all(isinstance(p, str) and p for p in prompts)


def test_own_names_follow_the_shipped_ones(vocabulary: VocabularyRepository) -> None:
    added = vocabulary.add("category", "  Work   trips ")
    assert added == VocabularyItem("Work trips")
    vocabulary.add("category", "Old photos")
    assert _names(vocabulary.items("category"))[-2:] == ["Work trips", "Old photos"]
    assert not vocabulary.items("category")[-1].shipped


def test_own_emotions_join_a_family_or_their_own(vocabulary: VocabularyRepository) -> None:
    vocabulary.add("emotion", "wistful")
    vocabulary.add("emotion", "buoyant", family=FIRST_FAMILY.upper())
    vocabulary.add("emotion", "raw", family="Hurt")
    families = dict(vocabulary.emotion_families())
    assert families[FIRST_FAMILY][-1] == "buoyant"
    assert families["Hurt"] == ["raw"]
    assert families[OWN_FAMILY] == ["wistful"]
    assert list(families)[-2:] == [OWN_FAMILY, "Hurt"]


@pytest.mark.parametrize("spelling", [FIRST_EMOTION, FIRST_EMOTION.upper(), f" {FIRST_EMOTION} "])
def test_a_duplicate_name_is_a_clear_error(vocabulary: VocabularyRepository, spelling: str) -> None:
    with pytest.raises(ValidationError, match="already in the list"):
        vocabulary.add("emotion", spelling)
    vocabulary.add("coping", "Call a friend")
    with pytest.raises(ValidationError, match="already in the list"):
        vocabulary.add("coping", "call A FRIEND")


def test_invalid_additions_are_clear_errors(vocabulary: VocabularyRepository) -> None:
    with pytest.raises(ValidationError, match="list"):
        vocabulary.add("feelings", "x")
    with pytest.raises(ValidationError, match="name"):
        vocabulary.add("coping", "   ")
    with pytest.raises(ValidationError, match="family"):
        vocabulary.add("category", "x", family="y")
    with pytest.raises(ValidationError):
        vocabulary.add("coping", "x" * 81)
    assert len(vocabulary.items("coping")) == len(STRATEGIES)


def test_renaming_a_shipped_name_keeps_its_place_family_and_description(
    vocabulary: VocabularyRepository,
) -> None:
    vocabulary.rename("emotion", FIRST_EMOTION.upper(), "on top of the world")
    first = vocabulary.items("emotion")[0]
    assert first == VocabularyItem("on top of the world", family=FIRST_FAMILY, shipped=True)
    vocabulary.rename("category", FIRST_CATEGORY, "Phones")
    assert vocabulary.items("category")[0].description == CATEGORIES[0].get("description")
    vocabulary.rename("category", "phones", FIRST_CATEGORY)  # and back again
    assert _names(vocabulary.items("category"))[0] == FIRST_CATEGORY
    # the old shipped spelling is free for an own name once renamed away
    vocabulary.add("emotion", FIRST_EMOTION)
    assert _names(vocabulary.items("emotion"))[-1] == FIRST_EMOTION


def test_renaming_an_own_name_and_changing_only_its_case(vocabulary: VocabularyRepository) -> None:
    vocabulary.add("coping", "journaling")
    vocabulary.rename("coping", "Journaling", "Journalling")
    vocabulary.rename("coping", "journalling", "JOURNALLING")
    assert _names(vocabulary.items("coping"))[-1] == "JOURNALLING"


def test_renaming_onto_another_name_or_from_a_missing_one_fails(
    vocabulary: VocabularyRepository,
) -> None:
    vocabulary.add("coping", "Call a friend")
    with pytest.raises(ValidationError, match="already in the list"):
        vocabulary.rename("coping", "call a friend", STRATEGIES[0]["name"].lower())
    with pytest.raises(ValidationError, match="not in the list"):
        vocabulary.rename("coping", "never added", "anything")


def test_hidden_names_leave_the_choices_but_stay_known(vocabulary: VocabularyRepository) -> None:
    vocabulary.hide("emotion", FIRST_EMOTION)
    vocabulary.add("category", "Mine")
    vocabulary.hide("category", "mine")
    assert FIRST_EMOTION not in _names(vocabulary.items("emotion"))
    assert FIRST_EMOTION not in dict(vocabulary.emotion_families()).get(FIRST_FAMILY, [])
    hidden = vocabulary.items("emotion", include_hidden=True)[0]
    assert hidden == VocabularyItem(FIRST_EMOTION, FIRST_FAMILY, None, shipped=True, hidden=True)
    assert "Mine" not in _names(vocabulary.items("category"))
    with pytest.raises(ValidationError, match="hidden"):
        vocabulary.add("emotion", FIRST_EMOTION)
    vocabulary.hide("emotion", FIRST_EMOTION, hidden=False)
    vocabulary.hide("category", "Mine", hidden=False)
    assert _names(vocabulary.items("emotion"))[0] == FIRST_EMOTION
    assert _names(vocabulary.items("category"))[-1] == "Mine"


def test_renamed_names_stay_hidden_and_hidden_names_keep_their_spelling(
    vocabulary: VocabularyRepository,
) -> None:
    vocabulary.rename("category", FIRST_CATEGORY, "Screens")
    vocabulary.hide("category", "screens")
    vocabulary.rename("category", "Screens", "Devices")
    [item] = [i for i in vocabulary.items("category", include_hidden=True) if i.hidden]
    assert item.name == "Devices"
    assert item.shipped


def test_renaming_or_hiding_never_changes_existing_entries(
    vocabulary: VocabularyRepository, repo: EntryRepository
) -> None:
    mood = repo.add(MoodCheckIn(occurred_at=AT, mood=6, emotions=(FIRST_EMOTION,)))
    trigger = repo.add(
        TriggerRecord(
            occurred_at=AT,
            situation="s",
            intensity=5,
            category=FIRST_CATEGORY,
            coping=(STRATEGIES[0]["name"],),
        )
    )
    vocabulary.rename("emotion", FIRST_EMOTION, "renamed")
    vocabulary.hide("category", FIRST_CATEGORY)
    vocabulary.rename("coping", STRATEGIES[0]["name"], "renamed too")
    assert repo.get(mood.id or 0) == mood
    assert repo.get(trigger.id or 0) == trigger


def test_a_name_no_longer_shipped_stays_the_persons_own(
    vocabulary: VocabularyRepository, db: Database
) -> None:
    """An upgrade may drop a shipped name; what the person made of it is kept."""
    with db.transaction():
        db.execute(
            "INSERT INTO vocabulary (list, name, name_key, shipped_key, hidden, created_utc)"
            " VALUES ('coping', 'Count to ten slowly', 'count to ten slowly', 'count to ten', 0, 0)"
        )
    last = vocabulary.items("coping")[-1]
    assert last == VocabularyItem("Count to ten slowly", shipped=False)
    vocabulary.rename("coping", "count to ten slowly", "Count to twenty")
    assert _names(vocabulary.items("coping"))[-1] == "Count to twenty"


def test_an_own_name_that_later_ships_is_shown_once_and_can_still_be_hidden(
    vocabulary: VocabularyRepository, db: Database
) -> None:
    """An upgrade may ship a name the person had already added themselves."""
    with db.transaction():
        db.execute(
            "INSERT INTO vocabulary (list, name, name_key, hidden, created_utc)"
            " VALUES ('category', ?, ?, 0, 0)",
            (FIRST_CATEGORY.upper(), FIRST_CATEGORY.casefold()),
        )
    names = _names(vocabulary.items("category"))
    assert [n.casefold() for n in names].count(FIRST_CATEGORY.casefold()) == 1
    vocabulary.hide("category", FIRST_CATEGORY)
    assert FIRST_CATEGORY.casefold() not in [
        n.casefold() for n in _names(vocabulary.items("category"))
    ]
    assert db.scalar("SELECT count(*) FROM vocabulary") == 1
