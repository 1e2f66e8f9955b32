"""The one interface every entry editor offers, and the registry from kind to editor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from trustjournal.core.entries import Entry, EntryKind
from trustjournal.ui.session import Session


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

    def focus_first(self) -> None:
        """Put the keyboard focus on the first field."""
        self.setFocus()


EditorFactory = Callable[[Session, QWidget | None], EntryEditor]


@dataclass
class EditorRegistry:
    """Which editor edits which kind; kinds without one are shown read-only."""

    factories: dict[EntryKind, EditorFactory]

    def can_edit(self, kind: EntryKind) -> bool:
        """Whether there is an editor for `kind`."""
        return kind in self.factories

    def create(
        self, kind: EntryKind, session: Session, parent: QWidget | None = None
    ) -> EntryEditor:
        """A new editor for `kind`.

        Raises:
            KeyError: if no editor is registered for it.
        """
        return self.factories[kind](session, parent)


def default_editors(*, scrolled: bool = False) -> EditorRegistry:
    """The editors TrustJournal ships.

    Args:
        scrolled: whether every form scrolls inside the editor (the Journal's pane, which
            must fit a small window); the trigger record's long form always does.
    """
    from trustjournal.ui.editors.gratitude import GratitudeEditor
    from trustjournal.ui.editors.mood import MoodEditor
    from trustjournal.ui.editors.trigger import TriggerEditor

    return EditorRegistry(
        factories={
            EntryKind.MOOD: lambda s, parent: MoodEditor(
                session=s, scrolled=scrolled, parent=parent
            ),
            EntryKind.GRATITUDE: lambda s, parent: GratitudeEditor(
                session=s, scrolled=scrolled, parent=parent
            ),
            EntryKind.TRIGGER: lambda s, parent: TriggerEditor(session=s, parent=parent),
        }
    )
