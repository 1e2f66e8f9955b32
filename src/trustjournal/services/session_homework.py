"""The homework agreed in a therapy session, made into homework items as the session is saved."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from trustjournal.core.between import Counts, Homework, Per
from trustjournal.core.entries import TherapySession
from trustjournal.store.homework import HomeworkRepository
from trustjournal.store.vault import Vault


def agreed_titles(lines: Iterable[str]) -> list[str]:
    """The homework titles of the lines written, one per line, blank lines left out."""
    return [" ".join(line.split()) for line in lines if line.strip()]


def agreed_homework(session: TherapySession, lines: Iterable[str]) -> list[Homework]:
    """One homework item per line, ticked by hand once a week, linked to the saved `session`.

    It runs from the session's day until the day before the next session when one is booked
    (the session's own day at the least), else with no end.

    Raises:
        ValidationError: if a line is not a valid title (too long), naming the field.
    """
    start = session.occurred_at.date()  # the day as the person lived it (its own offset)
    end = None
    if session.next_at is not None:
        end = max(start, session.next_at.date() - timedelta(days=1))
    return [
        Homework(
            title=title,
            counts=Counts.MANUAL,
            times=1,
            per=Per.WEEK,
            start=start,
            end=end,
            session_id=session.id,
        )
        for title in agreed_titles(lines)
    ]


def homework_of_session(
    *, vault: Vault, clock: Callable[[], datetime], session_id: int
) -> list[Homework]:
    """The homework items agreed in a session (not in the bin), oldest first."""
    items = HomeworkRepository(db=vault.db, clock=clock).list()
    return [item for item in items if item.session_id == session_id]
