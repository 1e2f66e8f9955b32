"""Preferences are saved in one transaction: an interrupted save keeps the old ones whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.journal_helpers import MovableClock, create_vault, open_session
from trustjournal.core.errors import UserFacingError
from trustjournal.services.changes import Change
from trustjournal.store.settings import SettingsRepository
from trustjournal.ui import preferences
from trustjournal.ui.theme import ThemePreference

OLD = preferences.Preferences(
    idle_minutes=5, lock_on_minimise=False, lock_on_inactive=True, theme=ThemePreference.LIGHT
)
NEW = preferences.Preferences(
    idle_minutes=30, lock_on_minimise=True, lock_on_inactive=False, theme=ThemePreference.DARK
)


def test_an_interrupted_save_leaves_every_old_preference(tmp_path: Path) -> None:
    vault = create_vault(tmp_path / "journal")
    try:
        settings = SettingsRepository(db=vault.db)
        preferences.save(settings, OLD)
        # The last preference written fails as a full or failing disk would, inside SQLite.
        with vault.db.transaction():
            vault.db.execute(
                "CREATE TRIGGER fail_theme BEFORE UPDATE ON settings"
                f" WHEN NEW.key = '{preferences.THEME}'"
                " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
            )
        with pytest.raises(UserFacingError):
            preferences.save(settings, NEW)
        assert preferences.load(settings) == OLD
        vault.db.execute("DROP TRIGGER fail_theme")
        preferences.save(settings, NEW)
        assert preferences.load(settings) == NEW
    finally:
        vault.lock()


def test_saving_through_operations_is_one_settings_notice_or_none_and_all_old_kept(
    tmp_path: Path,
) -> None:
    vault = create_vault(tmp_path / "journal")
    try:
        session = open_session(vault, MovableClock())
        seen: list[frozenset[Change]] = []
        session.events.changed.connect(seen.append)
        preferences.save_through(session.services.operations, OLD)
        assert seen == [{Change.SETTINGS}]
        with vault.db.transaction():
            vault.db.execute(
                "CREATE TRIGGER fail_theme BEFORE UPDATE ON settings"
                f" WHEN NEW.key = '{preferences.THEME}'"
                " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
            )
        with pytest.raises(UserFacingError):
            preferences.save_through(session.services.operations, NEW)
        assert preferences.load(session.settings) == OLD
        assert seen == [{Change.SETTINGS}]  # nothing changed, so nothing is announced
    finally:
        vault.lock()
