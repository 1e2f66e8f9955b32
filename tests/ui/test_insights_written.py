"""Insights' "Writing and time together" card on a real vault: counts, the period before, and
shown only once there is one such entry (private counted, deleted never)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.entries_written import QualityTime, Reflection, Statement
from trustjournal.core.periods import Period
from trustjournal.services.insights_figures import Figures, GratitudeBucket
from trustjournal.ui.insights.compare import gratitude_lines, told_buckets
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def _insights(qtbot: QtBot, session: Session) -> InsightsPage:
    frame = shown(qtbot, MainFrame(specs=journal_pages(), session=session), (1280, 800))
    frame.activateWindow()
    qtbot.waitUntil(frame.isActiveWindow)
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    qtbot.waitUntil(lambda: page.figures is not None and page.built)
    return page


def _fill(session: Session) -> None:
    """This period (the last 4 weeks): a private reflection, three statements (two said) and one
    binned, six times together; the 4 weeks before: two reflections, one statement, five times
    together felt less connected."""
    add = session.entries.add
    for ago in range(1, 7):
        add(
            QualityTime(
                occurred_at=NOW - timedelta(days=ago),
                what="A walk",
                minutes=30 if ago <= 4 else None,
                connection=8,
            )
        )
    add(Reflection(occurred_at=NOW - timedelta(days=2), body="Mine alone", private=True))
    for ago, said in ((3, True), (4, True), (5, False)):
        add(Statement(occurred_at=NOW - timedelta(days=ago), feel=("hurt",), when="x", said=said))
    binned = add(Statement(occurred_at=NOW - timedelta(days=6), feel=("sad",), when="y"))
    session.entries.delete(binned.id or 0)
    for ago in (30, 31, 32, 33, 34):
        add(QualityTime(occurred_at=NOW - timedelta(days=ago), what="Tea", connection=6))
    for ago in (30, 31):
        add(Reflection(occurred_at=NOW - timedelta(days=ago), body="Earlier"))
    add(Statement(occurred_at=NOW - timedelta(days=35), feel=("afraid",), when="z"))


def test_the_card_counts_this_period_beside_the_one_before_plainly(
    qtbot: QtBot, session: Session
) -> None:
    _fill(session)
    page = _insights(qtbot, session)

    assert page.written_card.isVisible()
    assert [s.text() for s in page.written.sentences] == [
        "1 reflection written, fewer than the 2 before.",
        "3 I statements prepared, more than the 1 before. You have said 2 of them; 1 not yet.",
        "6 times together, more than the 5 before. 2 h noted in all."
        " How connected you felt: 8 on average (6 times noted it). Up from 6 before.",
    ]
    for sentence in page.written.sentences:
        assert sentence.accessibleDescription() == "Writing and time together"
        assert sentence.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_tiny_samples_are_called_too_few_and_an_empty_period_before_is_not_compared(
    qtbot: QtBot, session: Session
) -> None:
    session.entries.add(
        QualityTime(occurred_at=NOW - timedelta(days=1), what="Dinner", minutes=90, connection=3)
    )
    page = _insights(qtbot, session)
    assert [s.text() for s in page.written.sentences] == [
        "No reflections written in this period.",
        "No I statements prepared in this period.",
        "1 time together in this period. 1 h 30 min noted in all."
        " How connected you felt: 3 on average (1 time noted it)."
        " That is too few to show a pattern yet.",
    ]


def test_the_card_waits_for_the_first_such_entry_and_a_binned_one_never_counts(
    qtbot: QtBot, session: Session
) -> None:
    session.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=1), mood=6))
    page = _insights(qtbot, session)
    assert page.mood_card.isVisible()
    assert not page.written_card.isVisible()  # nothing of these kinds: no empty card

    binned = session.entries.add(QualityTime(occurred_at=NOW - timedelta(days=400), what="Old"))
    session.entries.delete(binned.id or 0)
    session.events.notify({"entries"})
    qtbot.wait(1)
    assert not page.written_card.isVisible()  # the bin never counts, not even as "ever"

    # A private one, long ago and outside the period, is the person's own: the card appears.
    session.entries.add(
        Reflection(occurred_at=NOW - timedelta(days=400), body="Quietly", private=True)
    )
    session.events.notify({"entries"})
    qtbot.waitUntil(page.written_card.isVisible)
    assert page.written.sentences[0].text() == "No reflections written in this period."


@pytest.mark.usefixtures("german")
def test_the_card_speaks_german_with_real_plurals(qtbot: QtBot, session: Session) -> None:
    _fill(session)
    page = _insights(qtbot, session)
    reflections, statements, together = (s.text() for s in page.written.sentences)
    assert reflections == "1 Reflexion geschrieben, weniger als die 2 davor."
    assert statements.startswith("3 Ich-Botschaften vorbereitet, mehr als die 1 davor.")
    assert "(6-mal notiert)" in together


def test_a_kind_new_in_this_period_is_said_after_none_before(
    qtbot: QtBot, session: Session
) -> None:
    session.entries.add(Reflection(occurred_at=NOW - timedelta(days=40), body="Earlier"))
    session.entries.add(QualityTime(occurred_at=NOW - timedelta(days=1), what="Tea"))
    page = _insights(qtbot, session)
    assert [s.text() for s in page.written.sentences] == [
        "No reflections written, after 1 in the period before.",
        "No I statements prepared in this period.",
        "1 time together, after none in the period before.",
    ]


def test_the_gratitude_words_run_oldest_first_as_the_bars_do() -> None:
    weeks = [
        GratitudeBucket(date(2026, 2, 16), 2, 1),
        GratitudeBucket(date(2026, 2, 23), 0, 0),
        GratitudeBucket(date(2026, 3, 2), 3, 3),
    ]
    figures = Figures(Period(date(2026, 2, 15), date(2026, 3, 14)), "week", [], [], [])
    figures = replace(figures, gratitude=weeks)
    assert [b.start for b in told_buckets(figures)] == [date(2026, 2, 16), date(2026, 3, 2)]
    assert gratitude_lines(figures).splitlines() == [
        "Week of Feb 16, 2026: 1 of 2 told",
        "Week of Mar 2, 2026: 3 of 3 told",
    ]
