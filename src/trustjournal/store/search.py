"""What a person types into the search box, turned into a safe FTS5 expression.

Every word is quoted, so FTS5 operators and column filters (`AND`, `NEAR(`, `col:x`, `^`)
are searched for as plain words and can never be syntax. A "quoted phrase" stays a phrase, and
a trailing `*` asks for words that start with what came before it. Words are AND-ed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from trustjournal.core.errors import SearchQueryError

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")

# Unicode categories that make a word for the `unicode61` tokenizer: letters, numbers and
# private-use characters. (It also keeps combining marks, but only folds them into a letter.)
_WORD_CATEGORIES = ("L", "N", "Co")

UNCLOSED_QUOTE = 'A quotation mark in the search is not closed. Add the closing " or remove it.'
NOTHING_TO_FIND = "Search looks for words and numbers. Please type at least one."


@dataclass(frozen=True)
class SearchTerm:
    """One word or phrase of a search.

    Attributes:
        text: the word or phrase as typed (without quotes or the trailing `*`).
        phrase: whether it was typed in quotes.
        prefix: whether it ended with `*` (find words starting with it).
    """

    text: str
    phrase: bool = False
    prefix: bool = False

    def to_fts(self) -> str:
        """This term as one quoted FTS5 string, with `*` for a prefix."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + "*" if self.prefix else quoted


def _has_word(text: str) -> bool:
    return any(unicodedata.category(ch).startswith(_WORD_CATEGORIES) for ch in text)


def _split(text: str) -> list[SearchTerm]:
    """Scan the typed text into terms; quotes delimit phrases wherever they appear."""
    terms: list[SearchTerm] = []
    i, end = 0, len(text)
    while i < end:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise SearchQueryError(UNCLOSED_QUOTE)
            body = " ".join(text[i + 1 : close].split())
            i = close + 1
            prefix = i < end and text[i] == "*"
            while i < end and text[i] == "*":
                i += 1
            terms.append(SearchTerm(body, phrase=True, prefix=prefix))
        else:
            start = i
            while i < end and not text[i].isspace() and text[i] != '"':
                i += 1
            word = text[start:i]
            stripped = word.rstrip("*")
            terms.append(SearchTerm(stripped, prefix=stripped != word))
    return terms


def parse_search(text: str) -> list[SearchTerm]:
    """The words and phrases of a search, in the order typed; empty for a blank search.

    Terms without a single letter or number (such as `'`, `*` or `&`) are left out, because
    the index holds only words.

    Raises:
        SearchQueryError: if a quotation mark is not closed, or nothing searchable is left.
    """
    normal = unicodedata.normalize("NFC", _LONE_SURROGATE.sub("\ufffd", text or ""))
    # Control characters separate words anyway; a NUL would even end the FTS5 string early.
    terms = _split(_CONTROL.sub(" ", normal))
    searchable = [term for term in terms if _has_word(term.text)]
    if terms and not searchable:
        raise SearchQueryError(NOTHING_TO_FIND)
    return searchable


def to_fts_query(text: str) -> str:
    """The FTS5 MATCH expression for what a person typed; '' means "no search filter".

    Raises:
        SearchQueryError: if a quotation mark is not closed, or nothing searchable is left.
    """
    return " AND ".join(term.to_fts() for term in parse_search(text))


def search_terms(text: str) -> list[str]:
    """The words and phrases to highlight in results, as typed (prefixes without `*`).

    Raises:
        SearchQueryError: if a quotation mark is not closed, or nothing searchable is left.
    """
    return [term.text for term in parse_search(text)]
