"""Reminders: what is set, what may live outside the vault, and which moment is due next.

Where things are kept (decided against SECURITY.md S4; see docs/reminders.md):

- Inside the vault (encrypted), under `reminders.*`: every setting with its meaning: whether
  reminders are on, the check-in time, the homework time, the time the day before a session,
  and the words shown.
- Outside the vault (the per-user QSettings file), so that a locked app, or one started at login,
  can still speak up: only `Outside` — a list of unlabelled daily times and the neutral words,
  plus when a reminder was last shown. Nothing derived from the journal's contents goes there.
- Only in the running app's memory, learnt while unlocked (`JournalFacts`): whether today's
  check-in is done, whether any homework is running, and the moment the day before the next
  session. A restart forgets them; until the next unlock, every daily time simply shows the
  neutral words, and the day-before-a-session reminder waits for an unlock.

Pure logic: nothing here reads a clock, a file or Qt; `now` always carries its zone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import N_, _

DEFAULT_TEXT = N_("A moment for your journal?")
MAX_TEXT = 60
# A reminder missed by more than this (the computer slept, or was off) is let go, not shown late.
GRACE = timedelta(minutes=45)
_FORBIDDEN = frozenset("<>&")  # some notification daemons read a little HTML in the body

ENABLED = "reminders.enabled"
CHECKIN_ON = "reminders.checkin_on"
CHECKIN_AT = "reminders.checkin_at"
HOMEWORK_ON = "reminders.homework_on"
HOMEWORK_AT = "reminders.homework_at"
SESSION_EVE_ON = "reminders.session_eve_on"
SESSION_EVE_AT = "reminders.session_eve_at"
TEXT = "reminders.text"


@dataclass(frozen=True)
class ReminderSettings:
    """The person's reminders. Off by default; `text` "" means the default words."""

    enabled: bool = False
    checkin_on: bool = True
    checkin_at: time = time(20, 0)
    homework_on: bool = False
    homework_at: time = time(18, 0)
    session_eve_on: bool = False
    session_eve_at: time = time(19, 0)
    text: str = ""

    def with_changes(self, **changes: Any) -> ReminderSettings:
        """A copy with some fields replaced."""
        return replace(self, **changes)

    def words(self) -> str:
        """The words a notification shows, in the person's language when they are the default."""
        return self.text or _(DEFAULT_TEXT)


