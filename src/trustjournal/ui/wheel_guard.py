"""The mouse wheel scrolls the page over an answer; it changes the answer only once it has focus."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

# Inputs whose value the wheel turns. Scroll bars are sliders too, but scrolling is their job.
GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


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
    """An event filter on each guarded input: the wheel turns it only while it has focus;
    otherwise the wheel scrolls what it sits in.

    Qt's own default lets a wheel turned while reading down a page change the first answer it
    passes over (and gives that answer focus). The filter sits on the inputs themselves, not on
    the application: an application filter is a Python call for every event the app handles,
    which cost the unlock and the main window tens of milliseconds.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if _has_focus(watched):
            return False
        area = _scroll_area_around(watched)
        if area is not None:
            QApplication.sendEvent(area.viewport(), event)
        return True  # never to the input itself


@cache
def _guard() -> WheelGuard:
    """One filter for the whole app, made with the first input (it lives as long as the app)."""
    return WheelGuard(QApplication.instance())


def guard_wheel(*inputs: QWidget) -> None:
    """Let each spin box, combo box, date field or slider take the wheel only with focus.

    Each is also given `Qt.StrongFocus`, so a real wheel no longer focuses it on the way.
    """
    guard = _guard()
    for widget in inputs:
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(guard)
