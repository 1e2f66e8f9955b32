"""Insights charts added to the next summary, computed again from what that summary includes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from statistics import fmean

from trustjournal.core.entries import Entry, EntryKind, GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.i18n import _, format_number, format_weekday, ngettext
from trustjournal.core.times import local_day
from trustjournal.services.charts import grids
from trustjournal.services.charts.bars import BarRow, count_bars, told_bars
from trustjournal.services.charts.lines import TimeChart, TimeSeries, over_time
from trustjournal.services.charts.scene import Scene
from trustjournal.services.export.shared_written import written_chart
from trustjournal.services.export.text import day_text

CHARTS_SETTING = "share.charts"  # the charts chosen for the next summary, in the vault
WIDTH = 680
TOP = 8  # bars shown; the text names the rest


class ChartKind(StrEnum):
    """The Insights charts that can be added to a summary."""

    MOOD = "mood"
    YEAR = "year"
    TRIGGERS = "triggers"
    HELPS = "helps"
    GRATITUDE = "gratitude"
    EMOTIONS = "emotions"
    PROGRESS = "progress"
    WRITTEN = "written"
    REACHED = "reached"  # the progress list: steps and goals, no entries (items_progress.py)


NEEDS: dict[ChartKind, frozenset[EntryKind]] = {
    ChartKind.MOOD: frozenset({EntryKind.MOOD}),
    ChartKind.YEAR: frozenset({EntryKind.MOOD}),
    ChartKind.TRIGGERS: frozenset({EntryKind.TRIGGER}),
    ChartKind.HELPS: frozenset({EntryKind.TRIGGER}),
    ChartKind.GRATITUDE: frozenset({EntryKind.GRATITUDE}),
    ChartKind.EMOTIONS: frozenset({EntryKind.MOOD, EntryKind.TRIGGER}),
    ChartKind.PROGRESS: frozenset({EntryKind.MOOD, EntryKind.TRIGGER}),
    # Reflections are offered, but a summary includes one only when it is ticked one by one.
    ChartKind.WRITTEN: frozenset(
        {EntryKind.REFLECTION, EntryKind.STATEMENT, EntryKind.QUALITY_TIME}
    ),
    ChartKind.REACHED: frozenset(),
}


def charts_heading() -> str:
    """The heading over the added charts in a summary."""
    return _("Charts from my insights")


def charts_intro() -> str:
    """What the added charts count, said once above them."""
    return _("Counted only from the entries in this summary.")


def chart_kinds(charts: Sequence[str]) -> frozenset[EntryKind]:
    """The entry kinds the added charts count."""
    return frozenset(k for c in chosen_kinds(list(charts)) for k in NEEDS[c])


def chart_title(kind: ChartKind) -> str:
    """A chart's heading in the language being spoken."""
    return {
        ChartKind.MOOD: _("Mood, closeness and trust over time"),
        ChartKind.YEAR: _("A year at a glance"),
        ChartKind.TRIGGERS: _("Triggers by category"),
        ChartKind.HELPS: _("What helps"),
        ChartKind.GRATITUDE: _("Appreciations told"),
        ChartKind.EMOTIONS: _("Emotions named most often"),
        ChartKind.PROGRESS: _("Progress within this summary"),
        ChartKind.WRITTEN: _("Writing and time together"),
        ChartKind.REACHED: _("Reached along the way"),
    }[kind]


def chosen_kinds(value: object) -> tuple[ChartKind, ...]:
    """The charts in a stored setting, known ones only, each once, in the order added."""
    if not isinstance(value, list):
        return ()
    known = {k.value for k in ChartKind}
    return tuple(dict.fromkeys(ChartKind(v) for v in value if isinstance(v, str) and v in known))


@dataclass(frozen=True)
class SharedChart:
    """One added chart in a summary: its heading, its drawing and the same in words."""

    kind: ChartKind
    title: str
    scene: Scene | None  # None: nothing in the summary to draw
    text: tuple[str, ...]


