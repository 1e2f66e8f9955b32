"""Property: every Insights figure equals a brute-force count over the same encrypted journal.

Random check-ins, appreciations and trigger records in random time zones, some private, some
in the bin; a random period. The expected figures are worked out here from the entries as
written (an entry's day and hour are those of its own recorded time), never through SQL.
"""

from __future__ import annotations

import itertools
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.conftest import Clock, create_schema
from trustjournal.core import i18n
from trustjournal.core.entries import Entry, GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.periods import Period
from trustjournal.services.insights_figures import Figures, figures, summary, year_period
from trustjournal.services.insights_together import MIN_SIDE, Compared
from trustjournal.store.db import Database, open_database
from trustjournal.store.entries import EntryRepository

BASE = date(2026, 1, 5)
WINDOW = 40  # days the entries are spread over: few, so that kinds meet on the same days
LONGEST = 150  # the longest period: periods of weeks and of months both occur
NOW = datetime(2026, 7, 1, 12, tzinfo=UTC)
EMOTIONS = ("sad", "calm", "hopeful")
STRATEGIES = ("walk", "breathe", "call")
CATEGORIES = ("Work", "Home")


@dataclass(frozen=True)
class Written:
    """An entry as generated, and whether it went to the bin afterwards."""

    entry: Entry
    deleted: bool


def _names(draw: st.DrawFn, keys: tuple[str, ...]) -> tuple[str, ...]:
    """Distinct names in random letter case (the same name in two cases counts once)."""
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
    return tuple(k.upper() if draw(st.booleans()) else k for k in chosen)


@st.composite
def written(draw: st.DrawFn) -> Written:
    offset = timedelta(minutes=15 * draw(st.integers(-48, 56)))  # -12:00 … +14:00
    # Mostly the first two weeks, so that kinds often meet on the same day or the next.
    day = BASE + timedelta(days=draw(st.integers(0, 13) | st.integers(0, WINDOW)))
    when = datetime(
        day.year,
        day.month,
        day.day,
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        tzinfo=timezone(offset),
    )
    private = draw(st.booleans())
    kind = draw(st.sampled_from(("mood", "mood", "gratitude", "trigger")))
    scale = st.none() | st.integers(0, 10)
    entry: Entry
    if kind == "mood":
        entry = MoodCheckIn(
            occurred_at=when,
            mood=draw(st.integers(1, 10)),
            connection=draw(scale),
            trust=draw(scale),
            emotions=_names(draw, EMOTIONS),
            private=private,
        )
    elif kind == "gratitude":
        entry = GratitudeEntry(
            occurred_at=when, text="Tea", expressed=draw(st.booleans()), private=private
        )
    else:
        category = draw(st.none() | st.sampled_from(CATEGORIES))
        entry = TriggerRecord(
            occurred_at=when,
            situation="Something",
            intensity=draw(st.integers(0, 10)),
            intensity_after=draw(scale),
            category=category.lower() if category and draw(st.booleans()) else category,
            coping=_names(draw, STRATEGIES),
            emotions=_names(draw, EMOTIONS),
            unfinished=draw(st.booleans()),
            private=private,
        )
    return Written(entry, deleted=draw(st.integers(0, 5)) == 0)


_counter = itertools.count()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("brute")


@pytest.fixture(autouse=True, scope="module")
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def _journal(folder: Path, entries: list[Written]) -> tuple[Database, list[Entry]]:
    """A fresh encrypted journal holding `entries`; the live ones, with their ids, in order."""
    db = open_database(folder / f"journal-{next(_counter)}.db", os.urandom(32))
    create_schema(db)
    repo = EntryRepository(db=db, clock=Clock(NOW))
    live = []
    for item in entries:
        saved = repo.add(item.entry)
        if item.deleted:
            repo.delete(saved.id or 0)
        else:
            live.append(saved)
    return db, live


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _day(e: Entry) -> date:
    return e.occurred_at.date()  # the date of its own recorded time, in its own offset


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _daily(live: list[Entry], period: Period) -> dict[date, tuple[int, float, object, object]]:
    by_day: dict[date, list[MoodCheckIn]] = defaultdict(list)
    for e in live:
        if isinstance(e, MoodCheckIn) and period.contains(_day(e)):
            by_day[_day(e)].append(e)
    return {
        day: (
            len(es),
            sum(e.mood for e in es) / len(es),
            _mean([e.connection for e in es if e.connection is not None]),
            _mean([e.trust for e in es if e.trust is not None]),
        )
        for day, es in sorted(by_day.items())
    }


def _bucket(day: date, shown: Figures) -> date:
    return _monday(day) if shown.bucket == "week" else day.replace(day=1)


def _check_triggers(live: list[Entry], period: Period, shown: Figures) -> None:
    records = [e for e in live if isinstance(e, TriggerRecord) and period.contains(_day(e))]
    assert shown.trigger_count == len(records)
    assert shown.unfinished == sum(r.unfinished for r in records)
    grid: dict[tuple[int, int], int] = defaultdict(int)
    for r in records:
        grid[(_day(r).weekday(), r.occurred_at.hour)] += 1
    assert shown.grid == grid
    buckets: dict[date, list[TriggerRecord]] = defaultdict(list)
    for r in records:
        buckets[_bucket(_day(r), shown)].append(r)
    got = {b.start: b for b in shown.triggers}
    assert set(got) == set(buckets)
    for start, rs in buckets.items():
        noted = [r for r in rs if r.intensity_after is not None]
        assert (got[start].count, got[start].with_after) == (len(rs), len(noted))
        assert got[start].intensity == pytest.approx(_mean([r.intensity for r in noted]))
        after = _mean([r.intensity_after for r in noted if r.intensity_after is not None])
        assert got[start].intensity_after == pytest.approx(after)
    categories: dict[str, int] = defaultdict(int)
    for r in records:
        categories[(r.category or "").casefold()] += 1
    assert {c.casefold(): n for c, n in shown.categories} == categories
    coping: dict[str, list[TriggerRecord]] = defaultdict(list)
    for r in records:
        for name in r.coping:
            coping[name.casefold()].append(r)
    assert {c.strategy.casefold() for c in shown.coping} == set(coping)
    for c in shown.coping:
        rs = coping[c.strategy.casefold()]
        drops = [r.intensity - r.intensity_after for r in rs if r.intensity_after is not None]
        assert (c.uses, c.records_with_after) == (len(rs), len(drops))
        assert c.avg_drop == pytest.approx(_mean([float(d) for d in drops]))


