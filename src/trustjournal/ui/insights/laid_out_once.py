"""Many changes to the Insights page laid out once, after the last of them, not once each."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QLayout, QWidget


@contextmanager
def laid_out_once(widget: QWidget) -> Iterator[None]:
    """Hold the layouts of `widget`, of everything in it and of its laid-out parents while the
    block changes words and shows or hides parts; they are laid out once, afterwards.

    Qt lays a widget's parents out at once, on the spot, whenever it shows a child (and a
    text set before that made them due): a new period showing a few labels laid the whole
    page out a few times, 5-10 ms each at 100 000 entries. A held layout (`setEnabled`)
    still notes what changed and asks for its layout as usual; it only does not lay out
    until it is let go, and the request then lays it out on the next turn of the loop.
    """
    layouts = [
        found
        for found in (widget.layout(), *widget.findChildren(QLayout))
        if found is not None and isinstance(found.parent(), QWidget)  # sub-layouts follow theirs
    ]
    parent = widget.parentWidget()
    while parent is not None and (above := parent.layout()) is not None:
        layouts.append(above)
        parent = parent.parentWidget()
    held = [layout for layout in layouts if layout.isEnabled()]
    for layout in held:
        layout.setEnabled(False)
    try:
        yield
    finally:
        for layout in held:
            layout.setEnabled(True)
