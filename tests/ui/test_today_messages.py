"""Today's confirmations clear after a moment; errors stay; the check-in asks in plain words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import open_journal
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.pages.today_page import CHECKED_IN, TodayPage
from trustjournal.ui.today.gratitude_card import SAVED as GRATITUDE_SAVED
from trustjournal.ui.today.trigger_card import SAVED as LOGGED
from trustjournal.ui.widgets.fading import CONFIRMATION_MS, Confirmation


def _today(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> TodayPage:
    _shell, frame = open_journal(qtbot, qapp, tmp_path)
    page = frame.page("today")
    assert isinstance(page, TodayPage)
    return page


def _clears(qtbot: QtBot, confirmation: Confirmation, text: str) -> None:
    """`text` shows, a fading confirmation, and is gone once its time is up."""
    assert confirmation.label.text() == text
    assert confirmation.timer.isActive()
    assert confirmation.timer.interval() == CONFIRMATION_MS
    confirmation.timer.setInterval(1)  # its time is up
    confirmation.timer.start()
    qtbot.waitUntil(lambda: confirmation.label.text() == "")


def test_saved_logged_and_thank_you_clear_after_a_few_seconds(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    page = _today(qtbot, qapp, tmp_path)
    editor = page.pane.editor
    assert isinstance(editor, MoodEditor)
    editor.scale.group.button(7).setFocus()
    QTest.keyClick(editor.scale.group.button(7), Qt.Key.Key_7)
    QTest.keyClick(qapp.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.status, QLabel)  # a label: read like any other text
    _clears(qtbot, page.confirmation, CHECKED_IN)

    card = page.trigger
    card.situation.setFocus()
    QTest.keyClicks(card.situation, "A late reply")
    card.intensity.set_value(4)
    QTest.keyClick(card.situation, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _clears(qtbot, card.confirmation, LOGGED)

    gratitude = page.gratitude
    gratitude.field.setFocus()
    QTest.keyClicks(gratitude.field, "The tea you made")
    QTest.keyClick(gratitude.field, Qt.Key.Key_Return)
    _clears(qtbot, gratitude.confirmation, GRATITUDE_SAVED)


def test_a_message_that_asks_something_of_me_stays(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    page = _today(qtbot, qapp, tmp_path)
    gratitude = page.gratitude
    gratitude.field.setFocus()
    QTest.keyClick(gratitude.field, Qt.Key.Key_Return)  # nothing typed
    assert gratitude.status.text().startswith("Write a few words first")
    assert not gratitude.confirmation.timer.isActive()


def test_the_check_in_asks_about_right_now_in_plain_words(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    page = _today(qtbot, qapp, tmp_path)
    shown = {w.text() for w in page.pane.findChildren(QLabel) if w.isVisibleTo(page)}
    assert "How much trust do I feel between us right now?" in shown
    assert "How close do I feel to my partner right now?" in shown
    assert not any("today?" in text for text in shown)
