"""Plain-text wording shared by every renderer: dates, figures, patterns, bidi isolation.

Renderers call these inside `i18n.speaking(summary.language)`.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from trustjournal.core.i18n import (
    _,
    format_date,
    format_number,
    format_time,
    format_weekday,
    ngettext,
)
from trustjournal.core.periods import Period
from trustjournal.core.wording import MOOD_WORDS
from trustjournal.services.export.model import Figures, Patterns
from trustjournal.services.export.request import Audience
from trustjournal.services.export.words import word

# Characters that change the direction of the text after them. Text holding any of them is
# wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so it cannot reorder what follows
# (our labels, the next entry). Everything else (zero-width joiners in emoji, say) is kept.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """The text, bidi-isolated if it holds direction controls (so it cannot leak past itself)."""
    return f"{FSI}{text}{PDI}" if _BIDI_CONTROLS.search(text) else text


def day_text(day: date) -> str:
    """E.g. "3 March 2026" ("3. März 2026" in German)."""
    return format_date(day, "long")


def moment_text(moment: datetime) -> str:
    """E.g. "Tue, 3 Mar 2026, 21:15" (the local time it happened, the locale's way)."""
    return _("%(weekday)s, %(day)s, %(time)s") % {
        "weekday": format_weekday(moment.date(), "abbreviated"),
        "day": format_date(moment.date(), "medium"),
        "time": format_time(moment, "short"),
    }


def period_text(period: Period) -> str:
    """E.g. "1 March 2026 – 30 March 2026"."""
    start = day_text(period.start) if period.start else _("the beginning")
    end = day_text(period.end) if period.end else _("today")
    return start if start == end else f"{start} – {end}"


def _num(value: float) -> str:
    """One decimal at most, with the locale's decimal sign: "6.5", "6,5", "7"."""
    return format_number(round(value, 1))


def none_chosen() -> str:
    """Where a part holds nothing: nothing was chosen, never that nothing happened.

    A summary is a selection: the person may have left entries out, and private ones never show.
    """
    return _("None chosen for this summary.")


def selection_line(audience: Audience) -> str:
    """The one sentence, under the title, saying that the summary is a selection."""
    if audience == Audience.SELF:
        return _("This summary includes only the entries I chose to keep in it.")
    return _("This summary includes only the entries I chose to share.")


def _check_ins(count: int) -> str:
    return ngettext("%(count)s check-in", "%(count)s check-ins", count) % {
        "count": format_number(count)
    }


def _mood_text(figures: Figures) -> str:
    """E.g. "6 of 10 on average (okay), 4 to 8, 3 check-ins"; one score is said once."""
    low, high, avg = figures.mood_min, figures.mood_max, figures.mood_avg
    if avg is None or low is None or high is None:
        return _("no check-ins chosen for this summary")
    values = {
        "low": low,
        "high": high,
        "average": _num(avg),
        "word": word(MOOD_WORDS[max(1, min(10, round(avg)))]),
        "check_ins": _check_ins(figures.mood_count),
    }
    if figures.mood_count == 1:
        return _("%(low)s of 10 (%(word)s), %(check_ins)s") % values
    if low == high:
        return _("stayed at %(low)s of 10 (%(word)s), %(check_ins)s") % values
    return _("%(average)s of 10 on average (%(word)s), %(low)s to %(high)s, %(check_ins)s") % values


def _average(value: float, count: int) -> str:
    if count > 1:
        return _("%(average)s of 10 on average") % {"average": _num(value)}
    return _("%(average)s of 10") % {"average": _num(value)}  # one check-in: its own score


def figure_lines(figures: Figures) -> list[tuple[str, str]]:
    """(label, value) pairs describing the mood figures."""
    lines: list[tuple[str, str]] = [(_("Mood"), _mood_text(figures))]
    if figures.connection_avg is not None:
        lines.append((_("Connection"), _average(figures.connection_avg, figures.mood_count)))
    if figures.trust_avg is not None:
        lines.append((_("Trust"), _average(figures.trust_avg, figures.mood_count)))
    return lines


def count_line(figures: Figures) -> str:
    """E.g. "In this summary: 45 check-ins, 12 gratitude entries, 7 hard moments".

    A kind with none chosen is left unsaid rather than counted as 0: its section may be off,
    or its entries left out, and "0 hard moments" would claim that none happened.
    """
    counts = []
    if figures.mood_count:
        counts.append(_check_ins(figures.mood_count))
    if figures.gratitude_count:
        n = figures.gratitude_count
        counts.append(
            ngettext("%(count)s gratitude entry", "%(count)s gratitude entries", n)
            % {"count": format_number(n)}
        )
    if figures.trigger_count:
        counts.append(_hard_moments(figures.trigger_count))
    n = figures.statement_count
    if n:
        counts.append(ngettext("%(count)s I statement", "%(count)s I statements", n) % _n(n))
    n = figures.together_count
    if n:
        counts.append(ngettext("%(count)s time together", "%(count)s times together", n) % _n(n))
    n = figures.reflection_count
    if n:
        counts.append(ngettext("%(count)s reflection", "%(count)s reflections", n) % _n(n))
    n = figures.session_count
    if n:
        counts.append(ngettext("%(count)s session", "%(count)s sessions", n) % _n(n))
    if not counts:
        return none_chosen()
    return _("In this summary: %(counts)s.") % {"counts": _(", ").join(counts)}


def _n(count: int) -> dict[str, str]:
    return {"count": format_number(count)}


def _hard_moments(count: int) -> str:
    return ngettext("%(count)s hard moment", "%(count)s hard moments", count) % {
        "count": format_number(count)
    }


def patterns_intro(patterns: Patterns) -> str:
    """One sentence on how many records the patterns come from and their intensity."""
    if not patterns.record_count:
        return none_chosen()
    n = patterns.record_count
    values = {"count": format_number(n)}
    if patterns.intensity_avg is None:
        return (
            ngettext(
                "From the %(count)s hard moment in this summary.",
                "From the %(count)s hard moments in this summary.",
                n,
            )
            % values
        )
    values["before"] = _num(patterns.intensity_avg)
    if patterns.intensity_after_avg is None:
        return (
            ngettext(
                "From the %(count)s hard moment in this summary; intensity %(before)s of 10 on "
                "average at the time.",
                "From the %(count)s hard moments in this summary; intensity %(before)s of 10 on "
                "average at the time.",
                n,
            )
            % values
        )
    values["after"] = _num(patterns.intensity_after_avg)
    return (
        ngettext(
            "From the %(count)s hard moment in this summary; intensity %(before)s of 10 on "
            "average at the time and %(after)s afterwards.",
            "From the %(count)s hard moments in this summary; intensity %(before)s of 10 on "
            "average at the time and %(after)s afterwards.",
            n,
        )
        % values
    )


def category_headers() -> tuple[str, str]:
    """The top-categories table's column headings."""
    return (_("What set it off"), _("Times"))


def coping_headers() -> tuple[str, str, str]:
    """The coping table's column headings."""
    return (_("What I did to cope"), _("Used"), _("Intensity drop"))


def category_rows(patterns: Patterns) -> list[tuple[str, str]]:
    """Rows of the top-categories table."""
    return [(name, format_number(count)) for name, count in patterns.top_categories]


def coping_rows(patterns: Patterns) -> list[tuple[str, str, str]]:
    """Rows of the coping table: strategy, uses, average drop in intensity."""
    rows = []
    for row in patterns.coping:
        drop = (
            _("not recorded")
            if row.avg_drop is None
            else _("%(drop)s on average") % {"drop": _num(row.avg_drop)}
        )
        rows.append((row.strategy, format_number(row.uses), drop))
    return rows


def made_line(made_on: date, period: Period) -> str:
    """E.g. "1 March 2026 – 30 March 2026 · made on 30 March 2026"."""
    return _("%(period)s · made on %(day)s") % {
        "period": period_text(period),
        "day": day_text(made_on),
    }
