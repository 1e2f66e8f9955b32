"""Periods of local calendar days, always computed from an explicit `today`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _


@dataclass(frozen=True)
class Period:
    """An inclusive range of local days; either end may be open (None)."""

    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValidationError(_("The period starts after it ends."), field="period")

    @classmethod
    def last_days(cls, days: int, *, today: date) -> Period:
        """The `days` days ending with today (last_days(7) is today and the six before)."""
        if days < 1:
            raise ValidationError(_("A period needs at least one day."), field="period")
        return cls(today - timedelta(days=days - 1), today)

    @classmethod
    def week_of(cls, today: date, first_weekday: int = 0) -> Period:
        """Today's week, from `first_weekday` (0 = Monday, as core.i18n.first_weekday() gives
        for the language) to the day before it a week on."""
        first = today - timedelta(days=(today.weekday() - first_weekday) % 7)
        return cls(first, first + timedelta(days=6))

    @classmethod
    def month_of(cls, today: date) -> Period:
        """The calendar month of today."""
        first = today.replace(day=1)
        next_first = (first + timedelta(days=32)).replace(day=1)
        return cls(first, next_first - timedelta(days=1))

    @classmethod
    def year_ending(cls, today: date) -> Period:
        """The 365 days ending with today."""
        return cls.last_days(365, today=today)

    def contains(self, day: date) -> bool:
        """Whether the day lies in the period."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def days(self) -> list[date]:
        """Every day of a closed period, in order.

        Raises:
            ValueError: if either end is open.
        """
        if self.start is None or self.end is None:
            raise ValueError("an open period has no finite list of days")
        count = (self.end - self.start).days + 1
        return [self.start + timedelta(days=i) for i in range(count)]


def parse_day(text: str, *, field_name: str = "date") -> date:
    """Parse YYYY-MM-DD.

    Raises:
        ValidationError: if the text is not such a date.
    """
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            _("{field} must be a date like 2026-03-14.").format(field=field_name), field=field_name
        ) from None
