"""The shipped vocabularies, weighted for the demo journal: which words, how often, how well."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from trustjournal.core.entries import About
from trustjournal.core.resources import load_json

POSITIVE_FAMILIES = ("Joy", "Love and closeness", "Peace", "Hope")
ANNIVERSARY_CATEGORY = "Anniversaries and dates"

# How often each shipped trigger category comes up, relative to the others (unknown ones: 4).
CATEGORY_WEIGHTS = {
    "Secrecy and phones": 14,
    "Lateness and being unreachable": 12,
    "Reminders of the past": 12,
    "Anniversaries and dates": 2,
    "Criticism and blame": 6,
    "Intimacy and affection": 7,
    "Money": 4,
    "Family and friends": 6,
    "Social media": 8,
    "Plans changing": 7,
    "Feeling dismissed": 8,
    "Comparison": 5,
    "Work and travel": 6,
    "Talking about what happened": 7,
}
_DEFAULT_CATEGORY_WEIGHT = 4

# Points of intensity a strategy takes off in this fictional journal (unknown ones: 1.2), so the
# insights page has a clear story to tell: grounding and breathing help most here.
COPING_EFFECTS = {
    "Pausing before reacting": 1.6,
    "Slow breathing": 2.6,
    "Naming the feeling": 1.7,
    'An "I" statement': 1.5,
    "Asking for reassurance calmly": 1.9,
    "Writing it down": 2.0,
    "Going for a walk": 2.4,
    "Talking to a friend": 2.2,
    "Grounding (5-4-3-2-1)": 3.0,
    "Taking a break and coming back": 2.1,
    "Checking the facts": 2.3,
    "Self-compassion": 1.8,
    "A warm shower": 1.2,
    "Listening to music": 0.8,
    "Riding the wave": 1.9,
    "Doing something with my hands": 1.2,
    "Resting": 0.9,
    "Sharing it with my partner": 1.7,
    "Saving it for my session": 0.3,
}
_DEFAULT_EFFECT = 1.2

_ABOUTS = (About.PARTNER, About.US, About.MYSELF, About.SOMEONE, About.LIFE)
_ABOUT_EARLY = (0.22, 0.13, 0.30, 0.17, 0.18)  # early on, the partner is hard to thank
_ABOUT_LATE = (0.45, 0.28, 0.12, 0.06, 0.09)

# Which gratitude prompts suit which kind of entry, by their wording; the first match wins.
_PROMPT_ABOUT = (
    (About.PARTNER, re.compile(r"\bmy partner\b", re.IGNORECASE)),
    (About.US, re.compile(r"\b(we|us|our|together|each other)\b", re.IGNORECASE)),
    (About.SOMEONE, re.compile(r"\b(friend|someone|person|stranger)\b", re.IGNORECASE)),
    (
        About.MYSELF,
        re.compile(
            r"\b(myself|my body|of mine|belongs to me|I (did|held|let|have grown|made|asked"
            r"|noticed|am learning|paused|spent))\b"
        ),
    ),
)


@dataclass(frozen=True)
class DemoVocabulary:
    """The shipped vocabularies with the demo journal's weights (cumulative, for `choices`).

    Attributes:
        positive / negative: emotion families as tuples of words.
        categories, category_weights: trigger categories and how often each comes up.
        anniversary_category: the category for days around the anniversary, if shipped.
        strategies, effects: coping strategies and how many points each takes off.
        coping_early / coping_late: how often each strategy is used at first and later on.
        abouts, about_early / about_late: gratitude subjects and their weights over time.
        prompts: the shipped gratitude prompts that suit each subject.
    """

    positive: tuple[tuple[str, ...], ...]
    negative: tuple[tuple[str, ...], ...]
    categories: tuple[str, ...]
    category_weights: tuple[float, ...]
    anniversary_category: str | None
    strategies: tuple[str, ...]
    effects: dict[str, float]
    coping_early: tuple[float, ...]
    coping_late: tuple[float, ...]
    abouts: tuple[About, ...]
    about_early: tuple[float, ...]
    about_late: tuple[float, ...]
    prompts: dict[About, tuple[str, ...]]


def prompt_about(prompt: str) -> About:
    """The kind of gratitude entry a prompt invites (life when nothing more specific fits)."""
    for about, pattern in _PROMPT_ABOUT:
        if pattern.search(prompt):
            return about
    return About.LIFE


def load_vocabulary() -> DemoVocabulary:
    """Read the shipped vocabularies and weight them for the demo journal."""
    families = load_json("vocabulary", "emotions.json")["families"]
    categories = tuple(
        c["name"] for c in load_json("vocabulary", "trigger_categories.json")["categories"]
    )
    strategies = tuple(
        s["name"] for s in load_json("vocabulary", "coping_strategies.json")["strategies"]
    )
    prompts = load_json("prompts", "gratitude_prompts.json")["prompts"]
    effects = {name: COPING_EFFECTS.get(name, _DEFAULT_EFFECT) for name in strategies}
    return DemoVocabulary(
        positive=tuple(tuple(f["emotions"]) for f in families if f["name"] in POSITIVE_FAMILIES),
        negative=tuple(
            tuple(f["emotions"]) for f in families if f["name"] not in POSITIVE_FAMILIES
        ),
        categories=categories,
        category_weights=tuple(
            accumulate(CATEGORY_WEIGHTS.get(name, _DEFAULT_CATEGORY_WEIGHT) for name in categories)
        ),
        anniversary_category=ANNIVERSARY_CATEGORY if ANNIVERSARY_CATEGORY in categories else None,
        strategies=strategies,
        effects=effects,
        coping_early=tuple(accumulate(1.0 for _ in strategies)),
        coping_late=tuple(accumulate(effects[name] ** 2 for name in strategies)),
        abouts=_ABOUTS,
        about_early=tuple(accumulate(_ABOUT_EARLY)),
        about_late=tuple(accumulate(_ABOUT_LATE)),
        prompts={about: tuple(p for p in prompts if prompt_about(p) is about) for about in _ABOUTS},
    )
