"""Blame phrasing in an "I" statement ("you always", "you never"…) and a kinder way to consider.

The phrases and hints are data, one file per language (resources/prompts/<lang>/
blame_phrases.json), each with a stable id. A hint is only ever a suggestion: nothing here
stops a statement from being saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from trustjournal.core.i18n import current_language
from trustjournal.core.resources import load_json

FILE = "blame_phrases.json"
GAP = r"(?:[^\W\d_][\w'-]*\s+){0,3}?"  # "*" in a phrase: up to three words between
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True)
class BlamePhrase:
    """One kind of blame phrasing: its stable id, how it is matched, and the kinder hint."""

    id: str
    pattern: re.Pattern[str]
    hint: str


@dataclass(frozen=True)
class BlameHint:
    """A phrase found in the person's words, as they wrote it, with the hint for it."""

    id: str
    found: str
    hint: str


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    alternatives = []
    for phrase in phrases:
        words = phrase.translate(_QUOTES).casefold().split()
        parts = [GAP if w == "*" else re.escape(w) + r"\s+" for w in words]
        # The last word ends the phrase: no "\s+" after it, but a word boundary.
        body = "".join(parts).removesuffix(r"\s+")
        alternatives.append(rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def phrases_from(data: Any) -> tuple[BlamePhrase, ...]:
    """The phrases of a loaded blame_phrases.json (entries without words are skipped)."""
    found = []
    for item in data.get("phrases", []) if isinstance(data, dict) else []:
        words = [str(m) for m in item.get("match", []) if str(m).strip()]
        if words and item.get("id") and item.get("hint"):
            found.append(BlamePhrase(str(item["id"]), _pattern(words), str(item["hint"])))
    return tuple(found)


@cache
def _phrases(lang: str) -> tuple[BlamePhrase, ...]:
    return phrases_from(load_json("prompts", FILE, lang=lang))


def shipped_phrases() -> tuple[BlamePhrase, ...]:
    """The phrases in the current language (English where none is shipped for it)."""
    return _phrases(current_language() or "en")


def find_blame(text: str, phrases: tuple[BlamePhrase, ...] | None = None) -> list[BlameHint]:
    """Each kind of blame phrasing in `text`, once, in the order it first appears."""
    plain = text.translate(_QUOTES)
    hits: list[tuple[int, BlameHint]] = []
    for phrase in shipped_phrases() if phrases is None else phrases:
        match = phrase.pattern.search(plain)
        if match:
            found = " ".join(text[match.start() : match.end()].split())
            hits.append((match.start(), BlameHint(phrase.id, found, phrase.hint)))
    return [hint for _start, hint in sorted(hits, key=lambda pair: pair[0])]
