"""Search finds words in every field of a reflection, an "I" statement and time together."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from trustjournal.core.entries import Entry, EntryKind, QualityTime, Reflection, Statement
from trustjournal.core.query import EntryQuery
from trustjournal.store.entries import EntryRepository

AT = datetime(2026, 3, 14, 20, tzinfo=UTC)

ENTRIES: dict[str, Entry] = {
    "reflection": Reflection(
        occurred_at=AT,
        title="titleword",
        body="# Heading\n\n**bodyword** and *more*\n\n- listword",
        prompt="promptword",
        tags=("reflectiontag",),
    ),
    "statement": Statement(
        occurred_at=AT,
        feel=("feelword",),
        when="whenword",
        because="becauseword",
        request="requestword",
        said_on=date(2026, 3, 15),
        outcome="outcomeword",
        felt_after="feltword",
    ),
    "quality_time": QualityTime(
        occurred_at=AT, what="whatword", minutes=30, connection=8, appreciated="appreciatedword"
    ),
}
WORDS = {
    "reflection": ("titleword", "bodyword", "listword", "promptword", "reflectiontag"),
    "statement": (
        "feelword",
        "whenword",
        "becauseword",
        "requestword",
        "outcomeword",
        "feltword",
    ),
    "quality_time": ("whatword", "appreciatedword"),
}


@pytest.mark.parametrize(
    ("kind", "word"), [(kind, word) for kind, words in WORDS.items() for word in words]
)
def test_search_finds_a_word_of_every_new_field(
    repo: EntryRepository, kind: str, word: str
) -> None:
    saved = {name: repo.add(entry) for name, entry in ENTRIES.items()}
    assert repo.ids(EntryQuery(search=word)) == [saved[kind].id]
    assert repo.ids(EntryQuery(search=word[:4] + "*")) == [saved[kind].id]
    only_kind = EntryQuery(search=word, kinds=frozenset({EntryKind(kind)}))
    assert repo.ids(only_kind) == [saved[kind].id]


def test_an_edit_replaces_the_searched_text(repo: EntryRepository) -> None:
    saved = repo.add(ENTRIES["reflection"])
    repo.update(saved.with_changes(body="rewritten entirely"))
    assert repo.ids(EntryQuery(search="bodyword")) == []
    assert repo.ids(EntryQuery(search="rewritten")) == [saved.id]


def test_kinds_filter_the_new_kinds(repo: EntryRepository) -> None:
    saved = {name: repo.add(entry) for name, entry in ENTRIES.items()}
    for name, entry in saved.items():
        assert repo.ids(EntryQuery(kinds=frozenset({EntryKind(name)}))) == [entry.id]
    assert repo.count(EntryQuery()) == 3
