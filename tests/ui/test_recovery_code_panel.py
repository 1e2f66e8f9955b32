"""The recovery code is shown with Copy / Save / Print and a retype check of its last group."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.widgets.recovery_code_panel import RecoveryCodePanel, last_group

CODE = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345"


def _panel(qtbot: QtBot) -> RecoveryCodePanel:
    panel = RecoveryCodePanel(
        code=CODE, clipboard=ClipboardGuard(clipboard=QGuiApplication.clipboard())
    )
    qtbot.addWidget(panel)
    return panel


def test_last_group_is_the_part_after_the_last_dash() -> None:
    assert last_group(CODE) == "2345"
    assert last_group("abcd efgh") == "efgh"


def test_retyping_the_last_group_confirms(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    assert not panel.confirmed
    panel.check.setText("2344")
    assert not panel.confirmed
    with qtbot.waitSignal(panel.confirmed_changed) as signal:
        panel.check.setText(" 2345 ")
    assert signal.args == [True]


def test_the_code_is_shown_as_plain_text(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    panel = _panel(qtbot)
    assert panel.code_label.textFormat() == Qt.TextFormat.PlainText
    assert panel.code_label.text() == CODE


def test_copy_puts_the_code_on_the_clipboard_under_guard(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == CODE
    assert "30 seconds" in panel.status.text()
    panel._clipboard.clear_if_ours()
    assert QGuiApplication.clipboard().text() == ""


def test_save_writes_a_file_only_this_user_can_read(qtbot: QtBot, tmp_path: Path) -> None:
    panel = _panel(qtbot)
    target = tmp_path / "code.txt"
    panel.save_to(target)
    assert CODE in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_save_button_uses_the_chosen_path(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    panel = _panel(qtbot)
    target = tmp_path / "kept.txt"
    monkeypatch.setattr(RecoveryCodePanel, "ask_save_path", staticmethod(lambda parent: target))
    panel.save_button.click()
    assert target.exists()
    assert "Saved" in panel.status.text()


def test_print_renders_the_code_to_a_printer(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    panel = _panel(qtbot)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "sheet.pdf"))
    panel.print_to(printer)
    assert (tmp_path / "sheet.pdf").stat().st_size > 0


def test_a_printed_pdf_is_readable_only_by_this_user(qtbot: QtBot, tmp_path: Path) -> None:
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    panel = _panel(qtbot)
    fresh, older = tmp_path / "sheet.pdf", tmp_path / "older.pdf"
    older.write_bytes(b"")
    older.chmod(0o644)  # printing over a file others could read makes it private too
    for target in (fresh, older):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        panel.print_to(printer)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert CODE in text


def test_a_wrong_last_group_is_named_as_soon_as_it_is_complete(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    panel = _panel(qtbot)
    panel.show()
    panel.check.setFocus()
    QTest.keyClicks(panel.check, "234")
    assert panel.check_state.text() == ""  # still typing: no verdict yet
    QTest.keyClick(panel.check, Qt.Key.Key_4)
    assert "not the code's last group" in panel.check_state.text()
    assert panel.check_state.property("role") == "error"
    QTest.keyClick(panel.check, Qt.Key.Key_Backspace)
    QTest.keyClick(panel.check, Qt.Key.Key_5)
    assert panel.confirmed
    assert "matches" in panel.check_state.text()


def test_enter_with_a_wrong_group_on_the_recovery_code_screen_says_so(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from trustjournal.ui.screens.recovery_code import RecoveryCodeScreen

    screen = RecoveryCodeScreen(
        code=CODE, clipboard=ClipboardGuard(clipboard=QGuiApplication.clipboard())
    )
    qtbot.addWidget(screen)
    screen.show()
    screen.panel.check.setFocus()
    with qtbot.assertNotEmitted(screen.finished):
        QTest.keyClick(screen.panel.check, Qt.Key.Key_Return)
    assert "Please type the code's last group" in screen.panel.check_state.text()
    QTest.keyClicks(screen.panel.check, "23")
    with qtbot.assertNotEmitted(screen.finished):
        QTest.keyClick(screen.panel.check, Qt.Key.Key_Return)
    assert "not the code's last group" in screen.panel.check_state.text()
    assert screen.focusWidget() is screen.panel.check
    assert screen.panel.check.selectedText() == "23"  # selected, so typing replaces it
    QTest.keyClicks(screen.panel.check, "2345")
    with qtbot.waitSignal(screen.finished):
        QTest.keyClick(screen.panel.check, Qt.Key.Key_Return)
