"""Schema v7 adds the Insights figures' covering index; their plans read only that index."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.store.conftest import query_plans
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.errors import VaultUpgradeError
from trustjournal.core.periods import Period
from trustjournal.store import insight_queries
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration
from trustjournal.store.schema_v7 import INSIGHTS_INDEX
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "a journal from last month"
V6 = MIGRATIONS[:6]
NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
PERIOD = Period(date(2026, 1, 1), date(2026, 3, 31))
ALL_TIME = Period(date(2016, 1, 1), date(2026, 3, 31))


def _clock() -> datetime:
    return NOW


def _indexes(db: Database) -> set[str]:
    return {
        str(name) for (name,) in db.query("SELECT name FROM sqlite_master WHERE type = 'index'")
    }


def _vault_at_v6(tmp_path: Path) -> tuple[Path, str]:
    directory = tmp_path / "vault"
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=CHEAP, migrations=V6, clock=_clock)
    repo = EntryRepository(db=vault.db, clock=_clock)
    repo.add(MoodCheckIn(occurred_at=NOW.replace(day=1), mood=4, emotions=("tired",), trust=3))
    repo.add(
        GratitudeEntry(occurred_at=NOW.replace(day=2), text="soup", expressed_on=date(2026, 3, 3))
    )
    repo.add(TriggerRecord(occurred_at=NOW.replace(day=3), situation="a message", intensity=8))
    contents = repr(vault.db.query("SELECT * FROM entries ORDER BY id"))
    assert vault.db.user_version == 6
    vault.lock()
    return directory, contents


def test_a_v6_vault_gains_the_insights_index_and_keeps_its_entries(tmp_path: Path) -> None:
    directory, contents = _vault_at_v6(tmp_path)

    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        assert vault.db.user_version == SCHEMA_VERSION
        assert INSIGHTS_INDEX in _indexes(vault.db)
        assert repr(vault.db.query("SELECT * FROM entries ORDER BY id")) == contents
        totals = insight_queries.period_totals(vault.db, PERIOD)
        assert (totals.checkins, totals.gratitude, totals.told, totals.triggers) == (1, 1, 1, 1)
        assert vault.verify() == []


def _fail(db: Database) -> None:
    MIGRATIONS[6].apply(db)
    raise RuntimeError("failed after the index")


def test_a_failed_v7_leaves_the_journal_at_v6(tmp_path: Path) -> None:
    directory, contents = _vault_at_v6(tmp_path)
    failing = (*V6, Migration(7, "fails late", _fail))

    with pytest.raises(VaultUpgradeError):
        Vault.unlock(directory, PASSPHRASE, migrations=failing, clock=_clock)

    with Vault.unlock(directory, PASSPHRASE, migrations=V6, clock=_clock) as vault:
        assert vault.db.user_version == 6
        assert INSIGHTS_INDEX not in _indexes(vault.db)
        assert repr(vault.db.query("SELECT * FROM entries ORDER BY id")) == contents
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        assert vault.db.user_version == SCHEMA_VERSION


def test_the_hour_and_weekday_grid_reads_only_the_covering_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other figures read schema 8's running totals (test_migration_v8); the grid and the
    days around whole months still read entries, through this index."""
    directory, _contents = _vault_at_v6(tmp_path)
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        plan = query_plans(
            vault.db, lambda db: insight_queries.triggers_by_weekday_hour(db, PERIOD), monkeypatch
        )
    # A plan that reads entry rows decrypts most of the table's pages over all time.
    assert f"USING COVERING INDEX {INSIGHTS_INDEX}" in plan, plan
    assert "USING INDEX " not in plan.replace("COVERING INDEX", ""), plan
