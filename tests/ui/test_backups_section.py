"""Settings → Backups on a real vault: back up now, the list, Check, the folder, Restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.i18n_helpers import escaped_texts
from tests.ui.journal_helpers import sample_entries
from tests.ui.shell_helpers import PASSPHRASE, fixed_clock, make_vault, start_shell, unlock
from trustjournal.app import Shell
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.settings.backups_section import BackupFolderDialog, BackupsSection
from trustjournal.ui.settings.restore_dialog import RestoreBackupDialog


@pytest.fixture
def shell(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Shell:
    make_vault(tmp_path / "journal")
    return start_shell(qtbot, qapp, tmp_path)


def _section(qtbot: QtBot, shell: Shell) -> BackupsSection:
    if shell.controller.vault is None:
        with qtbot.waitSignal(shell.controller.unlocked):
            unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    assert frame.show_page("settings")
    page = frame.page("settings")
    assert isinstance(page, SettingsPage)
    return page.backups


def _press(widget: object) -> None:
    widget.setFocus()  # type: ignore[attr-defined]
    QTest.keyClick(widget, Qt.Key.Key_Space)  # type: ignore[arg-type]


def _choose_first(section: BackupsSection) -> None:
    section.table.setFocus()
    QTest.keyClick(section.table, Qt.Key.Key_Down)
    if section.selected() is None:  # the first Down only made a current row
        QTest.keyClick(section.table, Qt.Key.Key_Space)


def _add_entries(shell: Shell, count: int) -> None:
    vault = shell.controller.vault
    assert vault is not None
    entries = EntryRepository(db=vault.db, clock=fixed_clock)
    for entry in list(sample_entries(days=count))[:count]:
        entries.add(entry)


def test_back_up_now_lists_the_backup_with_its_entries_and_the_space_used(
    qtbot: QtBot, shell: Shell, tmp_path: Path
) -> None:
    section = _section(qtbot, shell)
    assert section.summary.text() == "No automatic backups yet."
    assert section.folder_label.text() == str(tmp_path / "journal" / "backups")
    _add_entries(shell, 2)
    _press(section.now_button)
    assert section.status.text() == "A backup was made just now."
    assert section.table.topLevelItemCount() == 1
    row = section.table.topLevelItem(0)
    assert row is not None and row.text(1) == "2 entries" and row.text(2).endswith(" MB")
    assert section.summary.text().startswith("1 backup kept, using ")
    assert [p.name[:5] for p in (tmp_path / "journal" / "backups").iterdir()] == ["auto-"]


def test_check_says_plainly_that_a_backup_is_sound(qtbot: QtBot, shell: Shell) -> None:
    section = _section(qtbot, shell)
    _add_entries(shell, 1)
    _press(section.now_button)
    assert not section.check_button.isEnabled()  # nothing chosen yet
    _choose_first(section)
    _press(section.check_button)
    assert section.status.text() == (
        "This backup is sound: it opens with your key and holds 1 entry."
    )
    assert section.status.property("role") == "good"


def test_check_of_a_damaged_backup_says_so_without_a_traceback(qtbot: QtBot, shell: Shell) -> None:
    section = _section(qtbot, shell)
    _press(section.now_button)
    info = section.service.backups()[0]
    database = info.path / "journal.db"
    damaged = bytearray(database.read_bytes())
    damaged[5000:5100] = bytes(100)
    database.write_bytes(bytes(damaged))
    section.refresh()
    _choose_first(section)
    _press(section.check_button)
    assert section.status.property("role") == "error"
    assert section.status.text() and "Traceback" not in section.status.text()


def test_choosing_another_folder_sends_the_next_backup_there(
    qtbot: QtBot, shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "other disk"
    elsewhere.mkdir()
    monkeypatch.setattr(BackupFolderDialog, "ask", classmethod(lambda cls, p, c: elsewhere))
    section = _section(qtbot, shell)
    _press(section.choose_button)
    assert section.folder_label.text() == str(elsewhere)
    _press(section.now_button)
    assert [p.name[:5] for p in elsewhere.iterdir()] == ["auto-"]


def test_a_folder_inside_the_journal_is_refused_with_a_plain_message(
    qtbot: QtBot, shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = tmp_path / "journal" / "mine"
    monkeypatch.setattr(BackupFolderDialog, "ask", classmethod(lambda cls, p, c: inside))
    section = _section(qtbot, shell)
    _press(section.choose_button)
    assert section.folder_error.text() == (
        "Please choose a folder outside the journal's own folder for backups."
    )
    assert section.folder_label.text() == str(tmp_path / "journal" / "backups")


def test_restore_keeps_now_locks_and_brings_the_backup_back(
    qtbot: QtBot, qapp: QApplication, shell: Shell, tmp_path: Path
) -> None:
    section = _section(qtbot, shell)
    _add_entries(shell, 1)
    _press(section.now_button)
    _add_entries(shell, 2)  # three entries now; the backup holds one
    _choose_first(section)
    _press(section.restore_button)
    dialog = qapp.activeModalWidget()
    assert isinstance(dialog, RestoreBackupDialog)
    dialog.passphrase.setFocus()
    QTest.keyClicks(dialog.passphrase, PASSPHRASE)
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    screen = shell.controller.screen()
    assert isinstance(screen, UnlockScreen)
    assert screen.note.text().startswith("The backup from ")
    assert screen.note.text().endswith("is back in place. Unlock it as usual.")
    backups = sorted(p.name for p in (tmp_path / "journal" / "backups").iterdir())
    assert len([n for n in backups if n.startswith("before-restore-")]) == 1
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    vault = shell.controller.vault
    assert vault is not None
    assert vault.db.scalar("SELECT count(*) FROM entries") == 1
    # What was there before the restore (three entries) was kept as a backup first.
    service = _section(qtbot, shell).service
    assert sorted(b.entries for b in service.backups()) == [1, 3]


def test_a_wrong_passphrase_restores_nothing_and_says_so(
    qtbot: QtBot, qapp: QApplication, shell: Shell
) -> None:
    section = _section(qtbot, shell)
    _press(section.now_button)
    _choose_first(section)
    _press(section.restore_button)
    dialog = qapp.activeModalWidget()
    assert isinstance(dialog, RestoreBackupDialog)
    dialog.passphrase.setFocus()
    QTest.keyClicks(dialog.passphrase, "not it")
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.error.text() == (
        "That passphrase opens neither your journal now nor this backup. Please try again."
    )
    assert shell.controller.vault is not None  # still open, nothing moved
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    assert dialog.is_finished


@pytest.mark.usefixtures("pseudo")
def test_every_word_of_the_section_and_the_restore_dialog_is_translated(
    qtbot: QtBot, qapp: QApplication, shell: Shell
) -> None:
    section = _section(qtbot, shell)
    _add_entries(shell, 2)
    _press(section.now_button)
    _choose_first(section)
    _press(section.check_button)
    row = section.table.topLevelItem(0)
    assert row is not None and all(row.text(c).startswith("[") for c in range(3))
    assert escaped_texts(section, user_texts=[section.folder_label.text()]) == []
    _press(section.restore_button)
    dialog = qapp.activeModalWidget()
    assert isinstance(dialog, RestoreBackupDialog)
    assert escaped_texts(dialog) == []
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Escape)


def test_a_backup_from_before_a_passphrase_change_says_why_and_takes_the_recovery_code(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)
    elsewhere = tmp_path / "other disk"
    elsewhere.mkdir()
    monkeypatch.setattr(BackupFolderDialog, "ask", classmethod(lambda cls, p, c: elsewhere))
    section = _section(qtbot, shell)
    _press(section.choose_button)
    _add_entries(shell, 1)
    _press(section.now_button)
    vault = shell.controller.vault
    assert vault is not None
    vault.change_passphrase(PASSPHRASE, "a newer passphrase for the journal")
    _choose_first(section)
    _press(section.restore_button)
    dialog = qapp.activeModalWidget()
    assert isinstance(dialog, RestoreBackupDialog)
    assert dialog.secret_note.isVisible()
    assert "before your passphrase last changed" in dialog.secret_note.text()
    dialog.passphrase.setFocus()
    QTest.keyClicks(dialog.passphrase, code)
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    screen = shell.controller.screen()
    assert isinstance(screen, UnlockScreen)
    assert screen.note.text().endswith("is back in place. Unlock it as usual.")
