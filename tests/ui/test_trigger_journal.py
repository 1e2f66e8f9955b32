"""Trigger records in the Journal and on Today: their rows, their filters, hostile text literal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import HOSTILE, NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import EntryKind, MoodCheckIn, TriggerRecord
from trustjournal.core.wording import first_line
from trustjournal.ui.journal.timeline_model import Role
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.session import Session
from trustjournal.ui.today.unfinished import UnfinishedList


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    opened = open_session(vault, MovableClock())
    opened.entries.add_many(
        [
            TriggerRecord(
                occurred_at=NOW - timedelta(hours=1),
                situation="Phone face down at dinner",
                intensity=7,
                intensity_after=3,
                category="Secrecy and phones",
                for_session=True,
                tags=("home",),
            ),
            TriggerRecord(
                occurred_at=NOW - timedelta(hours=2),
                situation="Phone buzzing late, not flagged",
                intensity=5,
                category="Secrecy and phones",
                tags=("home",),
            ),
            TriggerRecord(
                occurred_at=NOW - timedelta(hours=3),
                situation="Late again without a message",
                intensity=6,
                category="Lateness and being unreachable",
                for_session=True,
            ),
            TriggerRecord(
                occurred_at=NOW - timedelta(days=40),
                situation="Phone at the old flat",
                intensity=8,
                category="Secrecy and phones",
                for_session=True,
                tags=("home",),
            ),
            MoodCheckIn(occurred_at=NOW, mood=5, note="phone call with mum", tags=("home",)),
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


def _only_triggers(page: JournalPage) -> None:
    kind = page.filters.kind
    kind.setCurrentIndex(kind.findData(EntryKind.TRIGGER.value))


def test_category_and_for_my_session_combine_with_tag_period_and_search(
    qtbot: QtBot, page: JournalPage
) -> None:
    filters = page.filters
    _only_triggers(page)
    assert page.model.entry_count() == 4
    provider = filters.category.provider  # what opening the list reads
    assert provider is not None
    filters.category.set_tags(provider())
    assert filters.category.findData("Lateness and being unreachable") > 0
    filters.category.setCurrentIndex(filters.category.findData("Secrecy and phones"))
    assert page.model.entry_count() == 3
    filters.for_session.setChecked(True)
    assert page.model.entry_count() == 2
    filters.period.setCurrentIndex(filters.period.findData("week"))
    assert page.model.entry_count() == 1
    filters.period.setCurrentIndex(0)
    filters.tag.set_tags(["home"])
    filters.tag.setCurrentIndex(filters.tag.findData("home"))
    assert page.model.entry_count() == 2
    filters.search.setText("dinner")
    qtbot.waitUntil(lambda: page.model.query.search == "dinner")
    assert page.model.entry_count() == 1
    assert "Phone face down at dinner" in _summaries(page)[0]
    query = page.model.query
    assert query.category == "Secrecy and phones"
    assert query.for_session is True
    assert {k.value for k in query.kinds} == {"trigger"}


def test_the_trigger_row_of_filters_shows_only_for_trigger_records(page: JournalPage) -> None:
    assert not page.filters.trigger_row.isVisible()
    _only_triggers(page)
    assert page.filters.trigger_row.isVisible()


def test_the_timeline_with_trigger_rows_is_a_well_behaved_model(
    qtmodeltester: ModelTester, page: JournalPage
) -> None:
    _only_triggers(page)
    qtmodeltester.check(page.model)
    assert "7 → 3 of 10" in _summaries(page)[0]


def test_hostile_situations_show_literally_in_the_timeline_and_the_list_to_finish(
    qtbot: QtBot, tmp_path: Path
) -> None:
    vault = create_vault(tmp_path / "hostile")
    session = open_session(vault, MovableClock())
    try:
        for hours, text in enumerate(HOSTILE[:3]):
            session.entries.add(
                TriggerRecord(
                    occurred_at=NOW - timedelta(hours=hours),
                    situation=text,
                    intensity=6,
                    unfinished=True,
                )
            )
        journal = shown(qtbot, JournalPage(session=session))
        summaries = _summaries(journal)
        for text in HOSTILE[:3]:
            assert any(text in s for s in summaries), text
        unfinished = shown(qtbot, UnfinishedList(session=session))
        unfinished.refresh()
        labels = unfinished.texts()
        assert [lbl.text() for lbl in labels] == [first_line(t) for t in HOSTILE[:3]]
        assert all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in labels)
    finally:
        vault.lock()
