"""`backup` into the rotating folder, `backups`, `export-data` and `import` on real vaults."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from tests.cli.conftest import PASSPHRASE, Run, run_cli

DATA = Path(__file__).resolve().parent.parent / "data"


def _add(cli: Run, mood: int = 6) -> None:
    assert cli("add", "mood", "--mood", str(mood), "--note", "harbour", "--tags", "walk").code == 0


def test_backup_without_a_target_goes_to_the_folder_and_is_listed(
    cli: Run, vault_dir: Path
) -> None:
    _add(cli)
    made = cli("backup")
    assert made.code == 0, made.err
    assert "Backup written to" in made.out
    assert "1 automatic backup is kept" in made.out
    [folder] = [p for p in (vault_dir / "backups").iterdir() if p.name.startswith("auto-")]
    listed = cli("backups", "--json")
    [row] = json.loads(listed.out)
    assert (row["path"], row["entries"], row["problem"]) == (str(folder), 1, None)
    assert row["made_at"] == "2026-03-14T18:30:00+00:00"
    text = cli("backups").out
    assert "1 entry" in text and folder.name in text


def test_backups_when_there_are_none(cli: Run) -> None:
    result = cli("backups")
    assert result.code == 0
    assert "No automatic backups yet" in result.out


def test_export_data_writes_a_private_file_and_says_it_is_not_encrypted(
    cli: Run, tmp_path: Path
) -> None:
    _add(cli)
    target = tmp_path / "everything.json"
    result = cli("export-data", "--out", str(target))
    assert result.code == 0, result.err
    assert "Wrote 1 entry to" in result.out
    assert "not encrypted" in result.out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["entries"][0]["note"] == "harbour"
    assert data["export_log"] == []
    assert cli("export-all", "--out", str(tmp_path / "again.json")).code == 0


def test_importing_an_export_of_the_same_journal_adds_nothing(cli: Run, tmp_path: Path) -> None:
    _add(cli, 3)
    _add(cli, 8)
    target = tmp_path / "everything.json"
    assert cli("export-data", "--out", str(target)).code == 0
    dry = cli("import", str(target), "--dry-run")
    assert dry.code == 0
    assert "nothing was changed" in dry.out
    assert "0 entries would be added, 2 already in your journal." in dry.out
    again = cli("import", str(target), "--json")
    assert json.loads(again.out) == {"added": 0, "skipped": 2, "rejected": []}


def test_import_daylio_refuses_a_partly_unreadable_file_unless_accepted(
    cli: Run, vault_dir: Path
) -> None:
    source = str(DATA / "daylio-export.csv")
    refused = cli("import", source, "--json")
    assert refused.code == 2
    report = json.loads(refused.out)
    assert report["added"] == 0
    assert [r["where"] for r in report["rejected"]] == ["line 7", "line 8", "line 9"]
    assert cli("list", "--json").out.strip() == "[]"

    taken = cli("import", source, "--accept-valid", "--mood-map", "sleepy=4")
    assert taken.code == 0, taken.err
    assert "5 entries added, 0 already in your journal, 2 could not be read." in taken.out
    # A backup was made before anything was added.
    assert any(p.name.startswith("auto-") for p in (vault_dir / "backups").iterdir())
    twice = cli("import", source, "--accept-valid", "--mood-map", "sleepy=4", "--json")
    assert json.loads(twice.out)["added"] == 0


def test_import_jrnl_adds_reflections_once(cli: Run) -> None:
    source = str(DATA / "jrnl-export.json")
    dry = cli("import", source, "--dry-run")
    assert dry.code == 0, dry.err
    assert "2026  2 reflections" in dry.out
    assert cli("list", "--json").out.strip() == "[]"
    added = cli("import", source, "--json")
    assert added.code == 0, added.err
    assert json.loads(added.out) == {"added": 2, "skipped": 0, "rejected": []}
    first, second = json.loads(cli("list", "--kind", "reflection", "--json").out)
    assert (first["title"], first["body"], first["tags"]) == ("", "Tired.", [])
    assert second["title"] == "A walk by the harbour."
    assert second["tags"] == ["harbour", "starred"]
    again = cli("import", source, "--format", "jrnl", "--json")
    assert json.loads(again.out) == {"added": 0, "skipped": 2, "rejected": []}


def test_a_bad_jrnl_file_names_where_and_imports_nothing(cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "jrnl.json"
    bad.write_text(
        json.dumps(
            {
                "entries": [
                    {"date": "2026-03-14", "time": "20:30", "title": "fine", "body": "ok"},
                    {"date": "14/03/2026", "time": "20:30", "title": "secretword", "body": "x"},
                ]
            }
        ),
        encoding="utf-8",
    )
    refused = cli("import", str(bad))
    assert refused.code == 2
    assert "entry 2: The date is not a date like 2026-03-14." in refused.out
    assert "secretword" not in refused.out + refused.err
    assert cli("list", "--json").out.strip() == "[]"
    taken = cli("import", str(bad), "--accept-valid", "--json")
    assert json.loads(taken.out)["added"] == 1
    broken = tmp_path / "broken.json"
    broken.write_text('{"entries": [\n{"date": "2026-03-14",\n', encoding="utf-8")
    result = cli("import", str(broken), "--format", "jrnl")
    assert result.code == 2 and "not valid JSON (near line" in result.err
    assert "Traceback" not in result.err


def test_unknown_files_are_refused_plainly(cli: Run, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("just some words\n", encoding="utf-8")
    result = cli("import", str(other))
    assert result.code == 2
    assert "could not be read" in result.err
    missing = cli("import", str(tmp_path / "nope.json"))
    assert missing.code != 0 and "Traceback" not in missing.err


def test_a_dry_run_shows_what_would_be_added_by_year_and_kind(cli: Run) -> None:
    source = str(DATA / "daylio-export.csv")
    dry = cli("import", source, "--dry-run", "--mood-map", "sleepy=4")
    assert dry.code == 0, dry.err
    assert "  2026  5 mood check-ins" in dry.out
    assert "5 entries would be added, 0 already in your journal, 2 could not be read." in dry.out
    assert cli("list", "--json").out.strip() == "[]"


def test_a_file_over_50_mb_is_refused_before_it_is_read(cli: Run, tmp_path: Path) -> None:
    huge = tmp_path / "daylio_export.csv"
    with huge.open("wb") as out:  # sparse: the size is what counts, not the disk it takes
        out.truncate(50 * 1024 * 1024 + 1)
    result = cli("import", str(huge), "--dry-run")
    assert result.code == 2
    assert "larger than 50 MB" in result.err and "Traceback" not in result.err
    assert cli("list", "--json").out.strip() == "[]"


ARCHIVE_SECRET = "lantern orchard quietly folding maps"


def test_export_data_encrypt_writes_an_archive_that_imports_back_with_its_passphrase(
    cli: Run, vault_dir: Path, tmp_path: Path
) -> None:
    _add(cli, 3)
    _add(cli, 8)
    target = tmp_path / "everything.zip"
    asked = f"{PASSPHRASE}\n{ARCHIVE_SECRET}\n"
    made = cli("export-data", "--out", str(target), "--encrypt", stdin=asked)
    assert made.code == 0, made.err
    assert "Wrote 2 entries to" in made.out and "encrypted with your passphrase" in made.out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"PK\x03\x04")
    assert b"harbour" not in target.read_bytes()
    again = cli("import", str(target), "--json", stdin=asked)
    assert again.code == 0, again.err
    assert json.loads(again.out) == {"added": 0, "skipped": 2, "rejected": []}
    wrong = cli("import", str(target), stdin=f"{PASSPHRASE}\nnot the one\n")
    assert wrong.code == 3
    assert "does not open this archive" in wrong.err and "Traceback" not in wrong.err


def test_export_data_encrypt_refuses_a_short_passphrase_and_writes_nothing(
    cli: Run, tmp_path: Path
) -> None:
    _add(cli)
    target = tmp_path / "everything.zip"
    result = cli("export-data", "--out", str(target), "--encrypt", stdin=f"{PASSPHRASE}\nsun\n")
    assert result.code == 2
    assert "too easy to guess" in result.err
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]


def test_export_data_help_is_honest_about_the_archive_key_derivation(cli: Run) -> None:
    shown = run_cli("export-data", "--help")
    assert "1000 rounds" in " ".join(shown.out.split())
