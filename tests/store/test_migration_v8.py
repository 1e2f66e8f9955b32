"""Schema v8 adds running totals: filled on upgrade, kept by triggers, read by the figures."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.store.conftest import query_plans
from tests.store.test_running_totals import differences
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.errors import VaultUpgradeError
from trustjournal.core.periods import Period
from trustjournal.store import aggregates, insight_queries, together_queries
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.month_totals import Split, split
from trustjournal.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration
from trustjournal.store.schema_v7 import INSIGHTS_INDEX
from trustjournal.store.table_rebuild import rebuild_entries
from trustjournal.store.vault import Vault

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "a journal from last month"
V7 = MIGRATIONS[:7]
NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
ALL_TIME = Period(date(2016, 1, 1), date(2026, 3, 31))
EDGES = Period(date(2026, 2, 20), date(2026, 3, 20))  # no whole month: entries only
TABLES = {"day_totals", "month_names", "month_categories"}


def _clock() -> datetime:
    return NOW


def _tables(db: Database) -> set[str]:
    return {str(n) for (n,) in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _vault_at_v7(tmp_path: Path) -> tuple[Path, str]:
    directory = tmp_path / "vault"
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=CHEAP, migrations=V7, clock=_clock)
    repo = EntryRepository(db=vault.db, clock=_clock)
    repo.add(MoodCheckIn(occurred_at=NOW.replace(day=1), mood=4, emotions=("tired",), trust=3))
    repo.add(GratitudeEntry(occurred_at=NOW.replace(day=2), text="soup", expressed=True))
    trigger = TriggerRecord(
        occurred_at=NOW.replace(day=3),
        situation="a message",
        intensity=8,
        intensity_after=5,
        category="Work",
        emotions=("Tired",),
        coping=("walk",),
    )
    repo.add(trigger)
    gone = repo.add(MoodCheckIn(occurred_at=NOW.replace(day=4), mood=9, emotions=("glad",)))
    repo.delete(gone.id or 0)
    contents = repr(vault.db.query("SELECT * FROM entries ORDER BY id"))
    assert vault.db.user_version == 7
    vault.lock()
    return directory, contents


def test_a_v7_vault_gains_running_totals_counted_from_its_live_entries(tmp_path: Path) -> None:
    directory, contents = _vault_at_v7(tmp_path)

    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        assert vault.db.user_version == SCHEMA_VERSION == 8
        assert _tables(vault.db) >= TABLES
        assert repr(vault.db.query("SELECT * FROM entries ORDER BY id")) == contents
        assert differences(vault.db) == {}
        assert vault.db.scalar("SELECT sum(entries) FROM day_totals") == 3  # not the bin's
        assert insight_queries.emotion_counts(vault.db, ALL_TIME) == [("tired", 2)]
        assert aggregates.coping_effect(vault.db, ALL_TIME) == [
            aggregates.CopingEffect("walk", 1, 1, 3.0)
        ]
        assert vault.verify() == []


def _fail(db: Database) -> None:
    MIGRATIONS[7].apply(db)
    raise RuntimeError("failed after the totals")


def test_a_failed_v8_leaves_the_journal_at_v7(tmp_path: Path) -> None:
    directory, contents = _vault_at_v7(tmp_path)
    failing = (*V7, Migration(8, "fails late", _fail))

    with pytest.raises(VaultUpgradeError):
        Vault.unlock(directory, PASSPHRASE, migrations=failing, clock=_clock)

    with Vault.unlock(directory, PASSPHRASE, migrations=V7, clock=_clock) as vault:
        assert vault.db.user_version == 7
        assert not TABLES & _tables(vault.db)
        assert vault.db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == 0
        assert repr(vault.db.query("SELECT * FROM entries ORDER BY id")) == contents


def test_rebuilding_the_entries_table_keeps_the_totals_kept(tmp_path: Path) -> None:
    """A later migration that rebuilds `entries` (as 5 and 6 did) keeps every trigger."""
    directory, _contents = _vault_at_v7(tmp_path)
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        db = vault.db
        create = str(db.scalar("SELECT sql FROM sqlite_master WHERE name = 'entries'"))
        columns = ", ".join(str(row[1]) for row in db.query("PRAGMA table_info(entries)"))
        triggers = db.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        db.execute("PRAGMA foreign_keys = OFF")  # as `migrate` runs a rebuilding migration
        with db.transaction():
            rebuild_entries(
                db,
                create=re.sub(r'^CREATE TABLE "?entries"?', "CREATE TABLE entries_next", create),
                new_name="entries_next",
                columns=columns,
            )
        db.execute("PRAGMA foreign_keys = ON")
        assert sorted(db.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) == (
            sorted(triggers)
        )
        repo = EntryRepository(db=db, clock=_clock)
        repo.add(MoodCheckIn(occurred_at=NOW, mood=2, emotions=("tired",)))
        assert differences(db) == {}
        assert db.scalar("SELECT sum(entries) FROM day_totals") == 4


FIGURES = {
    "daily mood": aggregates.daily_mood,
    "totals": insight_queries.period_totals,
    "trigger months": lambda db, p: insight_queries.triggers_by_bucket(db, p, "month"),
    "gratitude weeks": lambda db, p: insight_queries.gratitude_by_bucket(db, p, "week"),
    "unfinished": insight_queries.unfinished_triggers,
    "marked days": together_queries.marked_days,
}


@pytest.mark.parametrize("read", FIGURES.values(), ids=FIGURES.keys())
def test_the_daily_figures_read_one_range_of_day_totals(
    tmp_path: Path, read: Callable[[Database, Period], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    directory, _contents = _vault_at_v7(tmp_path)
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        plan = query_plans(vault.db, lambda db: read(db, ALL_TIME), monkeypatch)
    # A row per day and kind, found by its primary key: no entry, no index of entries.
    for step in plan.split(" || "):
        assert step.startswith("SEARCH day_totals USING PRIMARY KEY (kind=? AND local_day>?"), plan
    assert "entries" not in plan, plan


NAMED = {
    "emotions": insight_queries.emotion_counts,
    "coping": aggregates.coping_effect,
    "categories": aggregates.triggers_by_category,
}


@pytest.mark.parametrize("read", NAMED.values(), ids=NAMED.keys())
def test_named_figures_read_whole_months_from_totals_and_the_edges_from_the_index(
    tmp_path: Path, read: Callable[[Database, Period], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    directory, _contents = _vault_at_v7(tmp_path)
    with Vault.unlock(directory, PASSPHRASE, clock=_clock) as vault:
        assert read(vault.db, ALL_TIME) == read(vault.db, Period(date(2026, 3, 1), NOW.date()))
        months = query_plans(vault.db, lambda db: read(db, ALL_TIME), monkeypatch)
        edges = query_plans(vault.db, lambda db: read(db, EDGES), monkeypatch)
    # Whole months: one range of a month table by its primary key; then only the first
    # entries' names (or categories) are looked up, by key.
    first, *rest = months.split(" || ")
    assert first.startswith("SEARCH month_") and "USING PRIMARY KEY (month>? AND month<?" in first
    assert all("COVERING INDEX" not in step or INSIGHTS_INDEX in step for step in rest), months
    # Days outside whole months come from the covering index, never whole entry rows.
    reading = edges.split(" || ")[0]
    assert f"USING COVERING INDEX {INSIGHTS_INDEX}" in reading, edges
    assert "month_" not in edges, edges


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (None, Split(True, None, None, ())),
        (Period(date(2026, 1, 1), date(2026, 3, 31)), Split(True, "2026-01", "2026-03", ())),
        (
            Period(date(2025, 12, 31), date(2026, 3, 1)),
            Split(
                True,
                "2026-01",
                "2026-02",
                (
                    Period(date(2025, 12, 31), date(2025, 12, 31)),
                    Period(date(2026, 3, 1), date(2026, 3, 1)),
                ),
            ),
        ),
        (EDGES, Split(False, None, None, (EDGES,))),
        (
            Period(date(2026, 2, 1), date(2026, 2, 27)),
            Split(False, None, None, (Period(date(2026, 2, 1), date(2026, 2, 27)),)),
        ),
        (
            Period(date(2026, 2, 2), date(2026, 2, 28)),
            Split(False, None, None, (Period(date(2026, 2, 2), date(2026, 2, 28)),)),
        ),
        (Period(date(2024, 2, 1), date(2024, 2, 29)), Split(True, "2024-02", "2024-02", ())),
        (
            Period(None, date(2026, 3, 5)),
            Split(True, None, "2026-02", (Period(date(2026, 3, 1), date(2026, 3, 5)),)),
        ),
        (
            Period(date(2026, 3, 5), None),
            Split(True, "2026-04", None, (Period(date(2026, 3, 5), date(2026, 3, 31)),)),
        ),
    ],
)
def test_a_period_splits_into_whole_months_and_the_days_around_them(
    period: Period | None, expected: Split
) -> None:
    assert split(period) == expected
