"""Preferences kept inside the vault (they can reveal habits), and applying them to the shell."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from trustjournal.ui.lock import (
    DEFAULT_IDLE_MINUTES,
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    LockManager,
)
from trustjournal.ui.theme import ThemeManager, ThemePreference

if TYPE_CHECKING:
    from trustjournal.store.settings import SettingsRepository
    from trustjournal.ui.operations import OperationRunner

IDLE_MINUTES = "lock.idle_minutes"  # int 1-60, or null for never
LOCK_ON_MINIMISE = "lock.on_minimise"
LOCK_ON_INACTIVE = "lock.on_inactive"
THEME = "appearance.theme"
RECOVERY_CONFIRMED = "security.recovery_code_confirmed"


@dataclass(frozen=True)
class Preferences:
    """The shell's own preferences."""

    idle_minutes: int | None = DEFAULT_IDLE_MINUTES
    lock_on_minimise: bool = False
    lock_on_inactive: bool = True
    theme: ThemePreference = ThemePreference.SYSTEM

    def with_changes(self, **changes: object) -> Preferences:
        """A copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]


def load(settings: SettingsRepository) -> Preferences:
    """Read the preferences, falling back to defaults for anything missing or malformed."""
    default = Preferences()
    minutes = settings.get(IDLE_MINUTES, default.idle_minutes)
    if minutes is not None and not isinstance(minutes, int):
        minutes = default.idle_minutes
    if isinstance(minutes, int):
        minutes = max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))
    try:
        theme = ThemePreference(settings.get(THEME, default.theme.value))
    except ValueError:
        theme = default.theme
    return Preferences(
        idle_minutes=minutes,
        lock_on_minimise=bool(settings.get(LOCK_ON_MINIMISE, default.lock_on_minimise)),
        lock_on_inactive=bool(settings.get(LOCK_ON_INACTIVE, default.lock_on_inactive)),
        theme=theme,
    )


def as_settings(prefs: Preferences) -> dict[str, object]:
    """The preferences as the settings they are stored under."""
    return {
        IDLE_MINUTES: prefs.idle_minutes,
        LOCK_ON_MINIMISE: prefs.lock_on_minimise,
        LOCK_ON_INACTIVE: prefs.lock_on_inactive,
        THEME: prefs.theme.value,
    }


def save(settings: SettingsRepository, prefs: Preferences) -> None:
    """Write the preferences into the vault in one transaction: all new, or all old kept."""
    settings.set_many(as_settings(prefs))


def save_through(operations: OperationRunner, prefs: Preferences) -> None:
    """Save the preferences as one operation (one transaction), which announces SETTINGS.

    Raises:
        UserFacingError: if the vault could not be written; every old preference is kept.
    """
    values = as_settings(prefs)
    operations.run(lambda ops: ops.save_settings(values))


def apply(prefs: Preferences, *, lock_manager: LockManager, theme: ThemeManager) -> None:
    """Make the shell behave as the preferences say."""
    lock_manager.set_idle_minutes(prefs.idle_minutes)
    lock_manager.lock_on_minimise = prefs.lock_on_minimise
    lock_manager.lock_on_inactive = prefs.lock_on_inactive
    theme.apply(prefs.theme)
