"""`trustjournal insights`: "Together with" in the JSON and in plain words."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import NOW, PASSPHRASE, Run
from tests.store.conftest import Clock
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault

FIRST = datetime(2026, 3, 1, 9, tzinfo=UTC)


@pytest.fixture
def filled(vault_dir: Path) -> Path:
    """Five days with a told appreciation (mood 8, 7, 8, 7, 8), six without (mood 5)."""
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    repo = EntryRepository(db=vault.db, clock=Clock(NOW))
    for i in range(11):
        when = FIRST + timedelta(days=i)
        told = i < 5
        repo.add(MoodCheckIn(occurred_at=when, mood=(8 - i % 2) if told else 5))
        if told:
            repo.add(GratitudeEntry(occurred_at=when, text="Tea", expressed=True, private=i == 0))
    vault.lock()
    return vault_dir


def test_json_compares_with_averages_once_both_sides_have_five(filled: Path, cli: Run) -> None:
    result = cli("insights", "--from", "2026-03-01", "--to", "2026-03-11", "--json")
    assert (result.code, result.err) == (0, "")
    together = json.loads(result.out)["together_with"]
    assert together[0] == {
        "compare": "mood_on_days_told",
        "value": "mood",
        "unit": "days",
        "enough": True,
        "with": {"count": 5, "average": 7.6},
        "without": {"count": 6, "average": 5.0},
    }
    assert [t["enough"] for t in together[1:]] == [False, False, False]


def test_text_says_the_comparison_as_a_pattern_not_proof(filled: Path, cli: Run) -> None:
    result = cli("insights", "--from", "2026-03-01", "--to", "2026-03-11")
    assert result.code == 0
    lines = result.out.splitlines()
    start = lines.index("Together with:")
    assert lines[start + 1] == (
        "- On days you told an appreciation, your mood averaged 7.6 (5 days);"
        " on other days 5 (6 days). A pattern, not proof."
    )
    assert lines[start + 2].startswith(
        "- Trust in weeks with a trigger, and in weeks without: not enough yet to compare"
        " (0 weeks and 0 weeks so far;"
    )
