"""Put a group of controls made later back in Tab's chain where they are read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


def tab_controls(root: QWidget) -> list[QWidget]:
    """The controls under `root` (itself included) that can take focus, in Tab's order now.

    Hidden ones count (they may show later); a spin box's or combo box's own line edit does
    not (it goes with its box).
    """
    found = [root] if root.focusPolicy() != Qt.FocusPolicy.NoFocus else []
    widget: QWidget | None = root.nextInFocusChain()
    while widget is not None and widget is not root:
        inner = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
        if (
            root.isAncestorOf(widget)
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not inner
        ):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def tab_after(first: QWidget, then: QWidget) -> None:
    """Make Tab go through `then`'s controls right after `first`'s (each group keeps its order).

    Qt adds a widget to Tab's chain when it gets its parent, so a group made after others
    (an editor made on demand, a card built after the first paint) would come last wherever
    its layout puts it on screen.
    """
    before = tab_controls(first)
    moved = tab_controls(then)
    if not before or not moved:
        return
    previous = before[-1]
    for widget in moved:
        QWidget.setTabOrder(previous, widget)
        previous = widget
