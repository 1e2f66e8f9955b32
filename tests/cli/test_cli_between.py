"""`add session`, `homework …` and `goal …` on the command line, against a real vault."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import FAST_KDF, PASSPHRASE, Result, Run, run_cli
from trustjournal.store.vault import Vault


def test_a_session_lists_with_its_fields_as_the_issue_names_them(cli: Run) -> None:
    added = cli(
        "add",
        "session",
        "--at",
        "2026-03-12T17:00",
        "--with",
        "Dr. Lee",
        "--worked-on",
        "<script>alert(1)</script>",
        "--remember",
        "breathe",
        "--next",
        "2026-03-19T17:00+01:00",
    )
    assert added.code == 0, added.err
    [session] = json.loads(cli("list", "--kind", "session", "--json").out)
    assert session["kind"] == "session"
    assert session["with"] == "Dr. Lee"
    assert session["worked_on"] == "<script>alert(1)</script>"
    assert session["remember"] == "breathe"
    assert session["next_at"] == "2026-03-19T17:00:00+01:00"
    shown = cli("show", str(session["id"])).out
    assert "Dr. Lee" in shown and "<script>alert(1)</script>" in shown


def test_a_bad_next_session_time_is_exit_2(cli: Run) -> None:
    result = cli("add", "session", "--next", "thursday")
    assert result.code == 2
    assert "--next" in result.err


def test_homework_weeks_count_check_ins_already_written(cli: Run) -> None:
    # NOW is Saturday 2026-03-14; the week began on Monday the 9th
    for day in ("2026-03-09", "2026-03-10", "2026-03-10T20:00", "2026-03-13"):
        assert cli("add", "mood", "--mood", "6", "--at", day).code == 0
    added = cli(
        "homework",
        "add",
        "--title",
        "Check in",
        "--counts",
        "checkin",
        "--times",
        "1",
        "--per",
        "day",
        "--from",
        "2026-03-04",
    )
    assert added.code == 0, added.err
    [item] = json.loads(cli("homework", "list", "--json").out)
    assert {k: item[k] for k in ("id", "title", "counts", "times", "per", "from", "to")} == {
        "id": 1,
        "title": "Check in",
        "counts": "checkin",
        "times": 1,
        "per": "day",
        "from": "2026-03-04",
        "to": None,
    }
    assert item["weeks"] == [
        {"start": "2026-03-02", "done": 0, "target": 5},  # from Wednesday: 5 days
        {"start": "2026-03-09", "done": 3, "target": 7},  # twice on Tuesday counts once
    ]
    assert "3 of 7 this week" in cli("homework", "list").out


def test_manual_homework_ticked_and_ended(cli: Run) -> None:
    cli(
        "homework",
        "add",
        "--title",
        "Date night",
        "--counts",
        "manual",
        "--times",
        "2",
        "--per",
        "week",
        "--from",
        "2026-03-09",
    )
    assert cli("homework", "done", "1", "--at", "2026-03-11").code == 0
    assert cli("homework", "done", "1").code == 0
    [item] = json.loads(cli("homework", "list", "--json").out)
    assert item["weeks"] == [{"start": "2026-03-09", "done": 2, "target": 2}]
    assert cli("homework", "end", "1").code == 0
    [ended] = json.loads(cli("homework", "list", "--json").out)
    assert ended["ended"] == "2026-03-14"
    assert ended["weeks"] == [{"start": "2026-03-09", "done": 2, "target": 2}]


def test_bad_homework_input_is_a_clear_exit_2(cli: Run) -> None:
    base = ("homework", "add", "--title", "x", "--per", "week")
    wrong_order = cli(
        *base, "--counts", "manual", "--times", "1", "--from", "2026-03-10", "--to", "2026-03-01"
    )
    assert wrong_order.code == 2 and "ends before it starts" in wrong_order.err
    for times in ("0", "-3"):
        assert cli(*base, "--counts", "manual", "--times", times).code == 2
    unknown = cli(*base, "--counts", "hugs", "--times", "1")
    assert unknown.code == 2 and "hugs" in unknown.err
    assert cli(*base, "--counts", "manual", "--times", "1", "--from", "soon").code == 2
    cli(*base, "--counts", "checkin", "--times", "1")
    assert cli("homework", "done", "1").code == 2  # counted from entries, not ticked
    assert cli("homework", "done", "9").code == 7  # no such homework
    for result in (wrong_order, unknown):
        assert "Traceback" not in result.err and len(result.err.splitlines()) == 1


def test_goals_steps_and_reached(cli: Run) -> None:
    assert (
        cli(
            "goal",
            "add",
            "--title",
            "Talk about money",
            "--why",
            "less fear",
            "--step",
            "list worries",
            "--step",
            "one calm talk",
        ).code
        == 0
    )
    assert cli("goal", "step", "1", "2").code == 0
    out_of_range = cli("goal", "step", "1", "3")
    assert out_of_range.code == 2 and "step 3" in out_of_range.err
    assert cli("goal", "step", "1", "0").code == 2
    assert cli("goal", "add", "--title", "Rest").code == 0
    assert cli("goal", "reached", "2").code == 0  # a goal without steps may be reached
    goals = json.loads(cli("goal", "list", "--json").out)
    assert goals[0]["title"] == "Talk about money" and goals[0]["why"] == "less fear"
    assert goals[0]["state"] == "working"
    assert goals[0]["steps"][0] == {"text": "list worries", "done_at": None}
    assert goals[0]["steps"][1]["done_at"].startswith("2026-03-14")
    assert goals[1]["state"] == "reached" and goals[1]["steps"] == []
    assert cli("goal", "step", "7", "1").code == 7


def test_titles_can_come_from_standard_input(cli: Run) -> None:
    from tests.cli.conftest import PASSPHRASE

    result = cli("goal", "add", "--title", "-", stdin=f"{PASSPHRASE}\nTrust again\n")
    assert result.code == 0, result.err
    assert json.loads(cli("goal", "list", "--json").out)[0]["title"] == "Trust again"


def test_homework_agreed_in_a_session_runs_until_the_day_before_the_next(cli: Run) -> None:
    added = cli(
        "add",
        "session",
        "--at",
        "2026-03-12T17:00+01:00",
        "--next",
        "2026-03-19T17:00+01:00",
        "--homework",
        "Take a walk together",
        "--homework",
        "  ",  # a blank one is no homework
        "--homework",
        "Say one thing I appreciate",
    )
    assert added.code == 0, added.err
    assert "Homework agreed: items 1, 2." in added.out
    [session] = json.loads(cli("list", "--kind", "session", "--json").out)
    items = json.loads(cli("homework", "list", "--json").out)
    assert [(i["title"], i["counts"], i["times"], i["per"], i["from"], i["to"]) for i in items] == [
        ("Take a walk together", "manual", 1, "week", "2026-03-12", "2026-03-18"),
        ("Say one thing I appreciate", "manual", 1, "week", "2026-03-12", "2026-03-18"),
    ]
    assert {i["session"] for i in items} == {session["id"]}


def test_homework_agreed_without_a_next_session_has_no_end(cli: Run) -> None:
    assert cli("add", "session", "--at", "2026-03-12", "--homework", "Breathe").code == 0
    [item] = json.loads(cli("homework", "list", "--json").out)
    assert (item["from"], item["to"]) == ("2026-03-12", None)


def test_export_data_carries_homework_and_goals_into_a_fresh_journal(
    cli: Run, tmp_path: Path
) -> None:
    assert cli("add", "session", "--at", "2026-03-12", "--homework", "Walk").code == 0
    assert cli("goal", "add", "--title", "Talk kindly", "--step", "Ask first").code == 0
    assert cli("goal", "step", "1", "1").code == 0
    out = tmp_path / "all.json"
    assert cli("export-data", "--out", str(out)).code == 0
    other = tmp_path / "other"
    vault, _code = Vault.create(other, PASSPHRASE, kdf=FAST_KDF)
    vault.lock()

    def there(*argv: str) -> Result:
        return run_cli(*argv, "--vault", str(other), "--passphrase-stdin", stdin=PASSPHRASE + "\n")

    dry = there("import", str(out), "--dry-run", "--json")
    assert json.loads(dry.out)["homework"] == {"added": 1, "skipped": 0}
    done = there("import", str(out))
    assert done.code == 0, done.err
    assert "1 homework item, 1 goal, 1 progress record" in done.out
    [item] = json.loads(there("homework", "list", "--json").out)
    [session] = json.loads(there("list", "--kind", "session", "--json").out)
    assert (item["title"], item["session"]) == ("Walk", session["id"])
    [goal] = json.loads(there("goal", "list", "--json").out)
    assert goal["steps"][0]["done_at"] is not None
    again = there("import", str(out))
    assert "0 homework items, 0 goals, 0 progress records" in again.out


def test_homework_agreed_can_come_from_standard_input_one_per_line(cli: Run) -> None:
    stdin = f"{PASSPHRASE}\nWalk together\n\nAsk first\n"
    added = cli("add", "session", "--at", "2026-03-12", "--homework", "-", stdin=stdin)
    assert added.code == 0, added.err
    items = json.loads(cli("homework", "list", "--json").out)
    assert [i["title"] for i in items] == ["Walk together", "Ask first"]
    both = cli("add", "session", "--remember", "-", "--homework", "-", stdin=stdin)
    assert both.code == 2
    assert "--remember and --homework" in both.err
