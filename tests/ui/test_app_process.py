"""The real app in a process: `trustjournal --demo` paints, quits on SIGTERM, leaves nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.ui.shell_helpers import fixed_clock
from trustjournal.demo_journal import demo_folder, make_demo
from trustjournal.services.demo import DEMO_PASSPHRASE
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault


def test_demo_folder_is_private_and_removed_afterwards() -> None:
    with demo_folder() as directory:
        root = directory.parent
        assert oct(root.stat().st_mode & 0o777) == oct(0o700)
        directory.mkdir()
        (directory / "x").write_text("y", encoding="utf-8")
    assert not root.exists()


def test_demo_journal_has_two_years_of_entries_and_opens_with_demo(tmp_path: Path) -> None:
    directory = tmp_path / "journal"
    count = make_demo(directory, fixed_clock)()
    assert count > 365
    vault = Vault.unlock(directory, DEMO_PASSPHRASE)
    try:  # made at 09:30, it holds nothing later that day (nothing "logged today" at 22:34)
        latest = EntryRepository(db=vault.db, clock=fixed_clock).list(limit=1)[0]
        assert latest.occurred_at <= fixed_clock()
    finally:
        vault.lock()


def test_demo_app_paints_the_unlock_screen_and_cleans_up_on_sigterm(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TRUSTJOURNAL_REPORT_PAINT": "1",
        "TMPDIR": str(temp),
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    with subprocess.Popen(
        [sys.executable, "-m", "trustjournal", "--demo"],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    ) as process:
        try:
            assert process.stderr is not None
            line = process.stderr.readline()
            while line and not line.startswith("painted "):  # the offscreen platform's notes
                line = process.stderr.readline()
            assert line.startswith("painted unlock "), line
            assert float(line.split()[2]) > 0
            demo_roots = [p for p in temp.iterdir() if p.name.startswith("trustjournal-demo-")]
            assert len(demo_roots) == 1
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=60) == 0
        finally:
            if process.poll() is None:
                process.kill()
    assert list(temp.iterdir()) == []
    assert not (tmp_path / "data" / "TrustJournal").exists()  # nothing in the real data folder


UNLOCK_SCREEN_PROBE = """
import sys
import time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from trustjournal.app import build_shell
from trustjournal.ui.tasks import SynchronousTasks
vault = Path(sys.argv[1])
shell = build_shell(app=app, vault_dir=vault, tasks=SynchronousTasks(),
                    qsettings=QSettings(str(vault.parent / "q.ini"), QSettings.Format.IniFormat))
shell.window.show()
shell.controller.start()
for _ in range(10):
    app.processEvents()
heavy = ("zxcvbn", "sqlcipher3", "cryptography", "pypdf", "platformdirs",
         "PySide6.QtCharts", "PySide6.QtPrintSupport", "trustjournal.store",
         "trustjournal.services", "trustjournal.ui.main_frame", "trustjournal.ui.menus")
