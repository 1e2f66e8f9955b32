"""Mood, closeness and trust over time as a Scene: daily points or lines, averages, the scale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from trustjournal.services.charts.scene import Item, Label, Line, Mark, Scene, Shape

SHAPES: tuple[Shape, Shape, Shape] = ("circle", "square", "triangle")
LINE_DASH = ((), (7.0, 4.0), (2.0, 3.0))  # daily lines: solid, dashed, dotted
AVERAGE_DASH = ((), (10.0, 5.0), (2.5, 5.0))  # the thick average lines of the points style
MARKER = 3.5
LEGEND_ROW = 20.0
Style = Literal["points", "lines"]


@dataclass(frozen=True)
class TimeSeries:
    """One of the three values: its position (0 mood, 1 closeness, 2 trust), daily values,
    averages per week or month (start day, value or None for a gap), and its legend text."""

    index: int
    points: tuple[tuple[date, float], ...]
    averages: tuple[tuple[date, float | None], ...] = ()
    period_average: float | None = None
    legend: str = ""


@dataclass(frozen=True)
class TimeChart:
    """What an over-time chart shows, before any geometry."""

    start: date
    end: date
    series: tuple[TimeSeries, ...]
    title: str
    start_text: str
    end_text: str
    bucket_days: int = 7


def downsample(xs: list[float], values: list[float]) -> list[tuple[float, float, float]]:
    """Per whole pixel column, the lowest and highest value (x, low, high): what the eye can see
    when there are more days than pixels."""
    columns: dict[int, list[float]] = {}
    for x, value in zip(xs, values, strict=True):
        column = columns.get(int(x))
        if column is None:
            columns[int(x)] = [value, value]
        elif value < column[0]:
            column[0] = value
        elif value > column[1]:
            column[1] = value
    return [(float(c), low, high) for c, (low, high) in sorted(columns.items())]


class _Frame:
    """The plot's rectangle and the mapping of days and values into it."""

    def __init__(self, chart: TimeChart, box: tuple[float, float, float, float], centred: bool):
        self.left, self.top, self.right, self.bottom = box
        self.chart = chart
        self.days = (chart.end - chart.start).days + (1 if centred else 0)
        self.centred = centred

    def x(self, day: date) -> float:
        offset = (day - self.chart.start).days + (0.5 if self.centred else 0.0)
        x = self.left + (self.right - self.left) * offset / max(self.days, 1)
        return min(max(x, self.left), self.right)

    def xs(self, days: Sequence[date]) -> list[float]:
        """`x` of each day, in one pass (20 years of days are 7 300 calls of `x` otherwise)."""
        start, shift = self.chart.start.toordinal(), 0.5 if self.centred else 0.0
        left, right, span = self.left, self.right, self.right - self.left
        count = max(self.days, 1)
        return [
            min(max(left + span * (day.toordinal() - start + shift) / count, left), right)
            for day in days
        ]

    def y(self, value: float) -> float:
        return self.bottom - (self.bottom - self.top) * value / 10.0


def _scale(frame: _Frame, chart: TimeChart, width: float) -> list[Item]:
    items: list[Item] = []
    for value in (0, 5, 10):
        y = frame.y(value)
        items.append(Line(((frame.left, y), (frame.right, y)), "grid"))
        items.append(Label(frame.left - 6, y + 4, str(value), anchor="end"))
    below = frame.bottom + 17
    items.append(Label(frame.left, below, chart.start_text))
    items.append(Label(min(frame.right, width - 2), below, chart.end_text, anchor="end"))
    return items


def _points(frame: _Frame, series: TimeSeries) -> list[Item]:
    colour = f"series{series.index}"
    xs = frame.xs([day for day, _v in series.points])
    if len(series.points) > frame.right - frame.left:  # more days than pixels: each column's range
        return [
            Line(((x, frame.y(low)), (x, frame.y(high) - 1)), colour, 1.5)
            for x, low, high in downsample(xs, [v for _d, v in series.points])
        ]
    shape = SHAPES[series.index]
    return [
        Mark(x, frame.y(v), MARKER, shape, colour, filled=series.index == 0)
        for x, (_d, v) in zip(xs, series.points, strict=True)
    ]


