"""Tab follows reading order on every page; the quick trigger log and the check-in by keys alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLayout,
    QSplitter,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import open_journal
from trustjournal.core.entries import EntryKind, TriggerRecord
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.editors.trigger import INTENSITY_NEEDED, SITUATION_NEEDED
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.today_page import TodayPage

PAGE_KEYS = [spec.key for spec in journal_pages()] + ["settings"]
Place = tuple[tuple[int, ...], ...]


def _in_layout(layout: QLayout, widget: QWidget) -> tuple[int, ...] | None:
    """Where `widget` sits in `layout`, in reading order (rows, then columns), or None."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if isinstance(layout, QGridLayout):
            row, column, _rs, _cs = layout.getItemPosition(index)
            place: tuple[int, ...] = (row, column)
        elif isinstance(layout, QFormLayout):
            row, role = layout.getItemPosition(index)
            place = (row, int(role.value))
        else:
            place = (index,)
        if item.widget() is widget:
            return place
        inner = item.layout()
        if inner is not None:
            found = _in_layout(inner, widget)
            if found is not None:
                return place + found
    return None


def reading_place(widget: QWidget, root: QWidget) -> Place:
    """The path from `root` down to `widget`, each step its place in its parent's layout."""
    steps: list[tuple[int, ...]] = []
    while widget is not root:
        parent = widget.parentWidget()
        assert parent is not None, "not under root"
        if isinstance(parent, QSplitter):
            place: tuple[int, ...] | None = (parent.indexOf(widget),)
        else:
            layout = parent.layout()
            place = _in_layout(layout, widget) if layout is not None else None
        steps.append(place if place is not None else (0,))
        widget = parent
    return tuple(reversed(steps))


def tab_stops(start: QWidget, root: QWidget) -> list[QWidget]:
    """The controls under `root` that Tab visits, walking on from `start`, in Qt's order."""
    stops: list[QWidget] = []
    widget = start.nextInFocusChain()
    while widget is not start:
        inner_edit = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
        if (
            root.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(root)
            and widget.isEnabled()
            and not inner_edit
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def _name(widget: QWidget) -> str:
    words = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__} {widget.accessibleName() or words or widget.objectName()!r}"


def assert_reading_order(frame: MainFrame, key: str) -> None:
    page = frame.page(key)
    stops = tab_stops(frame.page_list, page)
    assert stops, "a page Tab cannot enter"
    places = [reading_place(w, page) for w in stops]
    backwards = [
        f"{_name(stops[i])} before {_name(stops[i + 1])}"
        for i in range(len(stops) - 1)
        if places[i] > places[i + 1]
    ]
    assert backwards == []


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
@pytest.mark.parametrize(
    "key",
    PAGE_KEYS,
)
def test_tab_follows_reading_order_on_every_page(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, key: str, size: tuple[int, int]
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(*size)
    frame.show_page(key)
    page = frame.page(key)
    if isinstance(page, TodayPage):
        page.today_view  # noqa: B018 - the cards below the fold too
    assert_reading_order(frame, key)


def _today(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> tuple[TodayPage, MainFrame]:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(800, 600)
    page = frame.page("today")
    assert isinstance(page, TodayPage)
    return page, frame


def test_the_quick_trigger_log_by_keys_alone(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    page, frame = _today(qtbot, qapp, tmp_path)
    card = page.trigger
    QTest.keyClick(frame, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert card.situation.hasFocus()
    QTest.keyClicks(card.situation, "The door slammed")
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)
    assert qapp.focusWidget() in card.intensity.group.buttons()  # the scale, next in reading
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_7)
    assert card.intensity.value() == 7
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_Right)
    assert card.intensity.value() == 8
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_End)
    assert card.intensity.value() == 10
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)  # the scale is one Tab stop
    assert qapp.focusWidget() is card.save_button
    QTest.keyClick(card.save_button, Qt.Key.Key_Space)
    records = [e for e in page._session.entries.list() if isinstance(e, TriggerRecord)]
    assert [(r.situation, r.intensity) for r in records] == [("The door slammed", 10)]


def test_a_missing_answer_in_the_trigger_log_puts_the_cursor_on_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    page, frame = _today(qtbot, qapp, tmp_path)
    card = page.trigger
    QTest.keyClick(frame, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(card.situation, "A message I did not expect")
    card.save_button.setFocus()
    QTest.keyClick(card.save_button, Qt.Key.Key_Space)
    assert card.intensity_error.text() == INTENSITY_NEEDED
    assert qapp.focusWidget() in card.intensity.group.buttons()
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_6)  # so the digit works at once
    assert card.intensity.value() == 6
    card.situation.clear()
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert card.situation_error.text() == SITUATION_NEEDED
    assert card.situation.hasFocus()


def test_tab_from_trust_goes_to_the_note_then_the_tags(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    page, _frame = _today(qtbot, qapp, tmp_path)
    editor = page.pane.editor
    assert isinstance(editor, MoodEditor)
    editor.connection.setFocus()
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)
    assert editor.trust.hasFocus()
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)
    assert editor.note.hasFocus()
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_Tab)
    assert editor.tags.hasFocus()


def test_a_check_in_without_a_mood_puts_the_cursor_on_the_scale(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    page, _frame = _today(qtbot, qapp, tmp_path)
    editor = page.pane.editor
    assert isinstance(editor, MoodEditor)
    editor.note.setFocus()
    qtbot.waitUntil(editor.note.hasFocus)
    QTest.keyClicks(editor.note, "no number yet")
    QTest.keyClick(editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.errors["mood"].isVisibleTo(editor)
    assert qapp.focusWidget() in editor.scale.group.buttons()


@pytest.mark.parametrize("kind", ["check-in", "trigger", "reflection"])
def test_tab_follows_reading_order_in_the_journals_editors(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, kind: str
) -> None:
    _shell, frame = open_journal(qtbot, qapp, tmp_path)
    journal = frame.page("journal")
    if kind == "trigger":
        card = frame.page("today").trigger
        card.situation.setPlainText("A door closed hard")
        card.intensity.set_value(6)
        record = card.save()
        assert record is not None and record.id is not None
        assert frame.open_entry(record.id)
    elif kind == "reflection":
        frame.show_page("journal")
        journal.new_entry(EntryKind.REFLECTION)
    else:
        frame.show_page("journal")
        journal.new_check_in()
    pane = journal.pane
    stops = tab_stops(frame.page_list, pane)
    places = [reading_place(w, pane) for w in stops]
    assert len(stops) > (7 if kind == "reflection" else 10)  # a reflection: 6 fields, 2 buttons
    assert [
        f"{_name(stops[i])} before {_name(stops[i + 1])}"
        for i in range(len(stops) - 1)
        if places[i] > places[i + 1]
    ] == []


@pytest.mark.parametrize(
    "kind", [EntryKind.STATEMENT, EntryKind.QUALITY_TIME, EntryKind.SESSION], ids=str
)
def test_tab_follows_reading_order_in_the_written_kinds_editors(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, kind: EntryKind
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(800, 600)
    frame.show_page("journal")
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    assert journal.start_entry(kind, {})
    assert_reading_order(frame, "journal")
