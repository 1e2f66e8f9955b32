"""In a narrow window the side bar keeps its icons only, so pages keep room for their content."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import sample_entries
from tests.ui.shell_helpers import open_journal
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.main_frame import COMPACT_SIDEBAR_WIDTH, SIDEBAR_WIDTH
from trustjournal.ui.pages.journal_page import JournalPage


def _names(frame_list: object) -> list[str]:
    return [frame_list.item(row).text() for row in range(frame_list.count())]  # type: ignore[attr-defined]


def test_a_narrow_window_shows_the_side_bar_as_icons_and_a_wide_one_names_again(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(1280, 800)
    qtbot.waitUntil(lambda: not frame.compact)
    named = frame.page_names()
    assert named == _names(frame.page_list)
    assert "Journal" in named and frame.sidebar.width() == SIDEBAR_WIDTH
    shell.window.resize(800, 600)
    qtbot.waitUntil(lambda: frame.compact)
    assert frame.sidebar.width() == COMPACT_SIDEBAR_WIDTH
    assert set(_names(frame.page_list)) == {""}
    spoken = [
        frame.page_list.item(row).data(Qt.ItemDataRole.AccessibleTextRole)
        for row in range(frame.page_list.count())
    ]
    assert spoken == named == frame.page_names()  # a screen reader still hears each name
    assert frame.lock_button.text() == "" and frame.lock_button.accessibleName() == "Lock"
    shell.window.resize(1280, 800)
    qtbot.waitUntil(lambda: not frame.compact)
    assert _names(frame.page_list) == named and frame.lock_button.text() == "&Lock"


def test_the_journal_keeps_room_for_its_list_beside_an_open_entry_at_800_by_600(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    vault = shell.controller.vault
    assert vault is not None
    repo = EntryRepository(db=vault.db, clock=lambda: datetime.now(UTC))
    for entry in sample_entries(3, 3):
        repo.add(entry)
    shell.window.resize(800, 600)
    frame.show_page("journal")
    page = frame.page("journal")
    assert isinstance(page, JournalPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 1)
    page.view.setCurrentIndex(page.model.index(1, 0))
    qtbot.waitUntil(lambda: page.pane.editor is not None and page.pane.editor.isVisible())
    assert page.view.width() >= 200