def _check_totals(live: list[Entry], period: Period, shown: Figures) -> None:
    inside = [e for e in live if period.contains(_day(e))]
    moods = [e for e in inside if isinstance(e, MoodCheckIn)]
    thanks = [e for e in inside if isinstance(e, GratitudeEntry)]
    records = [e for e in inside if isinstance(e, TriggerRecord)]
    t = shown.totals
    assert t is not None
    assert (t.checkins, t.gratitude, t.told) == (
        len(moods),
        len(thanks),
        sum(g.expressed for g in thanks),
    )
    assert t.mood == pytest.approx(_mean([float(m.mood) for m in moods]))
    assert t.connection == pytest.approx(
        _mean([float(m.connection) for m in moods if m.connection is not None])
    )
    assert t.trust == pytest.approx(_mean([float(m.trust) for m in moods if m.trust is not None]))
    assert (t.triggers, t.unfinished) == (len(records), sum(r.unfinished for r in records))
    assert t.intensity == pytest.approx(_mean([float(r.intensity) for r in records]))
    gratitude: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for g in thanks:
        gratitude[_bucket(_day(g), shown)][0] += 1
        gratitude[_bucket(_day(g), shown)][1] += g.expressed
    assert {b.start: [b.count, b.told] for b in shown.gratitude} == gratitude
    emotions: dict[str, int] = defaultdict(int)
    for e in moods + records:
        for name in e.emotions:
            emotions[name.casefold()] += 1
    assert {name.casefold(): n for name, n in shown.emotions} == emotions
    counts = [n for _name, n in shown.emotions]
    assert counts == sorted(counts, reverse=True)


def _check_together(live: list[Entry], period: Period, shown: Figures) -> None:
    daily = _daily(live, period)
    told = {_day(e) for e in live if isinstance(e, GratitudeEntry) and e.expressed}
    triggers = {_day(e) for e in live if isinstance(e, TriggerRecord)}  # any day, for "after"
    weeks: dict[date, list[float]] = defaultdict(list)
    for day, (_n, _mood, _conn, trust) in daily.items():
        if trust is not None:
            weeks[_monday(day)].append(float(trust))  # type: ignore[arg-type]
    trigger_weeks = {_monday(d) for d in triggers if period.contains(d)}
    sides: dict[Compared, tuple[list[float], list[float]]] = {c: ([], []) for c in Compared}

    def put(c: Compared, marked: bool, value: float) -> None:
        sides[c][0 if marked else 1].append(value)

    for day, (_n, mood, conn, _trust) in daily.items():
        put(Compared.MOOD_TOLD, day in told, mood)
        put(Compared.MOOD_AFTER_TRIGGER, day - timedelta(days=1) in triggers, mood)
        if conn is not None:
            put(Compared.CLOSENESS_TRIGGER_DAYS, day in triggers, float(conn))  # type: ignore[arg-type]
    for week, values in weeks.items():
        put(Compared.TRUST_TRIGGER_WEEKS, week in trigger_weeks, sum(values) / len(values))
    assert [c.compared for c in shown.together] == list(Compared)
    for c in shown.together:
        marked, other = sides[c.compared]
        assert (c.marked.count, c.other.count) == (len(marked), len(other))
        assert c.marked.average == pytest.approx(_mean(marked))
        assert c.other.average == pytest.approx(_mean(other))
        assert c.enough == (min(len(marked), len(other)) >= MIN_SIDE)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    # An explicit size: plain lists stay short, and short journals rarely meet on a day.
    entries=st.integers(0, 60).flatmap(lambda n: st.lists(written(), min_size=n, max_size=n)),
    start=st.integers(-3, WINDOW + 3),
    length=st.integers(1, LONGEST),
)
def test_every_figure_equals_a_brute_force_count_over_the_same_journal(
    folder: Path, entries: list[Written], start: int, length: int
) -> None:
    db, live = _journal(folder, entries)
    try:
        period = Period(BASE + timedelta(days=start), BASE + timedelta(days=start + length - 1))
        shown = figures(db, period)
        daily = _daily(live, period)
        assert [(d.day, d.count) for d in shown.days] == [(day, v[0]) for day, v in daily.items()]
        for d in shown.days:
            _n, mood, conn, trust = daily[d.day]
            assert (d.mood_avg, d.connection_avg, d.trust_avg) == pytest.approx((mood, conn, trust))
        assert shown.first_day == min((_day(e) for e in live), default=None)
        assert period.end is not None
        year = year_period(period.end, i18n.first_weekday())
        assert [d.day for d in shown.year_days] == list(_daily(live, year))
        _check_triggers(live, period, shown)
        _check_totals(live, period, shown)
        _check_together(live, period, shown)
        assert summary(db, period, compare=True).together == shown.together  # the CLI's read
    finally:
        db.close()
