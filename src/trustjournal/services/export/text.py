"""Plain-text wording shared by every renderer: dates, figures, patterns, bidi isolation."""

from __future__ import annotations

import re
from datetime import date, datetime

from trustjournal.core.periods import Period
from trustjournal.core.wording import MOOD_WORDS
from trustjournal.services.export.model import Figures, Patterns
from trustjournal.services.export.request import Audience

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


# A summary is a selection: where a part holds nothing, it says that nothing was chosen, never
# that nothing happened (the person may have left entries out, and private ones never show).
NONE_CHOSEN = "None chosen for this summary."
SELECTION: dict[Audience, str] = {
    Audience.THERAPIST: "This summary includes only the entries I chose to share.",
    Audience.PARTNER: "This summary includes only the entries I chose to share.",
    Audience.SELF: "This summary includes only the entries I chose to keep in it.",
}


def selection_line(audience: Audience) -> str:
    """The one sentence, under the title, saying that the summary is a selection."""
    return SELECTION[audience]


def _mood_text(figures: Figures) -> str:
    """E.g. "6 of 10 on average (okay), 4 to 8, 3 check-ins"; one score is said once."""
    low, high, avg = figures.mood_min, figures.mood_max, figures.mood_avg
    if avg is None or low is None or high is None:
        return "no check-ins chosen for this summary"
    count = _plural(figures.mood_count, "check-in", "check-ins")
    word = MOOD_WORDS[max(1, min(10, round(avg)))]
    if figures.mood_count == 1:
        return f"{low} of 10 ({word}), {count}"
    if low == high:
        return f"stayed at {low} of 10 ({word}), {count}"
    return f"{_num(avg)} of 10 on average ({word}), {low} to {high}, {count}"


def figure_lines(figures: Figures) -> list[tuple[str, str]]:
    """(label, value) pairs describing the mood figures."""
    lines: list[tuple[str, str]] = [("Mood", _mood_text(figures))]
    on_average = " on average" if figures.mood_count > 1 else ""  # one check-in: its own score
    if figures.connection_avg is not None:
        lines.append(("Connection", f"{_num(figures.connection_avg)} of 10{on_average}"))
    if figures.trust_avg is not None:
        lines.append(("Trust", f"{_num(figures.trust_avg)} of 10{on_average}"))
    return lines


def count_line(figures: Figures) -> str:
    """E.g. "In this summary: 45 check-ins, 12 gratitude entries, 7 hard moments".

    A kind with none chosen is left unsaid rather than counted as 0: its section may be off,
    or its entries left out, and "0 hard moments" would claim that none happened.
    """
    counts = [
        _plural(n, one, many)
        for n, one, many in (
            (figures.mood_count, "check-in", "check-ins"),
            (figures.gratitude_count, "gratitude entry", "gratitude entries"),
            (figures.trigger_count, "hard moment", "hard moments"),
        )
        if n
    ]
    return f"In this summary: {', '.join(counts)}." if counts else NONE_CHOSEN


def patterns_intro(patterns: Patterns) -> str:
    """One sentence on how many records the patterns come from and their intensity."""
    if not patterns.record_count:
        return NONE_CHOSEN
    records = _plural(patterns.record_count, "hard moment", "hard moments")
    text = f"From the {records} in this summary"
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
