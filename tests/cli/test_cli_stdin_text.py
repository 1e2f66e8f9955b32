"""S20: every text option takes `-` to read the text from standard input, after the passphrase."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import PASSPHRASE, Run, run_cli

CANARY = "zqxvstdincanary"


def _only_entry(cli: Run) -> dict[str, object]:
    listed = cli("list", "--json")
    assert listed.code == 0, listed.err
    [entry] = json.loads(listed.out)
    return dict(entry)


def test_add_mood_reads_the_note_after_the_passphrase_line(cli: Run) -> None:
    text = f"A long evening.\nThe {CANARY} came back; we talked it through.\n"
    added = cli("add", "mood", "--mood", "4", "--note", "-", stdin=f"{PASSPHRASE}\n{text}")
    assert added.code == 0, added.err
    assert _only_entry(cli)["note"] == text.rstrip("\n")  # one final line break is dropped


def test_each_text_option_of_a_trigger_can_come_from_standard_input(cli: Run) -> None:
    for option in ("situation", "thoughts", "body", "urge", "response", "need", "category"):
        argv = ["add", "trigger", "--intensity", "6", "--situation", "a cue", f"--{option}", "-"]
        added = cli(*argv, stdin=f"{PASSPHRASE}\n{CANARY} {option}")
        assert added.code == 0, (option, added.err)
    listed = json.loads(cli("list", "--json").out)
    for entry, option in zip(
        reversed(listed),
        ("situation", "thoughts", "body", "urge", "response", "need", "category"),
        strict=True,
    ):
        assert entry[option] == f"{CANARY} {option}"


def test_gratitude_text_and_list_search_from_standard_input(cli: Run) -> None:
    assert cli("add", "gratitude", "--text", "-", stdin=f"{PASSPHRASE}\n{CANARY} tea").code == 0
    assert cli("add", "gratitude", "--text", "a walk").code == 0
    found = cli("list", "--search", "-", stdin=f"{PASSPHRASE}\n{CANARY}\n")
    assert found.code == 0, found.err
    assert CANARY in found.out and "a walk" not in found.out


def test_export_note_from_standard_input(cli: Run, tmp_path: Path) -> None:
    assert cli("add", "mood", "--mood", "5", "--at", "2026-03-13").code == 0
    out = tmp_path / "s.md"
    exported = cli(
        "export", "--out", str(out), "--note", "-", stdin=f"{PASSPHRASE}\nhello {CANARY}"
    )
    assert exported.code == 0, exported.err
    assert f"hello {CANARY}" in out.read_text()


def test_two_options_from_standard_input_is_a_usage_error(cli: Run) -> None:
    result = cli("add", "mood", "--mood", "4", "--note", "-", "--tags", "-")
    assert result.code == 2
    assert "--note and --tags" in result.err
    assert cli("list").out.strip() == "No entries match."


def test_the_running_process_list_never_shows_the_text(vault_dir: Path) -> None:
    """While `add` waits for its text, its command line (what `ps` shows) holds none of it."""
    argv = [sys.executable, "-m", "trustjournal.cli", "add", "mood", "--mood", "3", "--note", "-"]
    argv += ["--vault", str(vault_dir), "--passphrase-stdin"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as child:
        assert child.stdin is not None
        child.stdin.write(f"{PASSPHRASE}\nthe {CANARY} evening".encode())
        child.stdin.flush()
        # Standard input is still open, so the process is alive and waiting: look at its argv
        # (empty only for the instant the kernel is still setting up the new program).
        cmdline = b""
        while not cmdline and child.poll() is None:
            cmdline = Path(f"/proc/{child.pid}/cmdline").read_bytes()
        out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err.decode()
    assert b"--note\x00-\x00" in cmdline
    assert CANARY.encode() not in cmdline
    assert CANARY.encode() not in out + err
    listed = run_cli(
        "list", "--json", "--vault", str(vault_dir), "--passphrase-stdin", stdin=PASSPHRASE + "\n"
    )
    assert json.loads(listed.out)[0]["note"] == f"the {CANARY} evening"
