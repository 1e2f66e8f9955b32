"""Builders for Journal and Today page tests: a real encrypted vault and a session over it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from trustjournal.core.entries import Entry, EntryKind, GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.store.drafts import DraftRepository
from trustjournal.store.entries import EntryRepository
from trustjournal.store.keyfile import KdfParams
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vault import Vault
from trustjournal.ui.editors.base import EntryEditor
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.events import JournalEvents
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import ScopedTasks, SynchronousTasks

CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "copper lantern wistful harbour"
NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)  # a Saturday
HOSTILE = [
    "<b>bold</b>",
    "<img src=file:///etc/passwd>",
    "\u202eevil\u202c right-to-left",
    "zero\u200bwidth",
    "x" * 100_000,
]


W = TypeVar("W", bound=QWidget)
E = TypeVar("E", bound=EntryEditor)


def shown(qtbot: QtBot, widget: W, size: tuple[int, int] = (1100, 700)) -> W:
    """`widget`, closed by qtbot after the test, resized to `size` and shown on screen."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


class MovableClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def open_session(vault: Vault, clock: MovableClock) -> Session:
    """A session over an unlocked vault, as the shell builds it."""
    tasks = ScopedTasks(tasks=SynchronousTasks(), is_current=lambda: True)
    return Session(
        vault=vault,
        settings=SettingsRepository(db=vault.db),
        drafts=DraftRepository(db=vault.db, clock=clock),
        entries=EntryRepository(db=vault.db, clock=clock),
        tasks=tasks,
        events=JournalEvents(),
        clock=clock,
        is_open=lambda: not vault.is_locked,
    )


def create_vault(directory: Path) -> Vault:
    """A new unlocked vault with cheap key derivation."""
    vault, _code = Vault.create(directory, PASSPHRASE, kdf=CHEAP)
    return vault


def sample_entries(days: int = 3, per_day: int = 3) -> Iterator[Entry]:
    """Entries of every kind over the days before NOW, several per day."""
    for day in range(days):
        for slot in range(per_day):
            moment = NOW - timedelta(days=day, hours=slot * 3 + 1)
            kind = (day * per_day + slot) % 3
            if kind == 0:
                yield MoodCheckIn(
                    occurred_at=moment,
                    mood=slot + 4,
                    note=f"walk by the river {day}",
                    tags=("home",),
                )
            elif kind == 1:
                yield GratitudeEntry(occurred_at=moment, text=f"Thankful for breakfast {day}")
            else:
                yield TriggerRecord(
                    occurred_at=moment,
                    situation=f"A late message {day}",
                    intensity=6,
                    for_session=day == 0,
                )


def new_session(tmp_path: Path) -> Iterator[Session]:
    """A session over a new journal in `tmp_path`, locked afterwards (a fixture's body)."""
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def new_entry_pane(
    qtbot: QtBot, session: Session, kind: EntryKind, *, draft_key: str, size: tuple[int, int]
) -> Iterator[EditorPane]:
    """A shown editor pane with a new entry of `kind` open (a `pane` fixture's body).

    Cleared afterwards, as the lock does: a test that leaves typing unsaved must not leave its
    autosave running into a later test, when this vault is locked.
    """
    built = EditorPane(session=session, editors=default_editors(), draft_key=draft_key)
    shown(qtbot, built, size).open(None, kind)
    yield built
    built.clear()


def editor_of(pane: EditorPane, kind: type[E]) -> E:
    """The pane's editor, which must be a `kind`."""
    editor = pane.editor
    assert isinstance(editor, kind)
    return editor


def active_frame(qtbot: QtBot, session: Session) -> MainFrame:
    """The main frame with every page, shown at 1280×800 and made the active window."""
    frame = shown(qtbot, MainFrame(specs=journal_pages(), session=session), (1280, 800))
    frame.activateWindow()
    qtbot.waitUntil(frame.isActiveWindow)
    return frame


def tab_to(frame: MainFrame, wanted: object, *, limit: int = 300) -> None:
    """Press Tab, as a person would, until the focus is on `wanted`."""
    for _ in range(limit):
        if QApplication.focusWidget() is wanted:
            return
        QTest.keyClick(QApplication.focusWidget() or frame, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the widget")


def open_insights(qtbot: QtBot, session: Session) -> tuple[MainFrame, InsightsPage]:
    """The main frame shown and active, gone to Insights by Ctrl+3 as a person would."""
    frame = active_frame(qtbot, session)
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    qtbot.waitUntil(lambda: page.built)  # the later cards come a few per turn of the loop
    return frame, page
