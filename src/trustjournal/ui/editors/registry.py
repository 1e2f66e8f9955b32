"""Which editor edits which kind of entry: the one module that knows the concrete editors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from trustjournal.core.entries import EntryKind
from trustjournal.ui.editors.base import EntryEditor
from trustjournal.ui.editors.gratitude import GratitudeEditor
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.editors.quality_time import QualityTimeEditor
from trustjournal.ui.editors.reflection import ReflectionEditor
from trustjournal.ui.editors.session import SessionEditor
from trustjournal.ui.editors.statement import StatementEditor
from trustjournal.ui.editors.trigger import TriggerEditor
from trustjournal.ui.session import Session

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
    return EditorRegistry(
        factories={
            EntryKind.MOOD: lambda s, parent: MoodEditor(
                session=s, scrolled=scrolled, parent=parent
            ),
            EntryKind.GRATITUDE: lambda s, parent: GratitudeEditor(
                session=s, scrolled=scrolled, parent=parent
            ),
            EntryKind.TRIGGER: lambda s, parent: TriggerEditor(session=s, parent=parent),
            EntryKind.REFLECTION: lambda s, parent: ReflectionEditor(session=s, parent=parent),
            EntryKind.STATEMENT: lambda s, parent: StatementEditor(session=s, parent=parent),
            EntryKind.QUALITY_TIME: lambda s, parent: QualityTimeEditor(
                session=s, scrolled=scrolled, parent=parent
            ),
            EntryKind.SESSION: lambda s, parent: SessionEditor(
                session=s, scrolled=scrolled, parent=parent
            ),
        }
    )
