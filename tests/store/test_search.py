"""Full-text search: what a person types is words, phrases and prefixes, never FTS5 syntax."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.store.conftest import create_schema
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.errors import SearchQueryError
from trustjournal.core.query import EntryQuery
from trustjournal.store.db import Database, open_database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.search import search_terms, to_fts_query

AT = datetime(2026, 3, 14, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", ""),
        ("   \t\n", ""),
        ("tea", '"tea"'),
        ("quiet tea", '"quiet" AND "tea"'),
        ('"a quiet evening"', '"a quiet evening"'),
        ('"  a   quiet  " tea', '"a quiet" AND "tea"'),
        ("tea*", '"tea"*'),
        ('"quiet eve"*', '"quiet eve"*'),
        ("don't", '"don\'t"'),
        ("C++", '"C++"'),
        ("AND OR NOT", '"AND" AND "OR" AND "NOT"'),
        ("col:x", '"col:x"'),
        ("NEAR(a b)", '"NEAR(a" AND "b)"'),
        ("^start", '"^start"'),
        ("tea ' * & -", '"tea"'),
        ('tea"quiet one"', '"tea" AND "quiet one"'),
        ("cafe\u0301", '"café"'),  # composed like the stored text (NFC)
        ("tea\x00quiet", '"tea" AND "quiet"'),  # a NUL would end the FTS5 string
    ],
)
def test_typed_text_becomes_a_quoted_fts_expression(typed: str, expected: str) -> None:
    assert to_fts_query(typed) == expected


@pytest.mark.parametrize("typed", ['"', 'tea "quiet', '"a" "b', 'say "hi""'])
def test_an_unclosed_quote_is_a_clear_error(typed: str) -> None:
    with pytest.raises(SearchQueryError, match="quotation mark"):
        to_fts_query(typed)


@pytest.mark.parametrize("typed", ["'", "*", '""', "& - !", "❤️"])
def test_a_search_without_any_word_is_a_clear_error(typed: str) -> None:
    with pytest.raises(SearchQueryError, match="words and numbers"):
        to_fts_query(typed)


def test_search_terms_are_what_to_highlight() -> None:
    assert search_terms('tea "quiet evening" walk* &') == ["tea", "quiet evening", "walk"]
    assert search_terms("") == []


@pytest.fixture
def journal(repo: EntryRepository) -> dict[str, int]:
    texts = {
        "cafe": "Coffee at the Café du Port, a quiet evening.",
        "dont": "I don't want to check the phone. C++ and NEAR(me) col:x",
        "lighthouse": "A long walk to the lighthouse and back.",
        "words": "AND OR NOT — just words",
    }
    ids = {
        key: repo.add(MoodCheckIn(occurred_at=AT, mood=5, note=text)).id or 0
        for key, text in texts.items()
    }
    ids["tagged"] = repo.add(MoodCheckIn(occurred_at=AT, mood=5, tags=("Zürich trip",))).id or 0
    ids["grat"] = (
        repo.add(GratitudeEntry(occurred_at=AT, text="tea", prompt="what evening?")).id or 0
    )
    ids["trig"] = (
        repo.add(
            TriggerRecord(
                occurred_at=AT,
                situation="late",
                intensity=6,
                category="Lateness",
                coping=("Slow breathing",),
                emotions=("Jealous",),
            )
        ).id
        or 0
    )
    return ids


def _found(repo: EntryRepository, journal: dict[str, int], typed: str) -> set[str]:
    ids = set(repo.ids(EntryQuery(search=typed)))
    return {key for key, entry_id in journal.items() if entry_id in ids}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("cafe", {"cafe"}),  # accents ignored
        ("CAFÉ", {"cafe"}),  # and letter case
        ("quiet evening", {"cafe"}),
        ('"quiet evening"', {"cafe"}),
        ('"evening quiet"', set()),
        ("evening", {"cafe", "grat"}),  # the prompt is searched too
        ("light*", {"lighthouse"}),
        ("l*", {"lighthouse", "trig"}),
        ('"to the light"*', {"lighthouse"}),
        ("light", set()),
        ("don't", {"dont"}),
        ("C++", {"dont"}),
        ("NEAR(me)", {"dont"}),
        ("col:x", {"dont"}),
        ("AND OR NOT", {"words"}),
        ("zurich", {"tagged"}),  # tags, emotions, coping and category are searchable
        ("jealous breathing lateness", {"trig"}),
        ("tea lighthouse", set()),  # words are AND-ed
    ],
)
def test_search_finds_entries_by_words_phrases_and_prefixes(
    repo: EntryRepository, journal: dict[str, int], typed: str, expected: set[str]
) -> None:
    assert _found(repo, journal, typed) == expected


def test_an_empty_search_is_no_filter(repo: EntryRepository, journal: dict[str, int]) -> None:
    assert repo.count(EntryQuery(search="")) == repo.count(EntryQuery(search="  ")) == len(journal)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('"', None),
        ("*", None),
        ("'", None),
        ("(", None),
        ("^", None),
        ("-", None),
        ("AND OR NOT", {"words"}),
        ("col:x", {"dont"}),
        ("NEAR(", {"dont"}),
        ("", None),
        ("phone:", {"dont"}),
        ("want\x00phone", {"dont"}),
        ("don't* phone", {"dont"}),
    ],
)
def test_hostile_searches_give_results_or_a_clear_error(
    repo: EntryRepository, journal: dict[str, int], typed: str, expected: set[str] | None
) -> None:
    if expected is not None:
        assert _found(repo, journal, typed) == expected
    elif typed.strip():
        with pytest.raises(SearchQueryError, match=r"(?i)search"):
            repo.ids(EntryQuery(search=typed))
    else:
        assert repo.count(EntryQuery(search=typed)) == len(journal)


@pytest.fixture(scope="module")
def index() -> Iterator[Database]:
    """An in-memory database with the schema: only the FTS5 parser is under test here."""
    db = open_database(None, os.urandom(32))
    create_schema(db)
    yield db
    db.close()


typed_text = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from('"*:()^-+{}[],. '), max_size=30
)


@settings(max_examples=300, deadline=None)
@given(typed=typed_text)
def test_no_typed_text_ever_reaches_fts5_as_syntax(index: Database, typed: str) -> None:
    try:
        query = to_fts_query(typed)
    except SearchQueryError:
        return
    if query:
        index.query("SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?", (query,))
