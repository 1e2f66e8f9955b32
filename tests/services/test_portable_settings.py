"""The settings that travel in a full export: the person's choices, never secrets or paths, and
never over a choice the journal it is imported into has made itself."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.store.conftest import Clock, create_schema
from trustjournal.core.resources import load_json
from trustjournal.services import portable
from trustjournal.services.backups import AUTOMATIC_SETTING, FOLDER_SETTING
from trustjournal.services.insights_figures import PERIOD_SETTING, Span
from trustjournal.services.portable_settings import PORTABLE, export_settings, import_settings
from trustjournal.store.db import Database, open_database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vocabulary import VocabularyRepository
from trustjournal.ui import preferences
from trustjournal.ui.theme import ThemePreference


def _settings(path: Path) -> tuple[Database, SettingsRepository]:
    db = open_database(path, os.urandom(32))
    create_schema(db)
    return db, SettingsRepository(db=db)


def test_the_portable_keys_are_the_ones_the_app_stores() -> None:
    assert set(PORTABLE) == {
        preferences.IDLE_MINUTES,
        preferences.LOCK_ON_MINIMISE,
        preferences.LOCK_ON_INACTIVE,
        preferences.THEME,
        PERIOD_SETTING,
        AUTOMATIC_SETTING,
    }
    assert all(PORTABLE[preferences.THEME](t.value) for t in ThemePreference)
    assert all(PORTABLE[PERIOD_SETTING](s.value) for s in Span)


def test_paths_secrets_and_unknown_keys_stay_out_of_the_file(tmp_path: Path) -> None:
    db, settings = _settings(tmp_path / "a.db")
    settings.set_many(
        {
            FOLDER_SETTING: "/media/usb/backups",
            preferences.RECOVERY_CONFIRMED: True,
            "export.folders": ["/home/me/Documents"],
            preferences.IDLE_MINUTES: None,  # "never" is a choice, and travels
            preferences.THEME: "dark",
            preferences.LOCK_ON_MINIMISE: "yes",  # not a valid value: left out
        }
    )
    target = tmp_path / "all.json"
    clock = Clock()
    sources = portable.Sources(
        entries=EntryRepository(db=db, clock=clock),
        vocabulary=VocabularyRepository(db=db, clock=clock),
        settings=settings,
    )
    portable.write_export(sources, target, clock=clock)
    db.close()
    text = target.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["settings"] == {preferences.IDLE_MINUTES: None, preferences.THEME: "dark"}
    assert "/media/usb" not in text and "Documents" not in text
    schema = load_json(*portable.SCHEMA)["properties"]["settings"]
    assert set(schema["properties"]) == set(PORTABLE) and schema["additionalProperties"] is False


def test_an_import_never_overrides_a_choice_and_twice_changes_nothing(tmp_path: Path) -> None:
    db, settings = _settings(tmp_path / "a.db")
    settings.set(preferences.THEME, "light")
    found = {
        preferences.THEME: "dark",
        preferences.IDLE_MINUTES: 15,
        preferences.LOCK_ON_INACTIVE: False,
        FOLDER_SETTING: "/elsewhere",  # not portable: never taken from a file
        preferences.LOCK_ON_MINIMISE: 3,  # invalid: never taken
    }
    assert import_settings(settings, found) == 2
    assert import_settings(settings, found) == 0
    assert export_settings(settings) == {
        preferences.THEME: "light",
        preferences.IDLE_MINUTES: 15,
        preferences.LOCK_ON_INACTIVE: False,
    }
    assert settings.get(FOLDER_SETTING) is None
    assert import_settings(settings, ["not", "a", "mapping"]) == 0
    db.close()
