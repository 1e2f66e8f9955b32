"""Plain-text wording shared by every renderer: dates, figures, patterns, bidi isolation."""

from __future__ import annotations

import re
from datetime import date, datetime

from trustjournal.core.periods import Period
from trustjournal.core.wording import MOOD_WORDS
from trustjournal.services.export.model import Figures, Patterns

# Characters that change the direction of the text after them. Text holding any of them is
# wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so it cannot reorder what follows
# (our labels, the next entry). Everything else (zero-width joiners in emoji, say) is kept.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """The text, bidi-isolated if it holds direction controls (so it cannot leak past itself)."""
    return f"{FSI}{text}{PDI}" if _BIDI_CONTROLS.search(text) else text


def day_text(day: date) -> str:
    """E.g. "3 March 2026"."""
    return f"{day.day} {day:%B %Y}"


def moment_text(moment: datetime) -> str:
    """E.g. "Tue 3 Mar 2026, 21:15" (the local time it happened)."""
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M}"


def period_text(period: Period) -> str:
    """E.g. "1 March 2026 – 30 March 2026"."""
    start = day_text(period.start) if period.start else "the beginning"
    end = day_text(period.end) if period.end else "today"
    return start if start == end else f"{start} – {end}"


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def figure_lines(figures: Figures) -> list[tuple[str, str]]:
    """(label, value) pairs describing the mood figures and counts."""
    lines: list[tuple[str, str]] = []
    if figures.mood_avg is not None and figures.mood_min is not None:
        word = MOOD_WORDS[max(1, min(10, round(figures.mood_avg)))]
        span = f"{figures.mood_min} to {figures.mood_max}"
        count = _plural(figures.mood_count, "check-in", "check-ins")
        lines.append(
            ("Mood", f"{_num(figures.mood_avg)} of 10 on average ({word}), {span}, {count}")
        )
    else:
        lines.append(("Mood", "no check-ins in this period"))
    if figures.connection_avg is not None:
        lines.append(("Connection", f"{_num(figures.connection_avg)} of 10 on average"))
    if figures.trust_avg is not None:
        lines.append(("Trust", f"{_num(figures.trust_avg)} of 10 on average"))
    return lines


def count_line(figures: Figures) -> str:
    """E.g. "45 check-ins, 12 gratitude entries, 7 hard moments"."""
    return ", ".join(
        (
            _plural(figures.mood_count, "check-in", "check-ins"),
            _plural(figures.gratitude_count, "gratitude entry", "gratitude entries"),
            _plural(figures.trigger_count, "hard moment", "hard moments"),
        )
    )


def patterns_intro(patterns: Patterns) -> str:
    """One sentence on how many records the patterns come from and their intensity."""
    text = f"From {_plural(patterns.record_count, 'hard moment', 'hard moments')}"
    if patterns.intensity_avg is not None:
        text += f"; intensity {_num(patterns.intensity_avg)} of 10 on average at the time"
        if patterns.intensity_after_avg is not None:
            text += f" and {_num(patterns.intensity_after_avg)} afterwards"
    return text + "."


CATEGORY_HEADERS = ("What set it off", "Times")
COPING_HEADERS = ("What I did to cope", "Used", "Intensity drop")


def category_rows(patterns: Patterns) -> list[tuple[str, str]]:
    """Rows of the top-categories table."""
    return [(name, str(count)) for name, count in patterns.top_categories]


def coping_rows(patterns: Patterns) -> list[tuple[str, str, str]]:
    """Rows of the coping table: strategy, uses, average drop in intensity."""
    rows = []
    for row in patterns.coping:
        drop = "not recorded" if row.avg_drop is None else f"{_num(row.avg_drop)} on average"
        rows.append((row.strategy, str(row.uses), drop))
    return rows


def made_line(made_on: date, period: Period) -> str:
    """E.g. "1 March 2026 – 30 March 2026 · made on 30 March 2026"."""
    return f"{period_text(period)} · made on {day_text(made_on)}"
