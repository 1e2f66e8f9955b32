"""The real app in a process: `trustjournal --demo` paints, quits on SIGTERM, leaves nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.ui.shell_helpers import fixed_clock
from trustjournal.app import _make_demo, demo_folder
from trustjournal.services.demo import DEMO_PASSPHRASE
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
    count = _make_demo(directory, fixed_clock)()
    assert count > 365
    vault = Vault.unlock(directory, DEMO_PASSPHRASE)
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
