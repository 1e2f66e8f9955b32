"""Calendar-like grids as Scenes: a year of mood a cell a day, triggers by weekday and hour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from trustjournal.services.charts.scene import Box, Item, Label, Scene, ramp_role

WEEKS = 53
LABEL_W = 34  # room for the weekday names
HOURS = 24
ROW = 14  # the height of one weekday's row
HOUR_KEY = 18  # the row of hours below the hour grid


def year_cell(width: float, weeks: int = WEEKS) -> float:
    """A day's cell width for a grid `width` wide (rows keep 14 so the names always fit)."""
    return max(6, min(14, (width - LABEL_W) // weeks))


def year_grid(
    first: date,
    moods: Mapping[date, float],
    *,
    width: float,
    weekday_names: Sequence[str],
    title: str,
    weeks: int = WEEKS,
) -> Scene:
    """`weeks` weeks of 7 days from `first`; a check-in day is coloured by its mean mood on
    the ramp, a day without one is outlined. `weekday_names` label rows 0, 2 and 4."""
    cell = year_cell(width, weeks)
    items: list[Item] = [
        Label(LABEL_W - 4, row * ROW + ROW / 2 + 4, name, anchor="end")
        for row, name in zip((0, 2, 4), weekday_names, strict=False)
    ]
    for week in range(weeks):
        for row in range(7):
            day = first + timedelta(days=week * 7 + row)
            x, y = LABEL_W + week * cell + 1, row * ROW + 1
            mood = moods.get(day)
            if mood is None:
                items.append(Box(x + 0.5, y + 0.5, cell - 3, ROW - 3, stroke="grid"))
            else:
                items.append(Box(x, y, cell - 2, ROW - 2, fill=ramp_role(mood)))
    return Scene(max(width, LABEL_W + weeks * cell), 7 * ROW, title, tuple(items))


def ramp_key(*, title: str, steps: int = 5) -> Scene:
    """The ramp's colours from low to high, one square each."""
    items = tuple(Box(i * 18 + 1, 2, 16, 14, fill=f"ramp{i}") for i in range(steps))
    return Scene(steps * 18, 18, title, items)


def hour_grid(
    counts: Mapping[tuple[int, int], int],
    *,
    width: float,
    first_weekday: int,
    weekday_names: Sequence[str],
    title: str,
) -> Scene:
    """Records per (weekday 0 = Monday, hour): rows in the language's order of weekdays
    (`weekday_names` in that order), stronger squares where there were more."""
    step = max(6.0, min(28.0, (width - LABEL_W) / HOURS))  # square-ish, not bands
    most = max(counts.values(), default=0)
    items: list[Item] = [
        Label(LABEL_W - 4, row * ROW + ROW / 2 + 4, name, anchor="end")
        for row, name in enumerate(weekday_names)
    ]
    items += [Label(LABEL_W + hour * step, 7 * ROW + 14, f"{hour:02d}") for hour in (0, 6, 12, 18)]
    for (weekday, hour), count in sorted(counts.items()):
        if count <= 0:
            continue
        row = (weekday - first_weekday) % 7
        # Lightness, not hue, tells more from less.
        shade = 0.2 + 0.8 * count / most
        items.append(
            Box(LABEL_W + hour * step + 1, row * ROW + 1, step - 2, 12, "ink", None, shade)
        )
    items.append(Box(LABEL_W + 0.5, 0.5, step * HOURS - 1, 7 * ROW - 1, stroke="grid"))
    return Scene(max(width, LABEL_W + step * HOURS), 7 * ROW + HOUR_KEY, title, tuple(items))
