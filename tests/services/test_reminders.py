"""Reminders: which moment is due, across days, zones and DST; the words; the autostart entry."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustjournal import __main__ as entry
from trustjournal.core.errors import ValidationError
from trustjournal.services import autostart
from trustjournal.services.reminders import (
    JournalFacts,
    Outside,
    ReminderSettings,
    Schedule,
    as_values,
    check_text,
    due,
    load,
    next_moment,
    outside,
    schedule,
)

BERLIN = ZoneInfo("Europe/Berlin")
ON = ReminderSettings(enabled=True, checkin_at=time(20, 0), homework_on=True)


def _shown_over(
    plan: Schedule, start: datetime, minutes: int, zone: ZoneInfo, every: int = 1
) -> list[datetime]:
    """Check every minute (or `every` minutes) from `start`, as if the app had been running
    before it; return when something showed."""
    shown: list[datetime] = []
    last: datetime | None = start
    for step in range(0, minutes, every):
        now = (start + timedelta(minutes=step)).astimezone(zone)
        if due(plan, now=now, last_shown=last):
            shown.append(now)
            last = now
    return shown


def test_reminders_are_off_by_default_and_keep_nothing_outside() -> None:
    assert not ReminderSettings().enabled
    assert outside(ReminderSettings()) == Outside()
    assert schedule(ReminderSettings(), JournalFacts()).daily == ()


def test_outside_the_vault_are_only_unlabelled_times_and_the_words() -> None:
    chosen = ON.with_changes(session_eve_on=True, text="Tea?")
    assert outside(chosen) == Outside(daily=(time(18, 0), time(20, 0)), text="Tea?")


def test_a_daily_time_shows_once_a_day() -> None:
    plan = schedule(ON.with_changes(homework_on=False), JournalFacts())
    start = datetime(2026, 6, 1, 0, 0, tzinfo=UTC)
    shown = _shown_over(plan, start, 3 * 24 * 60, BERLIN)
    assert [m.strftime("%d %H:%M") for m in shown] == ["01 20:00", "02 20:00", "03 20:00"]


def test_a_done_check_in_is_not_reminded_of_but_homework_is() -> None:
    facts = JournalFacts(checked_in_on=date(2026, 6, 1), homework_running=True)
    plan = schedule(ON.with_changes(homework_at=time(21, 0)), facts)
    shown = _shown_over(plan, datetime(2026, 6, 1, 0, 0, tzinfo=BERLIN), 24 * 60, BERLIN)
    assert [m.strftime("%H:%M") for m in shown] == ["21:00"]


def test_no_homework_running_means_no_homework_reminder() -> None:
    plan = schedule(ON, JournalFacts(homework_running=False))
    assert plan.daily == ((time(20, 0), True),)


def test_the_day_before_a_session_is_one_moment() -> None:
    session = datetime(2026, 6, 4, 10, 0, tzinfo=BERLIN)
    plan = schedule(
        ON.with_changes(checkin_on=False, homework_on=False, session_eve_on=True),
        JournalFacts(next_session=session),
    )
    assert plan.once == (datetime(2026, 6, 3, 19, 0, tzinfo=BERLIN),)
    now = datetime(2026, 6, 2, 12, 0, tzinfo=BERLIN)
    assert next_moment(plan, now=now) == datetime(2026, 6, 3, 19, 0, tzinfo=BERLIN)


def test_a_reminder_missed_while_asleep_shows_on_waking_only_if_recent() -> None:
    plan = schedule(ON.with_changes(homework_on=False), JournalFacts())
    asleep = datetime(2026, 6, 1, 19, 0, tzinfo=BERLIN)
    assert due(plan, now=datetime(2026, 6, 1, 20, 30, tzinfo=BERLIN), last_shown=asleep)
    assert not due(plan, now=datetime(2026, 6, 1, 23, 0, tzinfo=BERLIN), last_shown=asleep)


def test_a_clock_set_back_does_not_silence_reminders() -> None:
    plan = schedule(ON.with_changes(homework_on=False), JournalFacts())
    future = datetime(2026, 6, 9, 12, 0, tzinfo=BERLIN)  # shown while the clock was wrong
    assert due(plan, now=datetime(2026, 6, 1, 20, 1, tzinfo=BERLIN), last_shown=future)


@pytest.mark.parametrize(
    ("day", "at"), [(date(2026, 3, 29), time(2, 30)), (date(2026, 10, 25), time(2, 30))]
)
def test_dst_days_show_a_time_once_even_when_skipped_or_repeated(day: date, at: time) -> None:
    plan = schedule(ON.with_changes(checkin_at=at, homework_on=False), JournalFacts())
    start = datetime.combine(day, time(0, 0), tzinfo=BERLIN)
    assert len(_shown_over(plan, start, 25 * 60, BERLIN)) == 1


@settings(max_examples=25, deadline=None)
@given(
    zone=st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"]),
    times=st.sets(
        st.times().map(lambda t: t.replace(second=0, microsecond=0)), min_size=1, max_size=3
    ),
    start=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 1, 1)),
)
def test_each_daily_time_shows_at_most_once_a_day_in_any_zone(
    zone: str, times: set[time], start: datetime
) -> None:
    times = {t for t in times if all(t == u or abs(_minutes(t) - _minutes(u)) > 5 for u in times)}
    plan = Schedule(daily=tuple((t, False) for t in sorted(times)))
    shown = _shown_over(plan, start.replace(tzinfo=UTC), 2 * 24 * 60, ZoneInfo(zone), every=5)
    per_day: dict[date, int] = {}
    for moment in shown:
        per_day[moment.date()] = per_day.get(moment.date(), 0) + 1
    assert all(count <= len(times) for count in per_day.values())
    assert len(shown) >= len(times)  # a whole day in the middle shows every time


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


@pytest.mark.parametrize(
    "words", ["", "   ", "x" * 61, "two\nlines", "<b>bold</b>", "Tom & Jerry", "hidden\u200bword"]
)
def test_the_words_must_be_short_plain_and_on_one_line(words: str) -> None:
    with pytest.raises(ValidationError):
        check_text(words)


def test_the_settings_round_trip_and_garbage_falls_back_to_defaults() -> None:
    chosen = ON.with_changes(session_eve_on=True, text="Tea?")
    assert load(as_values(chosen)) == chosen
    assert load({"reminders.enabled": "yes", "reminders.checkin_at": "25:99"}) == ReminderSettings()


def test_autostart_entry_is_written_and_removed(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    assert not autostart.is_enabled(env)
    path = autostart.enable(["/opt/Trust Journal/bin/trustjournal"], env)
    assert path == tmp_path / "config" / "autostart" / "io.github.trustjournal.TrustJournal.desktop"
    assert autostart.is_enabled(env)
    assert 'Exec="/opt/Trust Journal/bin/trustjournal" --minimised\n' in path.read_text(
        encoding="utf-8"
    )
    autostart.disable(env)
    assert not path.exists()
    autostart.disable(env)  # twice is fine


def test_autostart_ignores_a_relative_config_home(tmp_path: Path) -> None:
    assert autostart.entry_path({"XDG_CONFIG_HOME": "relative"}).is_absolute()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="not installed")
def test_the_autostart_entry_validates(tmp_path: Path) -> None:
    command = ["/usr/bin/python3", "-m", "trustjournal", "--vault", '/home/a "b"/$x\\y 100%']
    path = autostart.enable(command, {"XDG_CONFIG_HOME": str(tmp_path)})
    result = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""
    exec_line = next(x for x in path.read_text(encoding="utf-8").splitlines() if "Exec=" in x)
    assert exec_line.endswith(" --minimised")


def test_the_autostart_entry_starts_the_app_out_of_sight() -> None:
    # What the desktop runs at login is an app start with --minimised, not a command.
    for command in (["/usr/bin/trustjournal"], ["/usr/bin/python3", "-m", "trustjournal"]):
        text = autostart.desktop_entry(command)
        exec_value = next(x for x in text.splitlines() if x.startswith("Exec="))
        argv = shlex.split(exec_value.removeprefix("Exec="))
        assert argv[: len(command)] == command
        assert entry._app_options(argv[len(command) :]) == (None, False, True)
