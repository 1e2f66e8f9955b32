"""The main window's frame: only registered pages appear, each with its Ctrl+number shortcut."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import NOTE_PAGE, PASSPHRASE, make_vault, start_shell, unlock
from trustjournal.ui.icons import Icon
from trustjournal.ui.main_frame import SIDEBAR_ROW_HEIGHT
from trustjournal.ui.main_window import TITLE
from trustjournal.ui.pages.registry import PageAction, PageRegistry, PageSpec


def _spec(key: str, shortcut: str) -> PageSpec:
    return PageSpec(
        key=key,
        title=key.title(),
        icon=Icon.TODAY,
        shortcut=shortcut,
        build=lambda session: QWidget(),
    )


def test_registry_refuses_a_taken_key_or_shortcut() -> None:
    registry = PageRegistry()
    registry.register(_spec("today", "Ctrl+1"))
    with pytest.raises(ValueError, match="already registered"):
        registry.register(_spec("today", "Ctrl+2"))
    with pytest.raises(ValueError, match="already taken"):
        registry.register(_spec("journal", "Ctrl+1"))


def test_registry_refuses_an_action_shortcut_another_page_uses() -> None:
    registry = PageRegistry()
    registry.register(_spec("today", "Ctrl+1"))
    clashing = PageSpec(
        key="journal",
        title="Journal",
        icon=Icon.JOURNAL,
        shortcut="Ctrl+2",
        build=lambda session: QWidget(),
        actions=(PageAction(title="Search", shortcut="Ctrl+1", method="focus"),),
    )
    with pytest.raises(ValueError, match="already taken"):
        registry.register(clashing)


def test_registry_orders_pages_by_their_shortcut() -> None:
    registry = PageRegistry()
    registry.register(_spec("settings", "Ctrl+5"))
    registry.register(_spec("today", "Ctrl+1"))
    assert [s.key for s in registry.specs()] == ["today", "settings"]


def test_the_shell_ships_only_the_settings_page(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    assert frame.page_names() == ["Settings"]


def test_ctrl_number_shortcuts_switch_pages_and_the_title_stays_neutral(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path, pages=(NOTE_PAGE,))
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    assert frame.current_key == "note"
    qtbot.keyClick(frame, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert frame.current_key == "settings"
    assert frame.stack.currentWidget() is frame.page("settings")
    qtbot.keyClick(frame, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert frame.current_key == "note"
    assert shell.window.windowTitle() == TITLE
    shell.window.preferences_action.trigger()
    assert frame.current_key == "settings"


def test_icon_only_and_text_labels_are_named_for_screen_readers(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    for label in shell.window.findChildren(QLabel):
        if label.pixmap() is not None and not label.pixmap().isNull():
            assert label.accessibleName(), "an icon-only label without an accessible name"
    frame = shell.controller.frame
    assert frame is not None
    assert frame.page_list.accessibleName()


def test_side_bar_rows_never_overlap_whatever_the_style_sheet(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path, pages=(NOTE_PAGE,))
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    sheet = qapp.styleSheet()
    qapp.setStyleSheet(sheet + "\nQListWidget#pageList::item { padding: 14px 12px; }")
    try:
        rows = [frame.page_list.visualItemRect(frame.page_list.item(i)) for i in range(2)]
        assert not rows[0].intersects(rows[1])
        # Rows measured before a theme's sheet arrived overlapped in the light screenshots;
        # a fixed height per row is what keeps them apart whenever the sheet is applied.
        hints = {frame.page_list.item(i).sizeHint().height() for i in range(2)}
        assert hints == {SIDEBAR_ROW_HEIGHT}
    finally:
        qapp.setStyleSheet(sheet)


class _FocusPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def focus_quick_field(self) -> None:
        self.calls += 1


def test_a_page_action_works_from_another_page_and_shows_its_page(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    spec = PageSpec(
        key="quick",
        title="Quick",
        icon=Icon.TODAY,
        shortcut="Ctrl+2",
        build=lambda session: _FocusPage(),
        actions=(PageAction(title="Quick note", shortcut="Ctrl+G", method="focus_quick_field"),),
    )
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path, pages=(NOTE_PAGE, spec))
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    assert frame.current_key == "note"
    qtbot.keyClick(frame, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert frame.current_key == "quick"
    page = frame.page("quick")
    assert isinstance(page, _FocusPage)
    assert page.calls == 1
    assert [a.text() for a in frame.page_actions] == ["Quick note"]
