"""Undo and Redo through Qt's undo stack: one stack per page, each command one operation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from trustjournal.core.entries import Entry, EntryKind, GratitudeEntry
from trustjournal.core.errors import UserFacingError
from trustjournal.core.i18n import N_, _
from trustjournal.core.wording import short_day

if TYPE_CHECKING:
    from trustjournal.services.changes import Outcome
    from trustjournal.services.operations import Operations
    from trustjournal.ui.operations import OperationRunner

CTRL_SHIFT_Z = QKeySequence("Ctrl+Shift+Z")

Operation = Callable[["Operations"], "Outcome[Any]"]


class CommandWords(NamedTuple):
    """What a command is called, each a whole sentence so a language can order it its own way.

    Attributes:
        text: the stack's name for it ("delete of the mood entry of Sat 14 Mar").
        undo: Edit → Undo while it can be undone ("&Undo delete of the mood entry of …").
        redo: Edit → Redo while it can be done again.
    """

    text: str
    undo: str
    redo: str


# One sentence per command and kind of entry (never English pieces glued together): German,
# for one, bends the entry's name differently in each. {day} is a short day ("Sat 14 Mar").
_DELETE = {
    EntryKind.MOOD: (
        N_("delete of the mood entry of {day}"),
        N_("&Undo delete of the mood entry of {day}"),
        N_("&Redo delete of the mood entry of {day}"),
    ),
    EntryKind.TRIGGER: (
        N_("delete of the trigger entry of {day}"),
        N_("&Undo delete of the trigger entry of {day}"),
        N_("&Redo delete of the trigger entry of {day}"),
    ),
    EntryKind.GRATITUDE: (
        N_("delete of the gratitude entry of {day}"),
        N_("&Undo delete of the gratitude entry of {day}"),
        N_("&Redo delete of the gratitude entry of {day}"),
    ),
    EntryKind.REFLECTION: (
        N_("delete of the reflection of {day}"),
        N_("&Undo delete of the reflection of {day}"),
        N_("&Redo delete of the reflection of {day}"),
    ),
    EntryKind.STATEMENT: (
        N_("delete of the I statement of {day}"),
        N_("&Undo delete of the I statement of {day}"),
        N_("&Redo delete of the I statement of {day}"),
    ),
    EntryKind.QUALITY_TIME: (
        N_("delete of the time together of {day}"),
        N_("&Undo delete of the time together of {day}"),
        N_("&Redo delete of the time together of {day}"),
    ),
    EntryKind.SESSION: (
        N_("delete of the session entry of {day}"),
        N_("&Undo delete of the session entry of {day}"),
        N_("&Redo delete of the session entry of {day}"),
    ),
}
_EDIT = {
    EntryKind.MOOD: (
        N_("edit of the mood entry of {day}"),
        N_("&Undo edit of the mood entry of {day}"),
        N_("&Redo edit of the mood entry of {day}"),
    ),
    EntryKind.TRIGGER: (
        N_("edit of the trigger entry of {day}"),
        N_("&Undo edit of the trigger entry of {day}"),
        N_("&Redo edit of the trigger entry of {day}"),
    ),
    EntryKind.GRATITUDE: (
        N_("edit of the gratitude entry of {day}"),
        N_("&Undo edit of the gratitude entry of {day}"),
        N_("&Redo edit of the gratitude entry of {day}"),
    ),
    EntryKind.REFLECTION: (
        N_("edit of the reflection of {day}"),
        N_("&Undo edit of the reflection of {day}"),
        N_("&Redo edit of the reflection of {day}"),
    ),
    EntryKind.STATEMENT: (
        N_("edit of the I statement of {day}"),
        N_("&Undo edit of the I statement of {day}"),
        N_("&Redo edit of the I statement of {day}"),
    ),
    EntryKind.QUALITY_TIME: (
        N_("edit of the time together of {day}"),
        N_("&Undo edit of the time together of {day}"),
        N_("&Redo edit of the time together of {day}"),
    ),
    EntryKind.SESSION: (
        N_("edit of the session entry of {day}"),
        N_("&Undo edit of the session entry of {day}"),
        N_("&Redo edit of the session entry of {day}"),
    ),
}
_TOLD = (  # "I told them": the button on Today's unshared appreciations (gratitude only)
    N_("“I told them” for the gratitude entry of {day}"),
    N_("&Undo “I told them” for the gratitude entry of {day}"),
    N_("&Redo “I told them” for the gratitude entry of {day}"),
)


def _words(table: tuple[str, str, str], entry: Entry) -> CommandWords:
    day = short_day(entry.occurred_at.date())
    text, undo, redo = (_(words).format(day=day) for words in table)
    return CommandWords(text=text, undo=undo, redo=redo)


def delete_words(entry: Entry) -> CommandWords:
    """A delete of `entry`, named by its kind and day, never by its text."""
    return _words(_DELETE[entry.kind], entry)


def edit_words(entry: Entry) -> CommandWords:
    """An edit of `entry` (as it was before), named by its kind and day."""
    return _words(_EDIT[entry.kind], entry)


def told_words(entry: GratitudeEntry) -> CommandWords:
    """ "I told them" for the appreciation `entry`, named by its day."""
    return _words(_TOLD, entry)


class OperationCommand(QUndoCommand):
    """A change already made (by `redo_op`), that Undo takes back with `undo_op`.

    Both run through the runner, so each is one transaction and is announced once. The first
    `redo` (the stack calls it on `push`) does nothing: the page made the change itself, where
    it could show a failure. If a later undo or redo fails (the entry was deleted meanwhile),
    `on_error` hears why and the command leaves the stack, since it can no longer be done.

    Attributes:
        words: its names, for the stack and for Edit → Undo and Redo.
        offer: the words of the page's Undo bar once it is done ("" for none).
    """

    def __init__(
        self,
        words: CommandWords,
        *,
        runner: OperationRunner,
        redo_op: Operation,
        undo_op: Operation,
        after: Callable[[Any], None] | None = None,
        after_undo: Callable[[Any], None] | None = None,
        on_error: Callable[[UserFacingError], None] | None = None,
        offer: str = "",
    ) -> None:
        """Name it by `words`: the stack's text, and Edit → Undo's and Redo's sentences.

        Args:
            after: runs with the result of `redo_op` when Redo has done it again.
            after_undo: runs with the result of `undo_op` when Undo has taken it back.
            offer: what the page's Undo bar says once it is done, "" for no bar.
        """
        super().__init__(words.text)
        self.words = words
        self._runner = runner
        self._redo_op = redo_op
        self._undo_op = undo_op
        self._after = after
        self._after_undo = after_undo
        self._on_error = on_error
        self._done = True  # pushed after the change was made
        self.offer = offer

    def redo(self) -> None:
        if self._done:
            return
        self._run(self._redo_op, self._after)
        self._done = True

    def undo(self) -> None:
        self._run(self._undo_op, self._after_undo)
        self._done = False

    def _run(self, operation: Operation, then: Callable[[Any], None] | None) -> None:
        try:
            result = self._runner.run(operation)
        except UserFacingError as error:
            self.setObsolete(True)  # the stack drops it: there is nothing left to do it to
            if self._on_error is not None:
                self._on_error(error)
            return
        if then is not None:
            then(result)


def page_undo_stack(page: QWidget) -> QUndoStack:
    """A new undo stack for `page`, with the page's own Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z,
    and Ctrl+Y where the platform says so) acting while focus is in the page.

    A text field keeps the keys for its own typing, as Qt does. The menu bar's Edit → Undo and
    Redo only show these keys, so no key is bound twice.
    """
    stack = QUndoStack(page)
    redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    if CTRL_SHIFT_Z not in redo_keys:  # where the platform knows only Ctrl+Y
        redo_keys.append(CTRL_SHIFT_Z)
    for action, keys in (
        (
            stack.createUndoAction(page, _("&Undo")),
            QKeySequence.keyBindings(QKeySequence.StandardKey.Undo),
        ),
        (stack.createRedoAction(page, _("&Redo")), redo_keys),
    ):
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        page.addAction(action)
    return stack


def undo_stack_of(page: QWidget) -> QUndoStack | None:
    """The undo stack `page_undo_stack` gave `page`, if any."""
    return page.findChild(QUndoStack, "", Qt.FindChildOption.FindDirectChildrenOnly)


def page_key_hint(page: QWidget, *, redo: bool = False) -> str:
    """The page's own key for Undo (or Redo) as the platform writes it, "" if it has no stack."""
    if undo_stack_of(page) is None:
        return ""
    key = QKeySequence.StandardKey.Redo if redo else QKeySequence.StandardKey.Undo
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
