"""Recording exports in the vault's export log, and the "since the last export" period."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from trustjournal.core.periods import Period
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import Audience, ExportRequest, default_period
from trustjournal.store.exports import ExportLogRepository, ExportRecord


class ExportFormat(StrEnum):
    """The file formats a summary can be written in."""

    PDF = "pdf"
    MARKDOWN = "md"
    HTML = "html"


def period_since_last_export(
    log: ExportLogRepository, audience: Audience, *, today: date
) -> Period:
    """From the last export to this audience up to today, or the last 30 days if none."""
    last = log.last_for(audience.value)
    return default_period(last.period.end if last else None, today=today)


def record_export(
    log: ExportLogRepository, summary: Summary, request: ExportRequest, file_format: ExportFormat
) -> ExportRecord:
    """Record what was shared (entry ids, sections, trigger fields), with whom, and when.

    Raises:
        UserFacingError: if the vault cannot be written.
    """
    return log.record(
        audience=summary.audience.value,
        file_format=file_format.value,
        period=summary.period,
        entry_ids=summary.entry_ids,
        sections=[s.key.value for s in summary.sections],
        trigger_fields=sorted(f.value for f in request.trigger_fields),
    )
