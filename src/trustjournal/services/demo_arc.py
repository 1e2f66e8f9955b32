"""The shape of the demo journal over time: a slow recovery with setbacks, rhythms and gaps."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from trustjournal.core.entries import EntryKind

# Expected mood on each weekday (Monday first) relative to the day's level: weekends are lighter.
WEEKDAY_MOOD = (-0.4, -0.1, 0.0, 0.0, 0.15, 0.6, 0.4)
# How many entries each weekday gets relative to the average (sums to 7): fewer on Saturdays.
_WEEKDAY_COUNT = (1.08, 1.04, 1.04, 1.02, 0.94, 0.86, 1.02)
_RECOVERY_DAYS = 240.0  # mood and closeness come back over months...
_TRUST_DAYS = 420.0  # ...trust more slowly
_TRIGGER_SHARE = 0.20  # of all entries, on average
_SETBACK_DECAY = 0.95  # per day: a bad stretch fades over a few weeks
_ANNIVERSARY_DAYS = 3  # either side of the date things came to light


@dataclass(frozen=True, slots=True)
class Day:
    """What one lived day of the demo journal is like, before per-entry noise.

    Attributes:
        day: the calendar day.
        index: days since the journal began (0 on the first day).
        offset_min: the local UTC offset that day.
        earliest_minute: no entry before this minute of the day (the spring-forward night).
        count: how many entries the day gets.
        progress: recovery so far, from 0 towards 1.
        mood / connection / trust: the day's expected ratings.
        intensity: the day's expected trigger intensity.
        trigger_share: the chance that an entry of the day is a trigger record.
        anniversary: within a few days of the date things came to light, in a later year.
        holiday: part of the yearly holiday.
        therapy: a day with a therapy session.
    """

    day: date
    index: int
    offset_min: int
    earliest_minute: int
    count: int
    progress: float
    mood: float
    connection: float
    trust: float
    intensity: float
    trigger_share: float
    anniversary: bool
    holiday: bool
    therapy: bool


def _last_sunday(year: int, month: int) -> date:
    """The last Sunday of a month (the EU's summer-time switch days are in March and October)."""
    following = date(year + (month == 12), month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:  # a normal approximation is plenty at this size
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, count, product = math.exp(-lam), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _holidays(rng: random.Random, first: date, last: date) -> set[date]:
    days: set[date] = set()
    for year in range(first.year, last.year + 1):
        start = date(year, 7, 1) + timedelta(days=rng.randrange(50))
        days.update(start + timedelta(days=i) for i in range(rng.randrange(6, 12)))
    return days


def _is_anniversary(day: date, first: date) -> bool:
    if day.year == first.year:
        return False
    try:
        mark = first.replace(year=day.year)
    except ValueError:  # 29 February
        mark = date(day.year, 3, 1)
    return abs((day - mark).days) <= _ANNIVERSARY_DAYS


def plan_days(
    rng: random.Random, *, today: date, years: float, per_day: float, utc_offset_min: int
) -> list[Day]:
    """Lay out the days of a demo journal that began `years` before `today`, oldest first.

    Args:
        rng: the seeded source of randomness.
        today: the last day.
        years: how far back the journal begins.
        per_day: the average number of entries per day.
        utc_offset_min: the winter offset; EU summer-time days are an hour ahead.

    Returns:
        One `Day` per calendar day, from the first to `today` inclusive.
    """
    span = int(years * 365.25)
    first = today - timedelta(days=span)
    holidays = _holidays(rng, first, today)
    therapy_day = rng.randrange(5)
    summer = {
        y: (_last_sunday(y, 3), _last_sunday(y, 10)) for y in range(first.year, today.year + 1)
    }

    rows: list[tuple[date, float, float, float, bool, bool]] = []
    engagement = noise = setback = 0.0
    quiet_left = 0
    for index in range(span + 1):
        day = first + timedelta(days=index)
        progress = 1.0 - math.exp(-index / _RECOVERY_DAYS)
        engagement = 0.9 * engagement + rng.gauss(0.0, 0.15)
        noise = 0.85 * noise + rng.gauss(0.0, 0.35)
        setback *= _SETBACK_DECAY
        if rng.random() < 3.5 / 365.0 * (1.6 - progress):
            setback += rng.uniform(0.6, 1.2)
        anniversary = _is_anniversary(day, first)
        if anniversary:
            setback += 0.1
        if quiet_left:
            quiet_left -= 1
        elif rng.random() < 1 / 70:
            quiet_left = rng.randrange(3, 12)  # a busy or low stretch with little writing
        holiday = day in holidays
        weight = _WEEKDAY_COUNT[day.weekday()] * math.exp(engagement)
        weight *= (0.15 if quiet_left else 1.0) * (0.6 if holiday else 1.0)
        weight *= 1.25 if day.weekday() == therapy_day and index > 14 else 1.0
        rows.append((day, weight, noise, setback, anniversary, holiday))

    mean_weight = sum(row[1] for row in rows) / len(rows)
    shares = [
        _raw_trigger_share(day, index, setback, anniversary)
        for index, (day, _, _, setback, anniversary, _) in enumerate(rows)
    ]
    share_scale = (
        _TRIGGER_SHARE
        * sum(r[1] for r in rows)
        / sum(r[1] * s for r, s in zip(rows, shares, strict=True))
    )

    days: list[Day] = []
    for index, (day, weight, noise, setback, anniversary, holiday) in enumerate(rows):
        progress = 1.0 - math.exp(-index / _RECOVERY_DAYS)
        trust_progress = 1.0 - math.exp(-index / _TRUST_DAYS)
        spring, autumn = summer[day.year]
        offset = utc_offset_min + (60 if spring <= day < autumn else 0)
        days.append(
            Day(
                day=day,
                index=index,
                offset_min=offset,
                earliest_minute=180 if day == spring else 0,
                count=_poisson(rng, per_day * weight / mean_weight),
                progress=progress,
                mood=3.4 + 3.8 * progress + noise - 1.6 * setback + 0.4 * holiday,
                connection=2.8 + 4.4 * progress + 1.1 * noise - 1.8 * setback,
                trust=1.8 + 5.0 * trust_progress + 0.8 * noise - 2.2 * setback,
                intensity=7.4 - 2.6 * progress + 1.2 * setback,
                trigger_share=min(0.6, shares[index] * share_scale),
                anniversary=anniversary,
                holiday=holiday,
                therapy=day.weekday() == therapy_day and index > 14 and not holiday,
            )
        )
    return days


def _raw_trigger_share(day: date, index: int, setback: float, anniversary: bool) -> float:
    """Unscaled: triggers are commoner early on, in bad stretches, at weekends and anniversaries."""
    progress = 1.0 - math.exp(-index / _RECOVERY_DAYS)
    share = (1.35 - 0.7 * progress) * (1.0 + 0.6 * min(setback, 2.0))
    share *= 1.15 if day.weekday() >= 5 else 1.0
    return share * (2.0 if anniversary else 1.0)


# Relative weights of each hour of the day (0-23) for writing an entry of each kind: mood
# check-ins around waking and the evening, gratitude before bed, triggers mostly in the evening.
_HOURS: dict[tuple[EntryKind, bool], str] = {  # (kind, weekend): hours 0-11, then 12-23
    (EntryKind.MOOD, False): "0.2 0.1 0.05 0.05 0.05 0.3 2 5 5 2.5 1.5 1.2 "
    "2.5 2 1 1 1 1.5 2 2.5 3.5 4.5 3.5 1.2",
    (EntryKind.MOOD, True): "0.4 0.2 0.05 0.05 0.05 0.1 0.3 1 2.5 4 4 2.5 "
    "2 1.5 1.2 1.2 1.2 1.5 2 2.5 3 4 3.5 1.5",
    (EntryKind.GRATITUDE, False): "0.3 0.1 0 0 0 0.1 0.6 1.5 1.5 0.6 0.4 0.4 "
    "0.8 0.6 0.3 0.3 0.4 0.6 0.8 1.2 3 5 5 2",
    (EntryKind.GRATITUDE, True): "0.4 0.1 0 0 0 0 0.1 0.5 1.2 1.5 1.2 0.8 "
    "0.8 0.6 0.5 0.5 0.6 0.8 1 1.5 3 4.5 4.5 2",
    (EntryKind.TRIGGER, False): "1 0.5 0.2 0.1 0.1 0.1 0.3 1 1.2 1 1 1 "
    "1.5 1.5 1.2 1.3 1.5 2.5 3.5 4.5 5 5 4 2.5",
    (EntryKind.TRIGGER, True): "1.2 0.7 0.3 0.1 0.1 0.1 0.1 0.4 0.8 1.2 1.5 1.8 "
    "2 2 2 2 2.2 2.5 3.2 4 4.5 4.5 3.8 2.6",
}
_CUMULATIVE = {key: tuple(accumulate(map(float, row.split()))) for key, row in _HOURS.items()}
_HOUR_NUMBERS = tuple(range(24))


def minute_of_day(rng: random.Random, kind: EntryKind, day: Day) -> int:
    """A plausible minute of the day (0-1439) to write an entry of `kind` on `day`."""
    weights = _CUMULATIVE[kind, day.day.weekday() >= 5]
    hour = rng.choices(_HOUR_NUMBERS, cum_weights=weights)[0]
    return max(day.earliest_minute, hour * 60 + rng.randrange(60))
