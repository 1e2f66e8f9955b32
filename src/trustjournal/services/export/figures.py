"""Figures, chart series and patterns computed from the chosen entries only.

The store's aggregates include private entries (they are the owner's view), so nothing here
uses them: every number comes from the entries that were chosen, and nothing private or left
out can reach the reader through an average.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from statistics import fmean

from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.core.times import local_day
from trustjournal.services.export.model import Chart, ChartSeries, CopingRow, Figures, Patterns

MAX_POINTS = 400  # more points than this are downsampled (min and max per bucket)
TOP_CATEGORIES = 5
TOP_COPING = 8

Point = tuple[date, float]


def _avg(values: Sequence[int]) -> float | None:
    return fmean(values) if values else None


def figures(moods: Sequence[MoodCheckIn], *, gratitude_count: int, trigger_count: int) -> Figures:
    """Mood average and range, connection and trust averages, and the counts of each kind."""
    scores = [m.mood for m in moods]
    return Figures(
        mood_count=len(moods),
        mood_avg=_avg(scores),
        mood_min=min(scores) if scores else None,
        mood_max=max(scores) if scores else None,
        connection_avg=_avg([m.connection for m in moods if m.connection is not None]),
        trust_avg=_avg([m.trust for m in moods if m.trust is not None]),
        gratitude_count=gratitude_count,
        trigger_count=trigger_count,
    )


def downsample(points: Sequence[Point], limit: int = MAX_POINTS) -> tuple[Point, ...]:
    """At most `limit` points keeping each bucket's lowest and highest, in day order."""
    if len(points) <= limit:
        return tuple(points)
    buckets = max(limit // 2, 1)
    out: list[Point] = []
    for b in range(buckets):
        chunk = points[b * len(points) // buckets : (b + 1) * len(points) // buckets]
        if not chunk:
            continue
        low = min(chunk, key=lambda p: p[1])
        high = max(chunk, key=lambda p: p[1])
        out.extend(sorted({low, high}))
    return tuple(out)


def _series(
    name: str,
    moods: Sequence[MoodCheckIn],
    value: Callable[[MoodCheckIn], int | None],
    low: int,
) -> ChartSeries:
    per_day: dict[date, list[int]] = defaultdict(list)
    for m in moods:
        v = value(m)
        if v is not None:
            per_day[local_day(m.occurred_at)].append(v)
    points = [(day, fmean(vals)) for day, vals in sorted(per_day.items())]
    every = [v for vals in per_day.values() for v in vals]
    return ChartSeries(name, downsample(points), _avg(every), low, 10)


def chart(moods: Sequence[MoodCheckIn], *, start: date, end: date) -> Chart:
    """Daily mood, connection and trust from `start` to `end`."""
    return Chart(
        start,
        end,
        (
            _series("Mood", moods, lambda m: m.mood, 1),
            _series("Connection", moods, lambda m: m.connection, 0),
            _series("Trust", moods, lambda m: m.trust, 0),
        ),
    )


def patterns(records: Sequence[TriggerRecord]) -> Patterns:
    """Top categories and the coping strategies that lowered intensity most."""
    categories = Counter(r.category for r in records if r.category)
    top = sorted(categories.items(), key=lambda kv: (-kv[1], kv[0].casefold()))[:TOP_CATEGORIES]
    uses: Counter[str] = Counter()
    drops: dict[str, list[int]] = defaultdict(list)
    for r in records:
        for strategy in r.coping:
            uses[strategy] += 1
            if r.intensity_after is not None:
                drops[strategy].append(r.intensity - r.intensity_after)
    rows = [
        CopingRow(s, n, len(drops[s]), fmean(drops[s]) if drops[s] else None)
        for s, n in uses.items()
    ]
    rows.sort(
        key=lambda r: (r.avg_drop is None, -(r.avg_drop or 0.0), -r.uses, r.strategy.casefold())
    )
    afters = [r.intensity_after for r in records if r.intensity_after is not None]
    return Patterns(
        record_count=len(records),
        top_categories=tuple(top),
        coping=tuple(rows[:TOP_COPING]),
        intensity_avg=_avg([r.intensity for r in records]),
        intensity_after_avg=_avg(afters),
    )
