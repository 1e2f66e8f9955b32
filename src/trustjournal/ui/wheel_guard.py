"""The mouse wheel scrolls the page over an answer; it changes the answer only once it has focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

# Inputs whose value the wheel turns. Scroll bars are sliders too, but scrolling is their job.
GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


def guarded_input(widget: QObject | None) -> QWidget | None:
    """The spin box, combo box or slider `widget` is (or is part of), or None."""
    while isinstance(widget, QWidget):
        if isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def _has_focus(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """An application event filter: spin boxes, combo boxes and sliders take the wheel only
    while they have focus; otherwise the wheel scrolls what they sit in.

    Qt's own default lets a wheel turned while reading down a page change the first answer it
    passes over (and gives that answer focus). Installed once on the application, this covers
    every such input, present and future, without a subclass for each. Each one is also given
    `Qt.StrongFocus` when it is polished, so a real wheel no longer focuses it on the way.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish:
            widget = guarded_input(watched) if isinstance(watched, GUARDED) else None
            if widget is not None and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel:
            return False
        widget = guarded_input(watched)
        if widget is None or _has_focus(widget):
            return False
        area = _scroll_area_around(widget)
        if area is not None:
            QApplication.sendEvent(area.viewport(), event)
        return True  # never to the input itself


def install_wheel_guard(app: QApplication, *, parent: QObject) -> WheelGuard:
    """Install the guard on `app`; it goes when `parent` does (Qt removes a deleted filter)."""
    guard = WheelGuard(parent)
    app.installEventFilter(guard)
    return guard
