"""Bars as Scenes: the told share per week or month, and labelled counts side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trustjournal.services.charts.scene import Box, Item, Label, Scene

BAR = 14  # widest told bar; many buckets get narrower ones


def told_bars(
    shares: Sequence[tuple[int, int]], *, width: float, height: float, title: str
) -> Scene:
    """An outlined box per (count, told) filled to the share that was told."""
    items: list[Item] = []
    if shares:
        step = min(BAR + 4, width / len(shares))
        for i, (count, told) in enumerate(shares):
            x, w, h = i * step + 1.5, max(step - 4, 2), height - 3
            share = told / count if count else 0.0
            items.append(Box(x, 1.5 + h * (1 - share), w, h * share, fill="series0"))
            items.append(Box(x, 1.5, w, h, stroke="grid"))
    return Scene(width, height, title, tuple(items))


@dataclass(frozen=True)
class BarRow:
    """One labelled bar: its name (plain text), its value, and what is written beside it."""

    label: str
    value: float
    text: str
    series: int = 0
    sentence: str = ""  # the longer words for the text alternative, if any


ROW_H = 24
NAME_W = 0.36  # of the width, for the names


def count_bars(
    rows: Sequence[BarRow], *, width: float, title: str, high: float | None = None
) -> Scene:
    """A row per item: the name, a bar as long as its value (of `high`, default the largest),
    and its figure in words. Names are clipped by length, never allowed to push the bars."""
    top = max([r.value for r in rows] + [high or 0.0, 1e-9])
    name_w = width * NAME_W
    text_w = width * 0.26
    bar_w = width - name_w - text_w - 12
    items: list[Item] = []
    for i, row in enumerate(rows):
        y = i * ROW_H
        name = row.label if len(row.label) <= 34 else row.label[:33] + "…"
        items.append(Label(name_w - 8, y + 16, name, colour="ink", size=12, anchor="end"))
        length = max(bar_w * max(row.value, 0.0) / top, 1.0)
        items.append(Box(name_w, y + 5, length, ROW_H - 10, fill=f"series{row.series}"))
        items.append(Label(name_w + length + 6, y + 16, row.text, size=11))
    return Scene(width, max(len(rows), 1) * ROW_H + 4, title, tuple(items))
