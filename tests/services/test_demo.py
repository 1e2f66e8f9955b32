"""The seeded demo journal: deterministic, valid, and shaped like a real recovery."""

from __future__ import annotations

import hashlib
import os
import random
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from itertools import pairwise

import pytest

from trustjournal.core.entries import (
    About,
    Entry,
    EntryKind,
    GratitudeEntry,
    MoodCheckIn,
    TriggerRecord,
)
from trustjournal.core.resources import load_json
from trustjournal.core.times import local_day, offset_minutes
from trustjournal.services import demo_trigger_texts
from trustjournal.services.demo import BATCH_SIZE, GENERATOR_VERSION, fill, generate_entries
from trustjournal.services.demo_arc import minute_of_day, plan_days
from trustjournal.services.demo_vocabulary import (
    CATEGORY_WEIGHTS,
    COPING_EFFECTS,
    POSITIVE_FAMILIES,
    load_vocabulary,
    prompt_about,
)

TODAY = date(2026, 3, 18)
YEARS = 3.0
PER_DAY = 4.0
ONE_DAY = timedelta(days=1)


@pytest.fixture(scope="module")
def journal() -> list[Entry]:
    """Three years at four entries a day: about 4,400 entries, enough for stable shares."""
    return list(generate_entries(seed=11, today=TODAY, years=YEARS, per_day=PER_DAY))


def _moods(entries: Iterable[Entry]) -> list[MoodCheckIn]:
    return [e for e in entries if isinstance(e, MoodCheckIn)]


def _triggers(entries: Iterable[Entry]) -> list[TriggerRecord]:
    return [e for e in entries if isinstance(e, TriggerRecord)]


def _gratitude(entries: Iterable[Entry]) -> list[GratitudeEntry]:
    return [e for e in entries if isinstance(e, GratitudeEntry)]


def _eu_summer(day: date) -> bool:
    def last_sunday(month: int) -> date:
        last = date(day.year, month, 31)
        return last - timedelta(days=(last.weekday() + 1) % 7)

    return last_sunday(3) <= day < last_sunday(10)


# --- determinism and validity --------------------------------------------------------------------


def test_the_same_seed_gives_the_same_journal(journal: list[Entry]) -> None:
    again = list(generate_entries(seed=11, today=TODAY, years=YEARS, per_day=PER_DAY))
    assert again == journal


def test_a_different_seed_gives_a_different_journal(journal: list[Entry]) -> None:
    other = list(generate_entries(seed=12, today=TODAY, years=YEARS, per_day=PER_DAY))
    assert other != journal
    assert [e.occurred_at for e in other[:50]] != [e.occurred_at for e in journal[:50]]


def test_every_entry_is_valid_and_unsaved(journal: list[Entry]) -> None:
    for entry in journal:
        assert entry.with_changes() == entry  # validating again changes nothing
        assert entry.id is None
        assert entry.created_at is None
        assert entry.updated_at is None


def test_entries_run_oldest_first_within_the_years_before_today(journal: list[Entry]) -> None:
    instants = [e.occurred_at for e in journal]
    assert instants == sorted(instants)
    first_allowed = TODAY - timedelta(days=YEARS * 365.25)
    assert all(first_allowed <= local_day(e.occurred_at) <= TODAY for e in journal)
    assert local_day(journal[0].occurred_at) - first_allowed < timedelta(days=7)
    assert TODAY - local_day(journal[-1].occurred_at) < timedelta(days=7)


def test_summer_days_are_an_hour_ahead_of_the_given_winter_offset() -> None:
    entries = list(generate_entries(seed=3, today=TODAY, years=1.0, per_day=3, utc_offset_min=-300))
    for entry in entries:
        expected = -240 if _eu_summer(local_day(entry.occurred_at)) else -300
        assert offset_minutes(entry.occurred_at) == expected


def test_only_the_spring_forward_day_starts_late() -> None:
    days = plan_days(random.Random(1), today=TODAY, years=YEARS, per_day=2.5, utc_offset_min=60)
    late = [d.day for d in days if d.earliest_minute]
    assert late == [d.day for d in days if _eu_summer(d.day) and not _eu_summer(d.day - ONE_DAY)]
    assert all(d.earliest_minute == 180 for d in days if d.earliest_minute)


