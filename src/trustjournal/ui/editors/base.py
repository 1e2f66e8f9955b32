"""The one interface every entry editor offers; registry.py maps kinds to editors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from trustjournal.core.entries import Entry, EntryKind


class EntryEditor(QWidget):
    """An editor for one kind of entry.

    Subclasses set `kind` and implement every method below; the Journal and Today pages know
    editors only through this class, so a new kind needs no change to them.

    Signals:
        changed: the person changed something (drives autosave of the draft).
    """

    kind: EntryKind
    changed = Signal()

    def load(self, entry: Entry | None) -> None:
        """Show `entry` for editing, or a fresh one when None."""
        raise NotImplementedError

    def entry(self) -> Entry:
        """The entry as edited (keeping the loaded entry's id and envelope).

        Raises:
            ValidationError: naming the field at fault; the editor also shows it by the field.
        """
        raise NotImplementedError

    def draft(self) -> dict[str, Any]:
        """Everything typed so far, as JSON-able values (saved encrypted as a draft)."""
        raise NotImplementedError

    def restore_draft(self, draft: dict[str, Any]) -> None:
        """Put back a draft made by `draft`."""
        raise NotImplementedError

    def is_dirty(self) -> bool:
        """Whether anything differs from what was loaded."""
        raise NotImplementedError

    def loaded_id(self) -> int | None:
        """The id of the entry being edited (None for a new one)."""
        raise NotImplementedError

    def homework_agreed(self) -> list[str]:
        """Homework titles to make with a new entry (a session's; every other kind: none)."""
        return []

    def focus_first(self) -> None:
        """Put the keyboard focus on the first field."""
        self.setFocus()
