"""What an operation changed: a closed set of typed values, the payload of every change notice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from trustjournal.core.entries import EntryKind

T = TypeVar("T")


class Change(StrEnum):
    """One kind of thing an operation can change; listeners refresh what shows it.

    A StrEnum, so a listener written against the old string names ("settings") still compares
    equal while it is migrated.
    """

    ENTRIES = "entries"
    GRATITUDE_TOLD = "gratitude told"
    SETTINGS = "settings"
    VOCABULARY = "vocabulary"
    HOMEWORK = "homework"  # items, their ticks, or their weeks' progress
    GOALS = "goals"
    PROGRESS = "progress"  # the progress list: something reached, or acknowledged


Changes = frozenset[Change]


def changes_from(names: Iterable[Change | str]) -> Changes:
    """Typed changes for names from code not yet migrated: an entry kind ("mood") means entries.

    Raises:
        ValueError: for a name that is neither a Change nor an entry kind (a bug, not input).
    """
    found: set[Change] = set()
    for name in names:
        if name in EntryKind.__members__.values():
            found.add(Change.ENTRIES)
        else:
            found.add(Change(name))
    return frozenset(found)


def settings_only(changes: Iterable[Change | str]) -> bool:
    """Whether only the journal's settings changed (Add to Share's chosen charts, the backup
    choices): what shows entries, homework or words need not read the journal again."""
    return set(changes) == {Change.SETTINGS}


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an operation gives back: its result, and what it changed (for the one notice)."""

    value: T
    changes: Changes
