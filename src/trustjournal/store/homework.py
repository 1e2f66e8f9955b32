"""Homework items and their manual done marks; nothing is removed, only ended or binned."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from trustjournal.core.between import DoneMark, Homework
from trustjournal.core.errors import HomeworkNotFoundError, ValidationError
from trustjournal.core.i18n import _
from trustjournal.core.times import from_micros
from trustjournal.store.db import Database
from trustjournal.store.entry_rows import moment_columns, utc_micros

_COLUMNS = "id, title, counts, times, per, from_day, to_day, ended_day, session_id"


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def homework_from_row(row: Sequence[Any]) -> Homework:
    """A homework item from a row selected with _COLUMNS."""
    start = date.fromisoformat(row[5])
    return Homework(
        id=row[0],
        title=row[1],
        counts=row[2],
        times=row[3],
        per=row[4],
        start=start,
        end=_day(row[6]),
        ended_on=_day(row[7]),
        session_id=row[8],
    )


class HomeworkRepository:
    """Homework items and done marks in the encrypted database, as frozen dataclasses."""

    def __init__(self, *, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def _now(self) -> int:
        return utc_micros(self._clock())

    def add(self, item: Homework) -> Homework:
        """Store a new item (its id, if any, is kept: an import or an undo brings it back)."""
        now = self._now()
        with self._db.transaction():
            cursor = self._db.execute(
                f"INSERT INTO homework ({_COLUMNS}, created_utc, updated_utc)"  # noqa: S608
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*self._values(item), now, now),
            )
            return item.with_changes(id=int(cursor.lastrowid))

    def _values(self, item: Homework) -> tuple[Any, ...]:
        return (
            item.id,
            item.title,
            item.counts.value,
            item.times,
            item.per.value,
            item.start.isoformat(),
            _iso(item.end),
            _iso(item.ended_on),
            item.session_id,
        )

    def update(self, item: Homework) -> Homework:
        """Store an edited item; its done marks and the entries it counts stay as they are.

        Raises:
            HomeworkNotFoundError: if it is gone.
        """
        if item.id is None:
            raise HomeworkNotFoundError()
        with self._db.transaction():
            self.get(item.id)
            self._db.execute(
                "UPDATE homework SET title = ?, counts = ?, times = ?, per = ?, from_day = ?,"
                " to_day = ?, ended_day = ?, session_id = ?, updated_utc = ? WHERE id = ?",
                (*self._values(item)[1:], self._now(), item.id),
            )
        return item

    def get(self, homework_id: int) -> Homework:
        """The item, unless it is in the bin.

        Raises:
            HomeworkNotFoundError: if there is none.
        """
        row = self._db.query_one(
            f"SELECT {_COLUMNS} FROM homework WHERE id = ? AND deleted_utc IS NULL",  # noqa: S608
            (homework_id,),
        )
        if row is None:
            raise HomeworkNotFoundError()
        return homework_from_row(row)

    def list(self, *, include_ended: bool = True) -> list[Homework]:
        """Every item not in the bin, oldest first."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM homework WHERE deleted_utc IS NULL"  # noqa: S608
            + ("" if include_ended else " AND ended_day IS NULL")
            + " ORDER BY from_day, id"
        )
        return [homework_from_row(row) for row in rows]

    def set_deleted(self, homework_id: int, deleted: bool) -> None:
        """Move an item to the bin, or bring it back (its marks wait with it).

        Raises:
            HomeworkNotFoundError: if there is no such item.
        """
        with self._db.transaction():
            cursor = self._db.execute(
                "UPDATE homework SET deleted_utc = ? WHERE id = ?",
                (self._now() if deleted else None, homework_id),
            )
            if cursor.rowcount == 0:
                raise HomeworkNotFoundError()

    # --- done marks ----------------------------------------------------------------------------

    def add_mark(self, mark: DoneMark) -> DoneMark:
        """Record a manual item as done at a moment.

        Raises:
            HomeworkNotFoundError: if the item is gone.
            ValidationError: if the moment cannot be stored.
        """
        micros, minutes, day, _hour = moment_columns(mark.at)
        with self._db.transaction():
            self.get(mark.homework_id)
            cursor = self._db.execute(
                "INSERT INTO homework_done (id, homework_id, at_utc, offset_min, local_day)"
                " VALUES (?, ?, ?, ?, ?)",
                (mark.id, mark.homework_id, micros, minutes, day),
            )
        return mark.with_changes(id=int(cursor.lastrowid))

    def set_mark_taken_back(self, mark_id: int, taken_back: bool) -> DoneMark:
        """Take a done mark back (kept, so undo can restore it), or restore it.

        Raises:
            ValidationError: if there is no such mark.
        """
        with self._db.transaction():
            cursor = self._db.execute(
                "UPDATE homework_done SET deleted_utc = ? WHERE id = ?",
                (self._now() if taken_back else None, mark_id),
            )
            if cursor.rowcount == 0:
                raise ValidationError(_("There is no such done mark."), field="id")
            row = self._db.query_one(
                "SELECT id, homework_id, at_utc, offset_min FROM homework_done WHERE id = ?",
                (mark_id,),
            )
        assert row is not None  # updated just above, in the same transaction
        return DoneMark(id=row[0], homework_id=row[1], at=from_micros(row[2], row[3]))

    def marks(self, homework_id: int | None = None) -> builtins.list[DoneMark]:
        """The done marks standing (not taken back), of one item or all, oldest first."""
        sql = (
            "SELECT id, homework_id, at_utc, offset_min FROM homework_done"
            " WHERE deleted_utc IS NULL"
        )
        params: tuple[Any, ...] = ()
        if homework_id is not None:
            sql += " AND homework_id = ?"
            params = (homework_id,)
        rows = self._db.query(sql + " ORDER BY at_utc, id", params)
        return [DoneMark(id=r[0], homework_id=r[1], at=from_micros(r[2], r[3])) for r in rows]
