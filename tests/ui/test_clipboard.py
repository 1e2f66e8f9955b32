"""Copied secrets leave the clipboard again, but only if the clipboard still holds them."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from trustjournal.ui.clipboard import ClipboardGuard


def test_clear_removes_our_text(qtbot: QtBot) -> None:
    board = QGuiApplication.clipboard()
    guard = ClipboardGuard(clipboard=board)
    guard.copy("ABCD-EFGH")
    assert board.text() == "ABCD-EFGH"
    assert guard.holds_ours
    guard.clear_if_ours()
    assert board.text() == ""


def test_clear_leaves_text_someone_else_copied_since(qtbot: QtBot) -> None:
    board = QGuiApplication.clipboard()
    guard = ClipboardGuard(clipboard=board)
    guard.copy("ABCD-EFGH")
    board.setText("a shopping list")
    guard.clear_if_ours()
    assert board.text() == "a shopping list"


def test_clipboard_is_cleared_by_itself_after_the_timeout(qtbot: QtBot) -> None:
    board = QGuiApplication.clipboard()
    guard = ClipboardGuard(clipboard=board, clear_after_ms=20)
    guard.copy("ABCD-EFGH")
    qtbot.waitUntil(lambda: board.text() == "", timeout=5_000)
    assert not guard.holds_ours
