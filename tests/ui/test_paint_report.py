"""TRUSTJOURNAL_REPORT_PAINT=1 prints one line per screen's first paint, and nothing otherwise."""

from __future__ import annotations

import io

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

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
    name, seconds = lines[0].split()[1:]
    assert name == "unlock"
    assert float(seconds) > 0


def test_nothing_is_printed_unless_asked(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    stream = io.StringIO()
    reporter = PaintReporter.from_environment()
    reporter._stream = stream
    assert _painted(qtbot, reporter, stream) == ""
