"""The background helper reports on the UI thread; scoped results vanish after locking."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from trustjournal.ui.tasks import BackgroundTasks, ScopedTasks, SynchronousTasks


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
