"""Unfinished editor text, autosaved inside the encrypted database (S4, S5, S8)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from trustjournal.core.times import to_micros
from trustjournal.store.db import Database


def check_key(key: str, what: str) -> str:
    """A key must be non-empty text; anything else is a bug in the caller.

    Raises:
        ValueError: if it is not.
    """
    if not isinstance(key, str) or not key:
        raise ValueError(f"a {what} key must be non-empty text")
    return key


def dump_json(value: Any) -> str:
    """JSON text for a value; lone surrogates from editor text survive as escapes."""
    return json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":"))


class DraftRepository:
    """Drafts by key (e.g. "new-trigger", "entry-42"), each a JSON object."""

    def __init__(self, *, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def save(
        self,
        key: str,
        payload: Mapping[str, Any],
        *,
        unless: Callable[[], bool] | None = None,
    ) -> bool:
        """Save (or replace) a draft in one transaction; False if `unless` said not to.

        Args:
            key: the draft's key.
            payload: the draft, JSON-able.
            unless: asked inside the transaction (no other thread's statement can come
                between): a background autosave that a later save made stale writes nothing.

        Raises:
            ValueError: if the key is empty.
            TypeError: if the payload holds something JSON cannot carry.
        """
        text = dump_json(dict(payload))
        with self._db.transaction():
            if unless is not None and unless():
                return False
            self._db.execute(
                "INSERT INTO drafts (key, payload, updated_utc) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE"
                " SET payload = excluded.payload, updated_utc = excluded.updated_utc",
                (check_key(key, "draft"), text, to_micros(self._clock())),
            )
        return True

    def load(self, key: str) -> dict[str, Any] | None:
        """The draft saved under key, or None."""
        payload = self._db.scalar("SELECT payload FROM drafts WHERE key = ?", (key,))
        if payload is None:
            return None
        loaded: dict[str, Any] = json.loads(payload)
        return loaded

    def delete(self, key: str) -> None:
        """Forget a draft (nothing happens if there is none)."""
        with self._db.transaction():
            self._db.execute("DELETE FROM drafts WHERE key = ?", (key,))

    def move(self, old: str, new: str) -> bool:
        """Keep the draft saved under `old` under `new` instead, in one transaction.

        A draft already under `new` is replaced. Returns False (changing nothing) if there is
        no draft under `old`.

        Raises:
            ValueError: if a key is empty.
        """
        check_key(old, "draft")
        check_key(new, "draft")
        if old == new:
            return self.load(old) is not None
        with self._db.transaction():
            payload = self._db.scalar("SELECT payload FROM drafts WHERE key = ?", (old,))
            if payload is None:
                return False
            self._db.execute(
                "INSERT INTO drafts (key, payload, updated_utc) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE"
                " SET payload = excluded.payload, updated_utc = excluded.updated_utc",
                (new, payload, to_micros(self._clock())),
            )
            self._db.execute("DELETE FROM drafts WHERE key = ?", (old,))
        return True

    def keys(self) -> list[str]:
        """The keys of every saved draft, sorted."""
        return [str(row[0]) for row in self._db.query("SELECT key FROM drafts ORDER BY key")]
