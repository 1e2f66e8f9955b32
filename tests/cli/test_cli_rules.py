"""Issue 15 #12: the command line holds to the app's own rules — passphrase strength, no dates
ahead, own emotion words named — and `list` shows a trigger's category."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import PASSPHRASE, Run, run_cli
from trustjournal.cli.entry_args import kind_width
from trustjournal.core.strength import estimate
from trustjournal.store.vault import Vault


@pytest.mark.parametrize("weak", ["password", "trustjournal1", "aaaaaaaaaaaa"])
def test_init_refuses_a_passphrase_the_app_refuses(tmp_path: Path, weak: str) -> None:
    assert not estimate(weak).accepted  # the very rule the app's passphrase form applies
    target = tmp_path / "fresh"
    result = run_cli("init", "--vault", str(target), "--passphrase-stdin", stdin=f"{weak}\n")
    assert result.code == 2
    assert "That passphrase was not accepted." in result.err
    assert not target.exists()


def test_passwd_refuses_a_weak_new_passphrase_and_keeps_the_old(cli: Run, vault_dir: Path) -> None:
    result = cli("passwd", stdin=f"{PASSPHRASE}\npassword\n")
    assert result.code == 2
    assert "not accepted" in result.err
    Vault.unlock(vault_dir, PASSPHRASE).lock()


@pytest.mark.parametrize("when", ["2026-03-16", "2030-01-01", "2099-12-31T10:00"])
def test_add_refuses_a_date_more_than_a_day_ahead(cli: Run, when: str) -> None:
    result = cli("add", "mood", "--mood", "5", "--at", when)  # the clock says 2026-03-14 18:30Z
    assert result.code == 2
    assert "more than a day ahead" in result.err
    assert cli("list").out.strip() == "No entries match."


def test_add_accepts_up_to_a_day_ahead_for_time_zones(cli: Run) -> None:
    assert cli("add", "mood", "--mood", "5", "--at", "2026-03-15T12:00+00:00").code == 0


def test_unknown_emotion_words_are_kept_and_named(cli: Run) -> None:
    result = cli("add", "mood", "--mood", "4", "--emotions", "anx, Hopeful, wistfull")
    assert result.code == 0, result.err
    assert "Kept as your own words: anx, wistfull." in result.out
    assert result.out.rstrip().endswith("Saved as entry 1.")
    [entry] = json.loads(cli("list", "--json").out)
    assert entry["emotions"] == ["anx", "Hopeful", "wistfull"]


def test_known_emotion_words_are_not_mentioned(cli: Run) -> None:
    result = cli("add", "mood", "--mood", "6", "--emotions", "calm")
    assert "own words" not in result.out


def test_list_shows_a_triggers_category(cli: Run) -> None:
    argv = ("add", "trigger", "--situation", "A late message", "--intensity", "6")
    assert cli(*argv, "--category", "Jealousy").code == 0
    assert cli("add", "trigger", "--situation", "No category", "--intensity", "3").code == 0
    lines = cli("list").out.splitlines()
    # The kind column is as wide as the longest kind's word, so every list lines up.
    gap = " " * (kind_width() - len("Trigger") + 2)
    assert lines[0].endswith(f"Trigger{gap}3 of 10 · No category")
    assert lines[1].endswith(f"Trigger{gap}[Jealousy] 6 of 10 · A late message")
