"""Moments as lived: a UTC instant plus the local UTC offset at the time, and the local day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache

_MAX_OFFSET_MINUTES = 18 * 60


def offset_minutes(moment: datetime) -> int:
    """The moment's UTC offset in whole minutes.

    Raises:
        ValueError: if the moment is naive.
    """
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("a moment must carry its UTC offset")
    return int(offset.total_seconds() // 60)


@cache
def fixed_zone(minutes: int) -> timezone:
    """The fixed-offset zone `minutes` east of UTC (shared: a journal uses only a few)."""
    if abs(minutes) > _MAX_OFFSET_MINUTES:
        raise ValueError("UTC offset out of range")
    return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))


def with_offset(instant_utc: datetime, minutes: int) -> datetime:
    """The UTC instant shown in the fixed zone `minutes` east of UTC."""
    return instant_utc.astimezone(fixed_zone(minutes))


def to_micros(moment: datetime) -> int:
    """Microseconds since the Unix epoch (UTC) — the stored, sortable form of an instant."""
    delta = moment.astimezone(UTC) - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def from_micros(micros: int, minutes: int = 0) -> datetime:
    """The instant `micros` after the epoch, in the zone `minutes` east of UTC."""
    return (_EPOCH + timedelta(microseconds=micros)).astimezone(fixed_zone(minutes))


def local_day(moment: datetime) -> date:
    """The calendar day the person lived the moment on (its own offset, not today's)."""
    if moment.utcoffset() is None:
        raise ValueError("a moment must carry its UTC offset")
    return moment.date()


def local_now(now_utc: datetime | None = None) -> datetime:
    """Now, in this computer's current local offset. Only composition roots call this."""
    instant = now_utc if now_utc is not None else datetime.now(UTC)
    return instant.astimezone()
