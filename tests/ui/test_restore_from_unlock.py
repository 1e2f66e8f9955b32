"""Restore from the unlock screen: a journal that cannot be opened is offered its backups,
by keyboard; what was there is kept, and the restored journal unlocks with its entries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.i18n_helpers import escaped_texts
from tests.ui.journal_helpers import sample_entries
from tests.ui.layout_checks import out_of_reach, overlaps, save_shot, settle, sideways, squeezed
from tests.ui.shell_helpers import PASSPHRASE, fixed_clock, make_vault, start_shell
from trustjournal.app import Shell
from trustjournal.core import i18n
from trustjournal.services.backups import BackupService
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.main_window import MINIMUM_SIZE
from trustjournal.ui.screens.unlock import APP_NAME, UnlockScreen
from trustjournal.ui.settings.backup_locked_restore import LockedRestoreDialog
from trustjournal.ui.settings.backups_section import BackupFolderDialog

ENTRIES = 3
NEWER = "a newer passphrase for the journal"


def _journal_with_a_backup(directory: Path) -> str:
    code = make_vault(directory)
    with Vault.unlock(directory, PASSPHRASE) as vault:
        entries = EntryRepository(db=vault.db, clock=fixed_clock)
        for entry in list(sample_entries(days=ENTRIES))[:ENTRIES]:
            entries.add(entry)
        BackupService(vault=vault, clock=fixed_clock).back_up_now()
    return code


def _break(path: Path) -> bytes:
    """Damage the first page past its salt: SQLCipher's page check then fails at open."""
    data = bytearray(path.read_bytes())
    data[1000:2000] = bytes(1000)
    path.write_bytes(bytes(data))
    return bytes(data)


def _tab_to(start: QWidget, target: QWidget) -> None:
    start.setFocus()
    for _step in range(12):
        if QApplication.focusWidget() is target:
            return
        QTest.keyClick(QApplication.focusWidget() or start, Qt.Key.Key_Tab)
    raise AssertionError(f"{target!r} cannot be reached with Tab")


def _type_and_enter(field: QWidget, text: str) -> None:
    field.setFocus()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def _kept(directory: Path, name: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted(directory.glob(f"backups/before-restore-*/{name}"))]


def _screen(shell: Shell) -> UnlockScreen:
    screen = shell.controller.screen()
    assert isinstance(screen, UnlockScreen)
    return screen


def _fails_to_open(shell: Shell, secret: str = PASSPHRASE) -> UnlockScreen:
    screen = _screen(shell)
    assert not screen.restore_button.isVisible()  # nothing to restore while all is well
    _type_and_enter(screen.field, secret)
    assert screen.error.isVisible() and screen.restore_button.isVisible()
    return screen


