"""What a screen must hold at any window size: no overlaps, nothing squeezed, all reachable.

Generic over any widget tree, so each page, screen and dialog uses the same three checks.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

SHOTS_ENV = "TRUSTJOURNAL_LAYOUT_SHOTS"  # a folder to keep the images in, to look at them


def settle(rounds: int = 5) -> None:
    """Let layouts finish: a size change climbs one parent per round of posted events."""
    for _ in range(rounds):
        QApplication.processEvents()


def _laid_out(widget: QWidget) -> list[QWidget]:
    """`widget`'s visible children that its layout places (not floating ones or internals)."""
    layout = widget.layout()
    if layout is None:
        return []
    placed: list[QWidget] = []

    def walk(inner: QLayout) -> None:
        for index in range(inner.count()):
            item = inner.itemAt(index)
            if item is None:
                continue
            child, sub = item.widget(), item.layout()
            if child is not None and child.isVisible():
                placed.append(child)
            elif sub is not None:
                walk(sub)

    walk(layout)
    return placed


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    words = text() if callable(text) else ""
    words = words if isinstance(words, str) else ""
    named = widget.accessibleName() or words[:30] or widget.objectName()
    return f"{type(widget).__name__} {named!r}"


def overlaps(root: QWidget) -> list[str]:
    """Pairs of visible siblings, placed by the same layout, whose rectangles cross."""
    found: list[str] = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisible():
            continue
        children = _laid_out(parent)
        for i, first in enumerate(children):
            for second in children[i + 1 :]:
                common = first.geometry().intersected(second.geometry())
                if common.width() > 0 and common.height() > 0:
                    found.append(f"{_name(first)} and {_name(second)} in {_name(parent)}")
    return found


def _smallest(widget: QWidget) -> tuple[int, int]:
    """The size a layout should never go below for `widget` (Qt's own rule, roughly)."""
    hint = widget.minimumSizeHint()
    policy = widget.sizePolicy()
    ignored = QSizePolicy.Policy.Ignored
    width = widget.minimumWidth() or (
        hint.width() if policy.horizontalPolicy() != ignored and hint.width() > 0 else 0
    )
    height = widget.minimumHeight() or (
        hint.height() if policy.verticalPolicy() != ignored and hint.height() > 0 else 0
    )
    # A widget made deliberately thinner than its hint (a slim strength bar) is as designed.
    return min(width, widget.maximumWidth()), min(height, widget.maximumHeight())


def squeezed(root: QWidget) -> list[str]:
    """Visible widgets a layout made smaller than their minimum (size hint)."""
    found: list[str] = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisible():
            continue
        for child in _laid_out(parent):
            width, height = _smallest(child)
            if child.width() + 1 < width or child.height() + 1 < height:
                found.append(f"{_name(child)} {child.width()}x{child.height()} < {width}x{height}")
    return found


def controls(root: QWidget) -> list[QWidget]:
    """The visible controls under `root` that Tab can reach."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)
    ]


def shown_part(widget: QWidget) -> QRect:
    """The part of `widget` its window shows, in window coordinates: every parent clips it."""
    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return shown.intersected(window.rect())


def out_of_reach(root: QWidget) -> list[str]:
    """Controls that cannot be brought into view by scrolling to them: the whole width (or
    the whole view's), and the whole height up to a line's."""
    found: list[str] = []
    for control in controls(root):
        area = _scroll_area_of(control)
        need_w, need_h = control.width(), min(control.height(), 24)
        if area is not None:
            area.ensureWidgetVisible(control)  # as Tab does, with Qt's margins
            viewport = area.viewport().size()
            need_w = min(need_w, viewport.width())
            need_h = min(need_h, viewport.height())
        visible = shown_part(control)
        if visible.width() < need_w or visible.height() < need_h:
            found.append(
                f"{_name(control)} shows {visible.width()}x{visible.height()}"
                f" of {control.width()}x{control.height()}"
            )
    return found


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def sideways(root: QWidget) -> list[str]:
    """Scrolled columns whose content is wider than their view: a sideways scroll bar, or
    (with that bar turned off) content cut off on the right."""
    found: list[str] = []
    for area in [root, *root.findChildren(QScrollArea)]:
        if not isinstance(area, QScrollArea) or not area.isVisible():
            continue
        content = area.widget()
        if content is None or not area.widgetResizable():
            continue
        need, have = content.minimumSizeHint().width(), area.viewport().width()
        if need > have:
            found.append(f"{_name(content)} needs {need} px, its view has {have}")
    return found


def save_shot(widget: QWidget, name: str, fallback: Path) -> Path:
    """Keep an image of `widget`'s window (in $TRUSTJOURNAL_LAYOUT_SHOTS if set)."""
    folder = Path(os.environ.get(SHOTS_ENV) or fallback)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert widget.window().grab().save(str(path))
    return path
