"""Undo and Redo through Qt's undo stack: one stack per page, each command one operation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from trustjournal.core.entries import Entry
from trustjournal.core.errors import UserFacingError
from trustjournal.core.wording import kind_label, short_day

if TYPE_CHECKING:
    from trustjournal.services.changes import Outcome
    from trustjournal.services.operations import Operations
    from trustjournal.ui.operations import OperationRunner

CTRL_SHIFT_Z = QKeySequence("Ctrl+Shift+Z")

Operation = Callable[["Operations"], "Outcome[Any]"]


def entry_words(entry: Entry) -> str:
    """An entry as a command names it, by kind and day, never by its text: "the mood entry of
    Sat 14 Mar"."""
    return f"the {kind_label(entry).lower()} entry of {short_day(entry.occurred_at)}"


class OperationCommand(QUndoCommand):
    """A change already made (by `redo_op`), that Undo takes back with `undo_op`.

    Both run through the runner, so each is one transaction and is announced once. The first
    `redo` (the stack calls it on `push`) does nothing: the page made the change itself, where
    it could show a failure. If a later undo or redo fails (the entry was deleted meanwhile),
    `on_error` hears why and the command leaves the stack, since it can no longer be done.

    Attributes:
        offer: the words of the page's Undo bar once it is done ("" for none).
    """

    def __init__(
        self,
        text: str,
        *,
        runner: OperationRunner,
        redo_op: Operation,
        undo_op: Operation,
        after: Callable[[Any], None] | None = None,
        after_undo: Callable[[Any], None] | None = None,
        on_error: Callable[[UserFacingError], None] | None = None,
        offer: str = "",
    ) -> None:
        """Name it `text` ("delete of the mood entry of Sat 14 Mar"; the menu adds "Undo").

        Args:
            after: runs with the result of `redo_op` when Redo has done it again.
            after_undo: runs with the result of `undo_op` when Undo has taken it back.
            offer: what the page's Undo bar says once it is done, "" for no bar.
        """
        super().__init__(text)
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
            stack.createUndoAction(page, "&Undo"),
            QKeySequence.keyBindings(QKeySequence.StandardKey.Undo),
        ),
        (stack.createRedoAction(page, "&Redo"), redo_keys),
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
