"""Put a group of controls made later back in Tab's chain where they are read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


def tab_controls(root: QWidget) -> list[QWidget]:
    """The controls under `root` (itself included) that can take focus, in Tab's order now.

    Hidden ones count (they may show later); a spin box's or combo box's own line edit does
    not (it goes with its box).
    """

    def takes_focus(widget: QWidget) -> bool:
        inner = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
        return widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not inner

    wanted = {w for w in root.findChildren(QWidget) if takes_focus(w)}
    found = [root] if root.focusPolicy() != Qt.FocusPolicy.NoFocus else []
    # Walk Tab's chain from `root` only until every one of its controls is met: a group's
    # controls mostly follow it, and the whole window's chain is long (this runs per group).
    widget: QWidget | None = root.nextInFocusChain()
    left = len(wanted)
    while left and widget is not None and widget is not root:
        if widget in wanted:
            found.append(widget)
            left -= 1
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
