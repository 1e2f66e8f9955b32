"""How often a homework item is asked for, in the same words on Today, in summaries and the CLI."""

from __future__ import annotations

from trustjournal.core.between import Homework, Per
from trustjournal.core.i18n import _, format_number, ngettext


def how_often(item: Homework) -> str:
    """E.g. "every day", "2 times a day", "once a week", "3 times a week"."""
    values = {"count": format_number(item.times)}
    if item.per is Per.DAY:
        if item.times == 1:
            return _("every day")
        return ngettext("%(count)s time a day", "%(count)s times a day", item.times) % values
    if item.times == 1:
        return _("once a week")
    return ngettext("%(count)s time a week", "%(count)s times a week", item.times) % values
