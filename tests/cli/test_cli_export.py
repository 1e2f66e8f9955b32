"""`trustjournal export`: every option, the PDF password flow, the log, and bad arguments."""

from __future__ import annotations

import getpass
import io
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from tests.cli.conftest import NOW, PASSPHRASE, Result, Run, run_cli
from trustjournal.store.exports import ExportLogRepository, ExportRecord
from trustjournal.store.vault import Vault


def _added_id(result: Result) -> int:
    assert result.code == 0, result.err
    return int(result.out.strip().rstrip(".").split()[-1])


@pytest.fixture
def ids(cli: Run) -> dict[str, int]:
    """A few entries in early March 2026, one private."""
    return {
        "mood": _added_id(
            cli("add", "mood", "--mood", "7", "--note", "Mood note kept", "--at", "2026-03-10")
        ),
        "gratitude": _added_id(
            cli("add", "gratitude", "--text", "Tea together", "--at", "2026-03-11")
        ),
        "trigger": _added_id(
            cli(
                "add", "trigger", "--situation", "Late reply", "--intensity", "6",
                "--thoughts", "Thought for the therapist", "--need", "A quick text",
                "--at", "2026-03-12",
            )
        ),
        "left_out": _added_id(
            cli("add", "gratitude", "--text", "Left-out canary", "--at", "2026-03-12")
        ),
        "private": _added_id(
            cli("add", "mood", "--mood", "2", "--note", "Private canary", "--private",
                "--at", "2026-03-12")
        ),
        "old": _added_id(
            cli("add", "gratitude", "--text", "Old canary", "--at", "2026-01-02")
        ),
    }  # fmt: skip


def _log(vault_dir: Path) -> list[ExportRecord]:
    with Vault.unlock(vault_dir, PASSPHRASE) as vault:
        return ExportLogRepository(db=vault.db, clock=lambda: NOW).list()


def _one_line_error(result: Result, code: int = 2) -> None:
    assert result.code == code
    assert result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("trustjournal: ")
    assert "Traceback" not in result.err