def _averages(frame: _Frame, series: TimeSeries, bucket_days: int) -> list[Item]:
    # One segment between neighbouring weeks (or months) only: a week without any check-in
    # leaves a gap in the line instead of bridging it.
    colour, dash = f"series{series.index}", AVERAGE_DASH[series.index]
    items: list[Item] = []
    previous: tuple[date, tuple[float, float]] | None = None
    for start, value in series.averages:
        if value is None:
            previous = None
            continue
        point = (frame.x(start + timedelta(days=bucket_days // 2)), frame.y(value))
        if previous is not None and (start - previous[0]).days <= bucket_days + 3:
            items.append(Line((previous[1], point), colour, 2.5, dash))
        elif len(series.averages) == 1:
            items.append(Line(((point[0] - 6, point[1]), (point[0] + 6, point[1])), colour, 2.5))
        previous = (start, point)
    return items


def _lines(frame: _Frame, series: TimeSeries) -> list[Item]:
    colour = f"series{series.index}"
    items: list[Item] = []
    # Over one day the average is that day's point; a line across the period would look
    # like a month of equal days.
    if series.period_average is not None and len(series.points) > 1:
        y = frame.y(series.period_average)
        items.append(Line(((frame.left, y), (frame.right, y)), colour, 1.0, (1.0, 3.0), 0.45))
    coords = tuple((frame.x(d), frame.y(v)) for d, v in series.points)
    if len(coords) > 2 * (frame.right - frame.left):  # more days than pixels: each column's range
        xs, values = [x for x, _y in coords], [v for _d, v in series.points]
        coords = tuple(
            point
            for x, low, high in downsample(xs, values)
            for point in ((x, frame.y(low)), (x, frame.y(high)))
        )
    if len(coords) == 1:
        items.append(Mark(coords[0][0], coords[0][1], 4.0, "circle", colour))
    elif coords:
        items.append(Line(coords, colour, 1.8, LINE_DASH[series.index]))
    return items


def _focus_line(frame: _Frame, focused: date, strong: bool) -> Line:
    x = frame.x(focused)
    dash = () if strong else (1.0, 2.0)
    return Line(((x, frame.top), (x, frame.bottom)), "ink", 2 if strong else 1, dash)


def _points_frame(chart: TimeChart, width: float, height: float) -> _Frame:
    return _Frame(chart, (34, 10, width - 12, height - 26), centred=True)


def focus_line(
    chart: TimeChart, *, width: float, height: float, focused: date, strong_focus: bool
) -> Line:
    """The line `over_time` (points style, no legend) draws at `focused`, alone: a widget keeps
    the rest of the chart drawn and paints only this line when the focus moves."""
    return _focus_line(_points_frame(chart, width, height), focused, strong_focus)


def legend_items(
    entries: Sequence[tuple[int, str]],
    *,
    y: float,
    x: float = 0.0,
    style: Style = "points",
    widths: Sequence[float] | None = None,
    size: float = 12.0,
) -> list[Item]:
    """A key: each series' line (and marker) followed by its name, left to right.

    `widths` are each entry's measured width where the caller can measure text (a widget);
    otherwise the width is estimated from the length (both renderers use a sans serif).
    """
    items: list[Item] = []
    for i, (index, text) in enumerate(entries):
        colour = f"series{index}"
        dash = AVERAGE_DASH[index] if style == "points" else LINE_DASH[index]
        items.append(Line(((x, y), (x + 30, y)), colour, 2.5 if style == "points" else 1.8, dash))
        if style == "points":
            items.append(Mark(x + 15, y, 4.0, SHAPES[index], colour, filled=index == 0))
        items.append(Label(x + 36, y + size / 3, text, colour="ink", size=size))
        x += widths[i] if widths is not None else 36 + 0.58 * size * len(text) + 18
    return items


def over_time(
    chart: TimeChart,
    *,
    width: float,
    height: float,
    style: Style = "points",
    legend: bool = False,
    focused: date | None = None,
    strong_focus: bool = False,
) -> Scene:
    """The chart as a Scene of `width` × `height`.

    Args:
        chart: the days and values.
        style: "points" (Insights: a mark a day, a thick average per week or month) or
            "lines" (a summary: a thin line through the days and the period's average).
        legend: add a key below the dates.
        focused: a day to mark with a vertical line (keyboard or mouse focus).
        strong_focus: draw that line solid (the chart has the keyboard focus), not dotted.
    """
    key = LEGEND_ROW if legend else 0.0
    if style == "points":
        frame = _points_frame(chart, width, height - key)
    else:
        frame = _Frame(chart, (34, 12, width - 14, height - 36 - key), centred=False)
    items = _scale(frame, chart, width)
    for series in chart.series:
        if style == "points":
            items += _points(frame, series)
            items += _averages(frame, series, chart.bucket_days)
        else:
            items += _lines(frame, series)
    if focused is not None:
        items.append(_focus_line(frame, focused, strong_focus))
    if legend:
        entries = [(s.index, s.legend) for s in chart.series if s.points and s.legend]
        items += legend_items(entries, y=height - key / 2, x=frame.left, style=style)
    return Scene(width, height, chart.title, tuple(items))