def test_nothing_is_written_in_the_hour_skipped_on_the_spring_forward_night() -> None:
    days = plan_days(random.Random(1), today=TODAY, years=YEARS, per_day=2.5, utc_offset_min=60)
    spring = next(d for d in days if d.earliest_minute)
    ordinary = next(d for d in days if d.day == spring.day + timedelta(days=7))
    rng = random.Random(2)
    draws = [minute_of_day(rng, EntryKind.TRIGGER, spring) for _ in range(2_000)]
    assert min(draws) >= 3 * 60
    assert min(minute_of_day(rng, EntryKind.TRIGGER, ordinary) for _ in range(2_000)) < 3 * 60


def test_impossible_spans_densities_and_offsets_are_refused_at_once() -> None:
    for years, per_day in ((0.0, 2.5), (-1.0, 2.5), (101.0, 2.5), (2.0, -0.5)):
        with pytest.raises(ValueError, match="years"):
            generate_entries(seed=1, today=TODAY, years=years, per_day=per_day)
    for offset in (-18 * 60 - 1, 17 * 60 + 1):
        with pytest.raises(ValueError, match="offset"):
            generate_entries(seed=1, today=TODAY, utc_offset_min=offset)


# --- rhythm and shape ----------------------------------------------------------------------------


def test_kinds_come_in_the_intended_shares(journal: list[Entry]) -> None:
    shares = Counter(e.kind for e in journal)
    assert shares[EntryKind.MOOD] / len(journal) == pytest.approx(0.55, abs=0.03)
    assert shares[EntryKind.GRATITUDE] / len(journal) == pytest.approx(0.25, abs=0.03)
    assert shares[EntryKind.TRIGGER] / len(journal) == pytest.approx(0.20, abs=0.03)


def test_per_day_is_the_average_density_with_busy_days_and_empty_ones(
    journal: list[Entry],
) -> None:
    days = int(YEARS * 365.25) + 1
    assert len(journal) / days == pytest.approx(PER_DAY, rel=0.1)
    per_day = Counter(local_day(e.occurred_at) for e in journal)
    assert max(per_day.values()) >= 8
    assert 0.02 < 1 - len(per_day) / days < 0.3


def test_mood_closeness_and_trust_recover_over_time(journal: list[Entry]) -> None:
    moods = _moods(journal)
    quarter = len(moods) // 4
    first, last = moods[:quarter], moods[-quarter:]
    for field in ("mood", "connection", "trust"):
        before = statistics.mean(v for e in first if (v := getattr(e, field)) is not None)
        after = statistics.mean(v for e in last if (v := getattr(e, field)) is not None)
        assert after > before + 1, field


def test_recovery_has_setbacks(journal: list[Entry]) -> None:
    moods = _moods(journal)
    by_month = Counter[tuple[int, int]]()
    totals = Counter[tuple[int, int]]()
    for e in moods:
        key = (e.occurred_at.year, e.occurred_at.month)
        by_month[key] += e.mood
        totals[key] += 1
    means = [by_month[k] / totals[k] for k in sorted(totals)]
    assert any(later < earlier - 0.3 for earlier, later in pairwise(means))


def test_weekends_feel_lighter_than_weekdays(journal: list[Entry]) -> None:
    moods = _moods(journal)
    weekend = statistics.mean(e.mood for e in moods if e.occurred_at.weekday() >= 5)
    weekday = statistics.mean(e.mood for e in moods if e.occurred_at.weekday() < 5)
    assert weekend > weekday + 0.25


def test_triggers_cluster_in_the_evening_and_nights_are_quiet(journal: list[Entry]) -> None:
    hours = Counter(e.occurred_at.hour for e in _triggers(journal))
    total = sum(hours.values())
    assert sum(hours[h] for h in range(17, 24)) / total > 0.5
    assert sum(hours[h] for h in range(2, 6)) / total < 0.05


def test_some_categories_come_up_far_more_often_than_others(journal: list[Entry]) -> None:
    counts = Counter(e.category for e in _triggers(journal)).most_common()
    assert counts[0][1] > 2 * counts[-1][1]


# --- trigger records -----------------------------------------------------------------------------


def test_trigger_intensity_is_between_3_and_10(journal: list[Entry]) -> None:
    assert {e.intensity for e in _triggers(journal)} <= set(range(3, 11))


def test_coping_usually_lowers_the_intensity(journal: list[Entry]) -> None:
    coped = [e for e in _triggers(journal) if e.coping]
    assert all(e.intensity_after is not None for e in coped)
    before = statistics.mean(e.intensity for e in coped)
    after = statistics.mean(e.intensity_after or 0 for e in coped)
    assert after < before - 1


