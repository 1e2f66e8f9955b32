"""The two secrets dialogs, driven by keys: Enter is the default button, Escape cancels, a new
recovery code replaces the old one only once kept, and late work never touches a closed dialog.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.store.fault_injection import failing_at
from tests.ui.dialog_helpers import (
    NEW_PASSPHRASE,
    HeldTasks,
    Journal,
    delete_closed_dialogs,
    passphrase_dialog,
    recovery_dialog,
)
from tests.ui.shell_helpers import PASSPHRASE
from trustjournal.core.errors import WrongSecretError
from trustjournal.ui import preferences
from trustjournal.ui.dialogs import change_passphrase, new_recovery_code
from trustjournal.ui.widgets.recovery_code_panel import last_group

ENTER, ESCAPE = Qt.Key.Key_Return, Qt.Key.Key_Escape


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    journal = Journal(tmp_path / "journal")
    yield journal
    journal.vault.lock()


def _type(field: QWidget, text: str) -> None:
    field.setFocus()  # as a person clicks or tabs into it; keys go where the focus is
    QTest.keyClicks(field, text)


def _key(field: QWidget, key: Qt.Key) -> None:
    field.setFocus()
    QTest.keyClick(field, key)


def _type_and_enter(field: QWidget, text: str) -> None:
    _type(field, text)
    _key(field, ENTER)


# --- a new recovery code -------------------------------------------------------------------------


def test_enter_with_a_wrong_passphrase_says_so_and_stays_open(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = recovery_dialog(journal)
    before = journal.key_file()
    _type_and_enter(dialog.passphrase, "not my passphrase")
    assert dialog.isVisible() and not dialog.is_finished
    assert dialog.error.text() == WrongSecretError().message
    assert dialog.panel is None
    assert journal.key_file() == before
    _key(dialog.passphrase, ENTER)  # once more, with the field now emptied by retyping
    assert dialog.isVisible()


def test_enter_in_an_empty_passphrase_field_asks_for_it(qtbot: QtBot, journal: Journal) -> None:
    dialog = recovery_dialog(journal)
    _key(dialog.passphrase, ENTER)
    assert dialog.isVisible()
    assert dialog.error.text() == new_recovery_code.EMPTY_FIELD


def test_enter_with_the_right_passphrase_shows_a_new_code_and_changes_nothing_yet(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = recovery_dialog(journal)
    before = journal.key_file()
    _type_and_enter(dialog.passphrase, PASSPHRASE)
    assert dialog.isVisible()
    assert dialog.panel is not None and dialog.panel.isVisibleTo(dialog)
    assert dialog.panel.code_label.text() != journal.old_code
    assert journal.key_file() == before


def test_escape_before_confirming_keeps_the_old_code_and_forgets_the_new(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = recovery_dialog(journal)
    _type_and_enter(dialog.passphrase, PASSPHRASE)
    assert dialog.panel is not None
    new_code = dialog.panel.code_label.text()
    _type(dialog.panel.check, last_group(new_code))  # even with the check done
    with qtbot.waitSignal(dialog.outcome) as said:
        _key(dialog.panel.check, ESCAPE)
    assert dialog.is_finished
    assert said.args == [new_recovery_code.NOT_KEPT]
    journal.vault.lock()
    assert journal.opens_with_code(journal.old_code)
    assert not journal.opens_with_code(new_code)


def test_enter_in_the_check_field_keeps_the_new_code_once_it_matches(
    qtbot: QtBot, journal: Journal
) -> None:
    journal.settings.set(preferences.RECOVERY_CONFIRMED, False)
    dialog = recovery_dialog(journal)
    _type_and_enter(dialog.passphrase, PASSPHRASE)
    assert dialog.panel is not None
    new_code = dialog.panel.code_label.text()
    before = journal.key_file()
    _type_and_enter(dialog.panel.check, "0000")
    assert dialog.isVisible()  # a wrong group: said so, nothing kept
    assert "not the code's last group" in dialog.panel.check_state.text()
    assert journal.key_file() == before
    with qtbot.waitSignal(dialog.outcome) as said:
        _type_and_enter(dialog.panel.check, last_group(new_code))
    assert said.args == [new_recovery_code.KEPT]
    assert dialog.is_finished and dialog.result() == QDialog.DialogCode.Accepted
    assert journal.settings.get(preferences.RECOVERY_CONFIRMED) is True
    journal.vault.lock()
    assert journal.opens_with_code(new_code)
    assert not journal.opens_with_code(journal.old_code)


def test_escape_at_the_passphrase_step_changes_nothing(qtbot: QtBot, journal: Journal) -> None:
    dialog = recovery_dialog(journal)
    before = journal.key_file()
    _type(dialog.passphrase, PASSPHRASE)
    with qtbot.assertNotEmitted(dialog.outcome):
        _key(dialog.passphrase, ESCAPE)
    assert dialog.is_finished and dialog.result() == QDialog.DialogCode.Rejected
    assert journal.key_file() == before


def test_escape_while_the_passphrase_is_checked_closes_and_the_late_result_is_dropped(
    qtbot: QtBot, journal: Journal
) -> None:
    tasks = HeldTasks()
    dialog = recovery_dialog(journal, tasks)
    before = journal.key_file()
    _type_and_enter(dialog.passphrase, PASSPHRASE)
    assert dialog.isVisible()  # Enter started the work and did nothing else
    _key(dialog.passphrase, ESCAPE)
    assert dialog.is_finished
    delete_closed_dialogs()
    tasks.run_all()  # would raise "already deleted" if it touched the closed dialog
    assert journal.key_file() == before
    journal.vault.lock()
    assert journal.opens_with_code(journal.old_code)


def test_escape_while_the_new_code_is_put_in_place_waits_for_the_outcome(
    qtbot: QtBot, journal: Journal
) -> None:
    tasks = HeldTasks()
    dialog = recovery_dialog(journal, tasks)
    _type_and_enter(dialog.passphrase, PASSPHRASE)
    tasks.run_all()
    assert dialog.panel is not None
    new_code = dialog.panel.code_label.text()
    _type_and_enter(dialog.panel.check, last_group(new_code))
    assert dialog.is_busy
    _key(dialog.panel.check, ESCAPE)
    assert dialog.isVisible() and not dialog.is_finished
    with qtbot.waitSignal(dialog.outcome) as said:
        tasks.run_all()
    assert said.args == [new_recovery_code.KEPT]
    journal.vault.lock()
    assert journal.opens_with_code(new_code)


def test_a_new_code_that_cannot_be_put_in_place_says_the_old_one_still_works(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = recovery_dialog(journal)
    _type_and_enter(dialog.passphrase, PASSPHRASE)
    assert dialog.panel is not None
    new_code = dialog.panel.code_label.text()
    _type(dialog.panel.check, last_group(new_code))
    # The disk "is full" for the key file's first write. Only our own os.write fails: a file
    # size limit on the whole process would also fail Qt's and pytest's own writes.
    with failing_at(("write", 1), errno.ENOSPC):
        _key(dialog.panel.check, ENTER)
    assert dialog.isVisible()
    assert "your old recovery code still works" in dialog.keep_error.text()
    journal.vault.lock()
    assert journal.opens_with_code(journal.old_code)
    assert not journal.opens_with_code(new_code)


# --- change the passphrase -----------------------------------------------------------------------


def _fill(dialog: change_passphrase.ChangePassphraseDialog, current: str, new: str) -> None:
    _type(dialog.current, current)
    _type(dialog.form.first, new)
    _type(dialog.form.second, new)


@pytest.mark.parametrize("field", ["current", "first", "second"])
def test_enter_in_any_field_changes_the_passphrase_and_says_so(
    qtbot: QtBot, journal: Journal, field: str
) -> None:
    dialog = passphrase_dialog(journal)
    _fill(dialog, PASSPHRASE, NEW_PASSPHRASE)
    target = {"current": dialog.current, "first": dialog.form.first, "second": dialog.form.second}
    with qtbot.waitSignal(dialog.outcome) as said:
        _key(target[field], ENTER)
    assert said.args == [change_passphrase.CHANGED]
    assert dialog.is_finished and dialog.result() == QDialog.DialogCode.Accepted
    journal.vault.lock()
    assert journal.opens_with_passphrase(NEW_PASSPHRASE)
    assert not journal.opens_with_passphrase(PASSPHRASE)


def test_enter_with_a_wrong_current_passphrase_says_so_and_changes_nothing(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = passphrase_dialog(journal)
    before = journal.key_file()
    _fill(dialog, "not the current one", NEW_PASSPHRASE)
    _key(dialog.form.second, ENTER)
    assert dialog.isVisible() and not dialog.is_finished
    assert dialog.error.text() == WrongSecretError().message
    assert dialog.focusWidget() is dialog.current
    assert journal.key_file() == before


@pytest.mark.parametrize(
    "case",
    [
        ("", NEW_PASSPHRASE, NEW_PASSPHRASE, "current", change_passphrase.NEED_CURRENT),
        (PASSPHRASE, "", "", "first", change_passphrase.NEED_NEW),
        (PASSPHRASE, "password", "password", "first", change_passphrase.NEED_STRONGER),
        (PASSPHRASE, NEW_PASSPHRASE, "", "second", change_passphrase.NEED_REPEAT),
        (PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE + "!", "second", change_passphrase.NEED_SAME),
    ],
)
def test_enter_while_the_button_is_off_points_at_what_is_missing(
    qtbot: QtBot, journal: Journal, case: tuple[str, str, str, str, str]
) -> None:
    current, first, second, focus, message = case
    dialog = passphrase_dialog(journal)
    _type(dialog.current, current)
    _type(dialog.form.first, first)
    _type(dialog.form.second, second)
    before = journal.key_file()
    for field in (dialog.current, dialog.form.first, dialog.form.second):
        _key(field, ENTER)
        assert dialog.isVisible()
        assert dialog.error.text() == message
        fields = {"current": dialog.current, "first": dialog.form.first}
        assert dialog.focusWidget() is fields.get(focus, dialog.form.second)
    assert journal.key_file() == before


def test_escape_cancels_and_changes_nothing(qtbot: QtBot, journal: Journal) -> None:
    dialog = passphrase_dialog(journal)
    before = journal.key_file()
    _fill(dialog, PASSPHRASE, NEW_PASSPHRASE)
    _key(dialog.form.second, ESCAPE)
    assert dialog.is_finished and dialog.result() == QDialog.DialogCode.Rejected
    assert journal.key_file() == before


def test_escape_while_the_change_runs_waits_and_reports_it(qtbot: QtBot, journal: Journal) -> None:
    tasks = HeldTasks()
    dialog = passphrase_dialog(journal, tasks)
    _fill(dialog, PASSPHRASE, NEW_PASSPHRASE)
    _key(dialog.form.second, ENTER)
    assert dialog.is_busy and dialog.isVisible()  # Enter started the work and nothing else
    _key(dialog.form.second, ESCAPE)
    dialog.close()  # the window's own close button, too
    assert dialog.isVisible() and not dialog.is_finished
    with qtbot.waitSignal(dialog.outcome) as said:
        tasks.run_all()
    assert said.args == [change_passphrase.CHANGED]
    journal.vault.lock()
    assert journal.opens_with_passphrase(NEW_PASSPHRASE)


def test_a_lock_while_the_change_runs_leaves_the_closed_dialog_alone(
    qtbot: QtBot, qapp: QApplication, journal: Journal
) -> None:
    from trustjournal.ui.lock import close_dialogs

    tasks = HeldTasks()
    dialog = passphrase_dialog(journal, tasks)
    _fill(dialog, PASSPHRASE, NEW_PASSPHRASE)
    _key(dialog.form.second, ENTER)
    assert close_dialogs(qapp) >= 1  # a lock is never blocked, not even by this
    assert dialog.is_finished
    delete_closed_dialogs()
    tasks.run_all()  # would raise "already deleted" if it touched the closed dialog
