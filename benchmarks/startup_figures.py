"""Start-up figures: a fresh app process painting its unlock screen, beside a bare Qt window.

Both are fresh processes timed from the moment just before the benchmark starts them to their
first paint, so interpreter start-up and imports count in both. Each reports the paint with the
system's monotonic clock (`time.monotonic()`, the same clock in every process), which the
benchmark read just before starting it; the kernel's own record of a process start counts in
10 ms clock ticks, too coarse beside a 100 ms start.

Both may keep compiled bytecode in a private folder of the run (the warm-up runs fill it), as an
installed app has its `.pyc` files: with PYTHONDONTWRITEBYTECODE set, as in some development
shells, every app process would compile TrustJournal's sources again (about 20 ms), which
no installed copy ever does and the bare window, having no sources, never pays.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.timing import Stats, stats
from benchmarks.vaults import scratch_copy

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("TrustJournal"))
window.resize(1000, 720)

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() in (QEvent.Type.Expose, QEvent.Type.UpdateRequest):
            QTimer.singleShot(0, lambda: (print(f"painted bare 0 {time.monotonic()}",
                                                file=sys.stderr, flush=True), app.quit()))
            obj.removeEventFilter(self)
        return False

window.show()
watch = Watch()
window.windowHandle().installEventFilter(watch)
app.exec()
"""


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRUSTJOURNAL_REPORT_PAINT": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "bytecode")
    env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env


def _first_paint(command: list[str], env: dict[str, str], screen: str) -> float:
    """Seconds from just before the process is started to its reported first paint of `screen`."""
    started = time.monotonic()
    proc = subprocess.Popen(
        command, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    assert proc.stderr is not None
    try:
        for line in proc.stderr:
            parts = line.split()
            if len(parts) == 4 and parts[0] == "painted" and parts[1] == screen:
                return float(parts[3]) - started
        raise RuntimeError(f"the process ended without painting {screen}")
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        proc.stderr.close()


def startup_figures(vault_dir: Path, runs: int) -> tuple[Stats, Stats]:
    """(app cold start to a painted unlock screen, bare QApplication + QMainWindow painted)."""
    app_samples: list[float] = []
    bare_samples: list[float] = []
    with scratch_copy(vault_dir) as vault:
        home = vault.parent
        env = _env(home)
        app = [sys.executable, "-m", "trustjournal", "--vault", str(vault)]
        bare = [sys.executable, "-c", BARE_WINDOW]
        _first_paint(app, env, "unlock")  # warm the file cache once for both
        _first_paint(bare, env, "bare")
        for _ in range(runs):  # alternate, so load changes hit both alike
            app_samples.append(_first_paint(app, env, "unlock"))
            bare_samples.append(_first_paint(bare, env, "bare"))
    return stats(app_samples), stats(bare_samples)
