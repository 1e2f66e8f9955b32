"""Preferences that could reveal anything, kept inside the encrypted database (S4)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from trustjournal.store.db import Database
from trustjournal.store.drafts import check_key, dump_json


class SettingsRepository:
    """Settings by key, each a JSON value (number, text, bool, list, object or null)."""

    def __init__(self, *, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        """The value of a setting, or `default` if it was never set."""
        row = self._db.query_one("SELECT value FROM settings WHERE key = ?", (key,))
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        """Store a setting in one transaction.

        Raises:
            ValueError: if the key is empty.
            TypeError: if the value is not something JSON can carry.
        """
        self.set_many({key: value})

    def set_many(self, values: Mapping[str, Any]) -> None:
        """Store several settings in one transaction: all of them are written, or none.

        Raises:
            ValueError: if a key is empty.
            TypeError: if a value is not something JSON can carry.
        """
        rows = [(check_key(key, "setting"), dump_json(value)) for key, value in values.items()]
        with self._db.transaction():
            self._db.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                rows,
            )
