"""The settings that travel with a full export: choices a person made, never secrets or paths.

Kept: how the journal locks itself, its appearance, the Insights period, and whether automatic
backups are on. Left out on purpose: the backup folder and the folders exports were saved to
(paths of one machine), whether the recovery code was confirmed (it belongs to that journal's
key), drafts, and the language (kept outside the journal, for the unlock screen).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from trustjournal.store.settings import SettingsRepository

MAX_IDLE_MINUTES = 60  # as the Settings page offers


def _idle_minutes(value: object) -> bool:
    return value is None or (
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_IDLE_MINUTES
    )


def _flag(value: object) -> bool:
    return isinstance(value, bool)


def _one_of(*allowed: str) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and value in allowed


# Each key, as the Settings page and Insights store it, with what a valid value is. The keys
# are repeated here (services cannot import ui/); a test holds them equal to ui/preferences.py.
PORTABLE: Mapping[str, Callable[[object], bool]] = {
    "lock.idle_minutes": _idle_minutes,
    "lock.on_minimise": _flag,
    "lock.on_inactive": _flag,
    "appearance.theme": _one_of("system", "light", "dark"),
    "insights.period": _one_of("4w", "3m", "12m", "all", "custom"),
    "backups.automatic": _flag,
}


def export_settings(settings: SettingsRepository) -> dict[str, Any]:
    """The portable settings this journal has (a setting never changed is left out)."""
    missing = object()
    out: dict[str, Any] = {}
    for key, valid in PORTABLE.items():
        value = settings.get(key, missing)
        if value is not missing and valid(value):
            out[key] = value
    return out


def import_settings(settings: SettingsRepository, found: object) -> int:
    """Take the portable settings of an export that this journal has not set itself.

    A choice already made here is never overwritten, so importing into a journal in use
    changes none of its settings, and importing twice changes nothing the second time.
    Unknown keys and invalid values are left out. Returns how many settings were taken.
    """
    if not isinstance(found, Mapping):
        return 0
    missing = object()
    taken = {
        key: value
        for key, value in found.items()
        if key in PORTABLE and PORTABLE[key](value) and settings.get(key, missing) is missing
    }
    if taken:
        settings.set_many(taken)
    return len(taken)
