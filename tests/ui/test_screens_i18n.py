"""The first-run and unlock screens and every dialog, in the pseudo-locale and in German: no
visible text escapes translation, and nothing is clipped at the window's minimum size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.dialog_helpers import Journal, passphrase_dialog, recovery_dialog
from tests.ui.i18n_helpers import escaped_texts
from tests.ui.layout_checks import out_of_reach, overlaps, save_shot, settle, sideways, squeezed
from tests.ui.shell_helpers import PASSPHRASE, start_shell
from trustjournal.app import Shell
from trustjournal.core import i18n
from trustjournal.core.i18n import _
from trustjournal.core.i18n_pseudo import is_pseudo
from trustjournal.ui import theme
from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.dialogs.never_lock import NeverLockDialog
from trustjournal.ui.main_window import MINIMUM_SIZE
from trustjournal.ui.screens import passphrase
from trustjournal.ui.screens.passphrase import PassphraseScreen
from trustjournal.ui.screens.recovery_code import RecoveryCodeScreen
from trustjournal.ui.screens.unlock import APP_NAME, UnlockScreen
from trustjournal.ui.screens.welcome import WelcomeScreen
from trustjournal.ui.widgets.password_field import PasswordField

CODE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
CONTROLS = ("QPushButton", "PasswordField", "QLineEdit", "QProgressBar")
NAMES = [APP_NAME, CODE, "2345 6789"]  # a name and a code read the same in every language


@pytest.fixture(params=["pseudo", "de"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    code = i18n.set_language(request.param)
    yield code
    i18n.set_language("en")


def _unnamed(root: QWidget) -> list[str]:
    """Accessible names and the show/hide toggle's words that are not in pseudo form."""
    found = [
        f"{type(w).__name__}.accessibleName: {w.accessibleName()!r}"
        for w in [root, *root.findChildren(QWidget)]
        if w.accessibleName() and w.accessibleName() not in NAMES
        if not is_pseudo(w.accessibleName())
    ]
    for field in root.findChildren(PasswordField):
        for text in (field.toggle_action.text(), field.toggle_action.toolTip()):
            if not is_pseudo(text):
                found.append(f"PasswordField toggle: {text!r}")
    return found


def _check(root: QWidget, language: str, name: str, tmp_path: Path) -> None:
    settle()
    save_shot(root, f"{language}-{name}", tmp_path)
    if language == i18n.PSEUDO:
        assert escaped_texts(root, user_texts=NAMES) == []
        assert _unnamed(root) == []
    assert overlaps(root) == []
    assert out_of_reach(root) == []
    if language == i18n.PSEUDO:
        # The pseudo-locale pads each message with one unbroken run of "~" (40% of its
        # length), which no line can break: a long paragraph's run alone is wider than the
        # window, and its card with it. Paragraphs are judged on the real German; buttons
        # and fields (which cannot wrap) must fit the pseudo-locale too.
        assert [f for f in squeezed(root) if f.startswith(CONTROLS)] == []
    else:
        assert squeezed(root) == []
        assert sideways(root) == []


# --- screens, in the window at its minimum size -----------------------------------------------


def _create(_shell: Shell) -> QWidget:
    screen = PassphraseScreen(
        title=passphrase.CREATE_TITLE,
        intro=passphrase.CREATE_INTRO,
        submit_text=_("Create my &journal"),
        back_text=_("&Back"),
        busy_text=_("Protecting your journal with your passphrase. This takes a moment."),
    )
    screen.set_busy(True)
    return screen


def _reset(_shell: Shell) -> QWidget:
    screen = PassphraseScreen(
        title=passphrase.RESET_TITLE,
        intro=passphrase.RESET_INTRO,
        submit_text=_("Save &passphrase"),
        busy_text=_("Protecting your journal with the new passphrase. This takes a moment."),
    )
    screen.show_error(_("That did not work. Please try again."))
    return screen


def _recovery(renewed: bool) -> Callable[[Shell], QWidget]:
    def build(shell: Shell) -> QWidget:
        clipboard = ClipboardGuard(clipboard=QApplication.clipboard(), parent=shell.window)
        screen = RecoveryCodeScreen(code=CODE, clipboard=clipboard, renewed=renewed)
        screen.panel.copy()  # the status line under the buttons
        screen.panel.check.setText("WRONG")
        screen.panel.explain_mismatch()
        return screen

    return build


