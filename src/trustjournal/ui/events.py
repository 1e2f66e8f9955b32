"""The one "journal changed" channel, and the one way to ask for an entry to be opened."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the services load after the unlock screen has painted
    from trustjournal.services.changes import Change, Changes


SHARE_SINCE_SESSION = "since-session"  # the Share preset: for the therapist, since the last session


class JournalEvents(QObject):
    """Tells every page that something in the journal changed, so views refresh themselves.

    Any page may also ask for an entry to be opened where entries are edited: the main frame
    shows the page that opens entries (the Journal) and hands it the id.

    Signals:
        changed(frozenset[Change]): what changed, e.g. {Change.ENTRIES, Change.SETTINGS}.
        open_entry_requested(int): someone asked to open the entry with this id.
        new_entry_requested(EntryKind, dict): someone asked to start a new entry of a kind,
            with some of its fields filled in (keyed as the editor's drafts are).
        share_requested(str): someone asked for the Share page with a preset, e.g.
            SHARE_SINCE_SESSION ("since my last session", for the therapist).
    """

    changed = Signal(object)
    open_entry_requested = Signal(object)  # an int id; object keeps 64 bits
    new_entry_requested = Signal(object, object)  # an EntryKind, and a dict of fields to fill
    share_requested = Signal(str)

    def announce(self, changes: Changes) -> None:
        """Announce what an operation changed (ui/operations.py is the one caller to aim for)."""
        self.changed.emit(frozenset(changes))

    def notify(self, kinds: Iterable[Change | str]) -> None:
        """Announce changes by name, for callers not yet moved onto operations.

        An entry kind's name ("mood") is announced as Change.ENTRIES, so listeners only ever
        see typed changes.
        """
        from trustjournal.services.changes import changes_from

        self.announce(changes_from(kinds))

    def request_open_entry(self, entry_id: int) -> None:
        """Ask for the entry `entry_id` to be opened in its editor (the Journal page)."""
        self.open_entry_requested.emit(entry_id)

    def request_new_entry(self, kind: object, fields: dict[str, object] | None = None) -> None:
        """Ask for a new entry of `kind` (an EntryKind) to be started where entries are edited,
        with `fields` filled in (the names its editor's drafts use)."""
        self.new_entry_requested.emit(kind, dict(fields or {}))

    def request_share(self, preset: str) -> None:
        """Ask for the Share page to be shown with `preset` chosen (e.g. SHARE_SINCE_SESSION)."""
        self.share_requested.emit(preset)
