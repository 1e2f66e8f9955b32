"""The command line's entry commands: add, list, show, delete, undelete, purge."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run
from trustjournal.core.entries import EntryKind, field_names

MOOD = ("add", "mood", "--mood", "7", "--connection", "6", "--trust", "5")


def _added_id(result_out: str) -> int:
    return int(result_out.strip().rstrip(".").split()[-1])


def test_add_mood_then_list_json_carries_every_field(cli: Run) -> None:
    added = cli(
        *MOOD,
        "--emotions",
        "calm, hopeful",
        "--note",
        "A quiet evening",
        "--tags",
        "home",
        "--at",
        "2026-03-10T21:15+01:00",
    )
    assert added.code == 0, added.err
    listed = cli("list", "--json")
    assert listed.code == 0
    [entry] = json.loads(listed.out)
    assert entry["id"] == _added_id(added.out)
    assert entry["kind"] == "mood"
    assert (entry["mood"], entry["connection"], entry["trust"]) == (7, 6, 5)
    assert entry["emotions"] == ["calm", "hopeful"]
    assert entry["note"] == "A quiet evening"
    assert entry["tags"] == ["home"]
    assert entry["private"] is False
    assert entry["occurred_at"] == "2026-03-10T21:15:00+01:00"
    assert entry["created_at"] and entry["updated_at"]


def test_add_gratitude_and_trigger_carry_every_field(cli: Run) -> None:
    assert (
        cli(
            "add",
            "gratitude",
            "--text",
            "Made me tea",
            "--about",
            "partner",
            "--expressed",
            "--private",
        ).code
        == 0
    )
    assert (
        cli(
            "add",
            "trigger",
            "--situation",
            "Phone face down",
            "--intensity",
            "8",
            "--category",
            "Secrecy and phones",
            "--emotions",
            "hurt",
            "--thoughts",
            "T",
            "--body",
            "B",
            "--urge",
            "U",
            "--response",
            "R",
            "--coping",
            "walk,breathe",
            "--after",
            "4",
            "--need",
            "N",
            "--for-session",
        ).code
        == 0
    )
    trigger, gratitude = json.loads(cli("list", "--json").out)
    assert gratitude["kind"] == "gratitude"
    assert gratitude["about"] == "partner"
    assert gratitude["expressed"] is True
    assert gratitude["expressed_on"] == "2026-03-14"
    assert gratitude["private"] is True
    assert trigger["kind"] == "trigger"
    expected = {
        "situation": "Phone face down",
        "intensity": 8,
        "category": "Secrecy and phones",
        "emotions": ["hurt"],
        "thoughts": "T",
        "body": "B",
        "urge": "U",
        "response": "R",
        "coping": ["walk", "breathe"],
        "intensity_after": 4,
        "need": "N",
        "for_session": True,
        "unfinished": False,
    }
    assert {k: trigger[k] for k in expected} == expected


def test_list_filters_combine(cli: Run) -> None:
    cli(*MOOD, "--note", "lighthouse walk", "--tags", "weekend", "--at", "2026-03-01")
    cli(*MOOD, "--note", "lighthouse again", "--at", "2026-03-12")
    cli("add", "gratitude", "--text", "lighthouse picnic", "--at", "2026-03-12")
    ids = lambda *args: [e["id"] for e in json.loads(cli("list", "--json", *args).out)]  # noqa: E731
    assert len(ids()) == 3
    assert len(ids("--kind", "mood")) == 2
    assert len(ids("--search", "lighthouse", "--from", "2026-03-10")) == 2
    assert len(ids("--search", "lighthouse", "--kind", "mood", "--from", "2026-03-10")) == 1
    assert len(ids("--tag", "weekend")) == 1
    assert len(ids("--to", "2026-03-05")) == 1
    assert len(ids("--search", "pic*")) == 1
    assert len(ids("--limit", "1")) == 1


def test_list_human_output_is_newest_first_and_summarised(cli: Run) -> None:
    cli(*MOOD, "--emotions", "calm", "--at", "2026-03-01T08:00")
    cli("add", "gratitude", "--text", "Second line\nhidden", "--at", "2026-03-02T08:00")
    lines = cli("list").out.splitlines()
    assert "Gratitude" in lines[0] and "Second line" in lines[0] and "hidden" not in lines[0]
    assert "Mood 7 of 10, good · calm" in lines[1]


def test_list_of_an_empty_journal_says_so(cli: Run) -> None:
    assert cli("list").out.strip() == "No entries match."
    assert json.loads(cli("list", "--json").out) == []


def test_show_prints_every_filled_field(cli: Run) -> None:
    entry_id = _added_id(cli(*MOOD, "--note", "line one\nline two").out)
    shown = cli("show", str(entry_id))
    assert shown.code == 0
    assert f"Mood entry {entry_id}" in shown.out
    assert "connection: 6" in shown.out
    assert "    line two" in shown.out
    as_json = json.loads(cli("show", str(entry_id), "--json").out)
    assert as_json["note"] == "line one\nline two"


def test_show_of_a_missing_entry_exits_7(cli: Run) -> None:
    result = cli("show", "999")
    assert result.code == 7
    assert result.err.strip() == "trustjournal: There is no entry with that number."


def test_delete_undelete_and_purge(cli: Run) -> None:
    keep = _added_id(cli(*MOOD).out)
    gone = _added_id(cli(*MOOD, "--note", "to be removed").out)
    assert cli("delete", str(gone)).code == 0
    assert [e["id"] for e in json.loads(cli("list", "--json").out)] == [keep]
    assert cli("undelete", str(gone)).code == 0
    assert len(json.loads(cli("list", "--json").out)) == 2
    cli("delete", str(gone))
    purged = cli("purge")
    assert purged.code == 0 and "Removed 1 entry" in purged.out
    assert cli("show", str(gone)).code == 7
    assert cli("undelete", str(gone)).code == 7


def test_terminal_control_characters_in_entries_are_shown_not_obeyed(cli: Run) -> None:
    hostile = "\x1b[2J\x1b]0;title\x07 \u202eevil <img src=file:///etc/passwd>"
    entry_id = _added_id(cli(*MOOD, "--note", hostile).out)
    for out in (cli("list").out, cli("show", str(entry_id)).out):
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
        assert "\\x1b[2J" in out and "\\u202e" in out
        assert "<img src=file:///etc/passwd>" in out
    assert json.loads(cli("show", str(entry_id), "--json").out)["note"] == hostile


def test_private_entries_are_listed_for_their_owner(cli: Run) -> None:
    cli(*MOOD, "--private")
    [entry] = json.loads(cli("list", "--json").out)
    assert entry["private"] is True


def test_adding_many_entries_keeps_them_all(cli: Run, vault_dir: Path) -> None:
    for i in range(5):
        assert cli(*MOOD, "--note", f"entry {i}").code == 0
    notes = [e["note"] for e in json.loads(cli("list", "--json").out)]
    assert sorted(notes) == [f"entry {i}" for i in range(5)]


def test_list_gratitude_json_carries_every_field(cli: Run) -> None:
    prompt = "Something my partner did without being asked."
    args = ("add", "gratitude", "--text", "Took the bins out", "--about", "us", "--expressed")
    assert cli(*args, "--prompt", prompt, "--tags", "home", "--at", "2026-03-12T08:15").code == 0
    cli("add", "gratitude", "--text", "Sunlight", "--private")
    cli(*MOOD, "--note", "not gratitude")
    told, sunlight = json.loads(cli("list", "--kind", "gratitude", "--json").out)[::-1]
    assert set(told) == set(field_names(EntryKind.GRATITUDE)) | {"kind"}
    expected = {
        "kind": "gratitude",
        "text": "Took the bins out",
        "about": "us",
        "expressed": True,
        "expressed_on": "2026-03-14",
        "prompt": prompt,
        "tags": ["home"],
        "private": False,
    }
    assert {k: told[k] for k in expected} == expected
    assert told["occurred_at"].startswith("2026-03-12T08:15")
    assert isinstance(told["id"], int) and told["created_at"] and told["updated_at"]
    assert sunlight["about"] is None and sunlight["prompt"] is None
    assert sunlight["expressed"] is False and sunlight["expressed_on"] is None
    assert sunlight["private"] is True