print(" ".join(m for m in sys.modules if m.startswith(heavy)))
"""


def test_the_unlock_screen_paints_before_any_store_crypto_or_heavy_module_loads(
    tmp_path: Path,
) -> None:
    from tests.ui.shell_helpers import make_vault

    make_vault(tmp_path / "journal")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", UNLOCK_SCREEN_PROBE, str(tmp_path / "journal")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.split() == []


# Modules the unlock screen does not need: none may load before it paints. The tray and the
# answer to a second launch come after the paint (QtNetwork, the tray module).
NOT_BEFORE_THE_UNLOCK_PAINT = (
    "zxcvbn",
    "sqlcipher3",
    "cryptography",
    "pypdf",
    "platformdirs",
    "hashlib",
    "json",
    "datetime",
    "signal",
    "dataclasses",  # about 1 ms with two classes built: the shell's and the theme's are plain
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "PySide6.QtNetwork",
    "trustjournal.store",
    "trustjournal.services",
    "trustjournal.ui.main_frame",
    "trustjournal.ui.menus",
    "trustjournal.ui.controller",
    "trustjournal.ui.unlock_flow",
    "trustjournal.ui.journal_session",
    "trustjournal.ui.window_frame",
    "trustjournal.ui.screen_switch",
    "trustjournal.ui.lock",
    "trustjournal.ui.clipboard",
    "trustjournal.ui.tasks",
    "trustjournal.ui.pages.registry",
    "trustjournal.ui.preferences",
    "trustjournal.ui.tray",
    "trustjournal.ui.control_style",
    "ctypes",
    "trustjournal.core.process",
    "trustjournal.demo_journal",
    "trustjournal.ui.session",
    "trustjournal.ui.screens.welcome",
    "trustjournal.ui.pages.today_page",
    "trustjournal.ui.pages.journal_page",
    "trustjournal.ui.pages.share_page",
    "trustjournal.ui.pages.settings_page",
    "trustjournal.ui.journal",
    "trustjournal.ui.today",
    "trustjournal.ui.share",
    "trustjournal.ui.editors",
    "trustjournal.ui.dialogs",
    "trustjournal.ui.pdf",
)


def _app_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TRUSTJOURNAL_REPORT_PAINT": "1",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }


def _imported(line: str) -> str | None:
    """The module named by a `python -X importtime` line, else None."""
    if not line.startswith("import time:"):
        return None
    name = line.rsplit("|", maxsplit=1)[-1].strip()
    return None if name == "imported package" else name


def _loaded_by_pyside(env: dict[str, str]) -> set[str]:
    """The modules importing PySide6's widgets loads by itself (on Python 3.12 its signature
    support loads datetime, for one): what any Qt window pays, not our start-up's doing."""
    code = "import sys; from PySide6 import QtCore, QtGui, QtWidgets; print(*sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def _core_limit_once_set(pid: int) -> list[str]:
    """The soft and hard core-size limits of process `pid`, waiting a while for them to be 0."""
    limits = Path(f"/proc/{pid}/limits")
    found: list[str] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = next(x for x in limits.read_text().splitlines() if x.startswith("Max core"))
        found = line.split()[4:6]
        if found == ["0", "0"]:
            break
        time.sleep(0.05)
    return found


def test_the_real_start_defers_what_the_unlock_screen_does_not_need(tmp_path: Path) -> None:
    """`trustjournal --vault DIR` as a person starts it: what loads before the unlock screen
    paints, what loads after, and a second launch still raising the first."""
    from tests.ui.shell_helpers import make_vault

    vault = tmp_path / "journal"
    make_vault(vault)
    env = _app_env(tmp_path)
    command = [sys.executable, "-X", "importtime", "-m", "trustjournal", "--vault", str(vault)]
    before: list[str] = []
    after: list[str] = []
    with subprocess.Popen(
        command, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    ) as first:
        try:
            assert first.stderr is not None
            for line in first.stderr:
                if line.startswith("painted unlock "):
                    break
                if (name := _imported(line)) is not None:
                    before.append(name)
            else:
                raise AssertionError("the app ended without painting the unlock screen")
            core_limit = _core_limit_once_set(first.pid)
            second = subprocess.run(
                [sys.executable, "-m", "trustjournal", "--vault", str(vault)],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            first.send_signal(signal.SIGTERM)
            after = [n for line in first.stderr if (n := _imported(line)) is not None]
            assert first.wait(timeout=60) == 0
        finally:
            if first.poll() is None:
                first.kill()
    assert "trustjournal.ui.screens.unlock" in before
    pyside_own = _loaded_by_pyside(env)
    ours = [m for m in before if m not in pyside_own]
    too_early = [
        m for m in ours for p in NOT_BEFORE_THE_UNLOCK_PAINT if m == p or m.startswith(p + ".")
    ]
    assert too_early == []
    assert second.returncode == 0
    assert "its window was brought to the front" in second.stderr
    assert "PySide6.QtNetwork" in after  # it answered the second launch, after painting
    assert "trustjournal.ui.tray" in after
    assert "trustjournal.ui.controller" in after  # the shell, built after the paint
    assert "trustjournal.ui.control_style" in after  # check box edges, after the first screen
    assert core_limit == ["0", "0"]  # no core dump can hold the journal (S4)
