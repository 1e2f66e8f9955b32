"""The background helper reports on the UI thread; scoped results vanish after locking."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from trustjournal.ui.tasks import (
    BackgroundTasks,
    ScopedTasks,
    SynchronousTasks,
    after_pending_paints,
    let_go_of_session,
)


def test_background_work_runs_off_the_ui_thread_and_reports_on_it(qtbot: QtBot) -> None:
    tasks = BackgroundTasks()
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = threading.get_ident()

    with qtbot.waitSignal(tasks.idle, timeout=10_000):
        tasks.run_in_background(work, done, lambda exc: None)
    assert seen["result"] == 42
    assert seen["worker"] != ui_thread
    assert seen["callback"] == ui_thread
    assert tasks.running == 0


def test_the_cycle_collector_never_runs_in_a_worker(qtbot: QtBot) -> None:
    """Collected in a worker, a UI-thread widget in a reference cycle crashes Qt."""
    tasks = BackgroundTasks()
    seen: dict[str, bool] = {}
    release = threading.Event()

    def work() -> None:
        seen["in_worker"] = gc.isenabled()
        release.wait(10)

    with qtbot.waitSignal(tasks.idle, timeout=10_000):
        tasks.run_in_background(work, lambda r: None, lambda exc: None)
        tasks.run_in_background(lambda: None, lambda r: None, lambda exc: None)
        assert not gc.isenabled()  # held while anything runs
        release.set()
    assert seen == {"in_worker": False}
    assert gc.isenabled()  # and back on the UI thread once the last one has reported


class _Held:
    """Stands for what work holds (a reader, text to save); notes the thread it is let go on."""

    def __init__(self, freed: list[int]) -> None:
        self._freed = freed

    def __del__(self) -> None:
        self._freed.append(threading.get_ident())


def test_what_work_holds_is_let_go_on_the_ui_thread_once_it_has_reported(qtbot: QtBot) -> None:
    """Each job used to stay alive for the whole process with all its work held, past every
    lock; what the work holds must not outlive its report, nor be let go in a worker."""
    tasks = BackgroundTasks()
    freed: list[int] = []
    failed: list[BaseException] = []

    def run(held: _Held, fails: bool) -> None:
        def work() -> None:
            assert held
            if fails:
                raise ValueError("no")

        tasks.run_in_background(work, lambda _r: None, failed.append)

    with qtbot.waitSignal(tasks.idle, timeout=10_000):
        for fails in (False, True) * 20:
            run(_Held(freed), fails)
    failed.clear()  # a failure's traceback holds its work's frame
    gc.collect()
    assert freed == [threading.get_ident()] * 40


class _Cycle:
    """Something a session's work holds in a reference cycle (a page's cards and figures)."""

    def __init__(self) -> None:
        self.itself = self


def test_the_locks_collection_never_freezes_what_running_work_holds(qtbot: QtBot) -> None:
    """Frozen, a cycle is never collected: work still running at the lock (a read started just
    before it) would keep what it holds in memory for good once it had reported."""
    tasks = BackgroundTasks()
    gate = threading.Event()
    held = _Cycle()
    gone = weakref.ref(held)
    tasks.run_in_background(lambda held=held: gate.wait(10), lambda _r: None, lambda _e: None)
    del held
    try:
        let_go_of_session()  # the lock's, while the read still runs
        with qtbot.waitSignal(tasks.idle, timeout=10_000):
            gate.set()
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()


def test_background_failures_reach_on_error_with_the_exception(qtbot: QtBot) -> None:
    tasks = BackgroundTasks()
    errors: list[BaseException] = []

    def work() -> None:
        raise KeyError("x")

    with qtbot.waitSignal(tasks.idle, timeout=10_000):
        tasks.run_in_background(work, lambda r: None, errors.append)
    assert len(errors) == 1
    assert isinstance(errors[0], KeyError)


def test_synchronous_twin_calls_back_before_returning() -> None:
    results: list[object] = []
    SynchronousTasks().run_in_background(lambda: "ok", results.append, results.append)
    SynchronousTasks().run_in_background(lambda: 1 / 0, results.append, results.append)
    assert results[0] == "ok"
    assert isinstance(results[1], ZeroDivisionError)


def test_results_arriving_after_the_scope_ended_are_dropped_silently(qtbot: QtBot) -> None:
    open_ = {"value": True}
    scoped = ScopedTasks(tasks=SynchronousTasks(), is_current=lambda: open_["value"])
    results: list[object] = []
    scoped.run_in_background(lambda: 1, results.append, results.append)
    open_["value"] = False
    scoped.run_in_background(lambda: 2, results.append, results.append)
    scoped.run_in_background(lambda: 1 / 0, results.append, results.append)
    assert results == [1]


def test_background_result_after_scope_end_is_dropped(qtbot: QtBot) -> None:
    tasks = BackgroundTasks()
    gate = threading.Event()
    open_ = {"value": True}
    scoped = ScopedTasks(tasks=tasks, is_current=lambda: open_["value"])
    results: list[object] = []
    scoped.run_in_background(lambda: gate.wait(10) and "late", results.append, results.append)
    open_["value"] = False  # the journal locks while the work is still running
    with qtbot.waitSignal(tasks.idle, timeout=10_000):
        gate.set()
    assert results == []


class _Painted(QWidget):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self._log = log

    def paintEvent(self, event: QPaintEvent) -> None:
        self._log.append("painted")
        super().paintEvent(event)


def test_work_after_pending_paints_runs_once_the_window_has_painted(qtbot: QtBot) -> None:
    log: list[str] = []
    widget = _Painted(log)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(20)
    log.clear()
    widget.update()  # a repaint is now waiting
    after_pending_paints(lambda: log.append("work"))
    assert log == []  # never at once
    qtbot.waitUntil(lambda: "work" in log, timeout=5_000)
    assert log == ["painted", "work"]


def test_work_waiting_for_release_runs_first_then_the_queued_work() -> None:
    scoped = ScopedTasks(tasks=SynchronousTasks(), is_current=lambda: True)
    log: list[str] = []
    scoped.hold()
    scoped.run_in_background(lambda: "read", log.append, log.append)
    scoped.call_on_release(lambda: log.append("built"))
    assert log == []
    scoped.release()
    assert log == ["built", "read"]
    scoped.call_on_release(lambda: log.append("at once"))  # nothing held any more
    assert log == ["built", "read", "at once"]


def test_work_waiting_for_release_is_dropped_once_the_scope_has_ended() -> None:
    open_ = {"value": True}
    scoped = ScopedTasks(tasks=SynchronousTasks(), is_current=lambda: open_["value"])
    log: list[str] = []
    scoped.hold()
    scoped.call_on_release(lambda: log.append("built"))
    open_["value"] = False  # locked before the first page painted
    scoped.release()
    assert log == []
