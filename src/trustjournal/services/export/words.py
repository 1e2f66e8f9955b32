"""The words of core.wording's tables (mood, intensity, whom) marked for the share catalogue.

A summary may be written in another language than the UI, so its words must be translatable
here too; core's catalogue, chained first, wins wherever it translates the same English.
"""

from __future__ import annotations

from trustjournal.core.i18n import _


def N_(message: str) -> str:
    """Mark an English word for extraction; it is translated where it is shown."""
    return message


MARKED = (
    N_("very hard"),
    N_("hard"),
    N_("low"),
    N_("a bit low"),
    N_("in between"),
    N_("okay"),
    N_("good"),
    N_("really good"),
    N_("very good"),
    N_("wonderful"),
    N_("calm"),
    N_("barely there"),
    N_("slight"),
    N_("mild"),
    N_("noticeable"),
    N_("moderate"),
    N_("strong"),
    N_("very strong"),
    N_("intense"),
    N_("overwhelming"),
    N_("the most I can imagine"),
    N_("my partner"),
    N_("us"),
    N_("myself"),
    N_("someone else"),
    N_("life"),
)


def word(english: str) -> str:
    """A word from core.wording's tables (mood, intensity, whom) in the language spoken."""
    return _(english)
