"""Gratitude, emotions and progress in words: this period, and beside the one before."""

from __future__ import annotations

from datetime import date

from trustjournal.core.i18n import _, format_date, format_number, ngettext
from trustjournal.services.insights_figures import Figures, GratitudeBucket

SHOWN_EMOTIONS = 8  # emotions named; the rest are counted in one line
SAME_AVERAGE = 0.3  # averages this close (on a 0–10 scale) read as "about the same"
SAME_DROP = 0.3


def _number(value: float) -> str:
    return format_number(round(value, 1))


def _percent(part: int, whole: int) -> str:
    return _("{percent} %").format(percent=format_number(round(100 * part / whole)))


def _when(start: date, figures: Figures) -> str:
    if figures.bucket == "week":
        return _("Week of {day}").format(day=format_date(start, "medium"))
    return format_date(start, "MMMM y")


def gratitude_summary(figures: Figures) -> str:
    """How many appreciations, and how many of them were told."""
    count = sum(b.count for b in figures.gratitude)
    if count == 0:
        return _("No appreciations noted in this period.")
    told = sum(b.told for b in figures.gratitude)
    return ngettext(
        "{count} appreciation noted in this period; you told {told} of them ({share}).",
        "{count} appreciations noted in this period; you told {told} of them ({share}).",
        count,
    ).format(count=count, told=told, share=_percent(told, count))


def gratitude_lines(figures: Figures) -> str:
    """The told share of the latest six weeks or months, oldest first as the bars run (the text
    behind the bars)."""
    return "\n".join(
        _("{when}: {told} of {count} told").format(
            when=_when(b.start, figures), told=b.told, count=b.count
        )
        for b in told_buckets(figures)[-6:]
    )


def told_buckets(figures: Figures) -> list[GratitudeBucket]:
    """The weeks or months that had an appreciation, oldest first."""
    return [b for b in figures.gratitude if b.count]


def emotion_summary(figures: Figures) -> str:
    """The most frequent emotions in the period, with their counts."""
    if not figures.emotions:
        return _("No emotions named in check-ins or trigger records in this period.")
    parts = [
        _("{emotion} ({count})").format(emotion=name, count=count)
        for name, count in figures.emotions[:SHOWN_EMOTIONS]
    ]
    text = _("Named most often: {emotions}.").format(emotions=", ".join(parts))
    rest = len(figures.emotions) - SHOWN_EMOTIONS
    if rest > 0:
        text += " " + ngettext("And {count} more.", "And {count} more.", rest).format(count=rest)
    return text


def emotion_shift(figures: Figures) -> str:
    """How the period's emotions differ from the period before, in counts."""
    before = {
        name.casefold(): n for name, n in (figures.previous.emotions if figures.previous else [])
    }
    if not before:
        return _("There is nothing from the period before to compare with yet.")
    now = {name.casefold(): (name, n) for name, n in figures.emotions}
    more, fewer, new = [], [], []
    for key, (name, n) in now.items():
        was = before.get(key, 0)
        entry = _("{emotion} ({count}, before {before})").format(emotion=name, count=n, before=was)
        if was == 0:
            new.append(name)
        elif n > was:
            more.append(entry)
        elif n < was:
            fewer.append(entry)
    previous_names = (
        {name.casefold(): name for name, _n in figures.previous.emotions}
        if figures.previous
        else {}
    )
    gone = [previous_names[k] for k in before if k not in now]
    lines = []
    if more:
        lines.append(_("More often than before: {emotions}.").format(emotions=", ".join(more[:5])))
    if fewer:
        lines.append(_("Less often than before: {emotions}.").format(emotions=", ".join(fewer[:5])))
    if new:
        lines.append(_("New in this period: {emotions}.").format(emotions=", ".join(new[:5])))
    if gone:
        lines.append(_("Not named this time: {emotions}.").format(emotions=", ".join(gone[:5])))
    return "\n".join(lines) or _("Your emotions were named about as often as before.")


def _average_line(label: str, now: float | None, before: float | None) -> str | None:
    if now is None or before is None:
        return None
    if now - before >= SAME_AVERAGE:
        return _("{what}: {now}, up from {before}.").format(
            what=label, now=_number(now), before=_number(before)
        )
    if before - now >= SAME_AVERAGE:
        return _("{what}: {now}, down from {before}.").format(
            what=label, now=_number(now), before=_number(before)
        )
    return _("{what}: {now}, about the same as before ({before}).").format(
        what=label, now=_number(now), before=_number(before)
    )


def progress_lines(figures: Figures) -> list[str]:
    """This period beside the one before: plain, kind, and true, also when it went worse."""
    now, previous = figures.totals, figures.previous
    if now is None or previous is None:
        return []
    before = previous.totals
    if before.checkins + before.triggers + before.gratitude == 0:
        return [_("There is nothing from the period before to compare with yet.")]
    lines: list[str] = []
    harder = False
    for label, a, b in (
        (_("Mood"), now.mood, before.mood),
        (_("Closeness"), now.connection, before.connection),
        (_("Trust"), now.trust, before.trust),
    ):
        line = _average_line(label, a, b)
        if line:
            lines.append(line)
            harder = harder or (a is not None and b is not None and b - a >= SAME_AVERAGE)
    if now.triggers > before.triggers:
        harder = True
        lines.append(
            ngettext(
                "{count} trigger recorded, more than the {before} before.",
                "{count} triggers recorded, more than the {before} before.",
                now.triggers,
            ).format(count=now.triggers, before=before.triggers)
        )
    elif now.triggers == 0:
        lines.append(
            ngettext(
                "No triggers recorded, after {before} in the period before.",
                "No triggers recorded, after {before} in the period before.",
                before.triggers,
            ).format(before=before.triggers)
        )
    elif now.triggers < before.triggers:
        lines.append(
            ngettext(
                "{count} trigger recorded, fewer than the {before} before.",
                "{count} triggers recorded, fewer than the {before} before.",
                now.triggers,
            ).format(count=now.triggers, before=before.triggers)
        )
    else:
        lines.append(
            ngettext(
                "{count} trigger recorded, as many as before.",
                "{count} triggers recorded, as many as before.",
                now.triggers,
            ).format(count=now.triggers)
        )
    if now.drop is not None and before.drop is not None:
        lines.append(
            _("After coping, intensity eased by {now} on average (before: {before}).").format(
                now=_number(now.drop), before=_number(before.drop)
            )
        )
    if harder:
        lines.append(
            _(
                "This period was harder in some ways than the one before. That is worth knowing,"
                " and it does not undo what came before."
            )
        )
    return lines
