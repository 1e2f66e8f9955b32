"""The entries checklist: every offered entry, each one can be left out; labels read lazily."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from trustjournal.core.entries import Entry, EntryKind
from trustjournal.core.errors import UserFacingError
from trustjournal.core.i18n import _, ngettext, pgettext
from trustjournal.core.wording import summarise
from trustjournal.services.export.model import Candidate
from trustjournal.services.export.text import isolate, moment_text
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.icons import Icon, icon

PAGE = 200  # entries read from the vault at once, when a row of a page not yet read is shown


def hard_moment_text() -> str:
    """Said under an entry written in a hard moment, which starts left out."""
    return _("Written in a hard moment — still want to share it?")


def kind_words() -> dict[EntryKind, str]:
    """What kind of entry a row is."""
    return {
        EntryKind.MOOD: _("Check-in"),
        EntryKind.GRATITUDE: pgettext("kind of entry", "Gratitude"),
        EntryKind.TRIGGER: _("Hard moment"),
        EntryKind.STATEMENT: pgettext("kind of entry", "I statement"),
        EntryKind.QUALITY_TIME: pgettext("kind of entry", "Time together"),
        EntryKind.REFLECTION: pgettext("kind of entry", "Reflection"),
        EntryKind.SESSION: pgettext("kind of entry", "Therapy session"),
    }


def tick_to_share_text() -> str:
    """Said under a reflection: free writing is shared only when it is ticked, one by one."""
    return _("Free writing: shared only if you tick it.")


def gone_text() -> str:
    """Shown for an entry deleted since the list was read."""
    return _("(no longer in the journal)")


Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    """The model's own data roles."""

    ID = Qt.ItemDataRole.UserRole + 1  # int
    HARD_MOMENT = Qt.ItemDataRole.UserRole + 2  # bool
    INCLUDED = Qt.ItemDataRole.UserRole + 3  # bool


@dataclass(frozen=True)
class LeftOut:
    """One audience's entry choices: the ids left out, and the hard moments already left out by
    default (so ticking one back in is not undone when the list refreshes)."""

    excluded: frozenset[int] = field(default_factory=frozenset)
    asked: frozenset[int] = field(default_factory=frozenset)
    reflections: frozenset[int] = field(default_factory=frozenset)  # ticked one by one


def counts_text(included: int, total: int) -> str:
    """E.g. "12 of 14 entries will be shared"."""
    if total == 0:
        return _("No entries in this period match the sections chosen.")
    return ngettext(
        "%(included)s of %(total)s entry will be shared",
        "%(included)s of %(total)s entries will be shared",
        total,
    ) % {"included": included, "total": total}


