"""Insights page figures: Ctrl+3 and period switches to painted, UI stalls, memory, the CLI.

The real shell on a copy of a cached vault, in a fresh process, unlocked offscreen. Each
session (unlock → Ctrl+3 → switches → lock) times, from the key press or the period bar's
change to the window's next paint flushed after the page holds that period's figures:
Ctrl+3 to the remembered (default) period; 3 months, 12 months, Earlier and Later; all time.
A 1 ms timer on the UI thread notes the longest gap between its ticks while that happens
(any stall of the UI thread shows as a gap). Before Ctrl+3 each session waits for the page to
be made ahead, as it is a second after unlocking (its stalls and memory are noted too); one
last session presses Ctrl+3 at once after unlocking instead, before that. With `--cpu-clock`
the gaps are read on the UI thread's own CPU clock (`time.thread_time`) instead of wall
time: what the UI thread itself did between two ticks, without the time it was not scheduled
on a busy machine or waited for the interpreter lock or the database; the report says which
clock it used. RSS is read before the page is made ahead and after the first period is
painted, and again after all the switches. The first session of the process is reported
apart: it also imports the page's modules (while it is made ahead).

`trustjournal insights --json` (all time, its default) runs as a real subprocess with the
passphrase on stdin; its wall time is set beside Argon2id timed alone just before it.

Usage: python -m benchmarks.insights_page VAULT_DIR [PASSPHRASE] [--runs N] [--json]
       [--cpu-clock] [--page-only]  (`--page-only`: without the CLI's figures)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import trustjournal
from benchmarks.args import figure_args
from benchmarks.shell_figures import _argon2id, _figure, _wait, started_shell, turn
from benchmarks.vaults import scratch_copy
from trustjournal.app import Shell
from trustjournal.services.insights_figures import Span
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.tasks import BackgroundTasks

RUNS = 7
ROOT = Path(__file__).resolve().parent.parent
_PAINTING = (QEvent.Type.Expose, QEvent.Type.UpdateRequest)


class _PaintedWhen(QObject):
    """Notes when the window's first paint after `ready()` became true has been flushed."""

    def __init__(self) -> None:
        super().__init__()
        self.ready: Callable[[], bool] | None = None
        self.painted_at: float | None = None

    def arm(self, ready: Callable[[], bool]) -> None:
        self.ready, self.painted_at = ready, None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.ready is not None and event.type() in _PAINTING and self.ready():
            self.ready = None  # this paint shows the figures; note once it is flushed
            QTimer.singleShot(0, self._note)
        return False

    def _note(self) -> None:
        self.painted_at = time.perf_counter()


