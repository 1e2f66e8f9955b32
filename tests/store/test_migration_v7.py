"""Schema v7 adds the Insights figures' covering index; their plans read only that index."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.errors import VaultUpgradeError
from trustjournal.core.periods import Period
from trustjournal.store import aggregates, insight_queries
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
        assert vault.db.user_version == SCHEMA_VERSION == 7
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


def _plans(db: Database, read: Callable[[Database], Any], monkeypatch: pytest.MonkeyPatch) -> str:
    """Run one figure and return the query plan of the SQL it sent."""
    seen: list[tuple[str, Any]] = []
    real_query = Database.query

    def record(self: Database, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        seen.append((sql, params))
        return real_query(self, sql, params)

    monkeypatch.setattr(Database, "query", record)
    read(db)
    monkeypatch.undo()
    sql, params = seen[0]
    return " | ".join(str(row[3]) for row in db.query("EXPLAIN QUERY PLAN " + sql, params))


@pytest.mark.parametrize(
    "read",
    [
        lambda db: insight_queries.period_totals(db, PERIOD),
        lambda db: insight_queries.gratitude_by_bucket(db, PERIOD, "week"),
        lambda db: insight_queries.triggers_by_weekday_hour(db, PERIOD),
        lambda db: aggregates.triggers_by_category(db, PERIOD),
    ],
    ids=["totals", "gratitude", "grid", "categories"],
)
def test_the_insights_figures_read_only_the_covering_index(
    tmp_path: Path, read: Callable[[Database], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    directory, _contents = _vault_at_v6(tmp_path)
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        plan = _plans(vault.db, read, monkeypatch)
    # A plan that reads entry rows decrypts most of the table's pages over all time.
    assert f"USING COVERING INDEX {INSIGHTS_INDEX}" in plan, plan
    assert "USING INDEX " not in plan.replace("COVERING INDEX", ""), plan


def test_emotion_counts_walk_names_in_order_over_the_covering_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory, _contents = _vault_at_v6(tmp_path)
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        assert insight_queries.emotion_counts(vault.db, ALL_TIME) == [("tired", 1)]
        plan = _plans(
            vault.db, lambda db: insight_queries.emotion_counts(db, ALL_TIME), monkeypatch
        )
    # Probing entry_names once per entry reads a random page each; the period's ids come from
    # the covering index and the names are walked in order, grouped without a sort.
    assert "SEARCH n USING COVERING INDEX entry_names_by_name (role=?)" in plan, plan
    assert f"SEARCH entries USING COVERING INDEX {INSIGHTS_INDEX}" in plan, plan
    assert "TEMP B-TREE FOR GROUP BY" not in plan, plan


def test_emotion_counts_of_a_short_period_probe_only_its_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory, _contents = _vault_at_v6(tmp_path)
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        repo = EntryRepository(db=vault.db, clock=_clock)
        repo.add(
            TriggerRecord(occurred_at=NOW, situation="x", intensity=2, emotions=("Tired", "a"))
        )
        short = insight_queries.emotion_counts(vault.db, PERIOD)
        assert short == insight_queries.emotion_counts(vault.db, ALL_TIME)
        assert short == [("tired", 2), ("a", 1)]
        plan = _plans(vault.db, lambda db: insight_queries.emotion_counts(db, PERIOD), monkeypatch)
    # Walking every emotion ever named costs the same for four weeks as for twenty years.
    assert "SEARCH n USING PRIMARY KEY (entry_id=? AND role=?)" in plan, plan
    assert f"USING COVERING INDEX {INSIGHTS_INDEX}" in plan, plan
