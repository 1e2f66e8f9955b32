"""What a list of entries asks for: kinds, period, tag, search and special filters."""

from __future__ import annotations

from dataclasses import dataclass

from trustjournal.core.entries import EntryKind
from trustjournal.core.periods import Period


@dataclass(frozen=True)
class EntryQuery:
    """A filter over entries; every condition given must hold (they combine with AND).

    Attributes:
        kinds: only these kinds (empty: all).
        period: only entries whose local day lies in it.
        tag: only entries with this tag (case-insensitive).
        search: full-text query (words, "a phrase", prefix*).
        include_private: whether private entries are listed (False for export choices).
        deleted: False lists live entries; True lists soft-deleted ones (the bin).
        for_session: only trigger records flagged for the next session.
        unfinished: only trigger records still to be completed.
        not_expressed: only gratitude not yet told.
        category: only trigger records of this category.
        about: only gratitude about one of these.
    """

    kinds: frozenset[EntryKind] = frozenset()
    period: Period | None = None
    tag: str | None = None
    search: str | None = None
    include_private: bool = True
    deleted: bool = False
    for_session: bool | None = None
    unfinished: bool | None = None
    not_expressed: bool | None = None
    category: str | None = None
    about: frozenset[str] = frozenset()