class _StallMeter(QObject):
    """A 1 ms timer on the UI thread; the longest gap between its ticks is the longest stall,
    on `clock` (wall time, or the UI thread's CPU clock: the timer ticks on that thread)."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        super().__init__()
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.gaps: list[float] = []
        self.steps: list[float] = []  # the longest gap of each marked step
        self._marked = 0

    def start(self) -> None:
        self.gaps, self.steps, self._marked = [], [], 0
        self.last = self.clock()
        self.timer.start()

    def stop(self) -> list[float]:
        self._tick()
        self.timer.stop()
        return self.gaps

    def mark(self) -> float:
        """The longest gap since the last mark (or start), noted in `steps`."""
        self._tick()
        self.steps.append(max(self.gaps[self._marked :]))
        self._marked = len(self.gaps)
        return self.steps[-1]

    def _tick(self) -> None:
        now = self.clock()
        self.gaps.append(now - self.last)
        self.last = now


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class _Session:
    """One unlocked session of the shell: Ctrl+3, then the period switches, each to painted."""

    def __init__(
        self, app: QApplication, shell: Shell, tasks: BackgroundTasks, *, cpu_clock: bool
    ) -> None:
        self.app, self.shell, self.tasks = app, shell, tasks
        self.watcher = _PaintedWhen()
        self.meter = _StallMeter(time.thread_time if cpu_clock else time.perf_counter)
        handle = shell.window.windowHandle()
        assert handle is not None
        handle.installEventFilter(self.watcher)  # Expose arrives at the native window,
        shell.window.installEventFilter(self.watcher)  # Qt 6 posts UpdateRequest to the widget

    def _settle(self) -> None:
        _wait(self.app, lambda: self.tasks.running == 0)
        for _ in range(20):
            turn(self.app)

    def unlock(self, passphrase: str) -> None:
        unlocked: list[bool] = []
        self.shell.controller.unlocked.connect(lambda: unlocked.append(True))
        screen = self.shell.controller.screen()
        assert isinstance(screen, UnlockScreen)
        screen.unlock_requested.emit(passphrase, False)
        _wait(self.app, lambda: bool(unlocked))
        self._settle()
        self.shell.window.activateWindow()  # Ctrl+3 is a window shortcut
        _wait(self.app, self.shell.window.isActiveWindow)

    def _page(self) -> InsightsPage:
        frame = self.shell.controller.frame
        assert frame is not None
        page = frame.page("insights")
        assert isinstance(page, InsightsPage)
        return page

    def _shown(self) -> bool:
        """Whether the Insights page holds the figures of the period its bar shows."""
        frame = self.shell.controller.frame
        if frame is None or not frame.is_built("insights"):
            return False
        page = self._page()
        return page.figures is not None and page.figures.period == page.bar.period()

    def _timed(self, act: Callable[[], None]) -> float:
        """Seconds from `act` to the window's next paint flushed with the figures shown."""
        self.watcher.arm(lambda: False)  # not before act: the old figures are still shown
        start = time.perf_counter()
        act()
        self.watcher.arm(self._shown)
        _wait(self.app, lambda: self.watcher.painted_at is not None)
        painted = self.watcher.painted_at
        assert painted is not None
        self.meter.mark()
        return painted - start

    def prepared(self) -> dict[str, Any]:
        """Wait, after unlock, for the page to be made ahead of Ctrl+3 (the controller starts
        a second after the first paint); the longest stall and RSS growth (MB) meanwhile."""
        frame = self.shell.controller.frame
        assert frame is not None
        assert not frame.is_built("insights")
        rss_before = _rss_mb()
        self.meter.start()
        _wait(self.app, lambda: frame.is_prepared("insights"))
        self._settle()
        return {"prepare_stall": max(self.meter.stop()), "rss_prepare": _rss_mb() - rss_before}

    def insights(self, *, prepared: bool = True) -> dict[str, Any]:
        """Ctrl+3 and the switches; seconds, stalls and RSS (MB) of this session. With
        `prepared`, first as a person a second or more after unlocking finds it: the page made
        ahead (RSS is then counted from before that); without, at once after unlocking."""
        frame = self.shell.controller.frame
        assert frame is not None
        rss_before = _rss_mb()
        ahead = self.prepared() if prepared else {"prepare_stall": 0.0, "rss_prepare": 0.0}
        assert frame.is_prepared("insights") == prepared
        self.meter.start()
        opened = self._timed(
            lambda: QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        )
        self._settle()
        open_gaps = self.meter.stop()
        assert frame.current_key == "insights"
        rss_open = _rss_mb()
        bar = self._page().bar

        def span(chosen: Span) -> Callable[[], None]:
            return lambda: bar.span.setCurrentIndex(bar.span.findData(chosen.value))

        self.meter.start()
        switches = [self._timed(span(Span.MONTHS_3)), self._timed(span(Span.MONTHS_12))]
        switches += [self._timed(bar.back.click), self._timed(bar.forward.click)]
        all_time = self._timed(span(Span.ALL))
        self._settle()
        switch_gaps = self.meter.stop()
        steps = self.meter.steps
        rss_after = _rss_mb()
        self._timed(span(Span.WEEKS_4))  # the next session remembers the default again
        # Back to Today, which the next session then opens on: Insights is built on Ctrl+3.
        QTest.keyClick(frame, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        self._settle()
        return {
            **ahead,
            "open": opened,
            "switches": switches,
            "all": all_time,
            "open_stall": max(open_gaps),
            "switch_stall": max(switch_gaps),
            "switch_stalls": steps[:4],
            "all_stall": steps[4],
            "rss_open": rss_open - rss_before,
            "rss_after": rss_after - rss_before,
        }

    def lock(self) -> None:
        self.shell.lock_manager.request("shortcut")
        _wait(self.app, lambda: isinstance(self.shell.controller.screen(), UnlockScreen))
        self._settle()


def page_figures(
    directory: Path, passphrase: str, *, runs: int = RUNS, cpu_clock: bool = False
) -> dict[str, Any]:
    """One untimed-apart first session, then `runs` sessions on a copy of the vault (stalls on
    the UI thread's CPU clock with `cpu_clock`, else on wall time)."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    sessions: list[dict[str, Any]] = []
    with scratch_copy(directory, "tj-insights-bench-") as copy:
        shell, tasks = started_shell(app, copy)
        driver = _Session(app, shell, tasks, cpu_clock=cpu_clock)
        try:
            for _ in range(runs + 1):
                driver.unlock(passphrase)
                sessions.append(driver.insights())
                driver.lock()
            driver.unlock(passphrase)
            at_once = driver.insights(prepared=False)  # Ctrl+3 before the page was made ahead
            driver.lock()
        finally:
            shell.controller.shutdown()
            tasks.finish()
            shell.window.close()
            shell.window.deleteLater()
            app.processEvents()
    first, rest = sessions[0], sessions[1:]
    return {
        "stall_clock": "thread_time" if cpu_clock else "wall",
        "figures": [
            _figure("insights: longest UI stall, made ahead", [s["prepare_stall"] for s in rest]),
            _figure("insights: Ctrl+3 to first period painted", [s["open"] for s in rest]),
            _figure("insights: switch period to painted", [x for s in rest for x in s["switches"]]),
            _figure("insights: all time to painted", [s["all"] for s in rest]),
            _figure("insights: longest UI stall, Ctrl+3", [s["open_stall"] for s in rest]),
            _figure("insights: longest UI stall, switching", [s["switch_stall"] for s in rest]),
            _figure("insights: UI stall per switch", [x for s in rest for x in s["switch_stalls"]]),
            _figure("insights: UI stall, all time", [s["all_stall"] for s in rest]),
            _figure("insights: first Ctrl+3 of the process", [first["open"]]),
            _figure("insights: longest UI stall, first Ctrl+3", [first["open_stall"]]),
            _figure("insights: first session, switch period", first["switches"]),
            _figure("insights: first session, all time", [first["all"]]),
            _figure("insights: first session, longest stall made ahead", [first["prepare_stall"]]),
            _figure("insights: Ctrl+3 at once after unlock", [at_once["open"]]),
            _figure("insights: longest UI stall, Ctrl+3 at once", [at_once["open_stall"]]),
        ],
        "rss_mb": {
            "prepare": [round(s["rss_prepare"], 1) for s in rest],
            "first_open": round(first["rss_open"], 1),
            "first_after_switches": round(first["rss_after"], 1),
            "open": [round(s["rss_open"], 1) for s in rest],
            "after_switches": [round(s["rss_after"], 1) for s in rest],
        },
    }


def cli_figures(directory: Path, passphrase: str, *, runs: int = RUNS) -> list[dict[str, Any]]:
    """`trustjournal insights --json` (all time) in a subprocess, beside Argon2id alone."""
    walls: list[float] = []
    kdfs: list[float] = []
    with scratch_copy(directory, "tj-insights-cli-bench-") as copy:
        command = [sys.executable, "-m", "trustjournal", "insights", "--json"]
        command += ["--vault", str(copy), "--passphrase-stdin"]
        source = str(Path(trustjournal.__file__).resolve().parents[1])  # the code measured here
        env = {**os.environ, "PYTHONPATH": source}
        for _ in range(runs + 1):  # the first warms the file cache
            kdf = _argon2id(copy, passphrase)
            start = time.perf_counter()
            subprocess.run(
                command,
                input=passphrase + "\n",
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            walls.append(time.perf_counter() - start)
            kdfs.append(kdf)
    walls, kdfs = walls[1:], kdfs[1:]
    return [
        _figure("insights --json, all time (process wall)", walls),
        _figure("Argon2id alone (the vault's own slot)", kdfs),
        _figure(
            "insights --json beyond Argon2id", [w - k for w, k in zip(walls, kdfs, strict=True)]
        ),
    ]


def main() -> None:
    """Print the figures for one cached vault (`--json`: one JSON object)."""
    own = {"--cpu-clock", "--page-only"}  # this figure's own options, beside the shared ones
    chosen = own & set(sys.argv[1:])
    args = figure_args([a for a in sys.argv[1:] if a not in own], runs=RUNS)
    report = page_figures(
        args.directory, args.passphrase, runs=args.runs, cpu_clock="--cpu-clock" in chosen
    )
    report["cli"] = (
        []
        if "--page-only" in chosen
        else cli_figures(args.directory, args.passphrase, runs=args.runs)
    )
    if args.as_json:
        print(json.dumps(report))
        return
    from benchmarks.insights_page_report import print_insights_page

    print_insights_page(report)


if __name__ == "__main__":
    main()
