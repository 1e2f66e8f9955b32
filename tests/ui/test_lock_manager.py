"""When the journal asks to be locked: idle time, the shortcut path, minimising, going away."""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from trustjournal.ui.lock import LockManager, close_dialogs


def _manager(qapp: QApplication) -> LockManager:
    return LockManager(app=qapp)


def test_idle_timer_requests_a_lock_when_armed(qtbot: QtBot, qapp: QApplication) -> None:
    manager = _manager(qapp)
    manager.set_idle_ms(30)
    manager.arm()
    with qtbot.waitSignal(manager.lock_requested, timeout=5_000) as signal:
        pass
    assert signal.args == ["idle"]
    manager.disarm()


def test_nothing_is_requested_while_disarmed(qtbot: QtBot, qapp: QApplication) -> None:
    manager = _manager(qapp)
    manager.set_idle_ms(10)
    with qtbot.assertNotEmitted(manager.lock_requested, wait=100):
        manager.request("shortcut")
        manager.notify_minimised()


def test_never_means_the_idle_timer_never_runs(qtbot: QtBot, qapp: QApplication) -> None:
    manager = _manager(qapp)
    manager.set_idle_minutes(None)
    manager.arm()
    assert manager.idle_ms is None
    with qtbot.assertNotEmitted(manager.lock_requested, wait=100):
        pass
    manager.disarm()


def test_idle_minutes_are_kept_within_one_to_sixty(qapp: QApplication) -> None:
    manager = _manager(qapp)
    manager.set_idle_minutes(0)
    assert manager.idle_ms == 60_000
    manager.set_idle_minutes(500)
    assert manager.idle_ms == 60 * 60_000


def test_minimising_locks_only_when_chosen(qtbot: QtBot, qapp: QApplication) -> None:
    manager = _manager(qapp)
    manager.set_idle_minutes(None)
    manager.arm()
    with qtbot.assertNotEmitted(manager.lock_requested):
        manager.notify_minimised()
    manager.lock_on_minimise = True
    with qtbot.waitSignal(manager.lock_requested) as signal:
        manager.notify_minimised()
    assert signal.args == ["minimised"]
    manager.disarm()


def test_application_suspended_or_hidden_locks_when_chosen(
    qtbot: QtBot, qapp: QApplication
) -> None:
    manager = _manager(qapp)
    manager.set_idle_minutes(None)
    manager.arm()
    manager.lock_on_inactive = True
    with qtbot.waitSignal(manager.lock_requested) as signal:
        qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert signal.args == ["inactive"]
    manager.lock_on_inactive = False
    with qtbot.assertNotEmitted(manager.lock_requested):
        qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationHidden)
    manager.disarm()


def test_close_dialogs_rejects_open_and_executing_dialogs(qtbot: QtBot, qapp: QApplication) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    opened = QDialog(parent)
    opened.open()
    box = QMessageBox(QMessageBox.Icon.Information, "t", "only OK", parent=parent)
    results: dict[str, int] = {}

    def close_all() -> None:
        results["closed"] = close_dialogs(qapp)

    QTimer.singleShot(0, close_all)
    results["exec"] = box.exec()  # a nested event loop, as a page's prompt would run
    assert results["closed"] >= 2
    assert not opened.isVisible()
    assert not box.isVisible()
    assert results["exec"] != QMessageBox.StandardButton.Ok


class _Clocks:
    """A computer's two clocks, moved by hand: one stops while it sleeps, one keeps counting."""

    def __init__(self) -> None:
        self.awake = 1000.0
        self.through_sleep = 5000.0

    def monotonic(self) -> float:
        return self.awake

    def sleepless(self) -> float:
        return self.through_sleep

    def pass_awake(self, seconds: float) -> None:
        self.awake += seconds
        self.through_sleep += seconds

    def sleep(self, seconds: float) -> None:
        self.through_sleep += seconds


def _clocked(qapp: QApplication, clocks: _Clocks) -> LockManager:
    return LockManager(app=qapp, monotonic=clocks.monotonic, sleepless=clocks.sleepless)


def test_waking_from_sleep_locks_at_once_whatever_the_idle_timeout(
    qtbot: QtBot, qapp: QApplication
) -> None:
    clocks = _Clocks()
    manager = _clocked(qapp, clocks)
    manager.set_idle_minutes(60)
    manager.arm()
    clocks.pass_awake(1)
    clocks.sleep(20 * 60)
    with qtbot.waitSignal(manager.lock_requested, timeout=5_000) as signal:
        pass  # the heartbeat notices within HEARTBEAT_MS
    assert signal.args == ["sleep"]
    manager.disarm()


def test_time_asleep_counts_as_idle_even_if_the_timer_is_late(
    qtbot: QtBot, qapp: QApplication
) -> None:
    clocks = _Clocks()
    manager = _clocked(qapp, clocks)
    manager.set_idle_minutes(5)
    manager.arm()
    # Both clocks moved on together: no sleep was seen, but five minutes have passed while
    # Qt's single-shot timer (which stops during sleep) has not fired yet.
    clocks.pass_awake(5 * 60)
    with qtbot.waitSignal(manager.lock_requested, timeout=5_000) as signal:
        pass
    assert signal.args == ["idle"]
    manager.disarm()


def test_an_awake_computer_is_not_taken_for_one_that_slept(
    qtbot: QtBot, qapp: QApplication
) -> None:
    clocks = _Clocks()
    manager = _clocked(qapp, clocks)
    manager.set_idle_minutes(60)
    manager.arm()
    clocks.pass_awake(30)
    clocks.sleep(1)  # drift within SLEEP_GAP_S is not sleep
    with qtbot.assertNotEmitted(manager.lock_requested, wait=2_500):
        pass
    manager.disarm()


def test_the_heartbeat_stops_when_the_journal_locks(qtbot: QtBot, qapp: QApplication) -> None:
    clocks = _Clocks()
    manager = _clocked(qapp, clocks)
    manager.arm()
    manager.disarm()
    clocks.sleep(3600)
    with qtbot.assertNotEmitted(manager.lock_requested, wait=2_500):
        pass


def _typing_for(qtbot: QtBot, window: QWindow, seconds: float) -> None:
    """A key at the window every 40 ms, as the system delivers them (not straight to a widget)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QTest.keyClick(window, Qt.Key.Key_A)
        qtbot.wait(40)


def test_input_at_the_window_or_a_dialog_keeps_the_journal_open_until_it_stops(
    qtbot: QtBot, qapp: QApplication
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    manager = _manager(qapp)
    manager.arm()
    manager.set_idle_ms(400)
    handle = window.windowHandle()
    assert handle is not None
    with qtbot.assertNotEmitted(manager.lock_requested, wait=0):
        _typing_for(qtbot, handle, 0.9)
        for x in range(0, 200, 10):  # and the mouse moving over it
            QTest.mouseMove(handle, QPoint(x, 20))
            qtbot.wait(30)
    dialog = QDialog(window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: qapp.focusWindow() is dialog.windowHandle())
    dialog_handle = dialog.windowHandle()
    assert dialog_handle is not None
    with qtbot.assertNotEmitted(manager.lock_requested, wait=0):
        _typing_for(qtbot, dialog_handle, 0.9)
    with qtbot.waitSignal(manager.lock_requested, timeout=3_000) as signal:
        pass  # no more input
    assert signal.args == ["idle"]
    manager.disarm()
    dialog.close()
