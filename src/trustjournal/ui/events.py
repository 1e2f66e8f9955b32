"""The one "journal changed" channel: actions save through the store, then announce it here."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class JournalEvents(QObject):
    """Tells every page that something in the journal changed, so views refresh themselves.

    Signals:
        changed(frozenset[str]): the kinds of things that changed, e.g. {"mood", "settings"}.
    """

    changed = Signal(object)

    def notify(self, kinds: Iterable[str]) -> None:
        """Announce that `kinds` changed."""
        self.changed.emit(frozenset(kinds))
