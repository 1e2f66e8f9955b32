"""S12: deleted means purged — no trace of a purged entry in the database, its index or its WAL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository

CANARY = "zqxvcanarywhistle"
AT = datetime(2026, 3, 14, 21, tzinfo=UTC)


def _plain_copy(db: Database, target: Path) -> bytes:
    """Decrypt the whole database into a plain SQLite file and return its bytes."""
    db.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    try:
        db.query("SELECT sqlcipher_export('plain')")
    finally:
        db.execute("DETACH DATABASE plain")
    return target.read_bytes()


def _vault_files(db_path: Path) -> dict[str, bytes]:
    """The encrypted database and every file beside it (-wal, -shm)."""
    return {p.name: p.read_bytes() for p in db_path.parent.glob(db_path.name + "*")}


def _fill(repo: EntryRepository) -> int:
    """Ordinary entries around one holding the canary in its text, tags, emotions, coping and
    category (the last three are also counted in schema 8's running totals)."""
    for i in range(40):
        repo.add(MoodCheckIn(occurred_at=AT, mood=5, note=f"an ordinary evening number {i}"))
    canary = repo.add(
        TriggerRecord(
            occurred_at=AT,
            situation=f"the {CANARY} moment",
            intensity=9,
            thoughts=CANARY * 3,
            emotions=(f"{CANARY}-feeling",),
            coping=(f"{CANARY}-walk",),
            category=f"{CANARY}-category",
            tags=(CANARY,),
        )
    )
    for i in range(40):
        repo.add(MoodCheckIn(occurred_at=AT, mood=6, note=f"another plain day {i}"))
    return canary.id or 0


def test_purged_text_is_absent_from_a_decrypted_copy_and_the_encrypted_files(
    repo: EntryRepository, db: Database, db_path: Path, tmp_path: Path
) -> None:
    canary_id = _fill(repo)
    repo.delete(canary_id)
    assert CANARY.encode() in _plain_copy(db, tmp_path / "before.db")  # the export can see it

    assert repo.purge() == 1

    assert CANARY.encode() not in _plain_copy(db, tmp_path / "after.db")
    files = _vault_files(db_path)
    assert "journal.db" in files
    for name, content in files.items():
        assert CANARY.encode() not in content, name
    assert db.integrity_problems() == []


def test_removing_rows_without_merging_the_index_would_leave_the_words_behind(
    repo: EntryRepository, db: Database, tmp_path: Path
) -> None:
    """Why purge merges the FTS index: deleting an FTS5 row leaves its words in old segments."""
    canary_id = _fill(repo)
    repo.delete(canary_id)
    with db.transaction():  # everything purge does, except the 'optimize' merge
        db.execute("DELETE FROM entries_fts WHERE rowid = ?", (canary_id,))
        db.execute("DELETE FROM entry_names WHERE entry_id = ?", (canary_id,))
        db.execute("DELETE FROM entries WHERE id = ?", (canary_id,))
    assert db.scalar("SELECT count(*) FROM entries WHERE id = ?", (canary_id,)) == 0
    assert CANARY.encode() in _plain_copy(db, tmp_path / "unmerged.db")

    repo.purge()
    assert CANARY.encode() not in _plain_copy(db, tmp_path / "merged.db")


def test_purge_also_clears_the_old_words_of_edited_entries(
    repo: EntryRepository, db: Database, tmp_path: Path
) -> None:
    saved = repo.add(MoodCheckIn(occurred_at=AT, mood=4, note=f"first draft {CANARY}"))
    repo.update(saved.with_changes(note="second thoughts"))
    assert CANARY.encode() in _plain_copy(db, tmp_path / "edited.db")
    assert repo.purge() == 0
    assert CANARY.encode() not in _plain_copy(db, tmp_path / "cleaned.db")