@dataclass(frozen=True)
class Outside:
    """All that is kept outside the vault: unlabelled daily times and the neutral words."""

    daily: tuple[time, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class JournalFacts:
    """What only an unlocked journal can tell; held in memory, never written anywhere."""

    checked_in_on: date | None = None  # a day whose check-in is done
    homework_running: bool = True
    next_session: datetime | None = None


@dataclass(frozen=True)
class Schedule:
    """What the running app reminds of: daily times (the check-in's marked) and single moments."""

    daily: tuple[tuple[time, bool], ...] = ()  # (time, is the check-in's)
    once: tuple[datetime, ...] = ()
    skip_checkin_on: date | None = None
    text: str = ""


def check_text(text: str) -> str:
    """The notification's words, trimmed; "" stands for the default.

    Raises:
        ValidationError: if the words are blank, too long, on several lines, or hold markup or
            invisible characters.
    """
    cleaned = unicodedata.normalize("NFC", text).strip()
    if not cleaned:
        raise ValidationError(_("Write a few words for the reminder."), field="text")
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(
            _("Keep the reminder to {limit} characters or fewer.").format(limit=MAX_TEXT),
            field="text",
        )
    if any(c in _FORBIDDEN or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in cleaned):
        raise ValidationError(
            _("Use plain words on one line, without < > & or invisible characters."),
            field="text",
        )
    return cleaned


def outside(settings: ReminderSettings) -> Outside:
    """What may be written outside the vault for these settings (nothing when they are off)."""
    if not settings.enabled:
        return Outside()
    times = {t for on, t in _daily(settings) if on}
    return Outside(daily=tuple(sorted(times)), text=settings.text) if times else Outside()


def _daily(settings: ReminderSettings) -> tuple[tuple[bool, time], ...]:
    return (
        (settings.checkin_on, settings.checkin_at),
        (settings.homework_on, settings.homework_at),
    )


def schedule_from_outside(kept: Outside) -> Schedule:
    """The schedule of a locked app that has not seen the journal since it started."""
    return Schedule(daily=tuple((t, False) for t in kept.daily), text=kept.text)


def schedule(settings: ReminderSettings, facts: JournalFacts) -> Schedule:
    """The schedule while the app knows the journal's facts (learnt while unlocked)."""
    if not settings.enabled:
        return Schedule(text=settings.text)
    daily: list[tuple[time, bool]] = []
    if settings.checkin_on:
        daily.append((settings.checkin_at, True))
    if settings.homework_on and facts.homework_running:
        daily.append((settings.homework_at, False))
    once: tuple[datetime, ...] = ()
    if settings.session_eve_on and facts.next_session is not None:
        eve = facts.next_session.date() - timedelta(days=1)
        once = (datetime.combine(eve, settings.session_eve_at, tzinfo=facts.next_session.tzinfo),)
    return Schedule(
        daily=tuple(sorted(daily)),
        once=once,
        skip_checkin_on=facts.checked_in_on,
        text=settings.text,
    )


def moments(plan: Schedule, *, start: datetime, end: datetime) -> list[datetime]:
    """Every reminder moment in (start, end], in order, in `end`'s zone.

    Daily times are wall-clock times in `end`'s zone; a time a DST change skips comes as the
    clock reads it after the change, and a time it repeats comes once. Moments are compared as
    instants (UTC): the same zone's datetimes compare by their wall clock in Python.
    """
    zone = end.tzinfo
    low, high = start.astimezone(UTC), end.astimezone(UTC)
    found: set[datetime] = {m.astimezone(UTC) for m in plan.once}
    day = start.astimezone(zone).date() - timedelta(days=1)
    while day <= end.date() + timedelta(days=1):
        for at, is_checkin in plan.daily:
            if not (is_checkin and day == plan.skip_checkin_on):
                found.add(datetime.combine(day, at, tzinfo=zone).astimezone(UTC))
        day += timedelta(days=1)
    return [m.astimezone(zone) for m in sorted(found) if low < m <= high]


def due(plan: Schedule, *, now: datetime, last_shown: datetime | None) -> bool:
    """Whether a reminder should show now: a moment has come since the last one shown, and not
    so long ago (GRACE) that showing it would be stale. Several at once show once. A last
    shown after `now` means the clock was set back: it no longer counts."""
    at = now.astimezone(UTC)
    since = at - GRACE
    if last_shown is not None and since < last_shown.astimezone(UTC) <= at:
        since = last_shown.astimezone(UTC)
    return bool(moments(plan, start=since, end=now))


def next_moment(plan: Schedule, *, now: datetime) -> datetime | None:
    """The first reminder moment after `now` (within two days), or None if there is none."""
    ahead = moments(plan, start=now, end=now + timedelta(days=2))
    return ahead[0] if ahead else None


def load(values: Mapping[str, Any]) -> ReminderSettings:
    """Settings from the vault's values (missing or malformed ones fall back to defaults)."""
    default = ReminderSettings()

    def flag(key: str, fallback: bool) -> bool:
        value = values.get(key, fallback)
        return value if isinstance(value, bool) else fallback

    def clock_time(key: str, fallback: time) -> time:
        return parse_time(values.get(key)) or fallback

    text = values.get(TEXT, "")
    try:
        text = check_text(text) if isinstance(text, str) and text else ""
    except ValidationError:
        text = ""
    return ReminderSettings(
        enabled=flag(ENABLED, default.enabled),
        checkin_on=flag(CHECKIN_ON, default.checkin_on),
        checkin_at=clock_time(CHECKIN_AT, default.checkin_at),
        homework_on=flag(HOMEWORK_ON, default.homework_on),
        homework_at=clock_time(HOMEWORK_AT, default.homework_at),
        session_eve_on=flag(SESSION_EVE_ON, default.session_eve_on),
        session_eve_at=clock_time(SESSION_EVE_AT, default.session_eve_at),
        text=text,
    )


def as_values(settings: ReminderSettings) -> dict[str, object]:
    """The settings as the vault stores them."""
    return {
        ENABLED: settings.enabled,
        CHECKIN_ON: settings.checkin_on,
        CHECKIN_AT: settings.checkin_at.strftime("%H:%M"),
        HOMEWORK_ON: settings.homework_on,
        HOMEWORK_AT: settings.homework_at.strftime("%H:%M"),
        SESSION_EVE_ON: settings.session_eve_on,
        SESSION_EVE_AT: settings.session_eve_at.strftime("%H:%M"),
        TEXT: settings.text,
    }


def parse_time(value: object) -> time | None:
    """A "HH:MM" time, or None for anything else."""
    if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
        return None
    try:
        return time(int(value[:2]), int(value[3:]))
    except ValueError:
        return None


def parse_times(values: Iterable[object]) -> tuple[time, ...]:
    """The valid "HH:MM" times among `values`, sorted, each once."""
    return tuple(sorted({t for t in map(parse_time, values) if t is not None}))