def test_markdown_export_with_every_option(
    cli: Run, ids: dict[str, int], tmp_path: Path, vault_dir: Path
) -> None:
    out = tmp_path / "summary.txt"
    result = cli(
        "export", "--out", str(out), "--format", "md", "--audience", "self",
        "--from", "2026-03-01", "--to", "2026-03-14",
        "--sections", "notes,gratitude,triggers", "--exclude", str(ids["left_out"]),
        "--note", "Please read the part about *Tuesday*",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "3 entries" in result.out and str(out) in result.out
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Summary for myself")
    for kept in ("Mood note kept", "Tea together", "Late reply", "Thought for the therapist"):
        assert kept in text
    assert "Please read the part about \\*Tuesday\\*" in text
    for canary in ("Left-out canary", "Private canary", "Old canary"):
        assert canary not in text
    [record] = _log(vault_dir)
    assert record.audience == "self" and record.format == "md"
    assert set(record.entry_ids) == {ids["mood"], ids["gratitude"], ids["trigger"]}
    assert record.sections == ("triggers", "notes", "gratitude")


def test_format_comes_from_the_extension_and_partner_defaults_apply(
    cli: Run, ids: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "for-them.HTML"
    result = cli("export", "--out", str(out), "--audience", "partner", "--from", "2026-03-01")
    assert result.code == 0, result.err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Summary for my partner" in html
    assert "Late reply" in html and "A quick text" in html
    assert "Thought for the therapist" not in html  # thoughts are off for a partner
    assert "Mood note kept" not in html  # notes are off for a partner
    assert (out.stat().st_mode & 0o777) == 0o600


def test_default_period_is_since_the_last_export_to_that_audience(
    cli: Run, ids: dict[str, int], tmp_path: Path, vault_dir: Path
) -> None:
    assert cli("export", "--out", str(tmp_path / "a.md"), "--to", "2026-03-11").code == 0
    assert cli("export", "--out", str(tmp_path / "b.md")).code == 0
    assert cli("export", "--out", str(tmp_path / "c.md"), "--audience", "partner").code == 0
    partner, second, first = _log(vault_dir)
    assert (str(first.period.start), str(first.period.end)) == ("2026-02-10", "2026-03-11")
    assert (str(second.period.start), str(second.period.end)) == ("2026-03-11", "2026-03-14")
    assert str(partner.period.start) == "2026-02-13"  # no earlier export to the partner
    assert ids["old"] not in first.entry_ids


def test_pdf_password_is_the_second_line_of_stdin(
    cli: Run, ids: dict[str, int], tmp_path: Path, vault_dir: Path
) -> None:
    out = tmp_path / "summary.pdf"
    result = cli(
        "export", "--out", str(out), "--from", "2026-03-01", "--pdf-password",
        stdin=f"{PASSPHRASE}\nsession pw\n",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "password protected" in result.out
    reader = pypdf.PdfReader(out)
    assert reader.is_encrypted
    assert reader.decrypt("session pw")
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Late reply" in text
    assert [r.format for r in _log(vault_dir)] == ["pdf"]


def test_missing_pdf_password_writes_and_records_nothing(
    cli: Run, ids: dict[str, int], tmp_path: Path, vault_dir: Path
) -> None:
    out = tmp_path / "summary.pdf"
    result = cli("export", "--out", str(out), "--pdf-password", stdin=f"{PASSPHRASE}\n")
    _one_line_error(result)
    assert not out.exists()
    assert _log(vault_dir) == []


def test_mismatched_pdf_passwords_at_the_prompt_write_nothing(
    ids: dict[str, int], tmp_path: Path, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([PASSPHRASE, "first try", "second try"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    out = tmp_path / "summary.pdf"
    result = run_cli("export", "--vault", str(vault_dir), "--out", str(out), "--pdf-password")
    _one_line_error(result)
    assert "not the same" in result.err
    assert not out.exists()
    assert _log(vault_dir) == []


def test_wrong_passphrase_writes_nothing(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    result = cli("export", "--out", str(out), stdin="not the passphrase\n")
    _one_line_error(result, code=3)
    assert not out.exists()


def test_a_failed_write_records_nothing_and_keeps_the_old_file(
    cli: Run, ids: dict[str, int], tmp_path: Path, vault_dir: Path
) -> None:
    (tmp_path / "taken.md").mkdir()
    _one_line_error(cli("export", "--out", str(tmp_path / "taken.md")), code=5)
    _one_line_error(cli("export", "--out", str(tmp_path / "no" / "such" / "dir.md")), code=5)
    assert _log(vault_dir) == []


@pytest.mark.parametrize(
    "options",
    [
        ("--out", "summary.docx"),
        ("--out", "s.md", "--format", "docx"),
        ("--out", "s.md", "--audience", "boss"),
        ("--out", "s.md", "--sections", "mood,diary"),
        ("--out", "s.md", "--sections", ","),
        ("--out", "s.md", "--exclude", "3,x"),
        ("--out", "s.md", "--exclude", "-4"),
        ("--out", "s.md", "--from", "2026-03-10", "--to", "2026-03-01"),
        ("--out", "s.md", "--from", "March"),
        ("--out", "s.md", "--pdf-password"),
        (),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    cli: Run, tmp_path: Path, options: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("export", *options, stdin="")  # never gets as far as the passphrase
    _one_line_error(result)
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]


def test_markdown_export_loads_no_qt(cli: Run, ids: dict[str, int], tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    code = (
        "import io, sys\n"
        "import trustjournal.cli as cli\n"
        f"code = cli.main(['export', '--vault', {str(vault)!r}, '--passphrase-stdin',"
        f" '--out', {str(tmp_path / 'q.md')!r}], stdin=io.StringIO({PASSPHRASE + chr(10)!r}))\n"
        "assert code == 0, code\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]\n"
        "print('QT:', *qt)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.splitlines()[-1].split() == ["QT:"]
    assert (tmp_path / "q.md").exists()
