"""Autosave of a draft off the UI thread, never landing after a later save of the same words.

A reflection's draft may be megabytes: encrypting and committing it takes longer than a frame,
so the autosave timer hands the write to a worker. Any write or delete the UI thread makes
itself (Save, Esc, a switch to another entry, a delete, the lock) first calls `invalidate()`;
a background write still waiting then finds itself stale inside its transaction, and writes
nothing, so an older draft can never come back after the entry was saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from trustjournal.ui.tasks import Tasks

log = logging.getLogger(__name__)


class DraftWriter(Protocol):
    """Where drafts are written (the session's DraftRepository)."""

    def save(
        self, key: str, payload: Mapping[str, Any], *, unless: Callable[[], bool] | None = None
    ) -> bool: ...


class BackgroundAutosave:
    """Writes drafts in the background; `invalidate()` makes every write not yet made stale."""

    def __init__(self, *, drafts: DraftWriter, tasks: Tasks) -> None:
        self._drafts = drafts
        self._tasks = tasks
        self._generation = 0

    def invalidate(self) -> None:
        """Drop every background write not yet made (the UI thread writes for itself now)."""
        self._generation += 1

    def write(self, key: str, payload: Mapping[str, Any], on_failed: Callable[[str], None]) -> None:
        """Save `payload` under `key` in the background, unless invalidated before it runs.

        Args:
            key: the draft key.
            payload: the draft, already read from the widgets (the worker never touches them).
            on_failed: called on the UI thread with a message a person can read.
        """
        generation = self._generation
        drafts = self._drafts

        def stale() -> bool:
            return self._generation != generation

        def failed(error: BaseException) -> None:
            log.warning("a draft could not be autosaved: %s", type(error).__name__)
            on_failed(str(error) if isinstance(error, Exception) else "")

        self._tasks.run_in_background(
            lambda: drafts.save(key, payload, unless=stale), lambda _written: None, failed
        )
