"""S4: after a whole session of the real app, no readable trace of what was written is left.

The child process (sweep_child.py) runs the app as `run` wires it, with HOME, the XDG folders
and TMPDIR pointed into tmp_path; afterwards every file there — the settings file, the vault,
anything Qt or a library may have left — is read as bytes and searched for the canaries.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SAVED = "canary-saved-4b1e what I could not say aloud"
DRAFT = "canary-draft-9c72 half a thought, never saved"
CANARIES = ("canary-saved-4b1e", "canary-draft-9c72")


def _encodings(word: str) -> list[bytes]:
    return [word.encode("utf-8"), word.encode("utf-16-le"), word.encode("utf-16-be")]


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]


@pytest.mark.slow
def test_a_whole_session_leaves_no_canary_anywhere_on_disk_or_in_the_log(tmp_path: Path) -> None:
    home = tmp_path / "home"
    places = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_RUNTIME_DIR": tmp_path / "runtime",
        "TMPDIR": tmp_path / "tmp",
    }
    for folder in places.values():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **{k: str(v) for k, v in places.items()}}
    vault = places["XDG_DATA_HOME"] / "TrustJournal"
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.sweep_child", str(vault), SAVED, DRAFT],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=Path(__file__).parents[2],
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("done")
    for canary in CANARIES:
        assert canary not in done.stdout + done.stderr

    files = _files(tmp_path)
    assert any(p.name == "journal.db" for p in files)  # the session really wrote the vault
    settings = [p for p in files if p.suffix in {".ini", ".conf"}]
    assert settings, "the settings file was not written where the sweep looks"
    # QSettings keeps only where the journal is and where the window was (S4).
    keys = {
        line.split("=", 1)[0] if "=" in line else line
        for line in settings[0].read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert keys <= {"[vault]", "path", "[window]", "geometry"}, keys
    for path in files:
        data = path.read_bytes()
        for canary in CANARIES:
            for encoded in _encodings(canary):
                assert encoded not in data, f"{canary} found in {path.relative_to(tmp_path)}"
