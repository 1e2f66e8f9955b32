"""Child process for the S4 canary sweep: the real app, wired as `run` wires it, driven by a script.

Unlocks, saves a check-in whose note holds the first canary, leaves a second canary unsaved in
the Journal's editor until autosave keeps it as a draft, locks with Ctrl+L, unlocks (the draft
comes back), and quits. Prints "done" when every step held.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.shell_helpers import CHEAP, PASSPHRASE, unlock
from trustjournal.app import APP_NAME, build_shell, user_qsettings
from trustjournal.store.vault import Vault
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.single_instance import SingleInstance
from trustjournal.ui.tasks import BackgroundTasks


def _wait(
    app: QApplication, condition: Callable[[], object], what: str, seconds: float = 30
) -> None:
    for _ in range(int(seconds * 20)):
        if condition():
            return
        app.processEvents()
        QTest.qWait(50)
    raise SystemExit(f"timed out waiting for {what}")


def main(directory: Path, saved_text: str, draft_text: str) -> None:
    app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=CHEAP)
    vault.lock()
    instance = SingleInstance(vault_dir=directory, parent=app)
    assert instance.acquire()
    tasks = BackgroundTasks(parent=app)
    shell = build_shell(
        app=app,
        vault_dir=directory,
        qsettings=user_qsettings(),
        tasks=tasks,
        instance=instance,
        extra_pages=journal_pages(),
    )
    app.aboutToQuit.connect(shell.controller.shutdown)
    shell.window.show()
    shell.controller.start()
    _wait(app, lambda: shell.controller.screen() is not None, "the unlock screen")
    unlock(shell, PASSPHRASE)
    _wait(app, lambda: shell.controller.frame is not None, "the main window")
    frame = shell.controller.frame
    assert frame is not None

    today = frame.page("today")
    assert isinstance(today, TodayPage)
    editor = today.pane.editor
    assert isinstance(editor, MoodEditor)
    editor.scale.set_value(6)
    QTest.keyClicks(editor.note, saved_text)
    assert today.pane.save() is not None

    frame.show_page("journal")
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    journal.new_check_in()
    draft_editor = journal.pane.editor
    assert isinstance(draft_editor, MoodEditor)
    QTest.keyClicks(draft_editor.note, draft_text)
    _wait(app, journal.pane.has_draft, "the autosaved draft")

    QTest.keyClick(shell.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _wait(app, lambda: shell.controller.vault is None, "the lock")
    unlock(shell, PASSPHRASE)
    _wait(app, lambda: shell.controller.frame is not None, "unlocking again")
    frame = shell.controller.frame
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    back = journal.pane.editor
    assert isinstance(back, MoodEditor)
    assert back.note.toPlainText() == draft_text, "the draft did not come back"

    shell.window.close()
    app.quit()
    app.processEvents()
    tasks.finish()
    instance.release()
    print("done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
