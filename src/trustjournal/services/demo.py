"""Seeded, realistic demo journals, for trying TrustJournal out and for the benchmark."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate, islice

from trustjournal.core.entries import (
    About,
    Entry,
    EntryKind,
    GratitudeEntry,
    MoodCheckIn,
    TriggerRecord,
)
from trustjournal.services import demo_trigger_texts as trigger_texts
from trustjournal.services.demo_arc import WEEKDAY_MOOD, Day, minute_of_day, plan_days
from trustjournal.services.demo_gratitude_texts import gratitude_text
from trustjournal.services.demo_texts import mood_note
from trustjournal.services.demo_vocabulary import DemoVocabulary, load_vocabulary
from trustjournal.services.demo_written import written_of_day

DEMO_PASSPHRASE = "demo"  # noqa: S105 - public on purpose: it only opens made-up demo vaults
GENERATOR_VERSION = 2  # bump when output changes (the benchmark caches vaults keyed by it)
BATCH_SIZE = 5_000  # entries handed to `add_many` at a time

_GRATITUDE_SHARE = 0.25 / 0.80  # of the entries that are not trigger records
_MAX_OFFSET = 18 * 60  # minutes, as core.times allows
_SESSION_DAYS = 21  # records in the last three weeks may be flagged for the next session
_EMOTION_COUNTS = tuple(accumulate((0.12, 0.30, 0.33, 0.18, 0.07)))  # 0-4 emotions
_COPING_COUNTS = tuple(accumulate((0.45, 0.40, 0.15)))  # 1-3 strategies
_EXPRESS_LAG = (0, 0, 0, 1, 1, 2, 3, 4, 6)  # days until I told them
_TOLD = (About.PARTNER, About.US, About.SOMEONE)
_EXTRA_TAGS = (
    "bad sleep",
    "work stress",
    "date night",
    "family visit",
    "busy week",
    "weekend away",
)


@dataclass(frozen=True)
class _Context:
    rng: random.Random
    vocab: DemoVocabulary
    today: date
    zones: dict[int, timezone]


def generate_entries(
    *,
    seed: int,
    today: date,
    years: float = 2.0,
    per_day: float = 2.5,
    utc_offset_min: int = 60,
    until: datetime | None = None,
) -> Iterator[Entry]:
    """Realistic, deterministic entries ending today, oldest first.

    The journal begins when things came to light, `years` before `today`: mood, closeness and
    trust recover slowly over months with setbacks, triggers thin out and soften, and coping
    strategies that work better get used more. The same arguments always give the same entries.

    Args:
        seed: selects one of many possible journals.
        today: the last day with entries.
        years: how far back the journal goes (at most a hundred years).
        per_day: the average number of entries per day, of all kinds together.
        utc_offset_min: the winter UTC offset; EU summer-time days are an hour ahead.
        until: now, for a journal opened today: nothing after it (an entry at 22:34 must
            not be "logged today" at 17:14). The entries before it are the same as without.

    Returns:
        A lazy iterator of mood check-ins (about 55%), gratitude entries (25%) and trigger
        records (20%), in the order they happened.

    Raises:
        ValueError: at once, if `years`, `per_day` or `utc_offset_min` is out of range.
    """
    if not 0 < years <= 100 or not 0 <= per_day <= 1_000:
        raise ValueError("years must be in (0, 100] and per_day in [0, 1000]")
    if not -_MAX_OFFSET <= utc_offset_min <= _MAX_OFFSET - 60:
        raise ValueError("utc_offset_min must leave room for summer time within ±18 hours")
    rng = random.Random(seed)
    days = plan_days(rng, today=today, years=years, per_day=per_day, utc_offset_min=utc_offset_min)
    ctx = _Context(
        rng=rng,
        vocab=load_vocabulary(),
        today=today,
        zones={m: timezone(timedelta(minutes=m)) for m in (utc_offset_min, utc_offset_min + 60)},
    )
    entries = (entry for day in days if day.count for entry in _day_in_order(ctx, day, seed))
    if until is None:
        return entries
    return (entry for entry in entries if entry.occurred_at <= until)


def fill(
    add_many: Callable[[Iterable[Entry]], int],
    *,
    seed: int,
    today: date,
    years: float = 2.0,
    per_day: float = 2.5,
    until: datetime | None = None,
) -> int:
    """Generate and store via the repository's add_many (e.g. EntryRepository.add_many).

    Args:
        add_many: stores a batch of entries and returns how many it stored.
        seed: selects one of many possible journals.
        today: the last day with entries.
        years: how far back the journal goes.
        per_day: the average number of entries per day.
        until: nothing after this moment (see `generate_entries`).

    Returns:
        The total count `add_many` reported.
    """
    entries = generate_entries(seed=seed, today=today, years=years, per_day=per_day, until=until)
    total = 0
    while batch := list(islice(entries, BATCH_SIZE)):
        total += add_many(batch)
    return total


def _day_in_order(ctx: _Context, day: Day, seed: int) -> list[Entry]:
    written = list(written_of_day(seed, day.day, ctx.zones[day.offset_min]))
    entries = list(_entries_of_day(ctx, day))
    return sorted([*entries, *written], key=lambda e: e.occurred_at) if written else entries


def _entries_of_day(ctx: _Context, day: Day) -> Iterator[Entry]:
    rng = ctx.rng
    planned: list[tuple[int, EntryKind]] = []  # (second of the day, kind)
    for _ in range(day.count):
        roll = rng.random()
        if roll < day.trigger_share:
            kind = EntryKind.TRIGGER
        elif roll < day.trigger_share + (1 - day.trigger_share) * _GRATITUDE_SHARE:
            kind = EntryKind.GRATITUDE
        else:
            kind = EntryKind.MOOD
        planned.append((minute_of_day(rng, kind, day) * 60 + rng.randrange(60), kind))
    planned.sort()
    zone = ctx.zones[day.offset_min]
    d = day.day
    for second, kind in planned:
        hour, minute = divmod(second // 60, 60)
        at = datetime(d.year, d.month, d.day, hour, minute, second % 60, tzinfo=zone)
        tags = _tags(rng, day, hour)
        if kind is EntryKind.MOOD:
            yield _mood(ctx, day, at, tags)
        elif kind is EntryKind.GRATITUDE:
            yield _gratitude(ctx, day, at, tags)
        else:
            yield _trigger(ctx, day, at, tags)


def _tags(rng: random.Random, day: Day, hour: int) -> tuple[str, ...]:
    tags: list[str] = []
    if day.holiday and rng.random() < 0.4:
        tags.append("holiday")
    if day.therapy and hour >= 17 and rng.random() < 0.5:
        tags.append("after therapy")
    if rng.random() < 0.03:
        tags.append(rng.choice(_EXTRA_TAGS))
    return tuple(tags)


def _clamp(value: float, low: int, high: int) -> int:
    return min(high, max(low, round(value)))


def _mood(ctx: _Context, day: Day, at: datetime, tags: tuple[str, ...]) -> MoodCheckIn:
    rng, vocab = ctx.rng, ctx.vocab
    expected = day.mood + WEEKDAY_MOOD[day.day.weekday()] - (0.5 if at.hour < 5 else 0.0)
    mood = _clamp(expected + rng.gauss(0.0, 1.0), 1, 10)
    lift = 0.5 * (mood - expected) + 0.5 * WEEKDAY_MOOD[day.day.weekday()]
    roll = rng.random()
    connection = trust = None
    if roll < 0.8:
        connection = _clamp(day.connection + lift + rng.gauss(0.0, 0.9), 0, 10)
    if roll < 0.72:
        trust = _clamp(day.trust + lift + rng.gauss(0.0, 0.9), 0, 10)
    count = rng.choices(range(5), cum_weights=_EMOTION_COUNTS)[0]
    positive = min(0.95, max(0.05, (mood - 2.5) / 6.0))
    emotions = [
        rng.choice(rng.choice(vocab.positive if rng.random() < positive else vocab.negative))
        for _ in range(count)
    ]
    return MoodCheckIn(
        occurred_at=at,
        mood=mood,
        emotions=tuple(emotions),
        connection=connection,
        trust=trust,
        note=mood_note(rng, mood) if rng.random() < 0.45 else "",
        tags=tags,
        private=rng.random() < 0.02,
    )


def _gratitude(ctx: _Context, day: Day, at: datetime, tags: tuple[str, ...]) -> GratitudeEntry:
    rng, vocab = ctx.rng, ctx.vocab
    weights = vocab.about_late if rng.random() < day.progress else vocab.about_early
    about = rng.choices(vocab.abouts, cum_weights=weights)[0]
    prompts = vocab.prompts[about]
    prompt = rng.choice(prompts) if prompts and rng.random() < 0.35 else None
    expressed, expressed_on = False, None
    if about in _TOLD and rng.random() < 0.2 + 0.25 * day.progress:
        told = day.day + timedelta(days=rng.choice(_EXPRESS_LAG))
        if told <= ctx.today:  # otherwise I have not told them yet
            expressed = True
            expressed_on = told if rng.random() < 0.85 else None
    return GratitudeEntry(
        occurred_at=at,
        text=gratitude_text(rng, about),
        about=about,
        expressed=expressed,
        expressed_on=expressed_on,
        prompt=prompt,
        tags=tags,
        private=rng.random() < 0.02,
    )


def _trigger(ctx: _Context, day: Day, at: datetime, tags: tuple[str, ...]) -> TriggerRecord:
    rng, vocab = ctx.rng, ctx.vocab
    days_left = (ctx.today - day.day).days
    intensity = _clamp(day.intensity + rng.gauss(0.0, 1.3), 3, 10)
    if day.anniversary and vocab.anniversary_category and rng.random() < 0.5:
        category, situation = vocab.anniversary_category, trigger_texts.anniversary(rng)
    else:
        category = rng.choices(vocab.categories, cum_weights=vocab.category_weights)[0]
        situation = trigger_texts.situation(rng, category)
    emotions = tuple(rng.choice(rng.choice(vocab.negative)) for _ in range(rng.randint(1, 3)))
    unfinished = rng.random() < (0.35 if days_left < 10 else 0.08)
    coping: tuple[str, ...] = ()
    after: int | None = None
    if not unfinished and rng.random() < 0.88:
        coping, after = _coping(ctx, day, intensity)
    elif not unfinished and rng.random() < 0.6:
        after = _clamp(intensity - rng.randint(-1, 2), 0, 10)
    finished = not unfinished

    def some(text: Callable[[random.Random], str], chance: float) -> str:
        return text(rng) if rng.random() < (chance if finished else chance / 4) else ""

    return TriggerRecord(
        occurred_at=at,
        situation=situation,
        intensity=intensity,
        category=category,
        emotions=emotions,
        thoughts=some(trigger_texts.thoughts, 0.75),
        body=some(trigger_texts.body, 0.6),
        urge=some(trigger_texts.urge, 0.65),
        response=some(trigger_texts.response, 0.7) if finished else "",
        coping=coping,
        intensity_after=after,
        need=some(trigger_texts.need, 0.55) if finished else "",
        for_session=days_left < _SESSION_DAYS and rng.random() < (0.8 if intensity >= 7 else 0.5),
        unfinished=unfinished,
        tags=tags,
        private=rng.random() < 0.05,
    )


def _coping(ctx: _Context, day: Day, intensity: int) -> tuple[tuple[str, ...], int]:
    """Strategies used and the intensity afterwards; better ones get used more as time goes on."""
    rng, vocab = ctx.rng, ctx.vocab
    weights = vocab.coping_late if rng.random() < day.progress else vocab.coping_early
    count = rng.choices((1, 2, 3), cum_weights=_COPING_COUNTS)[0]
    chosen = tuple(dict.fromkeys(rng.choices(vocab.strategies, cum_weights=weights, k=count)))
    effects = sorted((vocab.effects[name] for name in chosen), reverse=True)
    relief = effects[0] + 0.25 * sum(effects[1:]) + rng.gauss(0.0, 1.0)
    return chosen, _clamp(intensity - relief, 0, min(10, intensity + 1))
