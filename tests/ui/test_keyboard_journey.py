"""An afternoon's use by keys alone, first run to lock and unlock (issue 15's first check).

Every step is a key event sent to whatever has the keyboard focus, as a person's keyboard
would; the test reads the screen only to know what a person would see (the recovery code).
Two things a desktop does are done here as its window manager would: activating the main
window again after a dialog closes, and after a PDF is rendered (the offscreen platform then
leaves no window active).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.shell_helpers import start_shell
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.errors import WrongSecretError
from trustjournal.store.vault import Vault
from trustjournal.ui.dialogs import change_passphrase, new_recovery_code
from trustjournal.ui.dialogs.new_recovery_code import NewRecoveryCodeDialog
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_page import SAVED, JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.pages.share_page import SharePage
from trustjournal.ui.screens.passphrase import PassphraseScreen
from trustjournal.ui.screens.recovery_code import RecoveryCodeScreen
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.screens.welcome import WelcomeScreen
from trustjournal.ui.share.save_dialog import SaveSummaryDialog
from trustjournal.ui.widgets.recovery_code_panel import last_group

NEW = "pebble orchard quietly humming"
FIRST = "copper lantern wistful harbour"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def name(widget: QWidget) -> str:
    """What a screen reader would call `widget`: its accessible name, or a button's text."""
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return widget.accessibleName() or text.replace("&", "")


def where() -> str:
    return f"{type(focused()).__name__} {name(focused())!r}"


def tab_to(wanted: Callable[[QWidget], bool], limit: int = 60) -> None:
    """Press Tab until the focus is on the control `wanted` picks (as a person would)."""
    for _ in range(limit):
        if wanted(focused()):
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached it; it ends on {where()}")


def dialog_up(qtbot: QtBot) -> QWidget:
    """The dialog just opened, once it has the keyboard (its window active)."""

    def active() -> bool:
        dialog = QApplication.activeModalWidget()
        return dialog is not None and dialog.isActiveWindow()

    qtbot.waitUntil(active)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    return dialog


