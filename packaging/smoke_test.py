"""Smoke-test a built one-folder app from outside the source tree (CI runs it with the tree away).

Usage: python3 packaging/smoke_test.py BUNDLE_DIR   (the folder holding the `trustjournal` program)

Needs only the standard library, so it runs with no checkout and no virtual environment: the
frozen CLI prints its version, creates a journal, adds a check-in, lists it as JSON and exports
a PDF; then the frozen app, offscreen, paints its unlock screen over that journal and quits
cleanly on SIGTERM (as it does on Ctrl+C or logout).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "smoke test passphrase for the bundle\n"  # noqa: S105 - a throwaway journal


def _cli(program: Path, *args: str, env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(  # noqa: S603 - the program under test
        [str(program), *args],
        input=PASSPHRASE,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"trustjournal {args[0]} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def _paints_and_quits(program: Path, vault: Path, env: dict[str, str], cwd: Path) -> float:
    """Seconds to the painted unlock screen; fails unless the app then quits with status 0."""
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "TRUSTJOURNAL_REPORT_PAINT": "1"}
    started = time.monotonic()
    proc = subprocess.Popen(  # noqa: S603 - the program under test
        [str(program), "--vault", str(vault)],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    painted = None
    for line in proc.stderr:
        parts = line.split()
        if parts[:2] == ["painted", "unlock"]:
            painted = float(parts[3]) - started
            break
        sys.stderr.write(line)
    if painted is None:
        raise SystemExit(f"the app ended ({proc.wait()}) without painting its unlock screen")
    time.sleep(2)  # its SIGTERM handler is set up in the event loop's turn after the paint
    proc.send_signal(signal.SIGTERM)
    rest = proc.stderr.read()
    code = proc.wait(timeout=60)
    if code != 0 or "Traceback" in rest:
        raise SystemExit(f"the app did not quit cleanly ({code}):\n{rest}")
    return painted


def main(argv: list[str]) -> int:
    """Run every check against the bundle in argv[0]; exit status 0 when all pass."""
    program = Path(argv[0]).resolve() / "trustjournal"
    # where core/resources.py looks in a frozen app (sys._MEIPASS is the _internal folder)
    bundled = program.parent / "_internal" / "trustjournal" / "resources"
    if not (bundled / "vocabulary").is_dir() or not (bundled / "icons" / "app.svg").is_file():
        raise SystemExit(f"the bundle has no complete resources folder at {bundled}")
    with tempfile.TemporaryDirectory(prefix="tj-bundle-smoke-") as tmp:
        home = Path(tmp)
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_RUNTIME_DIR=str(home / "run"),
        )
        (home / "run").mkdir(mode=0o700)
        print(_cli(program, "--version", env=env, cwd=home).strip())
        vault = home / "journal"
        _cli(program, "init", "--vault", str(vault), "--passphrase-stdin", env=env, cwd=home)
        _cli(
            program,
            "add",
            "mood",
            "--mood",
            "7",
            "--emotions",
            "calm",
            "--vault",
            str(vault),
            "--passphrase-stdin",
            env=env,
            cwd=home,
        )
        listed = json.loads(
            _cli(
                program,
                "list",
                "--json",
                "--vault",
                str(vault),
                "--passphrase-stdin",
                env=env,
                cwd=home,
            )
        )
        if [entry.get("mood") for entry in listed] != [7]:
            raise SystemExit(f"list --json did not return the check-in: {listed}")
        pdf = home / "summary.pdf"
        _cli(
            program,
            "export",
            "--out",
            str(pdf),
            "--audience",
            "self",
            "--vault",
            str(vault),
            "--passphrase-stdin",
            env=env,
            cwd=home,
        )
        if not pdf.read_bytes().startswith(b"%PDF-"):
            raise SystemExit("export did not write a PDF")
        print(f"CLI round trip ok: init, add, list --json, export ({pdf.stat().st_size} bytes)")
        seconds = _paints_and_quits(program, vault, env, home)
        print(f"app painted its unlock screen in {seconds:.2f} s and quit cleanly")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
