"""The summary's mood/connection/trust chart, built in the chart layer and written as inline SVG."""

from __future__ import annotations

from trustjournal.core.i18n import _, format_number
from trustjournal.services.charts.lines import (
    LEGEND_ROW,
    LINE_DASH,
    TimeChart,
    TimeSeries,
    over_time,
)
from trustjournal.services.charts.scene import PAPER, Scene
from trustjournal.services.charts.svg import write_svg
from trustjournal.services.export.model import Chart, ChartSeries
from trustjournal.services.export.text import day_text

WIDTH, HEIGHT = 680, 230
NAMES = ("Mood", "Connection", "Trust")  # a series' place in the chart layer: colour, dash


def series_style(name: str) -> tuple[str, str]:
    """(colour, SVG dash pattern) of a series, as the chart layer draws it on paper."""
    index = NAMES.index(name) if name in NAMES else 0
    return PAPER.series[index], " ".join(f"{d:g}" for d in LINE_DASH[index])


def shows_average(series: ChartSeries) -> bool:
    """Whether the period average is drawn: over one day it is that day's point, and a line
    across the whole period would look like a month of equal days."""
    return series.average is not None and len(series.points) > 1


def series_title(name: str) -> str:
    """A series' name ("Mood", "Connection", "Trust": the keys of STYLES) in the language spoken."""
    titles = {"Mood": _("Mood"), "Connection": _("Connection"), "Trust": _("Trust")}
    return titles.get(name, name)


def legend_label(series: ChartSeries) -> str:
    """E.g. "Mood (average 6.2)"; the name alone when there is a single day."""
    name = series_title(series.name)
    if shows_average(series) and series.average is not None:
        average = format_number(round(series.average, 1))
        return _("%(name)s (average %(average)s)") % {"name": name, "average": average}
    return name


def summary_scene(chart: Chart, *, legend: bool = False) -> Scene:
    """The summary's chart in the one chart layer (the PDF adds the key; HTML writes its own)."""
    series = tuple(
        TimeSeries(
            index=NAMES.index(s.name) if s.name in NAMES else 0,
            points=s.points,
            period_average=s.average,
            legend=legend_label(s),
        )
        for s in chart.series
    )
    shown = TimeChart(
        start=chart.start,
        end=chart.end,
        series=series,
        title=_("Mood, connection and trust over the period"),
        start_text=day_text(chart.start),
        end_text=day_text(chart.end),
    )
    height = HEIGHT + (LEGEND_ROW if legend else 0)
    return over_time(shown, width=WIDTH, height=height, style="lines", legend=legend)


def render_svg(chart: Chart) -> str:
    """The chart as an <svg> element string; every text in it is escaped."""
    return write_svg(summary_scene(chart))
