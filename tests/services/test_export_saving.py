"""record_and_write: the summary file and its export-history line exist together or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services.export_data import NOW, Journal, request_for
from tests.store.conftest import Clock
from trustjournal.core.errors import StorageError
from trustjournal.services.export.leftovers import EXPORT_FOLDERS
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.request import Audience
from trustjournal.services.export.saving import record_and_write
from trustjournal.services.export.summary import build_summary
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.exports import ExportLogRepository
from trustjournal.store.settings import SettingsRepository


def test_the_file_is_written_and_recorded_and_its_folder_noted(
    repo: EntryRepository, journal: Journal, db: Database, clock: Clock, tmp_path: Path
) -> None:
    request = request_for(Audience.THERAPIST, journal)
    summary = build_summary(repo, request, now=NOW)
    target = tmp_path / "out" / "summary.md"
    target.parent.mkdir()

    record = record_and_write(
        db=db,
        clock=clock,
        summary=summary,
        request=request,
        file_format=ExportFormat.MARKDOWN,
        target=target,
        data=b"# Summary",
    )

    assert target.read_bytes() == b"# Summary"
    assert [r.id for r in ExportLogRepository(db=db, clock=clock).list()] == [record.id]
    assert SettingsRepository(db=db).get(EXPORT_FOLDERS) == [str(target.parent)]


def test_a_file_that_cannot_be_written_leaves_no_record(
    repo: EntryRepository, journal: Journal, db: Database, clock: Clock, tmp_path: Path
) -> None:
    request = request_for(Audience.THERAPIST, journal)
    summary = build_summary(repo, request, now=NOW)
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")

    with pytest.raises(StorageError):
        record_and_write(
            db=db,
            clock=clock,
            summary=summary,
            request=request,
            file_format=ExportFormat.MARKDOWN,
            target=blocked / "summary.md",
            data=b"# Summary",
        )

    assert ExportLogRepository(db=db, clock=clock).list() == []
    assert not (blocked / "summary.md").exists()
