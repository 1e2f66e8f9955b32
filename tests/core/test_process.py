"""A crash of TrustJournal writes no core dump, so no decrypted page ever lands on disk (S4)."""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest


def _child(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_a_fresh_process_could_dump_core_before() -> None:
    # The check itself must be able to fail: a plain child with a core limit is dumpable.
    out = _child(
        """
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        from trustjournal.core.process import core_dumps_forbidden
        print(core_dumps_forbidden())
        """
    )
    assert out == "False"


def test_forbid_core_dumps_sets_the_limit_and_the_dumpable_flag() -> None:
    out = _child(
        """
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        from trustjournal.core.process import core_dumps_forbidden, forbid_core_dumps
        print(forbid_core_dumps(), core_dumps_forbidden(), resource.getrlimit(resource.RLIMIT_CORE))
        """
    )
    assert out == "True True (0, 0)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/PID/limits is Linux's")
def test_the_command_line_allows_no_core_dump_while_it_runs(tmp_path: Path) -> None:
    # The real entry point, waiting at its passphrase prompt; the kernel's view of it from outside.
    vault = str(tmp_path / "journal")
    child = subprocess.Popen(
        [sys.executable, "-m", "trustjournal", "init", "--passphrase-stdin", "--vault", vault],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_allow_core_dumps,  # noqa: PLW1509 - only sets a limit before exec
    )
    try:
        limits = Path(f"/proc/{child.pid}/limits")
        deadline = time.monotonic() + 30
        line = ""
        while time.monotonic() < deadline and child.poll() is None:
            line = next(x for x in limits.read_text().splitlines() if x.startswith("Max core"))
            if line.split()[4:6] == ["0", "0"]:
                break
            time.sleep(0.05)
        assert line.split()[4:6] == ["0", "0"], line
    finally:
        child.kill()
        child.communicate()


def _allow_core_dumps() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
