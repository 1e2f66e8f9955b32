"""Schema v5 rebuilds `entries` for the new kinds, keeping every entry, name, search row, index."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.store.old_schema import V4_COLUMNS, add_before_v5
from trustjournal.core.entries import (
    About,
    Entry,
    GratitudeEntry,
    MoodCheckIn,
    QualityTime,
    Reflection,
    Statement,
    TriggerRecord,
)
from trustjournal.core.errors import VaultUpgradeError
from trustjournal.core.query import EntryQuery
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "a journal from last year"
V4 = MIGRATIONS[:4]
NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


def _clock() -> datetime:
    return NOW


def _old_entries() -> list[Entry]:
    return [
        MoodCheckIn(
            occurred_at=NOW.replace(day=1),
            mood=4,
            emotions=("tired", "hopeful"),
            connection=6,
            trust=3,
            note="quiet evening marigold",
            tags=("home",),
        ),
        GratitudeEntry(
            occurred_at=NOW.replace(day=2),
            text="the soup you made saffron",
            about=About.PARTNER,
            expressed_on=date(2026, 3, 3),
            prompt="a small kindness",
            private=True,
        ),
        TriggerRecord(
            occurred_at=NOW.replace(day=3),
            situation="a late message juniper",
            intensity=8,
            category="Phone",
            emotions=("fear",),
            coping=("walk", "breathing"),
            intensity_after=4,
            need="to hear from you",
            for_session=True,
            tags=("evening", "phone"),
        ),
    ]


def _schema(db: Database) -> dict[str, str]:
    rows = db.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    return {str(name): str(sql) for name, sql in rows}


def _vault_at_v4(tmp_path: Path) -> tuple[Path, list[Entry], int, dict[str, str]]:
    """A journal made by the previous version: every old kind, one in the bin, one purged."""
    directory = tmp_path / "vault"
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=CHEAP, migrations=V4)
    db = vault.db
    kept = [add_before_v5(db, entry, now=NOW) for entry in _old_entries()]
    binned = add_before_v5(db, MoodCheckIn(occurred_at=NOW, mood=2, note="in the bin"), now=NOW)
    purged = add_before_v5(db, MoodCheckIn(occurred_at=NOW, mood=3, note="purged"), now=NOW)
    with db.transaction():  # the newest id leaves the journal for good
        db.execute("UPDATE entries SET deleted_utc = ? WHERE id = ?", (1, binned.id))
        db.execute("DELETE FROM entries_fts WHERE rowid = ?", (purged.id,))
        db.execute("DELETE FROM entry_names WHERE entry_id = ?", (purged.id,))
        db.execute("DELETE FROM entries WHERE id = ?", (purged.id,))
    indexes = _schema(db)
    (tmp_path / "contents").write_text(repr(_contents(db)))
    assert db.user_version == 4
    vault.lock()
    kept.append(binned)
    return directory, kept, purged.id or 0, indexes


def _contents(db: Database) -> list[tuple[object, ...]]:
    """Every stored row an old version wrote, as that version reads it (no new columns)."""
    rows = db.query(f"SELECT {', '.join(V4_COLUMNS)}, id FROM entries ORDER BY id")  # noqa: S608
    rows += db.query("SELECT * FROM entry_names ORDER BY entry_id, role, position")
    rows += db.query("SELECT rowid, body FROM entries_fts ORDER BY rowid")
    return rows


def test_a_journal_at_v4_keeps_every_entry_name_search_row_and_index(tmp_path: Path) -> None:
    directory, before, purged_id, indexes = _vault_at_v4(tmp_path)

    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        db = vault.db
        assert db.user_version == SCHEMA_VERSION
        assert repr(_contents(db)) == (tmp_path / "contents").read_text()
        repo = EntryRepository(db=db, clock=_clock)
        assert repo.get_many([e.id or 0 for e in before]) == [
            e.with_changes(created_at=NOW, updated_at=NOW) for e in before
        ]
        assert repo.is_deleted(before[-1].id or 0)
        for word, entry in zip(("marigold", "saffron", "juniper"), before, strict=False):
            assert repo.ids(EntryQuery(search=word)) == [entry.id]
        assert repo.ids(EntryQuery(tag="phone")) == [before[2].id]
        after = _schema(db)  # later migrations add their own indexes beside these
        assert {name: after[name] for name in indexes} == indexes  # each made again as it was
        assert db.query("PRAGMA foreign_key_check") == []
        assert db.scalar("PRAGMA foreign_keys") == 1  # enforced again after the rebuild
        assert vault.verify() == []
        # Ids are never reused, not even the purged newest one.
        added = repo.add(Reflection(occurred_at=NOW, body="first reflection"))
        assert (added.id or 0) > purged_id
        # Names still belong to their entries: deleting an entry for good takes its names.
        repo.delete(before[2].id or 0)
        repo.purge()
        assert db.query("SELECT count(*) FROM entry_names WHERE entry_id = ?", (before[2].id,)) == [
            (0,)
        ]


def test_the_new_kinds_are_stored_after_the_migration(tmp_path: Path) -> None:
    directory, _before, _purged, _indexes = _vault_at_v4(tmp_path)
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        repo = EntryRepository(db=vault.db, clock=_clock)
        for entry in (
            Reflection(occurred_at=NOW, body="b", title="t", prompt="p"),
            Statement(occurred_at=NOW, feel=("hurt",), when="w", said_on=date(2026, 3, 4)),
            QualityTime(occurred_at=NOW, what="a walk", minutes=40, connection=9),
        ):
            saved = repo.add(entry)
            assert repo.get(saved.id or 0) == saved


def _rebuild_then_fail(db: Database) -> None:
    MIGRATIONS[4].apply(db)
    raise RuntimeError("failed after the rebuild")


def test_a_failed_v5_leaves_the_journal_at_v4_with_everything_in_it(tmp_path: Path) -> None:
    directory, _before, _purged, indexes = _vault_at_v4(tmp_path)
    failing = (*V4, Migration(5, "fails late", _rebuild_then_fail, rebuilds_tables=True))

    with pytest.raises(VaultUpgradeError):
        Vault.unlock(directory, PASSPHRASE, migrations=failing, clock=_clock)

    with Vault.unlock(directory, PASSPHRASE, migrations=V4, clock=_clock) as vault:
        assert vault.db.user_version == 4
        assert _schema(vault.db) == indexes
        kinds = vault.db.query("SELECT sql FROM sqlite_master WHERE name = 'entries'")
        assert "reflection" not in str(kinds)
        assert repr(_contents(vault.db)) == (tmp_path / "contents").read_text()
        assert vault.db.scalar("PRAGMA foreign_keys") == 1
        assert vault.verify() == []
    # and the real migration still runs afterwards
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        assert vault.db.user_version == SCHEMA_VERSION
