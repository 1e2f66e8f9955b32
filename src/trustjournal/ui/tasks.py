"""Slow work off the UI thread: one helper on a QThreadPool, and a synchronous twin for tests.

`fn` runs in a worker thread and must never touch widgets; `on_done(result)` or
`on_error(exception)` then runs on the UI thread. `ScopedTasks` drops the result silently when
its scope has ended (for example the journal was locked while the work ran).
"""

from __future__ import annotations

import gc
import itertools
import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Tasks(Protocol):
    """Anything that can run work in the background and report back on the UI thread."""

    def run_in_background(
        self, fn: Callable[[], Any], on_done: Done, on_error: Failed
    ) -> None:  # pragma: no cover - protocol
        """Run `fn`; then call `on_done(result)` or `on_error(exception)` on the UI thread."""
        ...


class _CollectorHold:
    """Python's cycle collector stays off while any worker runs, and runs on the UI thread.

    The collector runs in whichever thread happens to allocate when it comes due. In a worker
    it would finalise Qt objects that belong to the UI thread (a closed dialog, a page's
    widgets waiting in a reference cycle), and Qt crashes when a widget is destroyed outside
    its thread. Anki turns the collector off for the same reason. Counted on the UI thread only:
    jobs start there and report back there.
    """

    def __init__(self) -> None:
        self._running = 0
        self._was_enabled = True

    def hold(self) -> None:
        if self._running == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
        self._running += 1

    def release(self) -> None:
        self._running -= 1
        if self._running == 0 and self._was_enabled:
            gc.enable()

    @property
    def busy(self) -> bool:
        """Whether any worker's job has not reported back yet."""
        return self._running > 0


_COLLECTOR = _CollectorHold()


def let_go_of_session() -> None:
    """Collect now whatever the locked session left in reference cycles; then freeze what is
    left, as start-up does (`process_arming`), so later collections do not walk it again.

    A page can hold its figures in such a cycle (Insights: its cards, the days' moods, the
    emotion names), and would otherwise stay in memory, past the lock, until some later full
    collection came due. Nothing of a session is ever frozen: only what is left once it is
    locked and collected, or before any journal was opened; and not while work still runs,
    since what it holds may be the session's (a read started before the lock), to be
    collected once it reports.
    """
    gc.collect()
    if not _COLLECTOR.busy:
        gc.freeze()


