"""The mood/connection/trust chart as a small, self-contained inline SVG (no scripts, no links)."""

from __future__ import annotations

from datetime import date
from html import escape

from trustjournal.core.i18n import _, format_number
from trustjournal.services.export.model import Chart, ChartSeries
from trustjournal.services.export.text import day_text

WIDTH, HEIGHT = 680, 230
LEFT, RIGHT, TOP, BOTTOM = 34, 14, 12, 36  # the date row clears the scale's "0"

# Colour-blind-safe hues (Okabe–Ito) plus a dash pattern each, so print in grey still works.
STYLES: dict[str, tuple[str, str]] = {
    "Mood": ("#0072B2", ""),
    "Connection": ("#D55E00", "7 4"),
    "Trust": ("#009E73", "2 3"),
}


def series_style(name: str) -> tuple[str, str]:
    """(colour, SVG dash pattern) of a series; the PDF uses the same."""
    return STYLES.get(name, ("#555555", ""))


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


def _x(day: date, chart: Chart) -> float:
    span = max((chart.end - chart.start).days, 1)
    return LEFT + (WIDTH - LEFT - RIGHT) * (day - chart.start).days / span


def _y(value: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / 10)


def _series(series: ChartSeries, chart: Chart) -> list[str]:
    colour, dash = series_style(series.name)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    out: list[str] = []
    if shows_average(series) and series.average is not None:
        y = _y(series.average)
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-opacity="0.45" stroke-width="1" stroke-dasharray="1 3"/>'
        )
    if len(series.points) == 1:
        (day, value) = series.points[0]
        out.append(
            f'<circle cx="{_x(day, chart):.1f}" cy="{_y(value):.1f}" r="4" fill="{colour}"/>'
        )
    elif series.points:
        coords = " ".join(f"{_x(d, chart):.1f},{_y(v):.1f}" for d, v in series.points)
        out.append(
            f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="1.8"'
            f'{dash_attr} stroke-linejoin="round"/>'
        )
    return out


def render_svg(chart: Chart) -> str:
    """The chart as an <svg> element string; every text in it is escaped."""
    label = _("Mood, connection and trust over the period")
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{escape(label)}">'
    ]
    for value in (0, 5, 10):
        y = _y(value)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#d0d0d0" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#666">{value}</text>'
        )
    for series in chart.series:
        parts += _series(series, chart)
    for anchor, x, day in (
        ("start", LEFT, chart.start),
        ("end", WIDTH - RIGHT, chart.end),
    ):
        parts.append(
            f'<text x="{x}" y="{HEIGHT - 6}" text-anchor="{anchor}" font-size="11" '
            f'fill="#666">{escape(day_text(day))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
