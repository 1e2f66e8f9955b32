"""`trustjournal purge` names the backups that still hold what it removed, and cleans them (S19)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Run


def _two_restores(cli: Run, tmp_path: Path) -> None:
    assert cli("backup", "--to", str(tmp_path / "outside")).code == 0
    for _ in range(2):
        assert cli("restore", "--from", str(tmp_path / "outside")).code == 0


def test_purge_says_which_backups_still_hold_it_then_rewrites_them(
    cli: Run, tmp_path: Path
) -> None:
    assert cli("add", "mood", "--mood", "3", "--note", "never to be kept").code == 0
    _two_restores(cli, tmp_path)
    assert cli("delete", "1").code == 0

    told = cli("purge")
    assert told.code == 0, told.err
    assert "Removed 1 entry from the bin for good." in told.out
    assert (
        "2 older copies in backups/ still hold what you purged: backups/before-restore-" in told.out
    )
    assert "--also-backups rewrite" in told.out

    cleaned = cli("purge", "--also-backups", "rewrite")
    assert cleaned.code == 0, cleaned.err
    assert "Also removed from 2 older copies in backups/" in cleaned.out
    assert "still hold" not in cleaned.out
    assert "still hold" not in cli("purge").out


def test_purge_can_delete_the_backups_that_hold_it(
    cli: Run, vault_dir: Path, tmp_path: Path
) -> None:
    assert cli("add", "mood", "--mood", "3", "--note", "never to be kept").code == 0
    _two_restores(cli, tmp_path)
    assert cli("delete", "1").code == 0
    result = cli("purge", "--also-backups", "remove")
    assert result.code == 0, result.err
    assert "Deleted 2 older copies in backups/ that held it" in result.out
    assert list((vault_dir / "backups").iterdir()) == []


def test_a_purge_with_no_backups_says_nothing_about_them(cli: Run) -> None:
    result = cli("purge")
    assert result.out.strip() == "Removed 0 entries from the bin for good."


def test_also_backups_takes_only_rewrite_or_remove(cli: Run) -> None:
    assert cli("purge", "--also-backups", "shred").code == 2
