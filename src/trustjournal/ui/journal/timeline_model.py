"""A lazy list model over the journal: ids and days up front, entries fetched a page at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from trustjournal.core.entries import Entry
from trustjournal.core.i18n import _
from trustjournal.core.query import EntryQuery
from trustjournal.store.entries import EntryRepository
from trustjournal.store.search import search_terms
from trustjournal.store.timeline import TimelineKey
from trustjournal.ui.journal.rows import (
    FOR_SESSION,
    STILL_TO_FINISH,
    RowView,
    day_heading,
    entry_view,
    heading_view,
    row_marks,
    row_summary,
    trigger_summary,
)

__all__ = [
    "FOR_SESSION",
    "STILL_TO_FINISH",
    "Role",
    "RowView",
    "TimelineModel",
    "day_heading",
    "row_marks",
    "row_summary",
    "trigger_summary",
]

PAGE = 200  # entries read from the vault at once
FIRST_FETCH = 500  # (id, day) pairs read when a query is set; each later fetch doubles, up to
MAX_FETCH = 20_000

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    """The model's own data roles."""

    ENTRY = Qt.ItemDataRole.UserRole + 1  # the Entry
    ID = Qt.ItemDataRole.UserRole + 2  # int
    KIND = Qt.ItemDataRole.UserRole + 3  # EntryKind value (str)
    DAY = Qt.ItemDataRole.UserRole + 4  # datetime.date, the day as lived
    IS_HEADER = Qt.ItemDataRole.UserRole + 5  # bool: the row is a day heading, not an entry
    SUMMARY = Qt.ItemDataRole.UserRole + 6  # one-line summary (plain text)
    TIME = Qt.ItemDataRole.UserRole + 7  # "09:30"
    MARKS = Qt.ItemDataRole.UserRole + 8  # tuple[str, ...]: short flags such as "still to finish"
    ROW = Qt.ItemDataRole.UserRole + 9  # RowView: everything the row paints, worked out once


_TEXT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole)})
_VIEW_ROLES: dict[int, Callable[[RowView], Any]] = {
    Role.KIND: lambda view: view.kind,
    Role.SUMMARY: lambda view: view.summary,
    Role.TIME: lambda view: view.time,
    Role.MARKS: lambda view: view.marks,
}