def test_some_strategies_help_clearly_more_than_others() -> None:
    entries = generate_entries(seed=2, today=TODAY, years=10.0, per_day=6)
    best = max(COPING_EFFECTS, key=COPING_EFFECTS.__getitem__)
    worst = min(COPING_EFFECTS, key=COPING_EFFECTS.__getitem__)
    drops: dict[str, list[int]] = {best: [], worst: []}
    for e in _triggers(entries):
        if e.coping in ((best,), (worst,)):
            drops[e.coping[0]].append(e.intensity - (e.intensity_after or 0))
    assert statistics.mean(drops[best]) > statistics.mean(drops[worst]) + 1.5


def test_unfinished_records_have_no_outcome_yet(journal: list[Entry]) -> None:
    unfinished = [e for e in _triggers(journal) if e.unfinished]
    assert unfinished
    assert all(e.intensity_after is None and not e.coping for e in unfinished)


def test_records_for_the_next_session_are_recent(journal: list[Entry]) -> None:
    flagged = [e for e in _triggers(journal) if e.for_session]
    assert flagged
    assert all(TODAY - local_day(e.occurred_at) < timedelta(days=21) for e in flagged)


# --- gratitude -----------------------------------------------------------------------------------


def test_gratitude_is_mostly_about_my_partner_or_us(journal: list[Entry]) -> None:
    abouts = Counter(e.about for e in _gratitude(journal))
    assert (abouts[About.PARTNER] + abouts[About.US]) / abouts.total() > 0.5
    assert set(abouts) == set(About)


def test_some_gratitude_was_expressed_a_few_days_later(journal: list[Entry]) -> None:
    lags = [
        (e.expressed_on - local_day(e.occurred_at)).days
        for e in _gratitude(journal)
        if e.expressed_on is not None
    ]
    assert all(0 <= lag <= 7 for lag in lags)
    assert any(lag == 0 for lag in lags)
    assert any(lag >= 2 for lag in lags)
    told = [e for e in _gratitude(journal) if e.expressed_on is not None]
    assert all(e.expressed_on is not None and e.expressed_on <= TODAY for e in told)


def test_gratitude_texts_rarely_repeat() -> None:
    texts = [e.text for e in _gratitude(generate_entries(seed=4, today=TODAY, years=6, per_day=9))]
    assert len(texts) > 4_000
    most_common = Counter(texts).most_common(1)[0][1]
    assert most_common < 0.005 * len(texts)
    assert len(set(texts)) > 0.4 * len(texts)


def test_prompts_come_from_the_shipped_file_and_suit_the_entry(journal: list[Entry]) -> None:
    shipped = set(load_json("prompts", "gratitude_prompts.json")["prompts"])
    prompted = [(e.prompt, e.about) for e in _gratitude(journal) if e.prompt is not None]
    assert prompted
    for prompt, about in prompted:
        assert prompt in shipped
        assert prompt_about(prompt) == about


def test_every_kind_of_gratitude_has_prompts_that_suit_it() -> None:
    assert all(load_vocabulary().prompts[about] for about in About)


# --- vocabulary and envelope ---------------------------------------------------------------------


def test_all_names_come_from_the_shipped_vocabularies(journal: list[Entry]) -> None:
    families = load_json("vocabulary", "emotions.json")["families"]
    emotions = {word for family in families for word in family["emotions"]}
    categories = {
        c["name"] for c in load_json("vocabulary", "trigger_categories.json")["categories"]
    }
    strategies = {
        s["name"] for s in load_json("vocabulary", "coping_strategies.json")["strategies"]
    }
    used_emotions = {
        w for e in journal if isinstance(e, MoodCheckIn | TriggerRecord) for w in e.emotions
    }
    triggers = _triggers(journal)
    assert used_emotions <= emotions
    assert {e.category for e in triggers} == categories
    assert {s for e in triggers for s in e.coping} == strategies


def test_emotions_follow_the_mood(journal: list[Entry]) -> None:
    families = load_json("vocabulary", "emotions.json")["families"]
    positive = {w for f in families if f["name"] in POSITIVE_FAMILIES for w in f["emotions"]}
    moods = _moods(journal)
    light = statistics.mean(e.mood for e in moods if e.emotions and e.emotions[0] in positive)
    heavy = statistics.mean(e.mood for e in moods if e.emotions and e.emotions[0] not in positive)
    assert light > heavy + 1


