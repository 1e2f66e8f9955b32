"""What the reminders learn from an unlocked vault: their settings, and the journal's facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from trustjournal.services.reminders import (
    CHECKIN_AT,
    CHECKIN_ON,
    ENABLED,
    HOMEWORK_AT,
    HOMEWORK_ON,
    SESSION_EVE_AT,
    SESSION_EVE_ON,
    TEXT,
    JournalFacts,
    ReminderSettings,
    load,
)
from trustjournal.store import aggregates, between_queries
from trustjournal.store.homework import HomeworkRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault

_KEYS = (
    ENABLED,
    CHECKIN_ON,
    CHECKIN_AT,
    HOMEWORK_ON,
    HOMEWORK_AT,
    SESSION_EVE_ON,
    SESSION_EVE_AT,
    TEXT,
)


def reminder_settings(*, vault: Vault) -> ReminderSettings:
    """The reminders as stored in the vault (defaults for what was never set)."""
    settings = SettingsRepository(db=vault.db)
    missing = object()
    values = {key: settings.get(key, missing) for key in _KEYS}
    return load({key: value for key, value in values.items() if value is not missing})


def journal_facts(*, vault: Vault, clock: Callable[[], datetime]) -> JournalFacts:
    """Whether today's check-in is done, whether homework runs today, and the next session."""
    now = clock()
    today = now.date()
    checked_in = aggregates.streak(vault.db, today, days=1) > 0
    running = any(
        item.start <= today and (item.end is None or today <= item.end)
        for item in HomeworkRepository(db=vault.db, clock=clock).list(include_ended=False)
    )
    return JournalFacts(
        checked_in_on=today if checked_in else None,
        homework_running=running,
        next_session=between_queries.next_session(vault.db, now),
    )
