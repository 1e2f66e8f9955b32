"""The Journal with rows of every new kind, and each new kind's editor open, at every size."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.layout_checks import out_of_reach, overlaps, save_shot, settle, sideways, squeezed
from tests.ui.shell_helpers import PASSPHRASE, fixed_clock, make_vault, start_shell, unlock
from trustjournal.app import Shell
from trustjournal.core.entries import (
    Entry,
    EntryKind,
    QualityTime,
    Reflection,
    Statement,
    TherapySession,
)
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.main_window import MINIMUM_SIZE
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages

SIZES = [(MINIMUM_SIZE.width(), MINIMUM_SIZE.height()), (960, 680), (1920, 1080)]
NEW_KINDS = (
    EntryKind.REFLECTION,
    EntryKind.STATEMENT,
    EntryKind.QUALITY_TIME,
    EntryKind.SESSION,
)
EDITED = [kind for kind in NEW_KINDS if default_editors().can_edit(kind)]
FORMATTED = (
    "# What stayed with me\n\nWe **talked about the week** and I noticed _how tired_ we both "
    "were.\n\n- a walk on Sunday\n- fewer screens at dinner\n- asking, not guessing\n\n"
    "> It is not a test; it is a practice.\n\n"
)


def written_entries() -> list[Entry]:
    """One entry of each new kind, the reflection long and formatted."""
    moment = fixed_clock()
    return [
        Reflection(
            occurred_at=moment - timedelta(minutes=5),
            title="After the session",
            body=FORMATTED + ("Some ordinary sentences about an ordinary day. " * 40 + "\n\n") * 30,
        ),
        Statement(
            occurred_at=moment - timedelta(minutes=15),
            feel=("hurt", "lonely"),
            when="plans change without a word",
            because="I need to be able to count on us",
            request="a message when plans change",
        ),
        QualityTime(
            occurred_at=moment - timedelta(minutes=25),
            what="Walked by the river and talked about the summer",
            minutes=90,
            connection=8,
            appreciated="that we laughed again",
        ),
        TherapySession(
            occurred_at=moment - timedelta(minutes=35),
            with_whom="Dr. Lee, couples session",
            worked_on="How we repair after a fight, and asking before advising",
            remember="Breathe first; say what I feel, not what they did",
            next_at=moment + timedelta(days=5),
        ),
    ]


def open_written(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> tuple[Shell, MainFrame]:
    """The shell unlocked on a journal holding one entry of each new kind."""
    directory = tmp_path / "journal"
    make_vault(directory)
    vault = Vault.unlock(directory, PASSPHRASE)
    try:
        EntryRepository(db=vault.db, clock=fixed_clock).add_many(written_entries())
    finally:
        vault.lock()
    shell = start_shell(qtbot, qapp, tmp_path, pages=journal_pages())
    with qtbot.waitSignal(shell.controller.unlocked, timeout=30_000):
        unlock(shell, PASSPHRASE)
    assert shell.controller.frame is not None
    return shell, shell.controller.frame


@pytest.mark.parametrize(("kind", "size"), [(k, s) for k in EDITED for s in SIZES])
def test_the_journal_with_a_new_kind_open_fits_at_every_size(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, kind: EntryKind, size: tuple[int, int]
) -> None:
    shell, frame = open_written(qtbot, qapp, tmp_path)
    shell.window.resize(*size)
    frame.show_page("journal")
    page = frame.page("journal")
    assert isinstance(page, JournalPage)
    row = next(
        r
        for r in range(page.model.rowCount())
        if not page.model.is_header(r) and page.model.entry(r).kind is kind
    )
    page.open_entry_row(row)
    settle()
    editor = page.pane.editor
    assert editor is not None and editor.kind is kind and editor.isVisible()
    save_shot(page, f"journal-{kind.value}-{size[0]}x{size[1]}", tmp_path)
    assert overlaps(page) == []
    assert squeezed(page) == []
    assert out_of_reach(page) == []
    assert sideways(page) == []
