"""The vault's own copies under `backups/`: purged entries in them, rotation, crash leftovers.

S19: a purge is honest only if it names every copy the app made that still holds the entry, and
can rewrite or remove those copies. Every copy of one vault is encrypted with the same data key
(a passphrase change re-wraps the key, it never re-keys the database), so the current key opens
them all; a copy it cannot open is named as "could not be checked", never silently skipped.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trustjournal.core.errors import UserFacingError
from trustjournal.store import db as dbmod
from trustjournal.store.db import open_database, raw_key_material, translate_errors
from trustjournal.store.files import sweep_temp_files
from trustjournal.store.keyfile import read_keyfile
from trustjournal.store.layout import BACKUPS_DIR, DB_FILE, KEY_FILE, Layout, classify

# The app's automatic copies: `before-restore-<UTC stamp>` and `before-v<N>-<UTC stamp>`,
# with `-2`, `-3`… when two fall in one second. Only these are rotated or swept.
_AUTOMATIC = re.compile(r"^(before-restore|before-v\d+)-(\d{8}T\d{6}Z)(?:-(\d+))?$")
KEEP_AUTOMATIC = 5  # the newest copies kept of each kind; a later issue sets the full rule

# A purged entry is named by its id and its creation instant: a journal restored from an older
# copy can give a later entry the same id, and that entry must never be removed by mistake.
_MATCH = (
    "SELECT e.id FROM entries AS e JOIN json_each(?) AS p"
    " ON e.id = json_extract(p.value, '$[0]') AND e.created_utc = json_extract(p.value, '$[1]')"
)
_REMOVE = (
    f"DELETE FROM entries_fts WHERE rowid IN ({_MATCH})",  # noqa: S608 - fixed text only
    f"DELETE FROM entry_names WHERE entry_id IN ({_MATCH})",  # noqa: S608
    f"DELETE FROM entries WHERE id IN ({_MATCH})",  # noqa: S608
)
_MERGE_INDEX = "INSERT INTO entries_fts (entries_fts) VALUES ('optimize')"


@dataclass(frozen=True)
class PurgedEntry:
    """An entry removed for good: its id and creation instant (microseconds, UTC)."""

    id: int
    created_utc: int


@dataclass(frozen=True)
class CopiesCheck:
    """Which of the vault's own backups still hold purged entries.

    Attributes:
        holding: copies that hold at least one of them.
        unchecked: copies the data key could not open (damaged, or another journal's).
    """

    holding: tuple[Path, ...] = ()
    unchecked: tuple[Path, ...] = ()


def own_backups(vault_dir: Path) -> list[Path]:
    """Every complete vault copy directly inside `<vault>/backups/`, oldest name first."""
    parent = vault_dir / BACKUPS_DIR
    if not parent.is_dir() or parent.is_symlink():
        return []
    with translate_errors():
        children = sorted(parent.iterdir(), key=_age_key)
    return [c for c in children if not c.is_symlink() and _is_vault(c)]


def _is_vault(path: Path) -> bool:
    try:
        return classify(path) is Layout.VAULT
    except UserFacingError:
        return True  # unreadable: a copy nobody can vouch for, so it is named, not skipped


def check_copies(
    vault_dir: Path, key: bytes, vault_id: str, purged: Sequence[PurgedEntry]
) -> CopiesCheck:
    """Look inside each of the vault's own backups for the purged entries (read-only)."""
    if not purged:
        return CopiesCheck()
    holding: list[Path] = []
    unchecked: list[Path] = []
    for copy in own_backups(vault_dir):
        try:
            if read_keyfile(copy / KEY_FILE).vault_id != vault_id:
                unchecked.append(copy)
            elif _holds(copy / DB_FILE, key, purged):
                holding.append(copy)
        except UserFacingError:
            unchecked.append(copy)
    return CopiesCheck(tuple(holding), tuple(unchecked))


def rewrite_copy(copy: Path, key: bytes, purged: Sequence[PurgedEntry]) -> None:
    """Remove the purged entries from one backup, as purge does in the journal itself.

    One transaction (a crash leaves the copy as it was), `secure_delete` zeroes the freed pages,
    the search index is merged so no segment keeps a word, and the WAL is folded in.

    Raises:
        VaultCorruptError: if the copy does not open with `key`.
        UserFacingError: for file-system failures.
    """
    db = open_database(copy / DB_FILE, key)
    try:
        payload = _payload(purged)
        with db.transaction():
            for statement in _REMOVE:
                db.execute(statement, (payload,))
            db.execute(_MERGE_INDEX)
        db.checkpoint()
    finally:
        db.close()


def remove_copy(copy: Path) -> None:
    """Delete one backup folder and everything in it.

    Raises:
        UserFacingError: for file-system failures.
    """
    with translate_errors():
        shutil.rmtree(copy)


def rotate(vault_dir: Path, label: str, keep: int = KEEP_AUTOMATIC) -> None:
    """Keep only the `keep` newest automatic copies of the kind `label` names (the copies
    before upgrades are one kind, whichever version they were made at).

    Called after a new copy is complete, so the newest copy is never the one removed.
    """
    kind = _kind(f"{label}-00000000T000000Z")
    if kind is None:
        raise ValueError(f"not an automatic backup label: {label}")
    same_kind = [c for c in own_backups(vault_dir) if _kind(c.name) == kind]
    for old in same_kind[: max(0, len(same_kind) - keep)]:
        with contextlib.suppress(UserFacingError):
            remove_copy(old)


def sweep_leftovers(vault_dir: Path) -> None:
    """Remove what crashed backups left in `backups/`: temp files, and automatic folders
    holding only a key file (or nothing). A key file alone would keep an old passphrase working.
    """
    parent = vault_dir / BACKUPS_DIR
    if not parent.is_dir() or parent.is_symlink():
        return
    try:
        children = list(parent.iterdir())
    except OSError:
        return
    for child in children:
        if child.is_symlink() or not child.is_dir():
            continue
        sweep_temp_files(child)
        if _kind(child.name) is None:
            continue  # a folder the person chose: left to them
        names = set(_names(child))
        if names <= {KEY_FILE}:
            with contextlib.suppress(OSError):
                shutil.rmtree(child)


def _holds(db_path: Path, key: bytes, purged: Sequence[PurgedEntry]) -> bool:
    with _read_only(db_path, key) as conn:
        return conn.execute(_MATCH + " LIMIT 1", (_payload(purged),)).fetchone() is not None


@contextlib.contextmanager
def _read_only(path: Path, key: bytes) -> Iterator[Any]:
    """An immutable read-only connection: checking a copy never changes a byte of it."""
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    with translate_errors():
        conn = dbmod._driver.connect(uri, uri=True, isolation_level=None)
    try:
        conn.set_key(raw_key_material(key))
        with translate_errors():
            yield conn
    finally:
        conn.close()


def _payload(purged: Sequence[PurgedEntry]) -> str:
    return json.dumps([[p.id, p.created_utc] for p in purged])


def _kind(name: str) -> str | None:
    """ "before-restore", or "before-upgrade" for every `before-v<N>` (one kind, whatever N)."""
    found = _AUTOMATIC.match(name)
    if found is None:
        return None
    return "before-restore" if found.group(1) == "before-restore" else "before-upgrade"


def _age_key(path: Path) -> tuple[str, str, int]:
    found = _AUTOMATIC.match(path.name)
    if found is None:
        return ("", path.name, 0)
    return (found.group(2), found.group(1), int(found.group(3) or 1))


def _names(directory: Path) -> list[str]:
    try:
        return os.listdir(directory)
    except OSError:
        return ["?"]  # unreadable: not ours to judge
