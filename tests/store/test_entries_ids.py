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


def test_an_import_after_a_purge_gives_new_ids_too(repo: EntryRepository) -> None:
    """`add_many` (imports, the demo journal) counted on from the highest id still held."""
    repo.add(MoodCheckIn(occurred_at=WHEN, mood=5))
    newest = repo.add(MoodCheckIn(occurred_at=WHEN, mood=6))
    repo.delete(newest.id or 0)
    repo.purge()
    assert repo.add_many([MoodCheckIn(occurred_at=WHEN, mood=7)]) == 1
    assert max(repo.ids()) > (newest.id or 0)


def test_timeline_lists_ids_with_the_day_as_lived_newest_first(repo: EntryRepository) -> None:
    from datetime import timedelta, timezone

    from trustjournal.core.entries import MoodCheckIn
    from trustjournal.core.query import EntryQuery

    new_york = timezone(timedelta(hours=-5))
    evening = repo.add(
        MoodCheckIn(occurred_at=datetime(2026, 3, 1, 23, 30, tzinfo=new_york), mood=4)
    )
    morning = repo.add(MoodCheckIn(occurred_at=datetime(2026, 3, 2, 8, 0, tzinfo=new_york), mood=7))
    gone = repo.add(MoodCheckIn(occurred_at=datetime(2026, 3, 3, 8, 0, tzinfo=new_york), mood=7))
    repo.delete(gone.id or 0)
    assert repo.timeline() == [(morning.id, "2026-03-02"), (evening.id, "2026-03-01")]
    assert repo.timeline(EntryQuery(deleted=True)) == [(gone.id, "2026-03-03")]
    assert [i for i, _day in repo.timeline()] == repo.ids()


def test_timeline_pages_with_limit_and_offset(repo: EntryRepository) -> None:
    for hour in range(5):
        repo.add(MoodCheckIn(occurred_at=datetime(2026, 3, 2, hour, tzinfo=UTC), mood=5))
    every = repo.timeline()
    assert repo.timeline(limit=2) == every[:2]
    assert repo.timeline(limit=2, offset=2) == every[2:4]
    assert repo.timeline(offset=4) == every[4:]
