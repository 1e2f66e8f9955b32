"""Purge everywhere the app keeps a copy: the journal, then its own backups if asked (S12, S19)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from trustjournal.core.errors import UserFacingError
from trustjournal.store.backup_copies import remove_copy
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault


class CopiesAction(StrEnum):
    """What to do with backups that still hold a purged entry."""

    KEEP = "keep"  # only say which copies hold it
    REWRITE = "rewrite"  # remove the entries inside each copy; the copies stay
    REMOVE = "remove"  # delete those copies


@dataclass(frozen=True)
class PurgeReport:
    """What one purge did, for the caller to say plainly.

    Attributes:
        removed: entries removed from the journal now.
        rewritten: backups the purged entries were removed from.
        deleted: backups deleted because they held a purged entry.
        still_holding: backups that still hold a purged entry (kept, or could not be changed).
        unchecked: backups the journal's key could not open, so nobody can say what they hold.
    """

    removed: int
    rewritten: tuple[Path, ...] = ()
    deleted: tuple[Path, ...] = ()
    still_holding: tuple[Path, ...] = ()
    unchecked: tuple[Path, ...] = ()


def purge_everywhere(
    *, vault: Vault, repo: EntryRepository, copies: CopiesAction = CopiesAction.KEEP
) -> PurgeReport:
    """Empty the bin for good, then find (and rewrite or remove) backups that still hold it.

    Entries purged earlier and still in a kept backup are included: the purge record (ids and
    creation instants only) is kept until no backup holds them, then forgotten.

    Raises:
        UserFacingError: if the journal itself cannot be purged. A backup that cannot be changed
            is reported in `still_holding` instead.
    """
    removed = repo.purge()
    purged = repo.purged()
    check = vault.check_backups(purged)
    rewritten: list[Path] = []
    deleted: list[Path] = []
    still: list[Path] = []
    for copy in check.holding:
        try:
            if copies is CopiesAction.REWRITE:
                vault.rewrite_backup(copy, purged)
                rewritten.append(copy)
            elif copies is CopiesAction.REMOVE:
                remove_copy(copy)
                deleted.append(copy)
            else:
                still.append(copy)
        except UserFacingError:
            still.append(copy)
    if not still:
        repo.keep_purged([])
    return PurgeReport(
        removed=removed,
        rewritten=tuple(rewritten),
        deleted=tuple(deleted),
        still_holding=tuple(still),
        unchecked=check.unchecked,
    )
