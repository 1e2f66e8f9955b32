"""Insights' "Together with" card on a real vault, and Tab reaching every chart's words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.core.entries_written import QualityTime
from trustjournal.services.export.shared_charts import ChartKind
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def _insights(qtbot: QtBot, session: Session, size: tuple[int, int] = (1280, 800)) -> InsightsPage:
    frame = shown(qtbot, MainFrame(specs=journal_pages(), session=session), size)
    frame.activateWindow()
    qtbot.waitUntil(frame.isActiveWindow)
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    qtbot.waitUntil(lambda: page.built)  # the cards after the first follow within a few turns
    return page


def _fill(session: Session) -> None:
    """Five days with a told appreciation (mood 8), six without (mood 5), one trigger (two ways
    of coping)."""
    add = session.entries.add
    for ago in range(1, 12):
        when = NOW - timedelta(days=ago)
        add(MoodCheckIn(occurred_at=when, mood=8 if ago <= 5 else 5, connection=6))
        if ago <= 5:  # private counts here: it is the person's own view
            add(GratitudeEntry(occurred_at=when, text="Tea", expressed=True, private=ago == 1))
    add(GratitudeEntry(occurred_at=NOW - timedelta(days=7), text="Not told"))
    gone = add(GratitudeEntry(occurred_at=NOW - timedelta(days=8), text="Binned", expressed=True))
    session.entries.delete(gone.id or 0)  # the bin never counts: day 8 stays an "other" day
    when = NOW - timedelta(days=3, hours=2)
    add(TriggerRecord(occurred_at=when, situation="x", intensity=6, coping=("Walk", "Tea")))


def test_together_with_gives_both_sides_and_their_counts_or_says_not_enough_yet(
    qtbot: QtBot, session: Session
) -> None:
    _fill(session)
    page = _insights(qtbot, session)

    sentences = [s.text() for s in page.together.sentences]
    assert sentences == [
        "On days you told an appreciation, your mood averaged 8 (5 days);"
        " on other days 5 (6 days). A pattern, not proof.",
        "Trust in weeks with a trigger, and in weeks without: not enough yet to compare"
        " (0 weeks and 0 weeks so far; it takes at least 5 on each side).",
        "Closeness on days with a trigger, and on days without: not enough yet to compare"
        " (1 day and 10 days so far; it takes at least 5 on each side).",
        "Mood on the day after a trigger, and on other days: not enough yet to compare"
        " (1 day and 10 days so far; it takes at least 5 on each side).",
    ]
    assert all(s.isVisible() for s in page.together.sentences)
    assert page.together_card.isVisible()

    # One more day without a told appreciation changes the figures at once.
    session.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=12), mood=2))
    session.events.notify({"entries"})
    qtbot.waitUntil(lambda: page.built)  # the cards after the first follow, one per turn
    assert (
        page.together.sentences[0]
        .text()
        .startswith(
            "On days you told an appreciation, your mood averaged 8 (5 days);"
            " on other days 4.6 (7 days)."
        )
    )


@pytest.mark.usefixtures("german")
def test_together_with_speaks_german_with_real_plurals(qtbot: QtBot, session: Session) -> None:
    _fill(session)
    page = _insights(qtbot, session)
    first, _trust, closeness, _after = (s.text() for s in page.together.sentences)
    assert first == (
        "An Tagen, an denen du Dankbarkeit ausgesprochen hast, lag deine Stimmung im Schnitt"
        " bei 8 (5 Tage), an anderen Tagen bei 5 (6 Tage). Ein Muster, kein Beweis."
    )
    assert "(bisher 1 Tag und 10 Tage;" in closeness


def _in_view(page: InsightsPage, widget: QWidget) -> bool:
    viewport = page.scroll_area.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + min(widget.height(), 40) <= viewport.height()


def test_tab_reaches_every_chart_and_its_words_in_reading_order_and_shows_each(
    qtbot: QtBot, session: Session
) -> None:
    _fill(session)
    session.entries.add(QualityTime(occurred_at=NOW - timedelta(days=2), what="A walk"))
    page = _insights(qtbot, session, (800, 600))
    page.bar.span.setFocus()
    met: list[QWidget] = []
    for _ in range(60):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None or not page.isAncestorOf(now) or now in met:
            break
        met.append(now)
        assert _in_view(page, now), now  # the page scrolls to what Tab reached
    words = [
        page.mood_text,
        page.year_text,
        page.trigger_counts,
        page.categories,
        page.hours_text,
        page.intensity_text,
        *page.helps.rows,  # each way of coping, after the card's heading
        page.told_text,
        *page.together.sentences,
        *page.written.sentences,
    ]
    assert page.chart in met
    reached = [w for w in met if w in words]
    assert reached == [w for w in words if w.isVisible()]
    assert len(reached) >= 15
    for text in reached:
        assert text.accessibleDescription() != ""  # names the chart the words tell
    helps = page.helps.shown_rows()
    assert [row.accessibleName() for row in helps] == [
        "Tea: Used once; how intense it felt afterwards was not noted.",
        "Walk: Used once; how intense it felt afterwards was not noted.",
    ]
    assert all(row in reached for row in helps)
    # Each card's "Add to Share" comes after its own words, before the next card's.
    buttons = page.share_buttons
    order = met.index
    assert order(page.mood_text) < order(buttons[ChartKind.MOOD]) < order(page.year_text)
    assert order(page.year_text) < order(buttons[ChartKind.YEAR]) < order(page.trigger_counts)
    assert order(helps[-1]) < order(buttons[ChartKind.HELPS]) < order(page.told_text)
    assert order(page.together.sentences[-1]) < order(page.written.sentences[0])
    assert order(page.written.sentences[-1]) < order(buttons[ChartKind.WRITTEN])
    assert order(buttons[ChartKind.WRITTEN]) < order(buttons[ChartKind.PROGRESS])
    assert page.hours_text.text().startswith("By weekday and hour, most often: Wednesday from")
    assert page.hours.accessibleDescription() == page.hours_text.text()
