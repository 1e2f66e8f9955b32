"""The mouse wheel over an answer the user has not focused scrolls the page and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QScrollBar,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import open_journal
from trustjournal.core.entries import EntryKind
from trustjournal.ui.editors.session import SessionEditor
from trustjournal.ui.pages.journal_pages import journal_pages

PAGE_KEYS = [spec.key for spec in journal_pages()] + ["settings"]
INPUTS = (QAbstractSpinBox, QComboBox, QAbstractSlider, QAbstractButton)
WRITTEN_KINDS = {
    "statement": EntryKind.STATEMENT,
    "together": EntryKind.QUALITY_TIME,
    "session": EntryKind.SESSION,
}


def wheel_over(widget: QWidget, *, down: bool = True) -> None:
    """One notch of a real wheel, over the middle of `widget`, as Qt delivers it."""
    middle = QPointF(widget.rect().center())
    notch = QPoint(0, -120 if down else 120)
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle)),
        QPoint(0, 0),
        notch,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def inputs(page: QWidget) -> list[QWidget]:
    """Everything on `page` a wheel could turn: spin boxes, combo boxes, sliders, buttons."""
    return [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, INPUTS) and not isinstance(w, QScrollBar) and w.isVisibleTo(page)
    ]


def state(widget: QWidget) -> object:
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, QAbstractSlider):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    raise AssertionError(type(widget).__name__)


def turned_by_wheel(controls: list[QWidget]) -> list[str]:
    """The controls one notch down or up changed, each looked at after every notch (down then
    up would cancel out)."""
    changed = []
    for widget in controls:
        for down in (True, False):
            was = state(widget)
            wheel_over(widget, down=down)
            if state(widget) != was:
                changed.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    return changed


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_the_wheel_over_an_unfocused_input_changes_nothing(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, key: str
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(800, 600)
    frame.show_page(key)
    page = frame.page(key)
    if key == "today":
        page.today_view  # noqa: B018 - builds the cards below the fold too
    frame.page_list.setFocus()
    controls = inputs(page)
    assert any(isinstance(w, QAbstractSpinBox | QComboBox) for w in controls) or key != "today"
    assert turned_by_wheel(controls) == []
    assert frame.page_list.hasFocus()  # and the wheel gave none of them focus


@pytest.mark.parametrize(
    "editor", ["check-in", "trigger", "reflection", "statement", "together", "session"]
)
def test_the_wheel_over_the_journal_editors_changes_nothing(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, editor: str
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(800, 600)
    journal = frame.page("journal")
    if editor in WRITTEN_KINDS:
        kind = WRITTEN_KINDS[editor]
        frame.show_page("journal")
        assert journal.start_entry(kind, {})
        if isinstance(journal.pane.editor, SessionEditor):  # its next session's time, enabled
            journal.pane.editor.next_session.known.setChecked(True)
    elif editor == "trigger":
        card = frame.page("today").trigger
        card.situation.setPlainText("A door closed hard")
        card.intensity.set_value(6)
        record = card.save()
        assert record is not None and record.id is not None
        assert frame.open_entry(record.id)
    elif editor == "reflection":
        frame.show_page("journal")
        journal.new_entry(EntryKind.REFLECTION)
    else:
        frame.show_page("journal")
        journal.new_check_in()
    frame.page_list.setFocus()
    controls = inputs(journal)
    assert any(isinstance(w, QAbstractSpinBox | QComboBox) for w in controls)
    assert turned_by_wheel(controls) == []


def test_the_wheel_over_an_unfocused_answer_scrolls_the_page(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(800, 600)
    page = frame.page("today")
    page.today_view  # noqa: B018 - the whole page, so that it scrolls
    trust = page.pane.editor.trust
    area = page.findChild(QScrollArea)
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    wheel_over(trust)
    assert trust.text() == "Not answered"
    assert bar.value() > 0


def test_a_focused_answer_still_takes_the_wheel(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = open_journal(qtbot, qapp, tmp_path)
    trust = frame.page("today").pane.editor.trust
    assert isinstance(trust, QSpinBox)
    trust.setFocus()
    qtbot.waitUntil(trust.hasFocus)
    wheel_over(trust, down=False)
    assert trust.value() == 0  # one notch up from "Not answered"
    assert not trust.focusPolicy() & Qt.FocusPolicy.WheelFocus & ~Qt.FocusPolicy.StrongFocus
