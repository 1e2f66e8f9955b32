"""The sentences beside the charts: what they show, for everyone and for screen readers."""

from __future__ import annotations

from trustjournal.core.i18n import _, format_date, format_number, ngettext
from trustjournal.services.insights_figures import DailyMood, Figures


def _number(value: float) -> str:
    return format_number(round(value, 1))


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def mood_summary(figures: Figures) -> str:
    """How many days had a check-in, and the period's average mood, closeness and trust."""
    period = figures.period
    assert period.start is not None
    assert period.end is not None
    length = (period.end - period.start).days + 1
    count = len(figures.days)
    if count == 0:
        return _("No check-ins in this period. Days without one stay empty here, never zero.")
    checked = ngettext(
        "You checked in on {count} of {days} days.",
        "You checked in on {count} of {days} days.",
        count,
    ).format(count=count, days=length)
    mood = _mean([d.mood_avg for d in figures.days])
    closeness = _mean([d.connection_avg for d in figures.days if d.connection_avg is not None])
    trust = _mean([d.trust_avg for d in figures.days if d.trust_avg is not None])
    parts = [_("mood {value}").format(value=_number(mood or 0))]
    if closeness is not None:
        parts.append(_("closeness {value}").format(value=_number(closeness)))
    if trust is not None:
        parts.append(_("trust {value}").format(value=_number(trust)))
    averaged = _("On average: {values}.").format(values=", ".join(parts))
    line = _("The thick lines are weekly averages.")
    if figures.bucket == "month":
        line = _("The thick lines are monthly averages.")
    return f"{checked} {averaged} {line}"


def year_summary(days: list[DailyMood]) -> str:
    """The year at a glance in words."""
    if not days:
        return _("No check-ins in this year yet.")
    low = min(days, key=lambda d: d.mood_avg)
    high = max(days, key=lambda d: d.mood_avg)
    return ngettext(
        "{count} day with a check-in. Lowest mood {low} on {low_day};"
        " highest {high} on {high_day}.",
        "{count} days with a check-in. Lowest mood {low} on {low_day};"
        " highest {high} on {high_day}.",
        len(days),
    ).format(
        count=len(days),
        low=_number(low.mood_avg),
        low_day=format_date(low.day, "medium"),
        high=_number(high.mood_avg),
        high_day=format_date(high.day, "medium"),
    )


def trigger_summary(figures: Figures) -> str:
    """How many trigger records, how many still to finish, and when they came most."""
    count = figures.trigger_count
    if count == 0:
        return _("No triggers recorded in this period.")
    text = ngettext(
        "{count} trigger recorded in this period.",
        "{count} triggers recorded in this period.",
        count,
    ).format(count=count)
    if figures.unfinished:
        text += " " + ngettext(
            "{count} is still to finish.", "{count} are still to finish.", figures.unfinished
        ).format(count=figures.unfinished)
    return text


def trigger_counts(figures: Figures) -> str:
    """The count per week or month, newest first (the text behind the bars)."""
    if not figures.triggers:
        return ""
    lines = []
    for bucket in reversed(figures.triggers[-6:]):
        if figures.bucket == "week":
            when = _("Week of {day}").format(day=format_date(bucket.start, "medium"))
        else:
            when = format_date(bucket.start, "MMMM y")
        line = _("{when}: {count}").format(when=when, count=bucket.count)
        before, after = bucket.intensity, bucket.intensity_after
        if bucket.with_after and before is not None and after is not None:
            line += " " + _("(intensity {before}, afterwards {after})").format(
                before=_number(before), after=_number(after)
            )
        lines.append(line)
    return "\n".join(lines)


def category_summary(figures: Figures) -> str:
    """Trigger records per category, most frequent first."""
    if not figures.categories:
        return ""
    parts = [
        _("{category}: {count}").format(category=name or _("no category"), count=count)
        for name, count in figures.categories
    ]
    return _("By category: {counts}").format(counts=", ".join(parts))


def intensity_summary(figures: Figures) -> str:
    """Intensity at the time and afterwards, over the records that noted an afterwards."""
    noted = [b for b in figures.triggers if b.with_after]
    total = sum(b.with_after for b in noted)
    if total == 0:
        return _("None of these records noted how strong it was afterwards yet.")
    before = sum((b.intensity or 0) * b.with_after for b in noted) / total
    after = sum((b.intensity_after or 0) * b.with_after for b in noted) / total
    text = ngettext(
        "Intensity at the time {before}, afterwards {after} ({count} record noted both).",
        "Intensity at the time {before}, afterwards {after} ({count} records noted both).",
        total,
    ).format(before=_number(before), after=_number(after), count=total)
    if total < 5:
        text += " " + _("That is too few to show a pattern yet.")
    return text
