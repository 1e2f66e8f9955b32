"""Settings: JSON values by key, inside the encrypted database."""

from __future__ import annotations

import pytest

from trustjournal.core.errors import UserFacingError
from trustjournal.store.db import Database
from trustjournal.store.settings import SettingsRepository


@pytest.fixture
def settings(db: Database) -> SettingsRepository:
    return SettingsRepository(db=db)


def test_an_unset_key_gives_the_default(settings: SettingsRepository) -> None:
    assert settings.get("auto_lock_minutes") is None
    assert settings.get("auto_lock_minutes", 5) == 5


@pytest.mark.parametrize(
    "value", [0, 7, 2.5, "dark", True, False, None, [1, "two"], {"reminder": {"at": "21:00"}}]
)
def test_every_json_value_round_trips(settings: SettingsRepository, value: object) -> None:
    settings.set("key", value)
    assert settings.get("key", "default") == value


def test_setting_again_replaces_the_value(settings: SettingsRepository, db: Database) -> None:
    settings.set("theme", "light")
    settings.set("theme", "dark")
    assert settings.get("theme") == "dark"
    assert db.scalar("SELECT count(*) FROM settings") == 1


def test_values_json_cannot_carry_are_refused(settings: SettingsRepository) -> None:
    with pytest.raises(TypeError):
        settings.set("when", object())
    with pytest.raises(ValueError, match="Out of range"):
        settings.set("nan", float("nan"))
    with pytest.raises(ValueError, match="key"):
        settings.set("", 1)
    assert settings.get("when") is None


def _fail_writes_of(db: Database, key: str) -> None:
    """Make every write of `key` fail as a disk error would, inside SQLite itself."""
    with db.transaction():
        for when in ("INSERT", "UPDATE"):
            db.execute(
                f"CREATE TRIGGER fail_{when.lower()} BEFORE {when} ON settings"
                f" WHEN NEW.key = '{key}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
            )


def test_set_many_writes_all_or_nothing(settings: SettingsRepository, db: Database) -> None:
    settings.set_many({"a": 1, "b": 2, "c": 3})
    assert [settings.get(k) for k in "abc"] == [1, 2, 3]
    _fail_writes_of(db, "c")
    with pytest.raises(UserFacingError):
        settings.set_many({"a": 10, "b": 20, "c": 30})
    assert [settings.get(k) for k in "abc"] == [1, 2, 3]


def test_set_many_checks_every_value_before_writing(settings: SettingsRepository) -> None:
    with pytest.raises(TypeError):
        settings.set_many({"a": 1, "b": object()})
    assert settings.get("a") is None
