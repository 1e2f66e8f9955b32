"""`LANGUAGE=de trustjournal …` answers in German, with real plurals and German dates."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import PASSPHRASE

SRC = Path(__file__).resolve().parents[2] / "src"


def german(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run the installed command line in a fresh process that asks the system for German."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env.update(LANGUAGE="de", LANG="C.UTF-8", TZ="UTC", PYTHONPATH=str(SRC))
    return subprocess.run(
        [sys.executable, "-m", "trustjournal", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )


RunDe = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_de(vault_dir: Path) -> RunDe:
    """Run a German command against `vault_dir`, passing the passphrase on stdin."""

    def run(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        given = PASSPHRASE + "\n" if stdin is None else stdin
        return german(*argv, "--vault", str(vault_dir), "--passphrase-stdin", stdin=given)

    return run


def test_help_and_subcommand_help_are_german() -> None:
    top = german("--help")
    assert top.returncode == 0, top.stderr
    assert "Aufruf: trustjournal" in top.stdout
    assert "Ein privates, verschlüsseltes Tagebuch. Ohne Befehl startet die App." in top.stdout
    assert "einen neuen Eintrag schreiben" in top.stdout
    assert "diese Hilfe zeigen und beenden" in top.stdout
    assert "Exit-Codes: 0 erledigt" in " ".join(top.stdout.split())
    assert "write a new entry" not in top.stdout

    sub = german("add", "mood", "--help")
    assert sub.returncode == 0, sub.stderr
    assert "1 (sehr schwer) bis 10" in sub.stdout
    assert "Optionen:" in sub.stdout


def test_add_list_purge_and_an_error_speak_german_with_plurals(run_de: RunDe) -> None:
    when = "2026-03-10T09:15"
    first = run_de("add", "mood", "--mood", "7", "--note", "Spaziergang", "--at", when)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "Als Eintrag 1 gespeichert."
    for _ in range(2):
        assert run_de("add", "mood", "--mood", "4").returncode == 0

    listed = run_de("list", "--kind", "mood")
    assert listed.returncode == 0, listed.stderr
    line = next(ln for ln in listed.stdout.splitlines() if ln.strip().startswith("1 "))
    assert "10.03.2026 09:15" in line  # day.month.year, the German order
    assert "Stimmung" in line
    assert "Stimmung 7 von 10, gut — Spaziergang" in line

    shown = run_de("show", "1")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0] == "Stimmung, Eintrag 1 · 10.03.2026 09:15 (UTC+00:00)"
    assert "Notiz: Spaziergang" in shown.stdout

    assert run_de("delete", "1").returncode == 0
    one = run_de("purge")
    assert one.returncode == 0, one.stderr
    assert "1 Eintrag endgültig aus dem Papierkorb entfernt." in one.stdout

    assert run_de("delete", "2").returncode == 0
    assert run_de("delete", "3").returncode == 0
    two = run_de("purge")
    assert two.returncode == 0, two.stderr
    assert "2 Einträge endgültig aus dem Papierkorb entfernt." in two.stdout

    missing = run_de("show", "99")
    assert missing.returncode == 7
    assert missing.stderr.strip() == "trustjournal: Es gibt keinen Eintrag mit dieser Nummer."

    bad = run_de("add", "mood", "--mood", "11")
    assert bad.returncode == 2
    assert "erwartet eine ganze Zahl 1–10" in bad.stderr
    assert "(siehe --help)" in bad.stderr
