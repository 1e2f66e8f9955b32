"""Reminders in the running app: the Settings section by keyboard, the scheduler's neutral words
(through its `notify` seam), locked and unlocked, what is kept outside the vault, autostart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tests.ui.i18n_helpers import escaped_texts
from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session
from tests.ui.shell_helpers import PASSPHRASE, make_vault, start_shell, unlock
from trustjournal.core import i18n
from trustjournal.core.entries import MoodCheckIn, TherapySession, TriggerRecord
from trustjournal.services.reminder_facts import reminder_settings
from trustjournal.services.reminders import ReminderSettings, as_values
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.icons import Icon, icon
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.reminders import ReminderScheduler, learn_from
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.settings.reminders_section import RemindersSection
from trustjournal.ui.tray import show_reminder, wire_tray

SESSION_AT = NOW + timedelta(days=3)
ON = ReminderSettings(enabled=True, checkin_at=time(20, 0), session_eve_on=True)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened = create_vault(tmp_path / "journal")
    yield opened
    opened.lock()


def _scheduler(
    tmp_path: Path, clock: MovableClock, shown: list[str], qapp: QApplication
) -> tuple[ReminderScheduler, QSettings]:
    qsettings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    scheduler = ReminderScheduler(
        qsettings=qsettings, clock=clock, notify=shown.append, parent=qapp
    )
    return scheduler, qsettings


def _section(qtbot: QtBot, vault: Vault, clock: MovableClock, **kwargs: object) -> RemindersSection:
    section = RemindersSection(session=open_session(vault, clock), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(section)
    section.resize(700, 900)
    section.show()
    qtbot.waitExposed(section)
    section.activateWindow()
    qtbot.waitUntil(section.isActiveWindow)
    return section


def test_notifications_say_only_the_neutral_words_locked_or_not(
    qapp: QApplication, vault: Vault, tmp_path: Path
) -> None:
    clock = MovableClock(NOW.astimezone())
    entries = open_session(vault, clock).entries
    entries.add(TherapySession(occurred_at=NOW, with_whom="Dr. Lee", next_at=SESSION_AT))
    entries.add(TriggerRecord(occurred_at=NOW, situation="canary situation", intensity=7))
    SettingsRepository(db=vault.db).set_many(as_values(ON))
    shown: list[str] = []
    scheduler, qsettings = _scheduler(tmp_path, clock, shown, qapp)
    learn_from(scheduler, vault=vault, clock=clock)
    vault.lock()  # from here on, only what the scheduler learnt while unlocked
    eve = (SESSION_AT - timedelta(days=1)).astimezone(clock.now.tzinfo)
    clock.now = datetime.combine(eve.date(), time(19, 0, 30), tzinfo=clock.now.tzinfo)
    scheduler.check()
    assert shown == ["A moment for your journal?"]
    clock.now = clock.now.replace(hour=20, minute=0, second=10)
    scheduler.check()
    assert shown == ["A moment for your journal?"] * 2
    scheduler.check()  # the same moment never shows twice
    assert len(shown) == 2
    raw = (tmp_path / "qsettings.ini").read_text(encoding="utf-8")
    for secret in ("Dr. Lee", "canary", "trigger", "19:00", SESSION_AT.date().isoformat()):
        assert secret not in raw
    assert qsettings.value("reminders/daily") == "20:00"


def test_a_check_in_done_today_is_not_reminded_of(
    qapp: QApplication, vault: Vault, tmp_path: Path
) -> None:
    clock = MovableClock(NOW.astimezone())
    open_session(vault, clock).entries.add(MoodCheckIn(occurred_at=clock.now, mood=6))
    SettingsRepository(db=vault.db).set_many(as_values(ON))
    shown: list[str] = []
    scheduler, _qsettings = _scheduler(tmp_path, clock, shown, qapp)
    learn_from(scheduler, vault=vault, clock=clock)
    clock.now = clock.now.replace(hour=20, minute=1)
    scheduler.check()
    assert shown == []
    clock.now += timedelta(days=1)
    scheduler.check()
    assert shown == ["A moment for your journal?"]


def test_a_restarted_locked_app_reminds_from_what_is_kept_outside(
    qapp: QApplication, vault: Vault, tmp_path: Path
) -> None:
    clock = MovableClock(NOW.astimezone())
    SettingsRepository(db=vault.db).set_many(as_values(ON.with_changes(text="Tea time?")))
    first, _qsettings = _scheduler(tmp_path, clock, [], qapp)
    learn_from(first, vault=vault, clock=clock)
    shown: list[str] = []
    restarted, _again = _scheduler(tmp_path, clock, shown, qapp)  # never sees the vault
    clock.now = clock.now.replace(hour=20, minute=2)
    restarted.check()
    assert shown == ["Tea time?"]


def test_reminders_off_keep_nothing_outside_and_arm_nothing(
    qapp: QApplication, vault: Vault, tmp_path: Path
) -> None:
    clock = MovableClock(NOW.astimezone())
    scheduler, qsettings = _scheduler(tmp_path, clock, [], qapp)
    learn_from(scheduler, vault=vault, clock=clock)
    assert scheduler.next_due() is None
    assert qsettings.allKeys() == []


def test_the_section_by_keyboard_saves_into_the_vault(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    clock = MovableClock()
    section = _section(qtbot, vault, clock)
    assert not section.enabled_check.isChecked()
    assert not section.checkin_time.isEnabled()
    section.enabled_check.setFocus()
    qtbot.waitUntil(section.enabled_check.hasFocus)
    QTest.keyClick(section.enabled_check, Qt.Key.Key_Space)
    assert reminder_settings(vault=vault).enabled
    assert section.checkin_time.isEnabled()
    section.checkin_time.setFocus()
    QTest.keyClick(section.checkin_time, Qt.Key.Key_Up)  # the hour goes up by one
    assert reminder_settings(vault=vault).checkin_at == time(21, 0)
    section.words_edit.setFocus()
    section.words_edit.selectAll()
    QTest.keyClicks(section.words_edit, "Tea and a pen?")
    QTest.keyClick(section.words_edit, Qt.Key.Key_Return)
    assert reminder_settings(vault=vault).text == "Tea and a pen?"


def test_times_read_on_the_same_clock_as_the_rest_of_the_app(qtbot: QtBot, vault: Vault) -> None:
    section = _section(qtbot, vault, MovableClock())
    # Today names the next session "at 19:40": a reminder "at 8:00 PM" would read as another
    # clock.
    assert section.checkin_time.text() == "20:00"
    section.enabled_check.click()
    section.checkin_time.setFocus()
    qtbot.waitUntil(section.checkin_time.hasFocus)
    QTest.keyClick(section.checkin_time, Qt.Key.Key_Up)  # the hour, the first part, goes up
    assert section.checkin_time.text() == "21:00"
    assert reminder_settings(vault=vault).checkin_at == time(21, 0)


def test_bad_words_get_a_plain_message_and_are_not_saved(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    SettingsRepository(db=vault.db).set_many(as_values(ON))
    section = _section(qtbot, vault, MovableClock())
    section.words_edit.setFocus()
    section.words_edit.selectAll()
    QTest.keyClicks(section.words_edit, "<b>now</b>")
    QTest.keyClick(section.words_edit, Qt.Key.Key_Return)
    assert section.words_error.isVisible()
    assert "plain words" in section.words_error.text()
    assert section.words_edit.text() == "<b>now</b>"  # nothing typed is lost
    assert reminder_settings(vault=vault).text == ""


def test_autostart_is_written_and_removed_from_the_section(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "io.github.trustjournal.TrustJournal.desktop"
    section = _section(qtbot, vault, MovableClock(), autostart_supported=True)
    section.autostart_check.setFocus()
    QTest.keyClick(section.autostart_check, Qt.Key.Key_Space)
    assert entry.is_file()
    assert "Exec=" in entry.read_text(encoding="utf-8")
    QTest.keyClick(section.autostart_check, Qt.Key.Key_Space)
    assert not entry.exists()


def test_without_a_tray_the_section_says_so_and_nothing_is_shown(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    section = _section(qtbot, vault, MovableClock(), tray_available=lambda: False)
    assert section.no_tray_hint.isVisible()
    assert show_reminder(None, "A moment for your journal?") is False
    with_tray = _section(qtbot, vault, MovableClock(), tray_available=lambda: True)
    assert not with_tray.no_tray_hint.isVisible()


def test_a_real_tray_icon_takes_the_words_without_error(qapp: QApplication) -> None:
    tray = QSystemTrayIcon(icon(Icon.APP), qapp)
    try:
        shown = show_reminder(tray, "A moment for your journal?")
        assert shown
    finally:
        tray.deleteLater()


def test_the_section_speaks_the_pseudo_locale(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pseudo: None
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    section = _section(qtbot, vault, MovableClock())
    assert escaped_texts(section) == []
    assert i18n.current_language() == "pseudo"


def test_the_shell_learns_reminders_from_settings_and_keeps_them_when_locked(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        unlock(shell, PASSPHRASE)
    assert shell.reminders is not None
    assert shell.reminders.next_due() is None  # off by default
    frame = shell.controller.frame
    assert frame is not None and frame.show_page("settings")
    page = frame.page("settings")
    assert isinstance(page, SettingsPage)
    page.reminders.enabled_check.click()
    assert shell.reminders.plan.daily == ((time(20, 0), True),)
    qsettings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    assert qsettings.value("reminders/daily") == "20:00"
    shell.controller.lock("test")
    assert shell.reminders.next_due() is not None  # reminders go on while locked
    shell.reminders.check()  # no tray offscreen: nothing shown, nothing fails


def test_clicking_a_reminder_brings_the_window_and_never_unlocks(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)
    tray = QSystemTrayIcon(icon(Icon.APP), shell.window)
    wire_tray(tray, window=shell.window, lock_manager=shell.lock_manager)
    shell.window.showMinimized()
    tray.messageClicked.emit()
    assert not shell.window.isMinimized()
    assert shell.controller.vault is None
    assert isinstance(shell.controller.screen(), UnlockScreen)