def _unlock(recovery: bool) -> Callable[[Shell], QWidget]:
    def build(_shell: Shell) -> QWidget:
        screen = UnlockScreen(demo_passphrase="2345 6789")
        screen.note_lock("idle", 5 * 60_000)
        screen.show_error(_("That did not work. Please try again."))
        if recovery:
            screen.switch_button.click()
            screen.show_error(_("That did not work. Please try again."))
        return screen

    return build


SCREENS: dict[str, Callable[[Shell], QWidget]] = {
    "welcome": lambda _shell: WelcomeScreen(),
    "create": _create,
    "reset": _reset,
    "recovery-code": _recovery(renewed=False),
    "recovery-code-renewed": _recovery(renewed=True),
    "unlock": _unlock(recovery=False),
    "unlock-recovery": _unlock(recovery=True),
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_every_first_run_and_unlock_screen_is_translated_and_fits_at_the_minimum_size(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, language: str, name: str
) -> None:
    shell = start_shell(qtbot, qapp, tmp_path)
    screen = SCREENS[name](shell)
    shell.window.show_screen(screen)
    shell.window.resize(MINIMUM_SIZE)
    _check(screen, language, f"screen-{name}", tmp_path)


def test_the_lock_note_has_real_plurals_in_german(language: str) -> None:
    from trustjournal.ui.screens.unlock import lock_note

    if language == "de":
        assert lock_note("idle", 60_000) == "Nach 1 Minute ohne Nutzung gesperrt."
        assert lock_note("idle", 120_000) == "Nach 2 Minuten ohne Nutzung gesperrt."
    else:
        assert is_pseudo(lock_note("idle", 60_000)) and is_pseudo(lock_note("sleep", None))


# --- dialogs ----------------------------------------------------------------------------------


def _fits(dialog: QWidget, language: str, name: str, tmp_path: Path) -> None:
    settle()
    assert dialog.width() <= MINIMUM_SIZE.width() and dialog.height() <= MINIMUM_SIZE.height()
    _check(dialog, language, name, tmp_path)


def test_the_change_passphrase_dialog_is_translated_and_fits(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    dialog = passphrase_dialog(Journal(tmp_path / "journal"))
    qtbot.addWidget(dialog)
    QTest.keyClick(dialog.current, Qt.Key.Key_Return)  # says what is missing
    assert dialog.error.isVisible()
    _fits(dialog, language, "dialog-change-passphrase", tmp_path)


def test_both_steps_of_the_new_recovery_code_dialog_are_translated_and_fit(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    dialog = recovery_dialog(Journal(tmp_path / "journal"))
    qtbot.addWidget(dialog)
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # empty: says so
    assert dialog.error.isVisible()
    _fits(dialog, language, "dialog-new-code-ask", tmp_path)

    QTest.keyClicks(dialog.passphrase, PASSPHRASE)
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.panel is not None
    new_code = dialog.panel.code_label.text()
    dialog.panel.check.setFocus()
    QTest.keyClicks(dialog.panel.check, "ZZZZ")
    QTest.keyClick(dialog.panel.check, Qt.Key.Key_Return)  # not the last group: says so
    settle()
    NAMES.append(new_code)
    try:
        _fits(dialog, language, "dialog-new-code-shown", tmp_path)
    finally:
        NAMES.remove(new_code)


def test_the_never_lock_question_is_translated_and_fits(qtbot: QtBot, language: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen: list[list[str]] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        settle()
        if language == i18n.PSEUDO:
            seen.append(escaped_texts(box))
        seen.append(out_of_reach(box))
        assert box.width() <= MINIMUM_SIZE.width()
        box.reject()

    QTimer.singleShot(0, look)
    assert NeverLockDialog.ask(parent) is False
    assert seen and all(found == [] for found in seen)


def test_german_renders_in_light_and_dark_are_kept_to_look_at(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    i18n.set_language("de")
    try:
        shell = start_shell(qtbot, qapp, tmp_path)
        for scheme in (theme.ThemePreference.LIGHT, theme.ThemePreference.DARK):
            shell.theme.apply(scheme)
            for name, build in SCREENS.items():
                screen = build(shell)
                shell.window.show_screen(screen)
                shell.window.resize(MINIMUM_SIZE)
                settle()
                assert save_shot(screen, f"de-{scheme.value}-{name}", tmp_path).exists()
            dialog: QDialog = passphrase_dialog(Journal(tmp_path / f"journal-{scheme.value}"))
            qtbot.addWidget(dialog)
            settle()
            assert save_shot(dialog, f"de-{scheme.value}-change-passphrase", tmp_path).exists()
            dialog.reject()
    finally:
        i18n.set_language("en")
