"""The one "journal changed" channel, and the one way to ask for an entry to be opened."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class JournalEvents(QObject):
    """Tells every page that something in the journal changed, so views refresh themselves.

    Any page may also ask for an entry to be opened where entries are edited: the main frame
    shows the page that opens entries (the Journal) and hands it the id.

    Signals:
        changed(frozenset[str]): the kinds of things that changed, e.g. {"mood", "settings"}.
        open_entry_requested(int): someone asked to open the entry with this id.
    """

    changed = Signal(object)
    open_entry_requested = Signal(object)  # an int id; object keeps 64 bits

    def notify(self, kinds: Iterable[str]) -> None:
        """Announce that `kinds` changed."""
        self.changed.emit(frozenset(kinds))

    def request_open_entry(self, entry_id: int) -> None:
        """Ask for the entry `entry_id` to be opened in its editor (the Journal page)."""
        self.open_entry_requested.emit(entry_id)