class _Job(QRunnable):
    """One piece of work on the pool, deleted by the pool once it has run.

    It gives up its work before reporting back: the runner keeps the work until then, so what
    the work holds (a page's reader, text to save) is let go on the UI thread, with the
    report, and never outlives it. (Each job used to stay alive for the whole process, and
    so did everything its work held, past every lock.)
    """

    def __init__(self, job_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._job_id = job_id
        self._fn: Callable[[], Any] | None = fn
        self._relay = relay

    def run(self) -> None:
        fn, self._fn = self._fn, None
        assert fn is not None
        try:
            result = fn()
        except BaseException as exc:
            del fn
            self._relay.finished.emit(self._job_id, False, exc)
        else:
            del fn
            self._relay.finished.emit(self._job_id, True, result)


class _Relay(QObject):
    """Lives on the UI thread, so a worker's emit arrives there as a queued call."""

    finished = Signal(int, bool, object)


class BackgroundTasks(QObject):
    """Runs work on a `QThreadPool` and reports back on the UI thread.

    Signals:
        idle: emitted when the last running job has reported back.
    """

    idle = Signal()

    def __init__(self, *, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_relay_finished)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Callable[[], Any], Done, Failed]] = {}

    @property
    def running(self) -> int:
        """How many jobs have not reported back yet."""
        return len(self._pending)

    def finish(self) -> None:
        """Wait for running work, then deliver its results (at quit: a late unlock's vault is
        then locked by its callback instead of being left open)."""
        self._pool.waitForDone()
        QCoreApplication.sendPostedEvents()

    def run_in_background(self, fn: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        """Run `fn` in a worker thread; call `on_done` or `on_error` on the UI thread."""
        job_id = next(self._ids)
        self._pending[job_id] = (fn, on_done, on_error)  # let go here, on the UI thread
        _COLLECTOR.hold()
        self._pool.start(_Job(job_id, fn, self._relay))  # the pool deletes it once run

    @Slot(int, bool, object)
    def _on_relay_finished(self, job_id: int, ok: bool, payload: object) -> None:
        _fn, on_done, on_error = self._pending.pop(job_id)  # the work goes with this call
        _COLLECTOR.release()
        try:
            if ok:
                on_done(payload)
            else:
                on_error(payload if isinstance(payload, BaseException) else RuntimeError())
        finally:
            if not self._pending:
                self.idle.emit()


class SynchronousTasks:
    """The test twin: runs `fn` at once on the calling thread, with the same callbacks."""

    def run_in_background(self, fn: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        """Run `fn` now; call `on_done` or `on_error` before returning."""
        try:
            result = fn()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)


class ScopedTasks:
    """Runs through another runner, but drops results once `is_current()` turns false.

    The shell hands pages one of these per unlocked session: work that finishes after the
    journal was locked finds its scope gone and is forgotten, never shown.

    While `hold()` is in force, work is queued, not started: the shell holds it while it
    builds the first page, whose own reads on the UI thread would otherwise wait for that
    page's background reads (the journal has one connection, used by one thread at a time).
    """

    def __init__(self, *, tasks: Tasks, is_current: Callable[[], bool]) -> None:
        self._tasks = tasks
        self._is_current = is_current
        self._held: list[tuple[Callable[[], Any], Done, Failed]] | None = None
        self._on_release: list[Callable[[], object]] = []

    def hold(self) -> None:
        """Queue work from now on until `release()`."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Call what waited for this on the UI thread, then start the queued work, in the
        order it came, and stop queueing."""
        waiting, self._on_release = self._on_release, []
        for fn in waiting:
            if self._is_current():
                fn()
        held, self._held = self._held, None
        for fn, on_done, on_error in held or ():
            self.run_in_background(fn, on_done, on_error)

    def call_on_release(self, fn: Callable[[], object]) -> None:
        """Call `fn` on the UI thread at `release()`, or now if nothing is held (what it
        returns is ignored).

        For work the first page can show a moment later (the cards below the fold): it waits,
        like the page's background reads, until the page has painted. Dropped if the scope
        has ended by then.
        """
        if self._held is None:
            fn()
        else:
            self._on_release.append(fn)

    def run_in_background(self, fn: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        """Like `Tasks.run_in_background`, minus callbacks for a scope that has ended."""
        if self._held is not None:
            self._held.append((fn, on_done, on_error))
            return

        def done(result: Any) -> None:
            if self._is_current():
                on_done(result)
            else:
                log.debug("background result dropped: the journal was locked")

        def failed(exc: BaseException) -> None:
            if self._is_current():
                on_error(exc)
            else:
                log.debug("background failure dropped: %s", type(exc).__name__)

        self._tasks.run_in_background(fn, done, failed)


class _AfterPaints(QObject):
    """Receives one low-priority event, posted behind the repaints already asked for."""

    _TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__(QCoreApplication.instance())
        self._fn = fn
        QCoreApplication.postEvent(
            self, QEvent(self._TYPE), Qt.EventPriority.LowEventPriority.value
        )

    def event(self, event: QEvent) -> bool:
        if event.type() != self._TYPE:
            return super().event(event)
        self.setParent(None)  # the last reference goes with this call
        self._fn()
        return True


def after_pending_paints(fn: Callable[[], None]) -> None:
    """Call `fn` on the UI thread once the repaints already asked for have been done.

    Qt posts a window's repaint as a low-priority event; this posts `fn` behind it the same
    way, so `fn` runs after the window has painted (or at the next turn of the event loop,
    if nothing was waiting to paint, as in a hidden window).
    """
    _AfterPaints(fn)
