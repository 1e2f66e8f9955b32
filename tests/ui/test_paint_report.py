"""TRUSTJOURNAL_REPORT_PAINT=1 prints one line per screen's first paint, and nothing otherwise."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import NOTE_PAGE, PASSPHRASE, make_vault, start_shell, unlock
from trustjournal.ui.paint_report import ENV_VAR, PaintReporter


def _painted(qtbot: QtBot, reporter: PaintReporter, stream: io.StringIO) -> str:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("screen"))
    window.show()
    qtbot.waitExposed(window)
    reporter.watch(window.centralWidget(), "unlock")
    window.centralWidget().update()
    if reporter._enabled:
        qtbot.waitUntil(lambda: bool(stream.getvalue()), timeout=10_000)
    else:
        qtbot.wait(50)
    reporter.watch(window.centralWidget(), "unlock")  # a second time: reported once only
    window.centralWidget().update()
    qtbot.wait(50)
    return stream.getvalue()


def test_first_paint_is_reported_once(qtbot: QtBot) -> None:
    stream = io.StringIO()
    lines = _painted(qtbot, PaintReporter(enabled=True, stream=stream), stream).splitlines()
    assert len(lines) == 1
    name, seconds, clock = lines[0].split()[1:]
    assert name == "unlock"
    assert float(seconds) > 0
    assert abs(float(clock) - time.monotonic()) < 10


def test_nothing_is_printed_unless_asked(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    stream = io.StringIO()
    reporter = PaintReporter.from_environment()
    reporter._stream = stream
    assert _painted(qtbot, reporter, stream) == ""


def _lines(stream: io.StringIO) -> list[str]:
    return [line.split()[1] for line in stream.getvalue().splitlines()]


def test_the_main_window_is_reported_once_painted_after_unlocking(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    # The window is already showing the unlock screen, so the main frame's first paint is an
    # update request to the window widget, not an expose of the native window.
    stream = io.StringIO()
    make_vault(tmp_path / "journal")
    reporter = PaintReporter(enabled=True, stream=stream)
    shell = start_shell(qtbot, qapp, tmp_path, pages=(NOTE_PAGE,), paint=reporter)
    qtbot.waitUntil(lambda: _lines(stream) == ["unlock"], timeout=10_000)
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    qtbot.waitUntil(lambda: _lines(stream) == ["unlock", "main"], timeout=10_000)
    with qtbot.waitSignal(shell.controller.locked):
        shell.lock_manager.request("shortcut")
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    frame.update()
    qtbot.wait(50)
    assert _lines(stream) == ["unlock", "main"]  # each screen once per process
