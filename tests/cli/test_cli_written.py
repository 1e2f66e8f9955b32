"""`add reflection|statement|quality-time`, `list --kind … --json` and `list --search` for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import NOW, PASSPHRASE, Run

ENVELOPE = {"kind", "occurred_at", "id", "tags", "private", "created_at", "updated_at"}


def _listed(cli: Run, kind: str) -> list[dict[str, object]]:
    result = cli("list", "--kind", kind, "--json")
    assert result.code == 0, result.err
    return list(json.loads(result.out))


def test_add_reflection_and_list_it_with_every_field_named_as_the_options(cli: Run) -> None:
    body = "# Sunday\n\n**We talked.** It was *hard*.\n\n- a walk\n- tea"
    added = cli(
        *("add", "reflection", "--title", "Sunday", "--prompt", "What surprised me?"),
        *("--tags", "us,home", "--at", "2026-03-14T08:00", "--private", "--body", "-"),
        stdin=f"{PASSPHRASE}\n{body}\n",
    )
    assert added.code == 0, added.err
    assert "Saved as entry 1." in added.out
    [entry] = _listed(cli, "reflection")
    assert set(entry) == ENVELOPE | {"title", "body", "prompt"}
    assert (entry["title"], entry["body"], entry["prompt"]) == (
        "Sunday",
        body,
        "What surprised me?",
    )
    assert (entry["kind"], entry["tags"], entry["private"]) == ("reflection", ["us", "home"], True)


def test_add_statement_with_every_option(cli: Run) -> None:
    added = cli(
        *("add", "statement", "--feel", "hurt, lonely", "--when", "plans change late"),
        *("--because", "I need to count on us", "--request", "a message when it happens"),
        *("--said", "--outcome", "we listened", "--felt-after", "lighter", "--tags", "talk"),
    )
    assert added.code == 0, added.err
    [entry] = _listed(cli, "statement")
    assert set(entry) == ENVELOPE | {
        *("feel", "when", "because", "request", "said", "said_on", "outcome", "felt_after"),
    }
    assert entry["feel"] == ["hurt", "lonely"]
    assert (entry["when"], entry["because"], entry["request"]) == (
        "plans change late",
        "I need to count on us",
        "a message when it happens",
    )
    assert (entry["said"], entry["said_on"]) == (True, NOW.astimezone().date().isoformat())
    assert (entry["outcome"], entry["felt_after"]) == ("we listened", "lighter")
    listed = cli("list").out
    assert "I statement" in listed and "I feel hurt, lonely when plans change late" in listed


def test_a_statement_not_yet_said(cli: Run) -> None:
    assert cli("add", "statement", "--feel", "worried", "--when", "you are quiet").code == 0
    [entry] = _listed(cli, "statement")
    assert (entry["said"], entry["said_on"], entry["outcome"]) == (False, None, "")


def test_add_quality_time(cli: Run) -> None:
    added = cli(
        *("add", "quality-time", "--what", "a walk by the river", "--minutes", "50"),
        *("--connection", "8", "--appreciated", "your laugh"),
    )
    assert added.code == 0, added.err
    [entry] = _listed(cli, "quality_time")
    assert set(entry) == ENVELOPE | {"what", "minutes", "connection", "appreciated"}
    assert (entry["what"], entry["minutes"], entry["connection"], entry["appreciated"]) == (
        "a walk by the river",
        50,
        8,
        "your laugh",
    )
    shown = cli("show", str(entry["id"]))
    assert shown.code == 0 and "Time together entry" in shown.out
    assert "appreciated: your laugh" in shown.out


def test_list_search_finds_words_in_every_new_field(cli: Run) -> None:
    cli("add", "reflection", "--title", "ttlword", "--body", "bdyword", "--prompt", "prmword")
    cli(
        *("add", "statement", "--feel", "felword", "--when", "whnword", "--because", "bcsword"),
        *("--request", "rqsword", "--outcome", "outword", "--felt-after", "aftword"),
    )
    cli("add", "quality-time", "--what", "whtword", "--appreciated", "aprword")
    words = ("ttlword", "bdyword", "prmword", "felword", "whnword", "bcsword", "rqsword")
    for word in (*words, "outword", "aftword", "whtword", "aprword"):
        found = json.loads(cli("list", "--search", word, "--json").out)
        assert len(found) == 1, word


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("add", "reflection"), "--body"),
        (("add", "reflection", "--body", "  "), "Please write something"),
        (("add", "statement", "--when", "x"), "--feel"),
        (("add", "statement", "--feel", "x"), "--when"),
        (("add", "statement", "--feel", " , ", "--when", "x"), "at least one feeling"),
        (("add", "quality-time", "--what", "x", "--minutes", "0"), "--minutes"),
        (("add", "quality-time", "--what", "x", "--minutes", "ten"), "whole number"),
        (("add", "quality-time", "--what", "x", "--connection", "11"), "0–10"),
        (("add", "quality-time"), "--what"),
        (("list", "--kind", "quality-time"), "--kind"),
    ],
)
def test_bad_arguments_exit_2_with_a_clear_line(
    cli: Run, argv: tuple[str, ...], words: str
) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert words in result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("kind", "argv", "option"),
    [
        ("reflection", ("--body", "x"), "title"),
        ("statement", ("--feel", "hurt", "--when", "x"), "because"),
        ("statement", ("--feel", "hurt", "--when", "x"), "request"),
        ("statement", ("--feel", "hurt", "--when", "x"), "outcome"),
        ("quality-time", ("--what", "x"), "appreciated"),
        ("statement", ("--feel", "hurt"), "when"),
        ("quality-time", (), "what"),
    ],
)
def test_each_new_text_option_can_come_from_standard_input(
    cli: Run, kind: str, argv: tuple[str, ...], option: str
) -> None:
    added = cli("add", kind, *argv, f"--{option}", "-", stdin=f"{PASSPHRASE}\nzqxstdin {option}")
    assert added.code == 0, added.err
    [entry] = json.loads(cli("list", "--json").out)
    assert entry[option] == f"zqxstdin {option}"


def _markdown_export(cli: Run, tmp_path: Path, *options: str) -> tuple[int, str, str]:
    out = tmp_path / "summary.md"
    result = cli("export", "--out", str(out), "--from", "2026-03-01", *options)
    return result.code, out.read_text(encoding="utf-8") if out.exists() else "", result.err


def test_export_shares_a_reflection_only_when_named(cli: Run, tmp_path: Path) -> None:
    cli("add", "reflection", "--body", "named reflection zqxone", "--at", "2026-03-13")
    cli("add", "reflection", "--body", "unnamed reflection zqxtwo", "--at", "2026-03-13")
    cli("add", "statement", "--feel", "hurt", "--when", "zqxstatement", "--at", "2026-03-13")
    cli("add", "quality-time", "--what", "zqxtogether", "--minutes", "30", "--at", "2026-03-13")

    code, text, err = _markdown_export(cli, tmp_path, "--sections", "reflections")
    assert code == 0, err
    assert "zqxone" not in text and "zqxtwo" not in text
    assert "None chosen for this summary." in text

    code, text, err = _markdown_export(cli, tmp_path, "--audience", "partner", "--include", "1")
    assert code == 0, err
    assert "zqxone" in text and "zqxtwo" not in text
    assert "zqxstatement" in text and "zqxtogether" in text  # the partner's defaults

    code, text, err = _markdown_export(cli, tmp_path, "--sections", "statements,together")
    assert code == 0, err
    assert "zqxstatement" in text and "zqxtogether" in text and "zqxone" not in text


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (("--include", "x"), "--include takes reflection numbers"),
        (("--sections", "statements", "--include", "1"), "add reflections to --sections"),
        (("--sections", "time"), "--sections takes names from"),
    ],
)
def test_bad_export_choices_exit_2(
    cli: Run, tmp_path: Path, options: tuple[str, ...], words: str
) -> None:
    code, _text, err = _markdown_export(cli, tmp_path, *options)
    assert code == 2 and words in err
