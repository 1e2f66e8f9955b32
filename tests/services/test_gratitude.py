"""The prompt of the day, the shipped prompts' tone, and how gratitude reads in a list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

from trustjournal.core.entries import About, GratitudeEntry
from trustjournal.core.resources import load_json
from trustjournal.services.gratitude import gratitude_summary, prompt_of_the_day

PROMPTS: list[str] = load_json("prompts", "gratitude_prompts.json")["prompts"]
DAY = date(2026, 3, 14)
SACCHARINE = ("blessed", "lovely", "magical", "amazing", "perfect", "!", "soulmate", "beautiful")


def test_prompt_of_the_day_is_the_same_all_day_and_on_every_call() -> None:
    assert prompt_of_the_day(PROMPTS, DAY) == prompt_of_the_day(list(PROMPTS), DAY)
    assert prompt_of_the_day(PROMPTS, DAY) in PROMPTS


def test_prompt_of_the_day_changes_from_one_day_to_the_next() -> None:
    days = [DAY + timedelta(days=n) for n in range(60)]
    shown = [prompt_of_the_day(PROMPTS, day) for day in days]
    assert all(a != b for a, b in pairwise(shown))
    assert len(set(shown)) == 60  # no prompt comes back within the first sixty days


def test_every_prompt_comes_round() -> None:
    shown = {prompt_of_the_day(PROMPTS, DAY + timedelta(days=n)) for n in range(len(PROMPTS))}
    assert shown == set(PROMPTS)


def test_another_prompt_skips_to_a_different_one_and_tomorrow_is_unaffected() -> None:
    today = prompt_of_the_day(PROMPTS, DAY)
    skipped = [prompt_of_the_day(PROMPTS, DAY, skip=n) for n in range(1, 5)]
    assert today not in skipped
    assert len(set(skipped)) == 4
    assert prompt_of_the_day(PROMPTS, DAY + timedelta(days=1)) == skipped[0]


def test_no_prompts_gives_an_empty_prompt() -> None:
    assert prompt_of_the_day([], DAY) == ""


def test_the_shipped_prompts_are_plain_and_many_are_about_the_partner_and_us() -> None:
    assert len(PROMPTS) >= 60
    assert len(set(PROMPTS)) == len(PROMPTS)
    for prompt in PROMPTS:
        assert not any(word in prompt.casefold() for word in SACCHARINE), prompt
    assert sum("my partner" in p for p in PROMPTS) >= 10
    assert sum(" we " in f" {p.casefold()} " or " us" in p for p in PROMPTS) >= 10


def test_a_gratitude_row_says_whom_it_is_about_and_whether_it_was_told() -> None:
    moment = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
    told = GratitudeEntry(
        occurred_at=moment,
        text="Made me tea\nwithout asking",
        about=About.PARTNER,
        expressed_on=date(2026, 3, 12),
    )
    assert gratitude_summary(told) == "My partner — Made me tea · told them 12 Mar"
    plain = GratitudeEntry(occurred_at=moment, text="Sun on the balcony")
    assert gratitude_summary(plain) == "Sun on the balcony"
    us = GratitudeEntry(occurred_at=moment, text="The walk", about=About.US, expressed=True)
    assert gratitude_summary(us) == "Us — The walk · told them"
