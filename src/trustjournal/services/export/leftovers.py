"""Folders summaries went into, kept in the vault, so a crash's temp files get swept (S18)."""

from __future__ import annotations

import os
from pathlib import Path

from trustjournal.services.export.writer import sweep_temp_files
from trustjournal.store.settings import SettingsRepository

EXPORT_FOLDERS = "export_folders"  # inside the encrypted database, like the export log
REMEMBERED = 20


def remember_folder(settings: SettingsRepository, folder: Path) -> None:
    """Note `folder` before a summary is written into it (committed first, so a kill during the
    write cannot take the note with it).

    Raises:
        UserFacingError: if the vault cannot be written.
    """
    path = os.path.abspath(folder)
    known = [p for p in _folders(settings) if p != path]
    settings.set(EXPORT_FOLDERS, [path, *known][:REMEMBERED])


def sweep_remembered(settings: SettingsRepository) -> None:
    """Remove temp files an interrupted export left in any folder summaries went into."""
    for folder in _folders(settings):
        sweep_temp_files(Path(folder))


def _folders(settings: SettingsRepository) -> list[str]:
    value = settings.get(EXPORT_FOLDERS, [])
    return [str(p) for p in value] if isinstance(value, list) else []
