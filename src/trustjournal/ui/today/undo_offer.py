"""A Today card's short-lived Undo: a flat button beside what was just done, gone after a while."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.widgets.common import button

UNDO_MS = 8000  # how long Undo stays beside what was done


class UndoOffer(QObject):
    """A flat "Undo" shown for `UNDO_MS` after a change, taking it back through the page's
    undo stack (the same stack Ctrl+Z and Edit → Undo use). The card lays out `button`, and
    `text` if it has one, where it wants them.

    Attributes:
        button: the flat Undo, hidden until `offer`.
        timer: withdraws the offer once `UNDO_MS` have passed.
        text: the label for the words said beside the button, if the card has one.
    """

    def __init__(
        self, parent: QWidget, *, undo_stack: QUndoStack, text: QLabel | None = None
    ) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self._index = undo_stack.index()
        self._said: Callable[[QUndoCommand | None], str] = lambda _command: ""
        self.text = text
        self.button = button(_("Undo"), flat=True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_MS)
        self.button.clicked.connect(self.undo)
        self.timer.timeout.connect(self.withdraw)
        self.withdraw()

    def offer(self, said: str | None = None) -> None:
        """Show Undo (and `said` in `text`) for `UNDO_MS` from now."""
        if self.text is not None and said is not None:
            self.text.setText(said)
            self.text.show()
        self.button.show()
        self.timer.start()

    def withdraw(self) -> None:
        """Hide Undo now (undone, timed out, or the journal is locking)."""
        self.timer.stop()
        if self.text is not None:
            self.text.hide()
        if self.button.hasFocus():
            _focus_before(self.button)
        self.button.hide()

    def undo(self) -> None:
        """Take the last change back, only while Undo is shown (a late click does nothing)."""
        if not self.button.isHidden():
            self._undo_stack.undo()

    def follow(self, said: Callable[[QUndoCommand | None], str]) -> None:
        """Offer Undo whenever the stack grows by a command `said` has words for ("" for none);
        anything else done or undone withdraws it, since this Undo would no longer be ours."""
        self._said = said
        self._index = self._undo_stack.index()
        self._undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)

    def _on_undo_stack_index_changed(self, index: int) -> None:
        grew, self._index = index > self._index, index
        words = self._said(self._undo_stack.command(index - 1)) if grew else ""
        if words:
            self.offer(words)
        else:
            self.withdraw()


def _focus_before(widget: QWidget) -> None:
    """Move the focus to the control Shift+Tab would reach from `widget`: hiding a focused
    button would send it on to the next card instead, away from what was just undone."""
    before = widget.previousInFocusChain()
    while before is not None and before is not widget:
        takes_tab = bool(before.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes_tab and _not_hidden(before, widget.window()) and before.isEnabled():
            before.setFocus(Qt.FocusReason.BacktabFocusReason)
            return
        before = before.previousInFocusChain()


def _not_hidden(widget: QWidget, window: QWidget) -> bool:
    """Whether `widget` shows or is about to: rows a card has just rebuilt are shown by their
    layout at the next turn, so only what was hidden on purpose (it or a parent) is left out."""
    current: QWidget | None = widget
    explicit = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
    while current is not None and current is not window:
        if current.isHidden() and current.testAttribute(explicit):
            return False
        current = current.parentWidget()
    return True