class EntriesModel(QAbstractListModel):
    """The offered entries of a summary, oldest first, each checkable.

    The rows come from the Summary's candidates (ids, kinds, moments, no text); an entry's
    one-line label is read from the vault a page of `PAGE` at a time, only when shown, so a
    long period never loads every entry into the list. Private entries are never candidates.

    A hard moment (see `Candidate.hard_moment`) is left out the first time it is offered, and
    its row asks whether to share it; ticking it shares it. A reflection is the other way
    round: it is never in unless its own box is ticked (`reflections`), as the summary asks.

    Signals:
        excluded_changed: an entry was left out or taken back in.
    """

    excluded_changed = Signal()

    def __init__(self, *, entries: EntryRepository, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = entries
        self._rows: tuple[Candidate, ...] = ()
        self._excluded: set[int] = set()
        self._asked: set[int] = set()  # hard moments already left out once by default
        self._reflections: set[int] = set()  # reflections ticked, one by one
        self._labels: dict[int, str] = {}

    # --- contents -------------------------------------------------------------------------------

    def set_candidates(self, candidates: tuple[Candidate, ...]) -> None:
        """Show these entries; left-out choices are kept for entries still offered.

        A hard moment offered for the first time is left out (emitting `excluded_changed`).
        """
        new_hard = {c.entry_id for c in candidates if c.hard_moment} - self._asked
        self._asked |= new_hard
        self._excluded |= new_hard
        ids = [c.entry_id for c in candidates]
        if ids == [c.entry_id for c in self._rows]:
            changed = [
                i
                for i, (a, b) in enumerate(zip(self._rows, candidates, strict=True))
                if a != b or a.entry_id in new_hard
            ]
            self._rows = candidates
            for row in changed:
                self.dataChanged.emit(self.index(row), self.index(row))
        else:
            self.beginResetModel()
            self._rows = candidates
            self._labels.clear()
            self.endResetModel()
        if new_hard:
            self.excluded_changed.emit()

    def left_out(self) -> LeftOut:
        """The entry choices as they are now (kept per audience by the page)."""
        return LeftOut(
            frozenset(self._excluded), frozenset(self._asked), frozenset(self._reflections)
        )

    def restore_left_out(self, state: LeftOut) -> None:
        """Put back an audience's entry choices."""
        self._excluded = set(state.excluded)
        self._asked = set(state.asked)
        self._reflections = set(state.reflections)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
        self.excluded_changed.emit()

    def refresh_labels(self) -> None:
        """Read the labels again when shown (the journal changed)."""
        self._labels.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def clear(self) -> None:
        """Forget every row and choice (the journal is locking)."""
        self.beginResetModel()
        self._rows = ()
        self._excluded.clear()
        self._asked.clear()
        self._reflections.clear()
        self._labels.clear()
        self.endResetModel()

    @property
    def excluded(self) -> frozenset[int]:
        """The ids left out (of those offered now, and earlier ones the person left out)."""
        return frozenset(self._excluded)

    @property
    def reflections(self) -> frozenset[int]:
        """The reflections ticked one by one (the only ones a summary may include)."""
        return frozenset(self._reflections)

    def is_included(self, candidate: Candidate) -> bool:
        """Whether an offered entry will be shared as things are ticked now."""
        if candidate.kind is EntryKind.REFLECTION:
            return candidate.entry_id in self._reflections
        return candidate.entry_id not in self._excluded

    def set_included(self, candidate: Candidate, included: bool) -> None:
        """Tick an entry in or out: a reflection by its own choice, the rest by leaving out."""
        if candidate.kind is not EntryKind.REFLECTION:
            self.set_excluded(candidate.entry_id, not included)
            return
        if (candidate.entry_id in self._reflections) == included:
            return
        if included:
            self._reflections.add(candidate.entry_id)
        else:
            self._reflections.discard(candidate.entry_id)
        row = self.row_of(candidate.entry_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row))
        self.excluded_changed.emit()

    def set_excluded(self, entry_id: int, excluded: bool) -> None:
        """Leave an entry out, or take it back in."""
        if (entry_id in self._excluded) == excluded:
            return
        if excluded:
            self._excluded.add(entry_id)
        else:
            self._excluded.discard(entry_id)
        row = next((i for i, c in enumerate(self._rows) if c.entry_id == entry_id), -1)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row))
        self.excluded_changed.emit()

    def include_all(self) -> None:
        """Take every left-out entry back in."""
        if self._excluded:
            self._excluded.clear()
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
            self.excluded_changed.emit()

    def total(self) -> int:
        """How many entries are offered."""
        return len(self._rows)

    def included_count(self) -> int:
        """How many offered entries will be shared."""
        return sum(self.is_included(c) for c in self._rows)

    def candidate(self, row: int) -> Candidate:
        """The candidate in `row`."""
        return self._rows[row]

    def row_of(self, entry_id: int) -> int:
        """The row of an entry, or -1."""
        return next((i for i, c in enumerate(self._rows) if c.entry_id == entry_id), -1)

    def label(self, row: int) -> str:
        """The entry's one-line label, reading its page from the vault if needed."""
        entry_id = self._rows[row].entry_id
        found = self._labels.get(entry_id)
        if found is None:
            start = row - row % PAGE
            ids = [c.entry_id for c in self._rows[start : start + PAGE]]
            self._labels.update(self._read(ids))
            found = self._labels.get(entry_id, gone_text())
        return found

    def _read(self, ids: list[int]) -> dict[int, str]:
        try:
            entries: list[Entry] = self._entries.get_many(ids)
        except UserFacingError:  # one was deleted meanwhile: read them one by one
            entries = []
            for entry_id in ids:
                try:
                    entries.append(self._entries.get(entry_id))
                except UserFacingError:
                    continue
        return {e.id: self._text(e) for e in entries if e.id is not None and not e.private}

    def _text(self, entry: Entry) -> str:
        head = f"{kind_words()[entry.kind]} · {moment_text(entry.occurred_at)}"
        return f"{head}\n{isolate(summarise(entry))}"

    # --- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        candidate = self._rows[row]
        hard = candidate.hard_moment
        by_one = candidate.kind is EntryKind.REFLECTION
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self.label(row)
            if hard:
                return f"{text}\n{hard_moment_text()}"
            return f"{text}\n{tick_to_share_text()}" if by_one else text
        included = self.is_included(candidate)
        values: dict[int, Any] = {
            Qt.ItemDataRole.CheckStateRole: (
                Qt.CheckState.Checked if included else Qt.CheckState.Unchecked
            ),
            Qt.ItemDataRole.DecorationRole: icon(Icon.HEART) if hard else None,
            Qt.ItemDataRole.ToolTipRole: (
                hard_moment_text() if hard else tick_to_share_text() if by_one else None
            ),
            Role.ID: candidate.entry_id,
            Role.HARD_MOMENT: hard,
            Role.INCLUDED: included,
        }
        return values.get(role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        checked = (
            Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        )
        self.set_included(self._rows[index.row()], checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(r): QByteArray(r.name.lower().encode()) for r in Role})
        return names
