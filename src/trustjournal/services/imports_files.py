"""One file to import, whatever it is: opened (an encrypted archive with its passphrase),
recognised from its content, read, and then added after a backup, in one transaction."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from trustjournal.core.errors import ExitCode, UserFacingError
from trustjournal.core.i18n import N_
from trustjournal.services import imports, imports_apps, imports_jrnl, portable
from trustjournal.services.imports import Candidate, ImportPlan, Rejected
from trustjournal.services.portable_archive import is_archive, read_archive
from trustjournal.services.portable_between import BetweenFile
from trustjournal.store.db import Database
from trustjournal.store.vault import Vault


class ArchivePassphraseNeeded(UserFacingError):
    """The file is an encrypted archive, and no passphrase was given for it."""

    exit_code = ExitCode.WRONG_SECRET
    default_message = N_("This file is an encrypted archive; its passphrase is needed to open it.")


@dataclass
class ParsedFile:
    """A file read for importing: its format, the entries found, what failed, words, settings,
    and homework, goals and progress."""

    kind: str
    candidates: list[Candidate]
    rejected: list[Rejected]
    vocabulary: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    between: BetweenFile = field(default_factory=BetweenFile)


def needs_passphrase(data: bytes) -> bool:
    """Whether the file is an encrypted archive (its passphrase is asked before reading)."""
    return is_archive(data)


def file_text(data: bytes, passphrase: str | None = None) -> str:
    """The text to import from a file's bytes, decrypted first if it is an archive.

    Raises:
        ArchivePassphraseNeeded: if it is an archive and no passphrase was given.
        ArchivePassphraseError: if the passphrase does not open it.
        ImportFormatError, ArchiveError: if it cannot be read, or is too large.
    """
    imports.check_size(len(data))
    if is_archive(data):
        if passphrase is None:
            raise ArchivePassphraseNeeded()
        data = read_archive(data, passphrase, limit=imports.MAX_IMPORT_BYTES)
    return imports.read_text(data)


def parse_file(
    text: str, *, kind: str | None = None, mood_map: Mapping[str, int] | None = None
) -> ParsedFile:
    """Read a file's text in its format (recognised from the content when not given).

    Raises:
        ImportFormatError: if it is in no format we read, or cannot be read at all.
    """
    kind = kind or imports_apps.detect(text)
    if kind == "jrnl":
        candidates, rejected = imports_jrnl.parse_jrnl(text)
        return ParsedFile(kind, candidates, rejected)
    if kind == "daylio":
        candidates, rejected = imports_apps.parse_daylio(text, mood_map=mood_map)
        return ParsedFile(kind, candidates, rejected)
    parsed = portable.parse_export(text)
    return ParsedFile(
        kind,
        parsed.candidates,
        parsed.rejected,
        parsed.vocabulary,
        parsed.settings,
        parsed.between,
    )


def plan_file(db: Database, clock: Callable[[], datetime], parsed: ParsedFile) -> ImportPlan:
    """Decide, without writing, what importing `parsed` would add and skip."""
    from trustjournal.services.imports_between import plan_between
    from trustjournal.store.entries import EntryRepository

    repo = EntryRepository(db=db, clock=clock)
    import_plan = imports.plan(repo, parsed.candidates, parsed.rejected)
    if parsed.between:
        import_plan.between = plan_between(db, clock, parsed.between)
    return import_plan


def custom_moods(text: str) -> list[str]:
    """The Daylio mood labels of a file beyond the five standard ones, as first written.

    Labels are compared without case, as `--mood-map` does. A file whose quoting breaks
    gives the labels read up to there (reading it later says where it broke).
    """
    found: dict[str, str] = {}
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        for row in reader:
            for key, value in row.items():
                if (key or "").strip().casefold() != "mood" or not isinstance(value, str):
                    continue
                label = value.strip()
                folded = label.casefold()
                if label and folded not in imports_apps.DAYLIO_MOODS:
                    found.setdefault(folded, label)
    except csv.Error:
        pass
    return list(found.values())


def apply_import(
    vault: Vault, clock: Callable[[], datetime], parsed: ParsedFile, import_plan: ImportPlan
) -> int:
    """Back up the journal, then add the planned entries, the words, the settings, and the
    homework, goals and progress, together.

    Nothing is backed up or written when there is nothing to add.

    Returns:
        How many entries were added.

    Raises:
        UserFacingError: if the backup or the journal cannot be written; then nothing was added.
    """
    from trustjournal.services.backups import BackupService

    between = import_plan.between
    news = between is not None and between.adds_anything()
    if not (import_plan.to_add or parsed.vocabulary or parsed.settings or news):
        return 0
    BackupService(vault=vault, clock=clock).back_up_now()
    return apply_parsed(vault.db, clock, parsed, import_plan)


def apply_parsed(
    db: Database, clock: Callable[[], datetime], parsed: ParsedFile, import_plan: ImportPlan
) -> int:
    """Add the planned entries, words, settings, homework, goals and progress in one
    transaction (no backup: `apply_import` makes it first).

    Returns:
        How many entries were added.
    """
    from trustjournal.services.imports_between import apply_between
    from trustjournal.services.portable_settings import import_settings
    from trustjournal.store.entries import EntryRepository
    from trustjournal.store.settings import SettingsRepository
    from trustjournal.store.vocabulary import VocabularyRepository

    between = import_plan.between
    with db.transaction():
        wanted = between.sessions_wanted() if between is not None else set()
        repo = EntryRepository(db=db, clock=clock)
        added, sessions = imports.apply_with_ids(repo, import_plan, wanted)
        portable.import_vocabulary(VocabularyRepository(db=db, clock=clock), parsed.vocabulary)
        import_settings(SettingsRepository(db=db), parsed.settings)
        if between is not None:
            apply_between(db, clock, between, sessions)
    return added
