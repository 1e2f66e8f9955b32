"""The autosave's write runs in the background, and never lands after a later save."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import EntryKind, Reflection
from trustjournal.core.query import EntryQuery
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.reflection import ReflectionEditor
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import ScopedTasks

DRAFT = "test.autosave"


class DeferredTasks:
    """Work waits until the test runs it, as a busy worker thread would make it wait."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def run_in_background(
        self, fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: object
    ) -> None:
        self.waiting.append((fn, on_done))

    def run_all(self) -> None:
        waiting, self.waiting = self.waiting, []
        for fn, on_done in waiting:
            on_done(fn())


@pytest.fixture
def deferred() -> DeferredTasks:
    return DeferredTasks()


@pytest.fixture
def session(tmp_path: Path, deferred: DeferredTasks) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    opened = open_session(vault, MovableClock())
    yield replace(opened, tasks=ScopedTasks(tasks=deferred, is_current=lambda: True))
    vault.lock()


@pytest.fixture
def editor(qtbot: QtBot, session: Session) -> Iterator[ReflectionEditor]:
    pane = EditorPane(session=session, editors=default_editors(), draft_key=DRAFT)
    shown(qtbot, pane, (700, 600)).open(None, EntryKind.REFLECTION)
    built = pane.editor
    assert isinstance(built, ReflectionEditor)
    yield built
    pane.clear()


def _pane(editor: ReflectionEditor) -> EditorPane:
    pane = editor.parentWidget().parentWidget()
    assert isinstance(pane, EditorPane)
    return pane


def test_the_autosave_is_written_by_the_background_runner(
    editor: ReflectionEditor, session: Session, deferred: DeferredTasks
) -> None:
    editor.text.setFocus()
    QTest.keyClicks(editor.text, "a long thought")
    _pane(editor).timer.timeout.emit()
    assert session.drafts.load(DRAFT) is None  # handed over, not written on the UI thread
    deferred.run_all()
    draft = session.drafts.load(DRAFT)
    assert draft is not None and draft["data"]["body"] == "a long thought"


def test_an_autosave_still_waiting_never_brings_a_draft_back_after_save(
    editor: ReflectionEditor, session: Session, deferred: DeferredTasks
) -> None:
    editor.text.setFocus()
    QTest.keyClicks(editor.text, "finished")
    _pane(editor).timer.timeout.emit()
    QTest.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = session.entries.list(EntryQuery())
    assert isinstance(saved, Reflection) and saved.body == "finished"
    deferred.run_all()  # the worker gets to it only now
    assert session.drafts.load(DRAFT) is None


def test_an_autosave_still_waiting_does_not_overwrite_what_esc_kept(
    editor: ReflectionEditor, session: Session, deferred: DeferredTasks
) -> None:
    editor.text.setFocus()
    QTest.keyClicks(editor.text, "first")
    _pane(editor).timer.timeout.emit()
    QTest.keyClicks(editor.text, " and second")
    QTest.keyClick(editor.text, Qt.Key.Key_Escape)  # kept at once, on the UI thread
    deferred.run_all()
    draft = session.drafts.load(DRAFT)
    assert draft is not None and draft["data"]["body"] == "first and second"