def _open_dialog(qtbot: QtBot, screen: UnlockScreen) -> LockedRestoreDialog:
    _tab_to(screen.field, screen.restore_button)
    QTest.keyClick(screen.restore_button, Qt.Key.Key_Space)
    dialog = screen.findChild(LockedRestoreDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _unlocks_with_entries(qtbot: QtBot, shell: Shell, screen: UnlockScreen, secret: str) -> None:
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        _type_and_enter(screen.field, secret)
    vault = shell.controller.vault
    assert vault is not None
    assert vault.db.scalar("SELECT count(*) FROM entries") == ENTRIES


def test_a_damaged_journal_is_restored_from_the_unlock_screen_by_keyboard(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    _journal_with_a_backup(directory)
    broken = _break(directory / "journal.db")
    shell = start_shell(qtbot, qapp, tmp_path)
    screen = _fails_to_open(shell)
    dialog = _open_dialog(qtbot, screen)
    assert dialog.backups.count() == 1 and dialog.chosen() is not None
    assert not dialog.secret_note.isVisible()  # nothing to explain: the usual secrets
    _tab_to(dialog.backups, dialog.secret)
    _type_and_enter(dialog.secret, PASSPHRASE)
    assert dialog.is_finished
    assert screen.note.isVisible() and "is back in place" in screen.note.text()
    assert not screen.restore_button.isVisible() and not screen.error.isVisible()
    assert _kept(directory, "journal.db") == [broken]  # never deleted: kept aside
    _unlocks_with_entries(qtbot, shell, screen, PASSPHRASE)


def test_a_wrong_passphrase_is_not_a_reason_to_offer_a_restore(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _journal_with_a_backup(tmp_path / "journal")
    screen = _screen(start_shell(qtbot, qapp, tmp_path))
    _type_and_enter(screen.field, "not my passphrase")
    assert screen.error.isVisible() and not screen.restore_button.isVisible()


def test_a_damaged_key_file_is_restored_with_the_backups_own_and_kept_aside(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    directory = tmp_path / "journal"
    code = _journal_with_a_backup(directory)
    damaged = b'{"format": "trustjournal-vault", "version": 1, "slots": '
    (directory / "vault.key").write_bytes(damaged)
    shell = start_shell(qtbot, qapp, tmp_path)
    screen = _fails_to_open(shell)
    dialog = _open_dialog(qtbot, screen)
    assert "key file cannot be read" in dialog.secret_note.text()
    _type_and_enter(dialog.secret, "not it")  # a wrong secret changes nothing
    assert not dialog.is_finished and "not restored" in dialog.error.text()
    assert (directory / "vault.key").read_bytes() == damaged
    dialog.secret.clear()
    _type_and_enter(dialog.secret, code)  # the recovery code works as well
    assert dialog.is_finished, dialog.error.text()
    assert "passphrase you had then" in screen.note.text()
    assert _kept(directory, "vault.key") == [damaged]
    _unlocks_with_entries(qtbot, shell, screen, PASSPHRASE)


def test_backups_kept_in_another_folder_are_found_by_choosing_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "journal"
    _journal_with_a_backup(directory)
    elsewhere = tmp_path / "other disk"
    (directory / "backups").rename(elsewhere)
    _break(directory / "journal.db")
    shell = start_shell(qtbot, qapp, tmp_path)
    dialog = _open_dialog(qtbot, _fails_to_open(shell))
    assert dialog.backups.count() == 0 and "No backups" in dialog.folder_label.text()
    _type_and_enter(dialog.secret, PASSPHRASE)  # Enter says what is missing
    assert not dialog.is_finished and dialog.error.text() == "Please choose a backup first."
    monkeypatch.setattr(BackupFolderDialog, "ask", classmethod(lambda cls, p, c: elsewhere))
    _tab_to(dialog.backups, dialog.folder_button)
    QTest.keyClick(dialog.folder_button, Qt.Key.Key_Space)
    assert dialog.folder == elsewhere and dialog.backups.count() == 1
    _type_and_enter(dialog.secret, "")  # the passphrase typed before is still there
    assert dialog.is_finished, dialog.error.text()
    _unlocks_with_entries(qtbot, shell, _screen(shell), PASSPHRASE)


def test_a_backup_made_under_an_earlier_passphrase_says_so_and_takes_that_one(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "journal"
    _journal_with_a_backup(directory)
    elsewhere = tmp_path / "other disk"  # copies inside the journal's folder get the new one
    (directory / "backups").rename(elsewhere)
    with Vault.unlock(directory, PASSPHRASE) as vault:
        vault.change_passphrase(PASSPHRASE, NEWER)
    _break(directory / "journal.db")
    monkeypatch.setattr(BackupFolderDialog, "ask", classmethod(lambda cls, p, c: elsewhere))
    shell = start_shell(qtbot, qapp, tmp_path)
    dialog = _open_dialog(qtbot, _fails_to_open(shell, NEWER))
    QTest.keyClick(dialog.folder_button, Qt.Key.Key_Space)
    assert "before your passphrase last changed" in dialog.secret_note.text()
    _type_and_enter(dialog.secret, PASSPHRASE)
    assert dialog.is_finished
    # The journal's key file of now stays: its passphrase of now opens the restored journal.
    _unlocks_with_entries(qtbot, shell, _screen(shell), NEWER)


# --- words and layout ------------------------------------------------------------------------


@pytest.fixture(params=["pseudo", "de"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    yield i18n.set_language(request.param)
    i18n.set_language("en")


def _fits(root: QWidget, language: str, name: str, tmp_path: Path) -> None:
    settle()
    save_shot(root, f"{language}-{name}", tmp_path)
    if language == i18n.PSEUDO:
        assert escaped_texts(root, user_texts=[PASSPHRASE, APP_NAME]) == []
        assert [f for f in squeezed(root) if not f.startswith("QLabel")] == []
    else:
        assert squeezed(root) == [] and sideways(root) == []
    assert overlaps(root) == [] and out_of_reach(root) == []


def test_the_restore_offer_and_its_dialog_are_translated_and_fit_the_smallest_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, language: str
) -> None:
    directory = tmp_path / "journal"
    _journal_with_a_backup(directory)
    _break(directory / "journal.db")
    shell = start_shell(qtbot, qapp, tmp_path)
    shell.window.resize(MINIMUM_SIZE)
    screen = _fails_to_open(shell)
    _fits(screen, language, "unlock-restore-offered", tmp_path)
    dialog = _open_dialog(qtbot, screen)
    QTest.keyClick(dialog.backups, Qt.Key.Key_Return)  # no passphrase yet: says so
    assert dialog.error.isVisible()
    assert dialog.width() <= MINIMUM_SIZE.width() and dialog.height() <= MINIMUM_SIZE.height()
    _fits(dialog, language, "dialog-restore-from-unlock", tmp_path)