class TimelineModel(QAbstractListModel):
    """Every entry matching a query, newest first, under a heading row for each day.

    Sorting and filtering happen in SQL. The (id, day) index of the query is read in growing
    slices through `canFetchMore`/`fetchMore` as the view scrolls, each starting after the last
    row of the one before; entries are read by
    `get_many` a page of `PAGE` at a time when a row of a page not yet read is asked for, and
    forgotten on `reload`. What a row shows (`RowView`) is worked out the first time it is asked
    for and kept beside the entry, so painting and every role read the same strings. Heading
    rows are neither enabled nor selectable, so the keyboard moves from entry to entry.
    """

    def __init__(self, *, entries: EntryRepository, parent: QObject | None = None) -> None:
        # Every field before Qt's own __init__: joining `parent` sends events, and a layout
        # that answers one may ask this model for its rows before it has any.
        self._entries = entries
        self._query = EntryQuery()
        self._index: list[tuple[int, str]] = []  # (id, day) of every entry
        self._rows: list[int] = []  # entry position, or -1 - position for the heading above it
        self._cache: dict[int, Entry] = {}  # id -> entry, for the pages read so far
        self._views: dict[int, RowView] = {}  # id -> what its row shows, once asked for
        self._terms: list[str] = []  # the words searched for, shown in each row's summary
        self._headings: dict[str, RowView] = {}  # ISO day -> its heading row
        self._pages: set[int] = set()
        self._more = False
        self._after: TimelineKey | None = None  # where the next slice of the index starts
        self._next_fetch = FIRST_FETCH
        super().__init__(parent)

    @property
    def query(self) -> EntryQuery:
        """The query shown."""
        return self._query

    def set_query(self, query: EntryQuery) -> None:
        """Show the entries matching `query`.

        Raises:
            SearchQueryError: if the search text cannot be understood (the old rows stay).
        """
        first = self._entries.timeline_slice(query, limit=FIRST_FETCH)
        index = list(first.rows)
        terms = search_terms(query.search) if query.search else []
        self.beginResetModel()
        self._query = query
        self._terms = terms
        self._index = []
        self._rows = []
        self._cache.clear()
        self._views.clear()
        self._headings.clear()
        self._pages.clear()
        self._append(index)
        self._after = first.after
        self._next_fetch = FIRST_FETCH * 2
        self._more = len(index) == FIRST_FETCH
        self.endResetModel()

    def _layout(self, index: list[tuple[int, str]]) -> list[int]:
        """The rows for `index` appended after the entries read so far."""
        previous = self._index[-1][1] if self._index else ""
        rows: list[int] = []
        for position, (_id, day) in enumerate(index, len(self._index)):
            if day != previous:
                rows.append(-1 - position)
                previous = day
            rows.append(position)
        return rows

    def _append(self, index: list[tuple[int, str]]) -> None:
        self._rows.extend(self._layout(index))
        self._index.extend(index)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if parent.isValid() or not self._more:
            return
        size = self._next_fetch
        # After the last row read, not at an offset: a later slice seeks instead of re-reading.
        more = self._entries.timeline_slice(self._query, limit=size, after=self._after)
        index = list(more.rows)
        self._after = more.after or self._after
        self._more = len(index) == size
        self._next_fetch = min(size * 2, MAX_FETCH)
        if not index:
            return
        rows = self._layout(index)
        before = len(self._rows)
        self.beginInsertRows(QModelIndex(), before, before + len(rows) - 1)
        self._rows.extend(rows)
        self._index.extend(index)
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Read the whole index (before jumping to the end, or finding an old entry)."""
        while self._more:
            self.fetchMore()

    def reload(self) -> None:
        """Read the query again (after the journal changed)."""
        self.set_query(self._query)

    def clear(self) -> None:
        """Forget every row and entry (the journal is locking)."""
        self.beginResetModel()
        self._index = []
        self._rows = []
        self._more = False
        self._cache.clear()
        self._views.clear()
        self._headings.clear()
        self._pages.clear()
        self.endResetModel()

    def entry_count(self) -> int:
        """How many entries are read into the index so far (heading rows aside)."""
        return len(self._index)

    def row_of(self, entry_id: int) -> int:
        """The row of an entry, or -1."""
        for position, (known, _day) in enumerate(self._index):
            if known == entry_id:
                return self._rows.index(position, position)
        return -1

    def find_row(self, entry_id: int) -> int:
        """The row of an entry, reading further slices of the index until it is there.

        Returns:
            The row, or -1 without reading anything more if the query does not list the entry
            (the selected entry after a search that leaves it out, say).
        """
        row = self.row_of(entry_id)
        if row >= 0 or not self._more or not self._entries.shows(self._query, entry_id):
            return row
        while row < 0 and self._more:
            self.fetchMore()
            row = self.row_of(entry_id)
        return row

    def is_header(self, row: int) -> bool:
        """Whether `row` is a day heading."""
        return self._rows[row] < 0

    def entry_id(self, row: int) -> int | None:
        """The id in `row` (None for a heading)."""
        position = self._rows[row]
        return None if position < 0 else self._index[position][0]

    def entry(self, row: int) -> Entry:
        """The entry in `row`, reading its page if needed.

        Raises:
            IndexError: if `row` is a heading.
        """
        position = self._rows[row]
        if position < 0:
            raise IndexError(_("a day heading has no entry"))
        entry_id = self._index[position][0]
        found = self._cache.get(entry_id)
        if found is None:
            page = position // PAGE
            ids = [i for i, _d in self._index[page * PAGE : (page + 1) * PAGE]]
            self._cache.update((e.id, e) for e in self._entries.get_many(ids) if e.id is not None)
            self._pages.add(page)
            found = self._cache[entry_id]
        return found

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def row_view(self, row: int) -> RowView:
        """What `row` shows, reading its entry's page if needed."""
        position = self._rows[row]
        if position < 0:
            day = self._index[-1 - position][1]
            view = self._headings.get(day)
            if view is None:
                view = self._headings[day] = heading_view(date.fromisoformat(day))
            return view
        entry_id = self._index[position][0]
        found = self._views.get(entry_id)
        if found is None:
            found = self._views[entry_id] = entry_view(self.entry(row), self._terms)
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        if role == Role.ROW:
            return self.row_view(row)
        if role in _TEXT_ROLES:
            return self.row_view(row).text
        return self._role_data(row, role)

    def _role_data(self, row: int, role: int) -> Any:
        position = self._rows[row]
        header = position < 0
        if role == Role.IS_HEADER:
            return header
        entry_id, day = self._index[-1 - position if header else position]
        if role == Role.DAY:
            return date.fromisoformat(day)
        if header or role == Role.ID:
            return None if header else entry_id
        if role == Role.ENTRY:
            return self.entry(row)
        reader = _VIEW_ROLES.get(role)
        return None if reader is None else reader(self.row_view(row))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self._rows[index.row()] < 0:
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(r): QByteArray(r.name.lower().encode()) for r in Role})
        return names
