"""The export log inside the vault: what was shared, with whom and when (S7, DESIGN.md §5).

Only entry ids and the choices are recorded, never any text; the log lives in the encrypted
database like everything else.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.core.periods import Period
from trustjournal.core.times import from_micros, to_micros
from trustjournal.store.db import Database

# Whole statements, no string building: every value is a bound parameter.
_BY_ID = (
    "SELECT id, created_utc, audience, format, period_start, period_end, entry_ids, sections,"
    " trigger_fields FROM exports WHERE id = ?"
)
_ALL = (
    "SELECT id, created_utc, audience, format, period_start, period_end, entry_ids, sections,"
    " trigger_fields FROM exports ORDER BY created_utc DESC, id DESC"
)
_LAST_FOR = (
    "SELECT id, created_utc, audience, format, period_start, period_end, entry_ids, sections,"
    " trigger_fields FROM exports WHERE audience = ? ORDER BY created_utc DESC, id DESC LIMIT 1"
)


@dataclass(frozen=True)
class ExportRecord:
    """One recorded export."""

    id: int
    created_at: datetime
    audience: str
    format: str
    period: Period
    entry_ids: tuple[int, ...]
    sections: tuple[str, ...]
    trigger_fields: tuple[str, ...]


def _record(row: tuple[object, ...]) -> ExportRecord:
    rid, created, audience, fmt, start, end, ids, sections, fields = row
    return ExportRecord(
        id=int(str(rid)),
        created_at=from_micros(int(str(created))),
        audience=str(audience),
        format=str(fmt),
        period=Period(date.fromisoformat(str(start)), date.fromisoformat(str(end))),
        entry_ids=tuple(int(i) for i in json.loads(str(ids))),
        sections=tuple(str(s) for s in json.loads(str(sections))),
        trigger_fields=tuple(str(f) for f in json.loads(str(fields))),
    )


class ExportLogRepository:
    """Records exports and answers "when did I last share with them?"."""

    def __init__(self, *, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def record(
        self,
        *,
        audience: str,
        file_format: str,
        period: Period,
        entry_ids: Iterable[int],
        sections: Iterable[str],
        trigger_fields: Iterable[str] = (),
    ) -> ExportRecord:
        """Record one export (in one transaction) and return it.

        Raises:
            ValidationError: if the period is open.
            UserFacingError: if the vault cannot be written.
        """
        if period.start is None or period.end is None:
            raise ValidationError(_("An export needs a period with a start and an end."))
        created = self._clock().astimezone(UTC)
        values = (
            to_micros(created),
            audience,
            file_format,
            period.start.isoformat(),
            period.end.isoformat(),
            json.dumps(sorted(set(entry_ids))),
            json.dumps(list(sections)),
            json.dumps(list(trigger_fields)),
        )
        with self._db.transaction():
            cursor = self._db.execute(
                "INSERT INTO exports (created_utc, audience, format, period_start, period_end,"
                " entry_ids, sections, trigger_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            new_id = int(cursor.lastrowid)
        row = self._db.query_one(_BY_ID, (new_id,))
        if row is None:  # the insert committed, so this would be a bug
            raise LookupError("the recorded export vanished")
        return _record(row)

    def list(self) -> list[ExportRecord]:
        """Every recorded export, newest first."""
        return [_record(r) for r in self._db.query(_ALL)]

    def last_for(self, audience: str) -> ExportRecord | None:
        """The most recent export to this audience, if any."""
        row = self._db.query_one(_LAST_FOR, (audience,))
        return _record(row) if row is not None else None
