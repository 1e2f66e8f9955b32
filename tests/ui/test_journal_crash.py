"""A crash after autosave loses nothing: the child is killed with SIGKILL, the draft comes back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import PASSPHRASE, MovableClock, create_vault, open_session
from trustjournal.store.vault import Vault
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.pages.journal_page import JournalPage

ROOT = Path(__file__).resolve().parents[2]
TEXT = "the words I typed just before the power went"


def test_draft_survives_a_killed_process(qtbot: QtBot, tmp_path: Path) -> None:
    directory = tmp_path / "journal"
    create_vault(directory).lock()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join((str(ROOT / "src"), str(ROOT))),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crash_child", str(directory), TEXT],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "draft saved"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    vault = Vault.unlock(directory, PASSPHRASE)
    try:
        page = JournalPage(session=open_session(vault, MovableClock()))
        qtbot.addWidget(page)
        page.restore_drafts()
        editor = page.pane.editor
        assert isinstance(editor, MoodEditor)
        assert editor.note.toPlainText() == TEXT
        assert editor.scale.value() == 3
    finally:
        vault.lock()
