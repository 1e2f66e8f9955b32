"""The whole journal written to a file the person chose, and a file read and planned for import,
as the app's dialogs use them off the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from trustjournal.services import imports
from trustjournal.services.export.leftovers import remember_folder
from trustjournal.services.export.saving import sweep_leftovers
from trustjournal.services.imports_files import (
    ParsedFile,
    custom_moods,
    file_text,
    parse_file,
    plan_file,
)
from trustjournal.services.portable import Sources, write_export
from trustjournal.services.portable_archive import require_strong
from trustjournal.store.db import translate_errors
from trustjournal.store.entries import EntryRepository
from trustjournal.store.exports import ExportLogRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault
from trustjournal.store.vocabulary import VocabularyRepository


class ExportStopped(Exception):
    """The person stopped the export; no file was left behind."""


@dataclass
class ExportProgress:
    """Shared between the export's worker and the dialog: how far, and whether to stop."""

    done: int = 0
    total: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self.stop.is_set():
            raise ExportStopped


def export_vault(
    vault: Vault,
    target: Path,
    *,
    clock: Callable[[], datetime],
    passphrase: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write everything in the journal to `target` (an encrypted archive with a passphrase).

    Returns:
        How many entries were written.

    Raises:
        ValidationError: if the archive's passphrase is not long enough.
        UserFacingError: for file-system failures; then no file is left under `target`'s name.
    """
    if passphrase is not None:
        require_strong(passphrase)
    db = vault.db
    # What a killed export left in any folder used before is swept; this folder is noted (its
    # own commit) before writing, so a kill now still leaves a note of where to sweep (S18).
    sweep_leftovers(db)
    if not db.read_only and target.parent.is_dir():
        remember_folder(SettingsRepository(db=db), target.parent)
    sources = Sources(
        entries=EntryRepository(db=db, clock=clock),
        vocabulary=VocabularyRepository(db=db, clock=clock),
        export_log=ExportLogRepository(db=db, clock=clock),
        settings=SettingsRepository(db=db),
        between=db,
    )
    return write_export(sources, target, clock=clock, passphrase=passphrase, progress=progress)


@dataclass
class ImportPreview:
    """A file read and planned against the journal, before anything changes."""

    text: str
    parsed: ParsedFile
    plan: imports.ImportPlan
    own_moods: list[str]


def preview_import(
    vault: Vault,
    path: Path,
    *,
    clock: Callable[[], datetime],
    passphrase: str | None = None,
    mood_map: Mapping[str, int] | None = None,
) -> ImportPreview:
    """Read `path` (opening an archive with `passphrase`) and plan it; nothing is written.

    Daylio moods of the person's own that `mood_map` leaves out are read as 5 for the plan.

    Raises:
        ArchivePassphraseNeeded: if the file is an encrypted archive and no passphrase was given.
        UserFacingError: if the file cannot be read (with where and why).
    """
    with translate_errors(path), open(path, "rb") as source:  # size checked before reading
        imports.check_size(source.seek(0, 2))
        source.seek(0)
        data = source.read()
    text = file_text(data, passphrase)
    return plan_text(vault, text, clock=clock, mood_map=mood_map)


def plan_text(
    vault: Vault,
    text: str,
    *,
    clock: Callable[[], datetime],
    mood_map: Mapping[str, int] | None = None,
) -> ImportPreview:
    """Plan a file's text (already opened) with the moods chosen for the person's own labels."""
    own = custom_moods(text) if text.lstrip()[:1] != "{" else []
    chosen = {label.casefold(): 5 for label in own}
    chosen.update({k.casefold(): v for k, v in (mood_map or {}).items()})
    parsed = parse_file(text, mood_map=chosen)
    return ImportPreview(text, parsed, plan_file(vault.db, clock, parsed), own)
