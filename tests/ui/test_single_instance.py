"""One TrustJournal per vault (S11): the second is refused and raises the first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from trustjournal.ui.single_instance import LOCK_NAME, SingleInstance, server_name


def test_second_instance_is_refused_and_raises_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(vault_dir=tmp_path)
    assert first.acquire()
    first.listen()
    second = SingleInstance(vault_dir=tmp_path)
    try:
        assert not second.acquire()
        with qtbot.waitSignal(first.activation_requested, timeout=5_000):
            assert second.ask_running_instance_to_raise()
    finally:
        first.release()
    assert not (tmp_path / LOCK_NAME).exists()


def test_second_process_on_the_same_vault_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(vault_dir=tmp_path)
    assert first.acquire()
    first.listen()
    probe = (
        "import sys; from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from trustjournal.ui.single_instance import SingleInstance\n"
        f"s = SingleInstance(vault_dir=Path({str(tmp_path)!r}))\n"
        "print(s.acquire(), s.ask_running_instance_to_raise())\n"
    )
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=30_000):
            process = subprocess.Popen(
                [sys.executable, "-c", probe], stdout=subprocess.PIPE, text=True
            )
        out, _ = process.communicate(timeout=60)
    finally:
        first.release()
    assert out.split() == ["False", "True"]


def test_lock_left_by_a_crashed_process_is_taken_over(qtbot: QtBot, tmp_path: Path) -> None:
    crash = (
        "import os\n"
        "from PySide6.QtCore import QLockFile\n"
        f"lock = QLockFile({str(tmp_path / LOCK_NAME)!r})\n"
        "assert lock.tryLock(0)\n"
        "os._exit(9)  # dies holding the lock, as after kill -9\n"
    )
    subprocess.run([sys.executable, "-c", crash], check=False, timeout=60)
    assert (tmp_path / LOCK_NAME).exists()
    instance = SingleInstance(vault_dir=tmp_path)
    try:
        assert instance.acquire()
        assert instance.held
    finally:
        instance.release()


def test_socket_name_does_not_reveal_the_vault_path(tmp_path: Path) -> None:
    vault = tmp_path / "my private journal"
    name = server_name(vault)
    assert "private" not in name
    assert os.sep not in name
    assert name == server_name(vault)
    assert name != server_name(tmp_path / "another")


def test_a_second_launch_waits_for_a_first_that_is_not_listening_yet(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The first app listens only after its window has painted; a second launch in that
    moment keeps trying and still raises it."""
    first = SingleInstance(vault_dir=tmp_path)
    assert first.acquire()
    probe = (
        "import sys; from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from trustjournal.ui.single_instance import SingleInstance\n"
        f"s = SingleInstance(vault_dir=Path({str(tmp_path)!r}))\n"
        "print(s.acquire(), flush=True)\n"
        "print(s.ask_running_instance_to_raise())\n"
    )
    try:
        process = subprocess.Popen([sys.executable, "-c", probe], stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        assert process.stdout.readline().split() == ["False"]  # it is asking from now on
        qtbot.wait(200)  # its first tries find no one listening
        with qtbot.waitSignal(first.activation_requested, timeout=30_000):
            first.listen()
        out, _ = process.communicate(timeout=60)
    finally:
        first.release()
    assert out.split() == ["True"]
