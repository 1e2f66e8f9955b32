"""Gratitude in the Journal: its own rows, the "not yet shared" filter, and its editor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import About, GratitudeEntry, MoodCheckIn
from trustjournal.ui.editors.gratitude import GratitudeEditor
from trustjournal.ui.journal.filter_bar import UNSHARED_GRATITUDE
from trustjournal.ui.journal.timeline_model import Role
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    opened = open_session(vault, MovableClock())
    opened.entries.add_many(
        [
            GratitudeEntry(
                occurred_at=NOW - timedelta(hours=1),
                text="Brought soup when I was ill",
                about=About.PARTNER,
                tags=("home",),
            ),
            GratitudeEntry(
                occurred_at=NOW - timedelta(hours=2),
                text="Soup on the stove, told already",
                about=About.PARTNER,
                expressed_on=date(2026, 3, 13),
                tags=("home",),
            ),
            GratitudeEntry(
                occurred_at=NOW - timedelta(hours=3), text="Soup from a friend", about=About.SOMEONE
            ),
            GratitudeEntry(occurred_at=NOW - timedelta(days=20), text="Old soup, unshared"),
            MoodCheckIn(occurred_at=NOW, mood=6, note="soup for lunch", tags=("home",)),
        ]
    )
    yield opened
    vault.lock()


@pytest.fixture
def page(qtbot: QtBot, session: Session) -> JournalPage:
    return shown(qtbot, JournalPage(session=session))


def _summaries(page: JournalPage) -> list[str]:
    model = page.model
    return [
        str(model.data(model.index(r), Role.SUMMARY))
        for r in range(model.rowCount())
        if not model.is_header(r)
    ]


def test_gratitude_rows_say_whom_it_is_about_and_whether_it_was_told(page: JournalPage) -> None:
    summaries = _summaries(page)
    assert "My partner — Brought soup when I was ill" in summaries
    assert "My partner — Soup on the stove, told already · told them 13 Mar" in summaries
    assert "Someone else — Soup from a friend" in summaries


def test_not_yet_shared_combines_with_tag_period_and_search(
    qtbot: QtBot, page: JournalPage
) -> None:
    filters = page.filters
    filters.kind.setCurrentIndex(filters.kind.findData(UNSHARED_GRATITUDE))
    assert filters.kind.currentText() == "Gratitude not yet shared"
    assert _summaries(page) == [
        "My partner — Brought soup when I was ill",
        "Someone else — Soup from a friend",
        "Old soup, unshared",
    ]
    filters.period.setCurrentIndex(filters.period.findData("week"))
    assert page.model.entry_count() == 2
    filters.tag.set_tags(["home"])
    filters.tag.setCurrentIndex(filters.tag.findData("home"))
    assert _summaries(page) == ["My partner — Brought soup when I was ill"]
    filters.tag.setCurrentIndex(0)
    filters.search.setText("friend")
    qtbot.waitUntil(lambda: page.model.query.search == "friend")
    assert _summaries(page) == ["Someone else — Soup from a friend"]
    query = page.model.query
    assert query.not_expressed is True
    assert {k.value for k in query.kinds} == {"gratitude"}


def test_a_gratitude_row_opens_in_its_editor_and_saves_changes(
    page: JournalPage, session: Session
) -> None:
    row = next(
        r
        for r in range(page.model.rowCount())
        if page.model.data(page.model.index(r), Role.KIND) == "gratitude"
    )
    page.view.setCurrentIndex(page.model.index(row))
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    editor = page.pane.editor
    assert isinstance(editor, GratitudeEditor)
    assert editor.text.toPlainText() == "Brought soup when I was ill"
    assert editor.text.hasFocus()
    editor.told.click()
    QTest.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "My partner — Brought soup when I was ill · told them 14 Mar" in _summaries(page)
    entry_id = editor.loaded_id()
    assert entry_id is not None
    saved = session.entries.get(entry_id)
    assert isinstance(saved, GratitudeEntry) and saved.expressed_on == NOW.date()
