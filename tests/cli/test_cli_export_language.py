"""`trustjournal export --language de`: a German summary from an English command line."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Run


def test_export_language_writes_a_german_summary_and_speaks_english(
    cli: Run, tmp_path: Path
) -> None:
    for day in ("2026-03-10", "2026-03-11"):
        assert cli("add", "mood", "--mood", "7", "--at", day).code == 0
    out = tmp_path / "fuer-sie.md"
    result = cli(
        "export", "--out", str(out), "--audience", "partner", "--from", "2026-03-01",
        "--language", "de",
    )  # fmt: skip
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Zusammenfassung für meine Partnerin oder meinen Partner")
    assert "In dieser Zusammenfassung: 2 Check-ins." in text
    assert "März 2026" in text
    assert "Wrote a summary" in result.out  # the command line itself stays in English


def test_an_unknown_language_is_one_calm_line(cli: Run, tmp_path: Path) -> None:
    result = cli("export", "--out", str(tmp_path / "s.md"), "--language", "../../etc")
    assert result.code != 0
    assert "That language is not one of the options." in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "s.md").exists()