def test_demo_weights_and_texts_cover_every_shipped_name() -> None:
    categories = [
        c["name"] for c in load_json("vocabulary", "trigger_categories.json")["categories"]
    ]
    strategies = [
        s["name"] for s in load_json("vocabulary", "coping_strategies.json")["strategies"]
    ]
    families = [f["name"] for f in load_json("vocabulary", "emotions.json")["families"]]
    assert set(CATEGORY_WEIGHTS) == set(categories)
    assert set(demo_trigger_texts.SITUATIONS) == set(categories)
    assert set(COPING_EFFECTS) == set(strategies)
    assert set(POSITIVE_FAMILIES) < set(families)


def test_notes_private_entries_and_tags_appear_now_and_then(journal: list[Entry]) -> None:
    moods = _moods(journal)
    with_note = sum(1 for e in moods if e.note) / len(moods)
    assert 0.3 < with_note < 0.6
    private = sum(e.private for e in journal) / len(journal)
    assert 0.005 < private < 0.06
    tagged = sum(1 for e in journal if e.tags) / len(journal)
    assert 0.01 < tagged < 0.15


# --- fill ----------------------------------------------------------------------------------------


def test_fill_hands_over_every_entry_in_batches_and_returns_the_stored_count() -> None:
    batches: list[list[Entry]] = []

    def add_many(entries: Iterable[Entry]) -> int:
        batch = list(entries)
        batches.append(batch)
        return len(batch) - 1  # what the store reports is what fill adds up

    total = fill(add_many, seed=8, today=TODAY, years=YEARS, per_day=8)

    expected = list(generate_entries(seed=8, today=TODAY, years=YEARS, per_day=8))
    assert len(batches) == -(-len(expected) // BATCH_SIZE) > 1
    assert all(len(b) == BATCH_SIZE for b in batches[:-1])
    assert [e for b in batches for e in b] == expected
    assert total == len(expected) - len(batches)


# --- stability for the benchmark's cache ---------------------------------------------------------

_FINGERPRINT_CODE = """
import hashlib
from datetime import date
from trustjournal.services.demo import generate_entries
entries = generate_entries(seed=5, today=date(2026, 1, 1), years=0.5, per_day=3)
print(hashlib.sha256(repr(list(entries)).encode()).hexdigest())
"""


def _fingerprint() -> str:
    entries = generate_entries(seed=5, today=date(2026, 1, 1), years=0.5, per_day=3)
    return hashlib.sha256(repr(list(entries)).encode()).hexdigest()


def test_output_does_not_depend_on_string_hashing() -> None:
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run(
            [sys.executable, "-c", _FINGERPRINT_CODE],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert run.stdout.strip() == _fingerprint()


def test_generator_version_is_bumped_whenever_the_output_changes() -> None:
    # The benchmark caches generated vaults by GENERATOR_VERSION. If this fails after a change
    # to the generator or the shipped vocabularies, bump the version and update the fingerprint.
    assert (GENERATOR_VERSION, _fingerprint()) == (
        2,
        "51dc07630e863564dcee9514696db142e114e7762d38e14cc94f2b18ce85d341",
    )


def test_a_demo_made_during_the_day_holds_nothing_later_than_now() -> None:
    now = datetime(2026, 3, 18, 17, 14, tzinfo=timezone(timedelta(hours=1)))
    whole_day = list(generate_entries(seed=3, today=TODAY, years=0.2, per_day=12.0))
    assert any(e.occurred_at > now for e in whole_day)  # the day's evening was generated
    so_far = list(generate_entries(seed=3, today=TODAY, years=0.2, per_day=12.0, until=now))
    assert so_far == [e for e in whole_day if e.occurred_at <= now]
    assert any(local_day(e.occurred_at) == TODAY for e in so_far)


def test_the_demo_holds_a_few_of_each_kind_for_writing(journal: list[Entry]) -> None:
    shares = Counter(e.kind for e in journal)
    for kind in (EntryKind.REFLECTION, EntryKind.STATEMENT, EntryKind.QUALITY_TIME):
        assert 3 <= shares[kind] <= len(journal) * 0.03, kind
    assert journal == sorted(journal, key=lambda e: e.occurred_at)  # still in time order
