"""A dialog whose Enter and Escape do exactly what its buttons say, and nothing else."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QAbstractButton, QDialog, QPushButton, QWidget


class KeyedDialog(QDialog):
    """A `QDialog` with one explicit default button and no auto-default ones.

    Left to itself, `QDialog` makes the first auto-default button (often "Cancel") the
    default when it is shown, and a line edit passes Enter on after emitting `returnPressed`;
    so one Enter could both start work and close the dialog under it. Here:

    - Enter on a focused button presses that button;
    - Enter anywhere else calls `on_enter()`: by default it presses the default button if it
      is enabled, and otherwise asks `explain_disabled()` to point at what is missing;
    - Escape (and the window's close button) calls `reject()`, which subclasses may refuse
      while work that must be reported is running;
    - `is_finished` turns true as the dialog closes, so late background results can check it
      without touching a widget that may already be deleted.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default: QPushButton | None = None
        self._finished = False

    @property
    def is_finished(self) -> bool:
        """Whether the dialog was closed (accepted or rejected); its widgets may be gone."""
        return self._finished

    @property
    def default_button(self) -> QPushButton | None:
        """The button Enter presses."""
        return self._default

    def set_default_button(self, default: QPushButton | None) -> None:
        """Make `default` the only button Enter presses (None: Enter presses nothing)."""
        self._default = default
        self._settle_buttons()

    def on_enter(self) -> None:
        """Enter outside a button: press the default button, or explain why it is off."""
        default = self._default
        if default is None or not default.isVisible():
            return
        if default.isEnabled():
            default.click()
        else:
            self.explain_disabled()

    def explain_disabled(self) -> None:
        """Enter was pressed while the default button is off: say what is missing."""

    def done(self, result: int) -> None:
        """Mark the dialog finished before it closes (and may be deleted)."""
        self._finished = True
        super().done(result)

    def event(self, event: QEvent) -> bool:
        """After each re-layout, grow to fit wrapped text that a message or step added."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._grow_to_fit()
        return handled

    def _grow_to_fit(self) -> None:
        # A top-level window does not follow its layout's height-for-width by itself, so a
        # message that wraps onto a second line would squeeze the widgets above it.
        layout = self.layout()
        if layout is None:
            return
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def showEvent(self, event: QShowEvent) -> None:
        self._settle_buttons()  # buttons added since (e.g. a later step) lose auto-default too
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not modifiers:
            event.accept()
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton) and focused is not self._default:
                if focused.isEnabled():
                    focused.click()
                return
            self.on_enter()
            return
        if event.matches(QKeySequence.StandardKey.Cancel):
            event.accept()
            self.reject()
            return
        super().keyPressEvent(event)

    def _settle_buttons(self) -> None:
        for each in self.findChildren(QPushButton):
            each.setAutoDefault(False)
            each.setDefault(each is self._default)
