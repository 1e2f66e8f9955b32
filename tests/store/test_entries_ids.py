"""Entry ids are never reused, even after the newest entry is purged."""

from __future__ import annotations

from datetime import UTC, datetime

from trustjournal.core.entries import MoodCheckIn
from trustjournal.store.entries import EntryRepository

WHEN = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_a_purged_id_is_never_given_to_a_new_entry(repo: EntryRepository) -> None:
    first = repo.add(MoodCheckIn(occurred_at=WHEN, mood=5))
    newest = repo.add(MoodCheckIn(occurred_at=WHEN, mood=6))
    assert newest.id is not None and first.id is not None
    repo.delete(newest.id)
    repo.purge()
    again = repo.add(MoodCheckIn(occurred_at=WHEN, mood=7))
    assert again.id is not None and again.id > newest.id
