"""`trustjournal export --sections … sessions`: sessions, homework and goals from the command
line, never a private session; a partner's default leaves the section out (issue 20)."""

from __future__ import annotations

from pathlib import Path

import pypdf

from tests.cli.conftest import Result, Run


def _added_id(result: Result) -> int:
    assert result.code == 0, result.err
    return int(result.out.strip().rstrip(".").split()[-1])


def _journal(cli: Run) -> None:
    _added_id(
        cli("add", "session", "--at", "2026-03-09 18:00", "--with", "Dr. Lee",
            "--worked-on", "How we talk about <b>phones</b>", "--remember", "Pause first",
            "--next", "2026-03-16 18:00")
    )  # fmt: skip
    _added_id(
        cli("add", "session", "--at", "2026-03-11 18:00", "--with", "Private canary session",
            "--private")
    )  # fmt: skip
    _added_id(cli("add", "mood", "--mood", "6", "--at", "2026-03-10"))
    _added_id(cli("add", "mood", "--mood", "5", "--at", "2026-03-11"))
    assert cli("homework", "add", "--title", "Evening check-in", "--counts", "checkin",
               "--times", "1", "--per", "day", "--from", "2026-03-09").code == 0  # fmt: skip
    assert cli("goal", "add", "--title", "Calm Sundays", "--why", "Rest",
               "--step", "Plan one quiet hour", "--step", "Keep it").code == 0  # fmt: skip
    assert cli("goal", "step", "1", "1").code == 0


def test_export_sections_accepts_sessions_and_writes_them(cli: Run, tmp_path: Path) -> None:
    _journal(cli)
    out = tmp_path / "s.md"
    result = cli("export", "--out", str(out), "--from", "2026-03-09", "--sections", "sessions")
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert "## Sessions, homework and goals" in text
    assert "Dr. Lee" in text
    assert "How we talk about \\<b\\>phones\\</b\\>" in text  # literal, never markup
    assert "Private canary" not in text
    assert "#### Evening check\\-in" in text or "#### Evening check-in" in text
    # The summary shares no check-ins: the homework is not counted, never "0 of 7".
    assert "not counted here" in text
    assert "#### Calm Sundays" in text and "Plan one quiet hour" in text
    assert "1 session" in result.out or "from 1 entry" in result.out


def test_homework_is_counted_from_the_check_ins_the_summary_shares(
    cli: Run, tmp_path: Path
) -> None:
    _journal(cli)
    out = tmp_path / "s.md"
    result = cli(
        "export", "--out", str(out), "--from", "2026-03-09", "--to", "2026-03-15",
        "--sections", "mood,sessions",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "2 of 7" in out.read_text(encoding="utf-8")


def test_pdf_holds_the_section_and_no_private_session(cli: Run, tmp_path: Path) -> None:
    _journal(cli)
    out = tmp_path / "s.pdf"
    result = cli("export", "--out", str(out), "--from", "2026-03-09", "--sections", "sessions")
    assert result.code == 0, result.err
    text = "".join("".join(page.extract_text().split()) for page in pypdf.PdfReader(out).pages)
    assert "Sessions,homeworkandgoals" in text
    assert "Howwetalkabout<b>phones</b>" in text  # literal, never markup
    assert "CalmSundays" in text and "Homework" in text
    assert "Privatecanary" not in text


def test_a_partner_summary_leaves_the_section_out_by_default(cli: Run, tmp_path: Path) -> None:
    _journal(cli)
    out = tmp_path / "p.md"
    result = cli("export", "--out", str(out), "--audience", "partner", "--from", "2026-03-09")
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert "Dr. Lee" not in text and "Calm Sundays" not in text


def test_an_unknown_section_still_names_sessions_among_the_choices(
    cli: Run, tmp_path: Path
) -> None:
    result = cli("export", "--out", str(tmp_path / "x.md"), "--sections", "sesions", stdin="")
    assert result.code == 2
    assert "sessions" in result.err
