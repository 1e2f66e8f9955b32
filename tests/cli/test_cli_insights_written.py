"""`insights` counts reflections, "I" statements (said or not yet) and time together."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from tests.cli.conftest import NOW, PASSPHRASE, Run
from tests.store.conftest import Clock
from trustjournal.core.entries import QualityTime, Reflection, Statement
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault


def at(day: int) -> datetime:
    return datetime(2026, 3, day, 9, tzinfo=UTC)


def _fill(vault_dir: Path) -> None:
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    repo = EntryRepository(db=vault.db, clock=Clock(NOW))
    repo.add(Reflection(occurred_at=at(2), body="one"))
    repo.add(Reflection(occurred_at=at(3), body="two", private=True))  # private counts here
    repo.add(Reflection(occurred_at=at(20), body="after the period"))
    repo.add(Statement(occurred_at=at(4), feel=("hurt",), when="w", said_on=date(2026, 3, 5)))
    repo.add(Statement(occurred_at=at(5), feel=("hurt",), when="w"))
    repo.add(Statement(occurred_at=at(5), feel=("hurt",), when="w"))
    repo.add(QualityTime(occurred_at=at(6), what="walk", minutes=40, connection=8))
    repo.add(QualityTime(occurred_at=at(7), what="film", minutes=110))
    repo.add(QualityTime(occurred_at=at(8), what="talk", connection=5))
    gone = repo.add(QualityTime(occurred_at=at(8), what="binned", minutes=500, connection=0))
    repo.delete(gone.id or 0)  # the bin never counts
    vault.lock()


def test_json_counts_the_kinds_for_writing(vault_dir: Path, cli: Run) -> None:
    _fill(vault_dir)
    result = cli("insights", "--from", "2026-03-01", "--to", "2026-03-10", "--json")
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert shown["reflections"] == {"count": 2}
    assert shown["statements"] == {"count": 3, "said": 1, "not_said": 2}
    # 40 + 110 minutes noted; connection (8 + 5) / 2 over the times that noted it
    assert shown["quality_time"] == {"count": 3, "minutes": 150, "connection": 6.5}
    assert shown["checkins"]["count"] == 0  # the existing keys are as they were


def test_text_output_says_them_in_words(vault_dir: Path, cli: Run) -> None:
    _fill(vault_dir)
    lines = cli("insights", "--from", "2026-03-01", "--to", "2026-03-10").out.splitlines()
    assert "2 reflections" in lines
    assert "3 I statements, 1 of them said" in lines
    assert "3 times together, 150 minutes noted, connection 6.5" in lines
