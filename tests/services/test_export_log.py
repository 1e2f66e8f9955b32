"""The export log (migration 2) and the "since the last export" period."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.services.export_data import NOW, PERIOD, Journal, request_for
from tests.store.conftest import Clock
from tests.store.old_schema import add_before_v5
from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.errors import ValidationError
from trustjournal.core.periods import Period
from trustjournal.core.query import EntryQuery
from trustjournal.services.export.log import (
    ExportFormat,
    period_since_last_export,
    record_export,
)
from trustjournal.services.export.request import (
    Audience,
    Section,
    TriggerField,
    default_period,
    defaults_for,
)
from trustjournal.services.export.summary import build_summary
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.exports import ExportLogRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.schema import MIGRATIONS, SCHEMA_VERSION
from trustjournal.store.vault import Vault

TODAY = date(2026, 3, 14)
CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)


def test_migration_two_adds_the_export_log(db: Database) -> None:
    assert MIGRATIONS[1].version == 2
    assert db.user_version == SCHEMA_VERSION
    assert db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'exports'") == 1


def test_recording_keeps_what_was_shared_with_whom_and_when(
    repo: EntryRepository, journal: Journal, export_log: ExportLogRepository, clock: Clock
) -> None:
    request = request_for(Audience.PARTNER, journal)
    summary = build_summary(repo, request, now=NOW)
    record = record_export(export_log, summary, request, ExportFormat.PDF)
    assert record.audience == "partner" and record.format == "pdf"
    assert record.created_at == clock.now
    assert record.period == PERIOD
    assert set(record.entry_ids) == summary.entry_ids
    assert record.sections == ("mood", "triggers", "gratitude", "statements", "together")
    assert set(record.trigger_fields) == {"situation", "intensity", "coping", "need"}
    assert export_log.list() == [record]


def test_the_log_holds_no_text(
    repo: EntryRepository, journal: Journal, export_log: ExportLogRepository, db: Database
) -> None:
    request = request_for(Audience.SELF, journal, note="a private note for the record")
    record_export(export_log, build_summary(repo, request, now=NOW), request, ExportFormat.HTML)
    row = db.query_one("SELECT * FROM exports")
    assert row is not None
    assert "private note" not in repr(row)
    assert "Chosen" not in repr(row)


def test_list_is_newest_first_and_last_for_picks_the_audience(
    export_log: ExportLogRepository, clock: Clock
) -> None:
    first = export_log.record(
        audience="therapist", file_format="md", period=PERIOD, entry_ids=[3, 1], sections=[]
    )
    clock.advance(days=1)
    second = export_log.record(
        audience="partner", file_format="pdf", period=PERIOD, entry_ids=[], sections=["mood"]
    )
    assert export_log.list() == [second, first]
    assert export_log.last_for("therapist") == first
    assert export_log.last_for("self") is None
    assert first.entry_ids == (1, 3)


def test_recording_needs_a_closed_period(export_log: ExportLogRepository) -> None:
    with pytest.raises(ValidationError):
        export_log.record(
            audience="self", file_format="md", period=Period(), entry_ids=[], sections=[]
        )


def test_default_period_is_since_the_last_export_to_that_audience(
    export_log: ExportLogRepository,
) -> None:
    assert period_since_last_export(export_log, Audience.THERAPIST, today=TODAY) == Period(
        TODAY - timedelta(days=29), TODAY
    )
    export_log.record(
        audience="therapist",
        file_format="pdf",
        period=Period(date(2026, 2, 1), date(2026, 3, 3)),
        entry_ids=[],
        sections=[],
    )
    since = period_since_last_export(export_log, Audience.THERAPIST, today=TODAY)
    assert since == Period(date(2026, 3, 3), TODAY)
    partner = period_since_last_export(export_log, Audience.PARTNER, today=TODAY)
    assert partner.start == TODAY - timedelta(days=29)


def test_a_last_export_ending_in_the_future_still_gives_a_valid_period() -> None:
    assert default_period(date(2026, 4, 1), today=TODAY) == Period(TODAY, TODAY)


def test_audience_defaults() -> None:
    therapist, partner, myself = (defaults_for(a) for a in Audience)
    # Reflections are shared only one by one, so no audience starts with them.
    assert therapist.sections == frozenset(Section) - {Section.REFLECTIONS}
    assert Section.STATEMENTS in therapist.sections
    assert therapist.trigger_fields == frozenset(TriggerField)
    assert myself.sections == frozenset(Section) - {Section.REFLECTIONS}
    assert partner.sections == {
        Section.MOOD,
        Section.GRATITUDE,
        Section.TRIGGERS,
        Section.STATEMENTS,
        Section.TOGETHER,
    }
    assert partner.trigger_fields == {
        TriggerField.SITUATION,
        TriggerField.INTENSITY,
        TriggerField.COPING,
        TriggerField.NEED,
    }


def test_a_vault_at_schema_one_gains_the_export_log_on_unlock(tmp_path: Path) -> None:
    directory = tmp_path / "vault"
    vault, _code = Vault.create(directory, "one two three", kdf=CHEAP, migrations=MIGRATIONS[:1])
    add_before_v5(vault.db, MoodCheckIn(occurred_at=NOW, mood=7), now=NOW)
    vault.lock()
    with Vault.unlock(directory, "one two three") as upgraded:
        assert upgraded.db.user_version == SCHEMA_VERSION
        log = ExportLogRepository(db=upgraded.db, clock=Clock())
        assert log.list() == []
        assert EntryRepository(db=upgraded.db, clock=Clock()).count(EntryQuery()) == 1
