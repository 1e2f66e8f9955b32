"""The prompts a reflection can answer, shipped in resources/prompts/<lang>/reflection_prompts.json.

Each prompt has a stable English id, so an entry written in one language is recognised as
answering the same prompt in another.
"""

from __future__ import annotations

from dataclasses import dataclass

from trustjournal.core.i18n import current_language
from trustjournal.core.resources import FALLBACK_LANGUAGE, load_json

FILE = "reflection_prompts.json"


@dataclass(frozen=True)
class ReflectionPrompt:
    """A shipped prompt: its stable id and its words in one language."""

    id: str
    text: str


def reflection_prompts(lang: str | None = None) -> list[ReflectionPrompt]:
    """The prompts in `lang` (default: the current language; English where it has none)."""
    data = load_json("prompts", FILE, lang=lang or current_language())
    return [ReflectionPrompt(id=str(p["id"]), text=str(p["text"])) for p in data["prompts"]]


def prompt_id(text: str | None) -> str | None:
    """The id of the shipped prompt whose words (now, or in English) are `text`, if any."""
    if not text:
        return None
    for lang in dict.fromkeys((current_language(), FALLBACK_LANGUAGE)):
        for prompt in reflection_prompts(lang):
            if prompt.text == text:
                return prompt.id
    return None
