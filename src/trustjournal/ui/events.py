"""The one "journal changed" channel: actions save through the store, then announce it here."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class JournalEvents(QObject):
    """Tells every page that something in the journal changed, so views refresh themselves.

    Signals:
        changed(frozenset[str]): the kinds of things that changed, e.g. {"mood", "settings"}.
        open_requested(int): a page asked to show the entry with this id in its editor; the
            main frame shows the page that opens it (see `EntryOpener`).
    """

    changed = Signal(object)
    open_requested = Signal(int)

    def notify(self, kinds: Iterable[str]) -> None:
        """Announce that `kinds` changed."""
        self.changed.emit(frozenset(kinds))

    def request_open(self, entry_id: int) -> None:
        """Ask for the entry `entry_id` to be shown in its editor (e.g. "Finish it" on Today)."""
        self.open_requested.emit(entry_id)
