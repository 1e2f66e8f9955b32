"""Schema v6 rebuilds `entries` for sessions, adds homework, goals and progress, losing nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.store.old_schema import V5_COLUMNS, add_before_v6
from trustjournal.core.between import Counts, DoneMark, Goal, GoalStep, Homework, Per
from trustjournal.core.entries import (
    About,
    Entry,
    GratitudeEntry,
    MoodCheckIn,
    QualityTime,
    Reflection,
    Statement,
    TherapySession,
    TriggerRecord,
)
from trustjournal.core.errors import VaultUpgradeError
from trustjournal.core.query import EntryQuery
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.goals import GoalRepository
from trustjournal.store.homework import HomeworkRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "a journal from last month"
V5 = MIGRATIONS[:5]
NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


def _clock() -> datetime:
    return NOW


def _every_kind_before_sessions() -> list[Entry]:
    return [
        MoodCheckIn(
            occurred_at=NOW.replace(day=1),
            mood=4,
            emotions=("tired",),
            trust=3,
            note="quiet evening marigold",
            tags=("home",),
        ),
        GratitudeEntry(
            occurred_at=NOW.replace(day=2),
            text="the soup saffron",
            about=About.US,
            expressed_on=date(2026, 3, 3),
            private=True,
        ),
        TriggerRecord(
            occurred_at=NOW.replace(day=3),
            situation="a late message juniper",
            intensity=8,
            coping=("walk",),
            intensity_after=4,
            tags=("phone",),
        ),
        Reflection(occurred_at=NOW.replace(day=4), body="long thoughts heather", title="t"),
        Statement(
            occurred_at=NOW.replace(day=5),
            feel=("hurt",),
            when="plans change thistle",
            said_on=date(2026, 3, 6),
        ),
        QualityTime(
            occurred_at=NOW.replace(day=6), what="a walk bracken", minutes=40, connection=8
        ),
    ]


def _schema(db: Database) -> dict[str, str]:
    rows = db.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    return {str(name): str(sql) for name, sql in rows}


def _contents(db: Database) -> list[tuple[object, ...]]:
    rows = db.query(f"SELECT {', '.join(V5_COLUMNS)}, id FROM entries ORDER BY id")  # noqa: S608
    rows += db.query("SELECT * FROM entry_names ORDER BY entry_id, role, position")
    rows += db.query("SELECT rowid, body FROM entries_fts ORDER BY rowid")
    return rows


def _vault_at_v5(tmp_path: Path) -> tuple[Path, list[Entry], int, dict[str, str]]:
    """A journal made by version 5: every kind it knew, one in the bin, the newest purged."""
    directory = tmp_path / "vault"
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=CHEAP, migrations=V5)
    db = vault.db
    kept = [add_before_v6(db, entry, now=NOW) for entry in _every_kind_before_sessions()]
    binned = add_before_v6(db, MoodCheckIn(occurred_at=NOW, mood=2), now=NOW)
    purged = add_before_v6(db, MoodCheckIn(occurred_at=NOW, mood=3), now=NOW)
    with db.transaction():
        db.execute("UPDATE entries SET deleted_utc = 1 WHERE id = ?", (binned.id,))
        db.execute("DELETE FROM entries_fts WHERE rowid = ?", (purged.id,))
        db.execute("DELETE FROM entry_names WHERE entry_id = ?", (purged.id,))
        db.execute("DELETE FROM entries WHERE id = ?", (purged.id,))
    indexes = _schema(db)
    (tmp_path / "contents").write_text(repr(_contents(db)))
    assert db.user_version == 5
    vault.lock()
    kept.append(binned)
    return directory, kept, purged.id or 0, indexes


def test_a_journal_at_v5_keeps_every_kind_name_search_row_and_index(tmp_path: Path) -> None:
    directory, before, purged_id, indexes = _vault_at_v5(tmp_path)

    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        db = vault.db
        assert db.user_version == SCHEMA_VERSION
        assert repr(_contents(db)) == (tmp_path / "contents").read_text()
        repo = EntryRepository(db=db, clock=_clock)
        assert repo.get_many([e.id or 0 for e in before]) == [
            e.with_changes(created_at=NOW, updated_at=NOW) for e in before
        ]
        assert repo.is_deleted(before[-1].id or 0)
        words = ("marigold", "saffron", "juniper", "heather", "thistle", "bracken")
        for word, entry in zip(words, before, strict=False):
            assert repo.ids(EntryQuery(search=word)) == [entry.id]
        after = _schema(db)
        assert {name: after[name] for name in indexes} == indexes  # every old index as it was
        assert {"entries_homework", "entries_told_day", "homework_done_by_day"} <= set(after)
        assert db.query("PRAGMA foreign_key_check") == []
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert vault.verify() == []
        session = repo.add(
            TherapySession(
                occurred_at=NOW,
                with_whom="Dr. Lee",
                worked_on="listening",
                next_at=NOW + timedelta(days=7),
            )
        )
        assert (session.id or 0) > purged_id  # ids are never reused
        assert repo.get(session.id or 0) == session


def test_the_new_tables_work_after_the_migration(tmp_path: Path) -> None:
    directory, _before, _purged, _indexes = _vault_at_v5(tmp_path)
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        homework = HomeworkRepository(db=vault.db, clock=_clock)
        item = homework.add(
            Homework(title="Tick", counts=Counts.MANUAL, times=1, per=Per.DAY, start=NOW.date())
        )
        mark = homework.add_mark(DoneMark(homework_id=item.id or 0, at=NOW))
        assert homework.marks(item.id) == [mark]
        goals = GoalRepository(db=vault.db, clock=_clock)
        goal = goals.add(Goal(title="Talk", steps=(GoalStep(text="one"),)))
        assert goals.get(goal.id or 0).steps == (GoalStep(text="one"),)


def test_a_session_keeps_its_next_time_offset(tmp_path: Path) -> None:
    directory, _before, _purged, _indexes = _vault_at_v5(tmp_path)
    berlin = timezone(timedelta(hours=2))
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        repo = EntryRepository(db=vault.db, clock=_clock)
        saved = repo.add(
            TherapySession(occurred_at=NOW, next_at=datetime(2026, 3, 21, 18, 0, tzinfo=berlin))
        )
        back = repo.get(saved.id or 0)
        assert isinstance(back, TherapySession)
        assert back.next_at == datetime(2026, 3, 21, 18, 0, tzinfo=berlin)
        assert back.next_at is not None and back.next_at.utcoffset() == timedelta(hours=2)


def _rebuild_then_fail(db: Database) -> None:
    MIGRATIONS[5].apply(db)
    raise RuntimeError("failed after the rebuild")


def test_a_failed_v6_leaves_the_journal_at_v5_with_everything_in_it(tmp_path: Path) -> None:
    directory, _before, _purged, indexes = _vault_at_v5(tmp_path)
    failing = (*V5, Migration(6, "fails late", _rebuild_then_fail, rebuilds_tables=True))

    with pytest.raises(VaultUpgradeError):
        Vault.unlock(directory, PASSPHRASE, migrations=failing, clock=_clock)

    with Vault.unlock(directory, PASSPHRASE, migrations=V5, clock=_clock) as vault:
        db = vault.db
        assert db.user_version == 5
        assert _schema(db) == indexes
        assert "'session'" not in str(
            db.query("SELECT sql FROM sqlite_master WHERE name = 'entries'")
        )
        assert db.query("SELECT name FROM sqlite_master WHERE name IN ('homework', 'goals')") == []
        assert repr(_contents(db)) == (tmp_path / "contents").read_text()
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert vault.verify() == []
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        assert vault.db.user_version == SCHEMA_VERSION