def _n(value: float) -> str:
    return format_number(round(value, 1))


def _avg(values: Sequence[float]) -> float | None:
    return fmean(values) if values else None


def _moods(entries: Sequence[Entry]) -> list[MoodCheckIn]:
    return [e for e in entries if isinstance(e, MoodCheckIn)]


def _triggers(entries: Sequence[Entry]) -> list[TriggerRecord]:
    return [e for e in entries if isinstance(e, TriggerRecord)]


def _mood(entries: Sequence[Entry], start: date, end: date) -> SharedChart:
    moods = _moods(entries)
    by_day: dict[date, list[MoodCheckIn]] = defaultdict(list)
    for m in moods:
        by_day[local_day(m.occurred_at)].append(m)
    bucket = 7 if (end - start).days < 120 else 30
    series = []
    names = (_("Mood"), _("Closeness"), _("Trust"))
    for index, field in enumerate(("mood", "connection", "trust")):
        points = tuple(
            (day, avg)
            for day in sorted(by_day)
            if (avg := _avg([v for m in by_day[day] if (v := getattr(m, field)) is not None]))
            is not None
        )
        averages: list[tuple[date, float | None]] = []
        for first in range(0, (end - start).days + 1, bucket):
            block = start + timedelta(days=first)
            values = [v for d, v in points if block <= d < block + timedelta(days=bucket)]
            averages.append((block, _avg(values)))
        series.append(TimeSeries(index, points, tuple(averages), legend=names[index]))
    chart = TimeChart(
        start,
        end,
        tuple(series),
        chart_title(ChartKind.MOOD),
        day_text(start),
        day_text(end),
        bucket,
    )
    text = [
        ngettext(
            "{count} check-in on {days} days.", "{count} check-ins on {days} days.", len(moods)
        ).format(count=len(moods), days=len(by_day))
    ]
    for name, s in zip(names, series, strict=True):
        values = [v for _d, v in s.points]
        if values:
            text.append(
                _("{what}: {average} on average, from {low} to {high}.").format(
                    what=name, average=_n(fmean(values)), low=_n(min(values)), high=_n(max(values))
                )
            )
    scene = over_time(chart, width=WIDTH, height=250, legend=True) if moods else None
    return SharedChart(ChartKind.MOOD, chart_title(ChartKind.MOOD), scene, tuple(text))


def _year(entries: Sequence[Entry], start: date, end: date) -> SharedChart:
    by_day: dict[date, list[int]] = defaultdict(list)
    for m in _moods(entries):
        by_day[local_day(m.occurred_at)].append(m.mood)
    first = max(start, end - timedelta(days=7 * grids.WEEKS - 1))
    first -= timedelta(days=first.weekday())
    moods = {d: fmean(v) for d, v in by_day.items() if d >= first}

    names = [format_weekday(first + timedelta(days=r), "abbreviated") for r in (0, 2, 4)]
    weeks = (end - first).days // 7 + 1  # the summary's own weeks, a year at most
    scene = grids.year_grid(
        first,
        moods,
        width=WIDTH,
        weekday_names=names,
        title=chart_title(ChartKind.YEAR),
        weeks=weeks,
    )
    if not moods:
        return SharedChart(ChartKind.YEAR, chart_title(ChartKind.YEAR), None, (_no_checkins(),))
    low = min(moods, key=lambda d: (moods[d], d))
    high = max(moods, key=lambda d: (moods[d], d))
    text = (
        ngettext(
            "{count} day with a check-in.", "{count} days with a check-in.", len(moods)
        ).format(count=len(moods)),
        _("Lowest mood {low} on {low_day}; highest {high} on {high_day}.").format(
            low=_n(moods[low]), low_day=day_text(low), high=_n(moods[high]), high_day=day_text(high)
        ),
        _(
            "Darker squares are lower mood, lighter ones higher;"
            " an outlined square has no check-in."
        ),
    )
    return SharedChart(ChartKind.YEAR, chart_title(ChartKind.YEAR), scene, text)


