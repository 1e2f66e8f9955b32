"""Child process for the crash test: opens the vault, types into a Journal check-in, waits.

Prints "draft saved" once autosave has written the draft, then idles until it is killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.journal_helpers import PASSPHRASE, MovableClock, open_session
from trustjournal.store.vault import Vault
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.pages.journal_page import DRAFT_KEY, JournalPage


def main(directory: Path, text: str) -> None:
    app = QApplication([])
    vault = Vault.unlock(directory, PASSPHRASE)
    session = open_session(vault, MovableClock())
    page = JournalPage(session=session)
    page.show()
    page.new_check_in()
    editor = page.pane.editor
    assert isinstance(editor, MoodEditor)
    editor.scale.set_value(3)
    QTest.keyClicks(editor.note, text)
    while session.drafts.load(DRAFT_KEY) is None:
        app.processEvents()
        QTest.qWait(50)
    print("draft saved", flush=True)
    while True:
        QTest.qWait(1000)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
