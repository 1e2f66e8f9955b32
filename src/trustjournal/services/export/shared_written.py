"""The "Writing and time together" chart in a summary: only the entries that summary includes."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from trustjournal.core.entries import Entry
from trustjournal.core.entries_written import QualityTime, Reflection, Statement
from trustjournal.core.i18n import _, format_number, ngettext
from trustjournal.core.wording import duration_words
from trustjournal.services.charts.bars import BarRow, count_bars
from trustjournal.services.charts.scene import Scene

MIN_RATED = 5  # as on the Insights page: fewer noted connections are called too few


def written_chart(
    entries: Sequence[Entry], *, title: str, width: float
) -> tuple[Scene | None, tuple[str, ...]]:
    """A bar per count (reflections, "I" statements said and not yet, times together) and the
    same in sentences, counted from `entries` (the summary's chosen ones) only."""
    reflections = sum(isinstance(e, Reflection) for e in entries)
    statements = [e for e in entries if isinstance(e, Statement)]
    said = sum(s.said for s in statements)
    together = [e for e in entries if isinstance(e, QualityTime)]
    if not (reflections or statements or together):
        return None, (_("No reflections, I statements or time together in this summary."),)
    text = [
        ngettext(
            "{count} reflection chosen for this summary, one by one.",
            "{count} reflections chosen for this summary, one by one.",
            reflections,
        ).format(count=reflections),
        ngettext(
            "{count} I statement: {said} said, {unsaid} not yet.",
            "{count} I statements: {said} said, {unsaid} not yet.",
            len(statements),
        ).format(count=len(statements), said=said, unsaid=len(statements) - said),
        ngettext("{count} time together.", "{count} times together.", len(together)).format(
            count=len(together)
        ),
    ]
    minutes = sum(t.minutes or 0 for t in together)
    if minutes:
        text.append(_("{duration} noted in all.").format(duration=duration_words(minutes)))
    rated = [t.connection for t in together if t.connection is not None]
    if rated:
        line = ngettext(
            "How connected I felt: {value} on average ({count} time noted it).",
            "How connected I felt: {value} on average ({count} times noted it).",
            len(rated),
        ).format(value=format_number(round(fmean(rated), 1)), count=len(rated))
        if len(rated) < MIN_RATED:
            line += " " + _("That is too few to show a pattern yet.")
        text.append(line)
    rows = [
        BarRow(_("Reflections"), reflections, str(reflections)),
        BarRow(_("I statements said"), said, str(said), 1),
        BarRow(
            _("I statements not yet said"), len(statements) - said, str(len(statements) - said), 1
        ),
        BarRow(_("Times together"), len(together), str(len(together)), 2),
    ]
    return count_bars(rows, width=width, title=title), tuple(text)
