"""Saving a rendered summary: note its folder, then record it and write the file as one."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from trustjournal.core.i18n import _
from trustjournal.services.export.leftovers import remember_folder, sweep_remembered
from trustjournal.services.export.log import ExportFormat, record_export
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import ExportRequest
from trustjournal.services.export.writer import atomic_write
from trustjournal.store.db import Database
from trustjournal.store.exports import ExportLogRepository, ExportRecord
from trustjournal.store.settings import SettingsRepository

NOT_RECORDED = (  # English, for callers not yet translated; not_recorded() speaks the UI's
    "It is not in the list of shared summaries: the disk is full, so the journal was opened "
    "for reading only."
)


def not_recorded() -> str:
    """Said after saving into a read-only journal: the export is not in the list."""
    return _(
        "It is not in the list of shared summaries: the disk is full, so the journal was opened "
        "for reading only."
    )


def record_and_write(
    *,
    db: Database,
    clock: Callable[[], datetime],
    summary: Summary,
    request: ExportRequest,
    file_format: ExportFormat,
    target: Path,
    data: bytes,
) -> ExportRecord | None:
    """Write `data` to `target` and record the export, so neither exists without the other.

    The folder is noted first, in its own commit, so a kill during the write still leaves a
    note of where to sweep its temp file (S18). The record and the file then go together: the
    record is committed only once the file is complete in place, and a failed write rolls the
    record back.

    A journal opened for reading only (its disk is full) can still be shared, to another disk:
    the file is written and nothing is recorded, so a person can take their words with them.

    Returns:
        The record, or None when the journal is read-only and the export was not recorded.

    Raises:
        UserFacingError: if the vault cannot be written.
        StorageError: if the file cannot be written; nothing is recorded.
    """
    if db.read_only:
        atomic_write(target, data)
        return None
    remember_folder(SettingsRepository(db=db), target.parent)
    written = False
    try:
        with db.transaction():
            record = record_export(
                ExportLogRepository(db=db, clock=clock), summary, request, file_format
            )
            atomic_write(target, data)
            written = True
    except BaseException:
        if written:  # the record's commit failed after the file was in place: no file either
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    return record


def sweep_leftovers(db: Database) -> None:
    """Remove temp files an interrupted save left in any folder summaries went into."""
    if db.read_only:  # nothing a read-only journal could note or sweep; the next start will
        return
    sweep_remembered(SettingsRepository(db=db))