def _no_checkins() -> str:
    return _("No check-ins in this summary.")


def _bars_chart(
    kind: ChartKind, rows: list[BarRow], empty: str, head: str, *, lines: int | None = None
) -> SharedChart:
    """Bars for the first TOP rows; a line each for the first `lines` (default: all), and the
    rest named in one sentence, so a year of many names stays readable."""
    if not rows:
        return SharedChart(kind, chart_title(kind), None, (empty,))
    scene = count_bars(rows[:TOP], width=WIDTH, title=chart_title(kind))
    shown = rows if lines is None else rows[:lines]
    text = [head] + [f"{r.label}: {r.sentence or r.text}" for r in shown]
    rest = rows[len(shown) :]
    if rest:
        most = round(max(r.value for r in rest))
        names = ", ".join(r.label for r in rest)
        if most == 1:
            text.append(_("Also: {names}, each named once.").format(names=names))
        else:
            text.append(
                ngettext(
                    "Also: {names}, each named at most {count} time.",
                    "Also: {names}, each named at most {count} times.",
                    most,
                ).format(names=names, count=most)
            )
    return SharedChart(kind, chart_title(kind), scene, tuple(text))


def _times(count: int) -> str:
    return ngettext("{count} time", "{count} times", count).format(count=count)


def _by_category(entries: Sequence[Entry]) -> SharedChart:
    records = _triggers(entries)
    counts = Counter(r.category or _("No category") for r in records)
    rows = [BarRow(name, n, _times(n)) for name, n in counts.most_common()]
    head = ngettext(
        "{count} trigger record in this summary.",
        "{count} trigger records in this summary.",
        len(records),
    ).format(count=len(records))
    return _bars_chart(ChartKind.TRIGGERS, rows, _("No trigger records in this summary."), head)


def _helps(entries: Sequence[Entry]) -> SharedChart:
    uses: Counter[str] = Counter()
    drops: dict[str, list[int]] = defaultdict(list)
    for r in _triggers(entries):
        for strategy in r.coping:
            uses[strategy] += 1
            if r.intensity_after is not None:
                drops[strategy].append(r.intensity - r.intensity_after)
    rows = []
    for strategy, n in uses.most_common():
        noted = drops[strategy]
        if noted:
            said = _("used {times}; afterwards {drop} lower on average ({noted} noted)").format(
                times=_times(n), drop=_n(fmean(noted)), noted=len(noted)
            )
        else:
            said = _("used {times}; afterwards not noted").format(times=_times(n))
        rows.append(BarRow(strategy, n, _times(n), sentence=said))
    head = _("How often each way of coping was used, and how intense it felt afterwards.")
    return _bars_chart(ChartKind.HELPS, rows, _("No way of coping named in this summary."), head)


def _emotions(entries: Sequence[Entry]) -> SharedChart:
    counts: Counter[str] = Counter()
    for e in entries:
        if isinstance(e, MoodCheckIn | TriggerRecord):
            counts.update(e.emotions)
    rows = [BarRow(name, n, _times(n)) for name, n in counts.most_common()]
    head = _("Emotions named in the check-ins and trigger records of this summary.")
    empty = _("No emotions named in this summary.")
    return _bars_chart(ChartKind.EMOTIONS, rows, empty, head, lines=TOP)


