"""Every page can be used from the keyboard: Tab reaches every control, icon-only ones are named."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import open_journal
from trustjournal.app import Shell
from trustjournal.ui.pages.journal_pages import journal_pages

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
PAGE_KEYS = [spec.key for spec in journal_pages()] + ["settings"]


def _open(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Shell:
    shell, _frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(1200, 800)
    return shell


def _reachable(widget: QWidget) -> bool:
    """Whether `widget` is a control a person would Tab to, shown and usable now."""
    return (
        isinstance(widget, CONTROLS)
        and widget.isVisible()
        and widget.isEnabled()
        and not (
            isinstance(widget, QLineEdit)
            and widget.parent() is not None
            and isinstance(widget.parent(), QAbstractSpinBox | QComboBox)
        )
    )


def _words(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""


def _group_reached(widget: QWidget, chain: set[QWidget]) -> bool:
    """Whether `widget` is one of an exclusive group (a scale) that Tab reaches as one stop."""
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    return group is not None and group.exclusive() and any(b in chain for b in group.buttons())


def _tab_chain(start: QWidget) -> list[QWidget]:
    """The widgets Tab visits from `start` round to `start` again, as Qt walks them."""
    chain: list[QWidget] = []
    widget = start.nextInFocusChain()
    while widget is not start:
        tabbable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if tabbable and widget.isVisible() and widget.isEnabled():
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_tab_reaches_every_control_of_the_page(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, key: str
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    frame = shell.controller.frame
    assert frame is not None
    frame.show_page(key)
    page = frame.page(key)
    controls = [w for w in page.findChildren(QWidget) if _reachable(w)]
    assert controls, "a page with nothing to use"
    chain = set(_tab_chain(shell.window))
    missing = [
        f"{type(w).__name__} {w.objectName() or _words(w)!r}"
        for w in controls
        if w not in chain and not _group_reached(w, chain)
    ]
    assert missing == []


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_icon_only_buttons_are_named_for_screen_readers(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, key: str
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    frame = shell.controller.frame
    assert frame is not None
    frame.show_page(key)
    for button in frame.page(key).findChildren(QAbstractButton):
        if not button.text().strip() and button.isVisibleTo(button.window()):
            assert button.accessibleName() or button.toolTip(), type(button).__name__


def test_a_control_tab_cannot_reach_is_noticed(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    frame = shell.controller.frame
    assert frame is not None
    page = frame.page("settings")
    mouse_only = QPushButton("Mouse only", page)
    mouse_only.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    mouse_only.show()
    frame.show_page("settings")
    assert _reachable(mouse_only)
    assert mouse_only not in _tab_chain(shell.window)
