"""Today's cards at the window's smallest and a large size: each as tall as what it holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.layout_checks import settle
from tests.ui.shell_helpers import open_journal
from trustjournal.ui.pages.today_page import TodayPage


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
@pytest.mark.parametrize("logged", [0, 2])
def test_logged_today_is_as_tall_as_its_rows_heading_on_top(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, size: tuple[int, int], logged: int
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(*size)
    page = frame.page("today")
    assert isinstance(page, TodayPage)
    for mood in range(logged):
        page.pane.editor.scale.set_value(mood + 4)  # type: ignore[union-attr]
        page.pane.save()
    card = page.logged_card
    settle()
    wanted = card.heightForWidth(card.width()) if card.hasHeightForWidth() else -1
    assert card.height() <= max(wanted, card.sizeHint().height())  # not stretched to fill
    shown = page.today_view if logged else page.nothing_today
    assert shown.isVisible()
    gap_below = card.height() - shown.geometry().bottom()
    assert gap_below <= card.layout().contentsMargins().bottom() + 2
    if logged:  # every row shows, without a scroll bar
        assert page.today_model.entry_count() == logged
        assert not page.today_view.verticalScrollBar().isVisible()
