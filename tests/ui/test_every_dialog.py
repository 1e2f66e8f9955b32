"""Every dialog of the app, by keyboard: Enter in each field does what the default button does
(or, while it is off, says what is missing), Escape does what Cancel does, and work still
running when a dialog closes never touches it. A new dialog fails here until it is listed.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

import trustjournal.ui
from tests.ui.dialog_helpers import (
    NEW_PASSPHRASE,
    HeldTasks,
    Journal,
    delete_closed_dialogs,
    export_data_dialog,
    import_data_dialog,
    locked_restore_dialog,
    passphrase_dialog,
    recovery_dialog,
    restore_dialog,
)
from tests.ui.goal_dialog_helpers import goal_dialog, goal_typed
from tests.ui.homework_helpers import homework_dialog
from tests.ui.shell_helpers import PASSPHRASE
from trustjournal.ui.data.export_dialog import ExportDataDialog
from trustjournal.ui.data.import_dialog import ImportDataDialog
from trustjournal.ui.dialogs.change_passphrase import ChangePassphraseDialog
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.dialogs.never_lock import NeverLockDialog
from trustjournal.ui.dialogs.new_recovery_code import NewRecoveryCodeDialog
from trustjournal.ui.settings.backup_locked_restore import LockedRestoreDialog
from trustjournal.ui.settings.restore_dialog import RestoreBackupDialog
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.today.goal_dialog import GoalDialog
from trustjournal.ui.today.homework_dialog import HomeworkDialog
from trustjournal.ui.widgets.recovery_code_panel import last_group

Build = Callable[[Journal, Tasks | None], KeyedDialog]
Setup = Callable[[KeyedDialog, Callable[[], None]], None]  # the dialog, and "let work finish"


def _type(field: QWidget, text: str) -> None:
    field.setFocus()
    QTest.keyClicks(field, text)


def _enter(field: QWidget) -> None:
    field.setFocus()  # keys go where the focus is, as for a person
    QTest.keyClick(field, Qt.Key.Key_Return)


# --- what each dialog is, and the states to try it in ------------------------------------------


def _passphrases(current: str, first: str, second: str) -> Setup:
    def setup(dialog: KeyedDialog, _settle: Callable[[], None]) -> None:
        assert isinstance(dialog, ChangePassphraseDialog)
        _type(dialog.current, current)
        _type(dialog.form.first, first)
        _type(dialog.form.second, second)
        dialog.form.evaluate_now()

    return setup


def _recovery(passphrase: str, *, make: bool = False, check: bool | None = None) -> Setup:
    def setup(dialog: KeyedDialog, settle: Callable[[], None]) -> None:
        assert isinstance(dialog, NewRecoveryCodeDialog)
        _type(dialog.passphrase, passphrase)
        if make:
            dialog.make_button.click()
            settle()
            assert dialog.panel is not None
            if check is not None:
                code = dialog.panel.code_label.text()
                _type(dialog.panel.check, last_group(code) if check else "0000")

    return setup


def _restore_passphrase(passphrase: str) -> Setup:
    def setup(dialog: KeyedDialog, _settle: Callable[[], None]) -> None:
        assert isinstance(dialog, RestoreBackupDialog)
        _type(dialog.passphrase, passphrase)

    return setup


def _locked_restore(secret: str) -> Setup:
    def setup(dialog: KeyedDialog, settle: Callable[[], None]) -> None:
        assert isinstance(dialog, LockedRestoreDialog)
        settle()  # the list of backups is read in the background
        assert dialog.chosen() is not None
        _type(dialog.secret, secret)

    return setup


def _export(
    *, archive: bool = False, first: str = "", second: str = "", path: bool = True
) -> Setup:
    def setup(dialog: KeyedDialog, _settle: Callable[[], None]) -> None:
        assert isinstance(dialog, ExportDataDialog)
        if archive:
            dialog.archive_choice.setFocus()
            QTest.keyClick(dialog.archive_choice, Qt.Key.Key_Space)
            _type(dialog.passphrase, first)
            _type(dialog.repeat, second)
        if not path:
            dialog.target.field.clear()

    return setup


DAYLIO = Path(__file__).resolve().parent.parent / "data" / "daylio-export.csv"


def _import(path: Path | None, *, preview: bool = False) -> Setup:
    def setup(dialog: KeyedDialog, settle: Callable[[], None]) -> None:
        assert isinstance(dialog, ImportDataDialog)
        if path is not None:
            _type(dialog.source.field, str(path))
        if preview:
            dialog.preview_button.click()
            settle()
            assert dialog.mapping is not None  # the file's own mood, "sleepy", asks for 1-10

    return setup


def _homework(title: str = "", *, times: int | None = None, ends_early: bool = False) -> Setup:
    def setup(dialog: KeyedDialog, _settle: Callable[[], None]) -> None:
        assert isinstance(dialog, HomeworkDialog)
        _type(dialog.title, title)
        if times is not None:
            dialog.times.setValue(times)
        if ends_early:
            dialog.has_end.setChecked(True)
            dialog.end.setDate(dialog.start.date().addDays(-1))

    return setup


def _recovery_cancel(dialog: KeyedDialog) -> QPushButton:
    assert isinstance(dialog, NewRecoveryCodeDialog)
    return dialog.discard_button if dialog.panel is not None else dialog.cancel_button


@dataclass(frozen=True)
class Covered:
    build: Build
    cancel: Callable[[KeyedDialog], QPushButton]
    states: dict[str, Setup]
    background: bool = True  # its default button starts work off the UI thread


COVERED: dict[type[QDialog], Covered] = {
    ChangePassphraseDialog: Covered(
        build=passphrase_dialog,
        cancel=lambda d: d.cancel_button,  # type: ignore[attr-defined]
        states={
            "empty": _passphrases("", "", ""),
            "ready": _passphrases(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE),
            "wrong current": _passphrases("not it", NEW_PASSPHRASE, NEW_PASSPHRASE),
            "weak new": _passphrases(PASSPHRASE, "password", "password"),
            "not repeated": _passphrases(PASSPHRASE, NEW_PASSPHRASE, ""),
            "mismatch": _passphrases(PASSPHRASE, NEW_PASSPHRASE, "pebble"),
        },
    ),
    NewRecoveryCodeDialog: Covered(
        build=recovery_dialog,
        cancel=_recovery_cancel,
        states={
            "empty": _recovery(""),
            "wrong passphrase": _recovery("not it"),
            "right passphrase": _recovery(PASSPHRASE),
            "code shown": _recovery(PASSPHRASE, make=True),
            "wrong group": _recovery(PASSPHRASE, make=True, check=False),
            "code confirmed": _recovery(PASSPHRASE, make=True, check=True),
        },
    ),
    RestoreBackupDialog: Covered(
        build=restore_dialog,
        cancel=lambda d: d.cancel_button,  # type: ignore[attr-defined]
        states={
            "empty": _restore_passphrase(""),
            "wrong passphrase": _restore_passphrase("not it"),
            "right passphrase": _restore_passphrase(PASSPHRASE),
        },
    ),
    LockedRestoreDialog: Covered(
        build=locked_restore_dialog,
        cancel=lambda d: d.cancel_button,  # type: ignore[attr-defined]
        states={
            "empty": _locked_restore(""),
            "wrong passphrase": _locked_restore("not it"),
            "right passphrase": _locked_restore(PASSPHRASE),
        },
    ),
    ExportDataDialog: Covered(
        build=export_data_dialog,
        cancel=lambda d: d.cancel_button,  # type: ignore[attr-defined]
        states={
            "plain file": _export(),
            "no place": _export(path=False),
            "archive, nothing typed": _export(archive=True),
            "archive, weak": _export(archive=True, first="sunshine", second="sunshine"),
            "archive, not repeated": _export(archive=True, first=NEW_PASSPHRASE, second="x"),
            "archive, ready": _export(archive=True, first=NEW_PASSPHRASE, second=NEW_PASSPHRASE),
        },
    ),
    ImportDataDialog: Covered(
        build=import_data_dialog,
        cancel=lambda d: d.cancel_button,  # type: ignore[attr-defined]
        states={
            "no file": _import(None),
            "missing file": _import(Path("/nonexistent/daylio.csv")),
            "daylio file": _import(DAYLIO),
            "daylio preview": _import(DAYLIO, preview=True),
        },
    ),
    HomeworkDialog: Covered(
        build=homework_dialog,
        cancel=lambda d: d.cancel_button,  # type: ignore[attr-defined]
        states={
            "empty": _homework(),
            "ready": _homework("A walk together"),
            "zero times": _homework("A walk together", times=0),
            "ends before it starts": _homework("A walk together", ends_early=True),
        },
        background=False,
    ),
    GoalDialog: Covered(
        build=goal_dialog,
        cancel=lambda d: d.cancel_button,  # type: ignore[attr-defined]
        states={
            "empty": goal_typed(""),
            "why only": goal_typed("", "It matters"),
            "ready": goal_typed("Walk on Sundays", "Time for us"),
        },
        background=False,
    ),
}

# Message boxes are not QDialog subclasses of ours; each module that makes one is listed here
# with the test below that drives it.
MESSAGE_BOX_MODULES = {"trustjournal.ui.dialogs.never_lock"}


def _ui_modules() -> Iterator[str]:
    prefix = trustjournal.ui.__name__ + "."
    for info in pkgutil.walk_packages(trustjournal.ui.__path__, prefix):
        yield info.name


def test_every_dialog_class_is_covered_here() -> None:
    found: set[type] = set()
    for name in _ui_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, QDialog)
                and value.__module__ == name
                and value is not KeyedDialog
            ):
                found.add(value)
    assert found == set(COVERED), "a dialog without keyboard tests: add it to COVERED"


def test_every_message_box_is_covered_here() -> None:
    root = Path(trustjournal.ui.__file__).parent
    makers = set()
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        if names & {"QMessageBox", "QInputDialog"}:
            parts = path.relative_to(root.parent.parent).with_suffix("").parts
            makers.add(".".join(parts))
    assert makers == MESSAGE_BOX_MODULES, "a message box without keyboard tests: cover it"


# --- the checks ------------------------------------------------------------------------------


CASES = [(cls, state) for cls, covered in COVERED.items() for state in covered.states]


def _case_id(case: tuple[type, str]) -> str:
    return f"{case[0].__name__}-{case[1]}"


@dataclass
class Opened:
    dialog: KeyedDialog
    journal: Journal
    key_file: bytes
    said: list[str]


def _open(tmp_path: Path, cls: type[QDialog], state: str, tasks: Tasks | None = None) -> Opened:
    covered = COVERED[cls]
    journal = Journal(tmp_path / f"journal-{len(list(tmp_path.iterdir()))}")
    dialog = covered.build(journal, tasks)
    said: list[str] = []
    dialog.outcome.connect(said.append)  # type: ignore[attr-defined]
    covered.states[state](dialog, tasks.run_all if isinstance(tasks, HeldTasks) else _nothing)
    return Opened(dialog, journal, journal.key_file(), said)


def _nothing() -> None:
    """Work has already finished (synchronous tasks)."""


def _messages(dialog: QDialog) -> list[str]:
    return sorted(
        w.text()
        for w in dialog.findChildren(QLabel)
        if w.property("role") == "error" and w.text() and w.isVisibleTo(dialog)
    )


def _fields(dialog: QDialog) -> list[str]:
    return [
        w.accessibleName()
        for w in dialog.findChildren(QLineEdit)
        if w.isVisibleTo(dialog) and w.isEnabled() and not w.isReadOnly()
    ]


def _field(dialog: QDialog, name: str) -> QLineEdit:
    return next(w for w in dialog.findChildren(QLineEdit) if w.accessibleName() == name)


def _what_happened(opened: Opened) -> tuple[object, ...]:
    dialog = opened.dialog
    shown = None if dialog.is_finished else (_messages(dialog), _step(dialog))
    changed = opened.journal.key_file() != opened.key_file
    return dialog.is_finished, dialog.result(), shown, tuple(opened.said), changed


def _step(dialog: QDialog) -> int:
    code_step = getattr(dialog, "code_step", None)
    return 1 if code_step is not None and code_step.isVisibleTo(dialog) else 0


@pytest.fixture
def journals(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
    delete_closed_dialogs()


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_enter_in_each_field_is_the_default_button(
    qtbot: QtBot, journals: Path, case: tuple[type[QDialog], str]
) -> None:
    cls, state = case
    probe = _open(journals, cls, state)
    fields = _fields(probe.dialog)
    default = probe.dialog.default_button
    assert fields and default is not None
    for name in fields:
        by_key = _open(journals, cls, state)
        _enter(_field(by_key.dialog, name))
        if default.isEnabled():
            by_click = _open(journals, cls, state)
            assert by_click.dialog.default_button is not None
            by_click.dialog.default_button.click()
            assert _what_happened(by_key)[:2] == _what_happened(by_click)[:2], name
            assert _what_happened(by_key)[3:] == _what_happened(by_click)[3:], name
            if not by_key.dialog.is_finished:  # same step, same messages
                assert _what_happened(by_key)[2] == _what_happened(by_click)[2], name
        else:  # the button is off: Enter stays, changes nothing and says what is missing
            assert not by_key.dialog.is_finished, name
            assert by_key.journal.key_file() == by_key.key_file, name
            assert _messages(by_key.dialog), name


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_escape_is_the_cancel_button(
    qtbot: QtBot, journals: Path, case: tuple[type[QDialog], str]
) -> None:
    cls, state = case
    by_key = _open(journals, cls, state)
    focused = by_key.dialog.focusWidget() or by_key.dialog
    QTest.keyClick(focused, Qt.Key.Key_Escape)
    by_click = _open(journals, cls, state)
    COVERED[cls].cancel(by_click.dialog).click()
    assert _what_happened(by_key) == _what_happened(by_click)
    assert by_key.dialog.is_finished and by_key.dialog.result() == QDialog.DialogCode.Rejected
    assert by_key.journal.key_file() == by_key.key_file  # cancelling never changes a secret


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_no_button_is_auto_default_and_one_is_the_default(
    qtbot: QtBot, journals: Path, case: tuple[type[QDialog], str]
) -> None:
    cls, state = case
    dialog = _open(journals, cls, state).dialog
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]
    assert not [b.text() for b in buttons if b.autoDefault()]
    assert [b for b in buttons if b.isDefault()] == [dialog.default_button]


def _squeezed(dialog: QDialog) -> list[str]:
    """Visible labels, fields and buttons given less height than their text needs."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, QLabel | QLineEdit | QPushButton) or not widget.isVisibleTo(
            dialog
        ):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox):
            continue  # a spin box's own line edit sits inside the box's frame, by design
        needed = widget.minimumSizeHint().height()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
        if widget.height() < needed:
            found.append(f"{type(widget).__name__} {widget.accessibleName() or widget.text()!r}")
    return found


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_nothing_is_squeezed_as_steps_and_messages_appear(
    qtbot: QtBot, qapp: QApplication, journals: Path, case: tuple[type[QDialog], str]
) -> None:
    cls, state = case
    opened = _open(journals, cls, state)
    qapp.processEvents()
    assert _squeezed(opened.dialog) == []
    for name in _fields(opened.dialog):
        _enter(_field(opened.dialog, name))  # messages appear; the dialog grows to hold them
        if opened.dialog.is_finished:
            break
        qapp.processEvents()
        assert _squeezed(opened.dialog) == [], name


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_escape_while_work_runs_never_leaves_work_touching_a_closed_dialog(
    qtbot: QtBot, journals: Path, case: tuple[type[QDialog], str]
) -> None:
    cls, state = case
    if not COVERED[cls].background:
        return  # nothing runs in the background: its Enter closes it at once
    tasks = HeldTasks()
    opened = _open(journals, cls, state, tasks)
    dialog = opened.dialog
    if dialog.default_button is None or not dialog.default_button.isEnabled():
        _enter(dialog.focusWidget() or dialog)
        assert not tasks.held and not dialog.is_finished  # no work started, nothing closed
        return
    _enter(dialog.focusWidget() or dialog.default_button)
    assert not dialog.is_finished  # Enter starts the work and does not close the dialog
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    waited = not dialog.is_finished
    delete_closed_dialogs()
    tasks.run_all()  # raises "already deleted" if late work touched a closed dialog
    if waited:  # Escape waited for work that changes a secret: its outcome is reported
        assert opened.said or _messages(dialog)
    else:
        assert opened.journal.key_file() == opened.key_file


# --- message boxes ---------------------------------------------------------------------------


def _answer_never_lock(qtbot: QtBot, parent: QWidget, act: Callable[[QDialog], None]) -> bool:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QDialog)
        act(box)

    QTimer.singleShot(0, answer)
    return NeverLockDialog.ask(parent)


def test_never_lock_enter_keeps_locking_escape_too_and_only_the_button_turns_it_off(
    qtbot: QtBot,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def key(k: Qt.Key) -> Callable[[QDialog], None]:
        return lambda box: QTest.keyClick(box.focusWidget() or box, k)

    def never(box: QDialog) -> None:
        next(b for b in box.findChildren(QPushButton) if "Never" in b.text()).click()

    assert _answer_never_lock(qtbot, parent, key(Qt.Key.Key_Return)) is False
    assert _answer_never_lock(qtbot, parent, key(Qt.Key.Key_Escape)) is False
    assert _answer_never_lock(qtbot, parent, never) is True