def _gratitude(entries: Sequence[Entry], start: date, end: date) -> SharedChart:
    notes = [e for e in entries if isinstance(e, GratitudeEntry)]
    if not notes:
        kind = ChartKind.GRATITUDE
        return SharedChart(kind, chart_title(kind), None, (_("No appreciations in this summary."),))
    bucket = 7 if (end - start).days < 120 else 30
    blocks: dict[int, list[bool]] = defaultdict(list)
    for g in notes:
        blocks[(local_day(g.occurred_at) - start).days // bucket].append(g.expressed)
    ordered = sorted(blocks.items())  # oldest first, as the bars are drawn and as read here
    shares = [(len(v), sum(v)) for _k, v in ordered]
    told = sum(t for _c, t in shares)
    scene = told_bars(shares, width=WIDTH, height=64, title=chart_title(ChartKind.GRATITUDE))
    text = [
        ngettext(
            "{count} appreciation; told {told} of them.",
            "{count} appreciations; told {told} of them.",
            len(notes),
        ).format(count=len(notes), told=told),
        _("Each bar is a week or month, filled to the share told; from the first to the last:"),
    ]
    for (index, _v), (count, told_here) in zip(ordered, shares, strict=True):
        first = start + timedelta(days=index * bucket)
        last = min(first + timedelta(days=bucket - 1), end)
        text.append(
            _("{days}: told {told} of {count}").format(
                days=_days_text(first, last), told=told_here, count=count
            )
        )
    return SharedChart(ChartKind.GRATITUDE, chart_title(ChartKind.GRATITUDE), scene, tuple(text))


def _days_text(first: date, last: date) -> str:
    return day_text(first) if first == last else f"{day_text(first)} – {day_text(last)}"


def _progress(entries: Sequence[Entry], start: date, end: date) -> SharedChart:
    # A summary holds only its own days: its progress is its first half beside its second,
    # never the time before it (which the person did not choose to share).
    kind = ChartKind.PROGRESS
    if end <= start:
        return SharedChart(kind, chart_title(kind), None, (_("One day: no halves to compare."),))
    middle = start + timedelta(days=((end - start).days + 1) // 2)
    halves = (
        [e for e in entries if local_day(e.occurred_at) < middle],
        [e for e in entries if local_day(e.occurred_at) >= middle],
    )
    rows: list[BarRow] = []
    text = [
        _(
            "The first half of this summary ({first}) beside its second half ({second});"
            " nothing from before this summary is compared."
        ).format(
            first=_days_text(start, middle - timedelta(days=1)), second=_days_text(middle, end)
        )
    ]
    for index, (name, field) in enumerate(
        ((_("Mood"), "mood"), (_("Closeness"), "connection"), (_("Trust"), "trust"))
    ):
        found = [
            _avg([v for m in _moods(h) if (v := getattr(m, field)) is not None]) for h in halves
        ]
        values = [v for v in found if v is not None]
        if len(values) < 2:
            continue
        for which, value in zip((_("first half"), _("second half")), values, strict=True):
            rows.append(BarRow(f"{name}, {which}", value, _n(value), index))
        text.append(
            _("{what}: {first} on average, then {second}.").format(
                what=name, first=_n(values[0]), second=_n(values[1])
            )
        )
    counts = [len(_triggers(h)) for h in halves]
    text.append(
        _("Trigger records: {first} in the first half, {second} in the second.").format(
            first=counts[0], second=counts[1]
        )
    )
    scene = count_bars(rows, width=WIDTH, title=chart_title(kind), high=10) if rows else None
    return SharedChart(kind, chart_title(kind), scene, tuple(text))


def shared_chart(kind: ChartKind, chosen: Sequence[Entry], start: date, end: date) -> SharedChart:
    """The chart `kind` over exactly the `chosen` entries of a summary from `start` to `end`
    (not the progress list, which counts no entries: items_progress.reached_chart)."""
    if kind in (ChartKind.TRIGGERS, ChartKind.HELPS, ChartKind.EMOTIONS):
        counted = {ChartKind.TRIGGERS: _by_category, ChartKind.HELPS: _helps}
        return counted.get(kind, _emotions)(chosen)
    if kind is ChartKind.WRITTEN:
        scene, text = written_chart(chosen, title=chart_title(kind), width=WIDTH)
        return SharedChart(kind, chart_title(kind), scene, text)
    over_days = {
        ChartKind.MOOD: _mood,
        ChartKind.YEAR: _year,
        ChartKind.GRATITUDE: _gratitude,
        ChartKind.PROGRESS: _progress,
    }
    return over_days[kind](chosen, start, end)