def window_manager_activates(qtbot: QtBot, window: QWidget) -> None:
    """What a desktop's window manager does when a dialog closes (or, offscreen, when a PDF
    was rendered): make the main window active again. The offscreen platform leaves no window
    active then; the focus inside the window is the app's own, and is checked as it is."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def test_the_whole_journey_by_keys_alone(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.pdf"
    # The system's file dialog is out of the app's hands; its seam answers with this file.
    monkeypatch.setattr(SaveSummaryDialog, "ask", classmethod(lambda cls, *_a: summary))
    shell = start_shell(qtbot, qapp, tmp_path, pages=journal_pages())
    directory = tmp_path / "journal"

    # First run: welcome, the passphrase twice, the recovery code's last group retyped.
    assert isinstance(shell.controller.screen(), WelcomeScreen)
    press(Qt.Key.Key_Return)
    assert isinstance(shell.controller.screen(), PassphraseScreen)
    type_text(FIRST)
    press(Qt.Key.Key_Tab)
    type_text(FIRST)
    press(Qt.Key.Key_Return)
    screen = shell.controller.screen()
    assert isinstance(screen, RecoveryCodeScreen)
    first_code = screen.panel.code_label.text()
    tab_to(lambda w: name(w) == "Last group of the recovery code")  # past Copy, Save, Print
    type_text(last_group(first_code))
    press(Qt.Key.Key_Return)
    frame = shell.controller.screen()
    assert isinstance(frame, MainFrame)
    session = frame.page("today")._session  # type: ignore[attr-defined]

    # A check-in on Today: the mood by a digit, an emotion by its first letters, Ctrl+Enter.
    tab_to(lambda w: name(w).startswith("Mood "))
    press(Qt.Key.Key_7)
    press(Qt.Key.Key_Tab)
    type_text("calm")
    press(Qt.Key.Key_Return)  # picks the match
    press(Qt.Key.Key_Return, CTRL)
    # A gratitude (Ctrl+G), and a hard moment logged quickly (Ctrl+T): words, Tab, a digit.
    press(Qt.Key.Key_G, CTRL)
    type_text("The tea you made me")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_T, CTRL)
    type_text("The door slammed")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_8)
    press(Qt.Key.Key_Tab)
    assert name(focused()) == "Log it"
    press(Qt.Key.Key_Space)
    mood, gratitude, trigger = sorted(session.entries.list(), key=lambda e: e.id or 0)
    assert isinstance(mood, MoodCheckIn) and (mood.mood, mood.emotions) == (7, ("calm",))
    assert isinstance(gratitude, GratitudeEntry) and gratitude.text == "The tea you made me"
    assert isinstance(trigger, TriggerRecord) and trigger.unfinished

    # Finish it in the Journal (Ctrl+2): the newest entry by Enter, then its later steps.
    press(Qt.Key.Key_2, CTRL)
    tab_to(lambda w: name(w) == "Timeline")
    press(Qt.Key.Key_Return)
    assert name(focused()) == "What happened"
    tab_to(lambda w: name(w) == "Thoughts")
    type_text("That I am not wanted here")
    tab_to(lambda w: name(w).startswith("Intensity afterwards"))
    press(Qt.Key.Key_3)
    tab_to(lambda w: name(w).startswith("Still to finish"))
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Return, CTRL)
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    assert journal.pane.status.text() == SAVED
    finished = session.entries.get(trigger.id)
    assert isinstance(finished, TriggerRecord)
    assert (finished.thoughts, finished.intensity_after, finished.unfinished) == (
        "That I am not wanted here",
        3,
        False,
    )

    # Share (Ctrl+4) a summary for myself: arrow keys along the audience, then Save.
    press(Qt.Key.Key_4, CTRL)
    tab_to(lambda w: name(w) == "My therapist")
    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Right)
    assert name(focused()) == "Myself"
    tab_to(lambda w: name(w) == "Save the summary…")
    press(Qt.Key.Key_Space)
    share = frame.page("share")
    assert isinstance(share, SharePage)
    qtbot.waitUntil(share.write.save_button.isEnabled, timeout=30_000)
    window_manager_activates(qtbot, shell.window)
    assert name(focused()) == "Save the summary…"  # where the person left off
    assert summary.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(summary), "-"],
            capture_output=True,
            check=True,
            timeout=120,
        ).stdout.decode()
        assert "The tea you made me" in text

    # Settings (Ctrl+5): change the passphrase, then make and keep a new recovery code.
    press(Qt.Key.Key_5, CTRL)
    settings = frame.page("settings")
    assert isinstance(settings, SettingsPage)
    tab_to(lambda w: name(w) == "Change passphrase…")
    press(Qt.Key.Key_Space)
    dialog_up(qtbot)
    assert name(focused()) == "Current passphrase"
    type_text(FIRST)
    press(Qt.Key.Key_Tab)
    type_text(NEW)
    press(Qt.Key.Key_Tab)
    type_text(NEW)
    press(Qt.Key.Key_Return)
    window_manager_activates(qtbot, shell.window)
    assert settings.secrets_status.text() == change_passphrase.CHANGED
    tab_to(lambda w: name(w) == "Make a new recovery code…")
    press(Qt.Key.Key_Space)
    dialog = dialog_up(qtbot)
    assert isinstance(dialog, NewRecoveryCodeDialog)
    type_text(NEW)
    press(Qt.Key.Key_Return)
    assert dialog.panel is not None
    new_code = dialog.panel.code_label.text()
    tab_to(lambda w: name(w) == "Last group of the recovery code")
    type_text(last_group(new_code))
    press(Qt.Key.Key_Return)
    window_manager_activates(qtbot, shell.window)
    assert settings.secrets_status.text() == new_recovery_code.KEPT

    # Lock (Ctrl+L) and unlock with the new passphrase.
    press(Qt.Key.Key_L, CTRL)
    assert isinstance(shell.controller.screen(), UnlockScreen)
    assert name(focused()) == "Passphrase"
    type_text(NEW)
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        press(Qt.Key.Key_Return)
    assert isinstance(shell.controller.screen(), MainFrame)
    shell.controller.lock("test")

    # What the vault says: only the new secrets open it.
    Vault.unlock(directory, NEW).lock()
    Vault.unlock_with_recovery(directory, new_code).lock()
    for wrong in (
        lambda: Vault.unlock(directory, FIRST),
        lambda: Vault.unlock_with_recovery(directory, first_code),
    ):
        with pytest.raises(WrongSecretError):
            wrong()
