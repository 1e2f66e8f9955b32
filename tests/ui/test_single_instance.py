"""One TrustJournal per vault (S11): the second is refused and raises the first."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
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


# S15: a lock file never locks the owner out, whatever a crash or a hand left in its place.

TAKE_AND_DIE = (
    "import os, signal, sys\n"
    "from pathlib import Path\n"
    "from trustjournal.ui.single_instance import SingleInstance\n"
    "assert SingleInstance(vault_dir=Path(sys.argv[1])).acquire()\n"
    "os.kill(os.getpid(), signal.SIGKILL)\n"
)
WRITE_HALF_AND_DIE = (  # what a crash in the middle of writing a pid-style lock file leaves
    "import os, signal, sys\n"
    "fd = os.open(os.path.join(sys.argv[1], '.lock'), os.O_WRONLY | os.O_CREAT, 0o600)\n"
    "os.write(fd, str(os.getpid()).encode()[:2])\n"
    "os.kill(os.getpid(), signal.SIGKILL)\n"
)


def _acquires(vault_dir: Path) -> bool:
    instance = SingleInstance(vault_dir=vault_dir)
    try:
        return instance.acquire() and instance.held
    finally:
        instance.release()


@pytest.mark.parametrize("child", [TAKE_AND_DIE, WRITE_HALF_AND_DIE], ids=["held", "half-written"])
def test_a_process_killed_at_the_lock_leaves_nothing_that_blocks(
    qtbot: QtBot, tmp_path: Path, child: str
) -> None:
    died = subprocess.run([sys.executable, "-c", child, str(tmp_path)], check=False, timeout=60)
    assert died.returncode == -signal.SIGKILL
    assert (tmp_path / LOCK_NAME).exists()
    assert _acquires(tmp_path)


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
@pytest.mark.parametrize("syscall", ["openat", "flock", "write"])
def test_a_kill_at_the_lock_system_call_leaves_nothing_that_blocks(
    qtbot: QtBot, tmp_path: Path, syscall: str
) -> None:
    """The issue's own reproduction: SIGKILL injected at a system call on the lock file
    (a call the lock never makes, such as a write, simply lets the child finish)."""
    take = TAKE_AND_DIE.replace("os.kill(os.getpid(), signal.SIGKILL)\n", "")
    inject = ["strace", "-qq", "-f", "-P", str(tmp_path / LOCK_NAME)]
    inject += ["-e", f"inject={syscall}:signal=SIGKILL"]
    traced = subprocess.run(
        [*inject, sys.executable, "-c", take, str(tmp_path)],
        capture_output=True,
        check=False,
        timeout=60,
    )
    if b"ptrace" in traced.stderr:
        pytest.skip("strace may not trace processes here")
    assert _acquires(tmp_path)


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff garbled \n\n", b"1\nTrustJournal\nsomehost\n", b"99999999\n"],
    ids=["empty", "garbled", "live-pid-1", "dead-pid"],
)
def test_a_hand_made_lock_file_never_blocks(qtbot: QtBot, tmp_path: Path, content: bytes) -> None:
    (tmp_path / LOCK_NAME).write_bytes(content)
    assert _acquires(tmp_path)
    assert not (tmp_path / LOCK_NAME).exists()  # released: removed


def test_a_folder_named_like_the_lock_never_blocks_and_keeps_its_contents(
    qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / LOCK_NAME).mkdir()
    assert _acquires(tmp_path)
    (tmp_path / LOCK_NAME).mkdir()
    (tmp_path / LOCK_NAME / "kept.txt").write_text("someone's")
    assert _acquires(tmp_path)
    kept = [p / "kept.txt" for p in tmp_path.iterdir() if (p / "kept.txt").exists()]
    assert [p.read_text() for p in kept] == ["someone's"]  # moved aside, never deleted


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_lock_link_is_never_followed(qtbot: QtBot, tmp_path: Path) -> None:
    vault, elsewhere = tmp_path / "vault", tmp_path / "elsewhere.txt"
    vault.mkdir()
    elsewhere.write_text("not ours")
    (vault / LOCK_NAME).symlink_to(elsewhere)
    first = SingleInstance(vault_dir=vault)
    second = SingleInstance(vault_dir=vault)
    try:
        assert first.acquire()
        assert not second.acquire()  # it still guards the vault
    finally:
        first.release()
    assert elsewhere.read_text() == "not ours"
    assert _acquires(vault)
