"""The Insights page by keyboard, its remembered period, its wording and its pseudo-locale."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.dialog_helpers import HeldTasks
from tests.ui.i18n_helpers import escaped_texts
from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from tests.ui.layout_checks import out_of_reach, overlaps, settle, squeezed
from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.core.entries_written import QualityTime, Statement
from trustjournal.services.insights_figures import PERIOD_SETTING, Span
from trustjournal.ui.insights.mood_chart import downsample
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import ScopedTasks

TODAY = NOW.date()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def _frame(qtbot: QtBot, session: Session, size: tuple[int, int] = (1280, 800)) -> MainFrame:
    built = shown(qtbot, MainFrame(specs=journal_pages(), session=session), size)
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    return built


def _insights(frame: MainFrame) -> InsightsPage:
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert frame.current_key == "insights"
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    while page.figures is not None and not page.built:  # the later cards, one per turn
        QApplication.processEvents()
    return page


def _fill(session: Session) -> dict[int, int]:
    """Check-ins three, two and zero days ago (a gap yesterday); their ids by days ago."""
    ids = {}
    for ago, mood in ((3, 3), (2, 7), (0, 9)):
        entry = session.entries.add(
            MoodCheckIn(occurred_at=NOW - timedelta(days=ago), mood=mood, note=f"day {ago}")
        )
        ids[ago] = entry.id or 0
    session.entries.add(
        TriggerRecord(occurred_at=NOW, situation="A late reply", intensity=8, intensity_after=5)
    )
    return ids


def test_tab_reaches_the_chart_arrows_choose_a_day_and_enter_opens_it_in_the_journal(
    qtbot: QtBot, session: Session
) -> None:
    ids = _fill(session)
    frame = _frame(qtbot, session)
    page = _insights(frame)
    frame.page_list.setFocus()
    for _ in range(12):
        if page.chart.hasFocus():
            break
        QTest.keyClick(frame.focusWidget(), Qt.Key.Key_Tab)
    assert page.chart.hasFocus()
    assert page.chart.focused_day == TODAY  # the newest day with a check-in
    assert "mood 9" in page.day_values.text()

    QTest.keyClick(page.chart, Qt.Key.Key_Left)  # yesterday had none: it is skipped, not zero
    assert page.chart.focused_day == TODAY - timedelta(days=2)
    assert "mood 7" in page.day_values.text()
    assert page.chart.accessibleDescription() == page.day_values.text()
    QTest.keyClick(page.chart, Qt.Key.Key_Home)
    assert page.chart.focused_day == TODAY - timedelta(days=3)
    QTest.keyClick(page.chart, Qt.Key.Key_Right)

    QTest.keyClick(page.chart, Qt.Key.Key_Return)
    assert frame.current_key == "journal"
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    assert journal.current_id() == ids[2]


def test_the_chosen_span_is_remembered_in_the_vault_and_steps_by_one_period(
    qtbot: QtBot, session: Session
) -> None:
    _fill(session)
    frame = _frame(qtbot, session)
    page = _insights(frame)
    assert page.bar.current_span() == Span.WEEKS_4
    assert not page.bar.forward.isEnabled()  # nothing lies after today
    page.bar.span.setFocus()
    page.bar.span.setCurrentIndex(page.bar.span.findData(Span.MONTHS_3.value))
    qtbot.waitUntil(lambda: page.built)  # saved once every card shows the period
    assert session.settings.get(PERIOD_SETTING) == "3m"
    assert page.figures is not None
    assert page.figures.period.end == TODAY
    page.bar.back.click()
    assert page.figures.period.end == TODAY - timedelta(days=91)
    assert page.figures.days == []
    assert "No check-ins in this period" in page.mood_text.text()
    assert page.bar.forward.isEnabled()
    page.bar.forward.click()
    assert page.figures.period.end == TODAY

    again = InsightsPage(session=session)
    qtbot.addWidget(again)
    assert again.bar.current_span() == Span.MONTHS_3


def test_an_empty_journal_says_what_will_appear_instead_of_empty_axes(
    qtbot: QtBot, session: Session
) -> None:
    page = _insights(_frame(qtbot, session))
    assert page.empty.isVisible()
    assert "Once you check in" in page.empty.text()
    assert not page.mood_card.isVisible() and not page.trigger_card.isVisible()


def test_small_counts_are_called_too_few_and_a_new_entry_appears_at_once(
    qtbot: QtBot, session: Session
) -> None:
    _fill(session)
    page = _insights(_frame(qtbot, session))
    assert "1 trigger recorded" in page.trigger_text.text()
    assert "too few to show a pattern" in page.intensity_text.text()
    assert "(intensity 8, afterwards 5)" in page.trigger_counts.text()  # this week's, over time
    session.entries.add(
        TriggerRecord(
            occurred_at=NOW, situation="Again", intensity=6, unfinished=True, category="Work"
        )
    )
    session.events.notify({"entries"})
    qtbot.waitUntil(lambda: page.built)  # the cards after the first follow, one per turn
    assert "2 triggers recorded in this period. 1 is still to finish." in page.trigger_text.text()
    assert page.categories.text() == "By category: no category: 1, Work: 1"


def test_more_days_than_pixels_keep_each_columns_lowest_and_highest() -> None:
    xs = [10.2, 10.7, 10.9, 11.1, 13.0]
    values = [5.0, 2.0, 9.0, 4.0, 6.0]
    assert downsample(xs, values) == [(10.0, 2.0, 9.0), (11.0, 4.0, 4.0), (13.0, 6.0, 6.0)]


@pytest.mark.usefixtures("pseudo")
@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_every_text_is_translated_and_nothing_is_squeezed_in_the_pseudo_locale(
    qtbot: QtBot, session: Session, size: tuple[int, int]
) -> None:
    _fill(session)
    session.entries.add(
        QualityTime(occurred_at=NOW - timedelta(days=1), what="Walk", minutes=40, connection=7)
    )
    session.entries.add(Statement(occurred_at=NOW, feel=("hurt",), when="x", said=True))
    frame = _frame(qtbot, session, size)
    page = _insights(frame)
    settle()
    assert page.written_card.isVisible()
    assert escaped_texts(page, user_texts=["day 0", "day 2", "day 3"]) == []
    assert overlaps(page) == []
    assert squeezed(page) == []
    assert out_of_reach(page) == []


def test_what_helps_gives_an_average_only_from_enough_records_and_says_so_below(
    qtbot: QtBot, session: Session
) -> None:
    for ago, before, after in ((1, 8, 4), (2, 7, 4), (3, 6, 4)):
        session.entries.add(
            TriggerRecord(
                occurred_at=NOW - timedelta(days=ago),
                situation="A late reply",
                intensity=before,
                intensity_after=after,
                coping=("Walk", "Call my sister"),
            )
        )
    session.entries.add(
        TriggerRecord(occurred_at=NOW, situation="Again", intensity=7, coping=("Breathing",))
    )
    session.entries.add(
        TriggerRecord(
            occurred_at=NOW, situation="Once", intensity=9, intensity_after=0, coping=("Run",)
        )
    )
    session.entries.add(
        TriggerRecord(
            occurred_at=NOW - timedelta(days=40),  # before the period: not counted
            situation="Old",
            intensity=9,
            intensity_after=1,
            coping=("Walk",),
        )
    )
    page = _insights(_frame(qtbot, session))
    rows = [row.accessibleName() for row in page.helps.shown_rows()]
    assert rows[1] == (
        "Walk: Used 3 times, afterwards noted 3 times: on average 3 points lower afterwards."
    )
    assert rows[0].startswith("Call my sister: Used 3 times")  # a tie: by name
    assert sorted(rows[2:]) == [  # one great evening is not enough to top the list
        "Breathing: Used once; how intense it felt afterwards was not noted.",
        "Run: Used once, afterwards noted once: too few to tell yet.",
    ]


def test_a_new_span_is_saved_by_a_background_task_after_its_figures_are_read(
    qtbot: QtBot, session: Session
) -> None:
    held = HeldTasks()
    frame = _frame(qtbot, replace(session, tasks=ScopedTasks(tasks=held, is_current=lambda: True)))
    page = _insights(frame)
    held.run_all()  # the first period's figures
    page.bar.span.setCurrentIndex(page.bar.span.findData(Span.MONTHS_12.value))
    held.run_all()  # the reads (figures, the progress list): the write would hold the database
    assert session.settings.get(PERIOD_SETTING) is None  # it was not among them
    announced: list[object] = []
    session.events.changed.connect(announced.append)
    held.run_all()
    assert session.settings.get(PERIOD_SETTING) == Span.MONTHS_12.value
    assert page.figures is not None and page.bar.current_span() == Span.MONTHS_12
    assert announced == []  # only this page reads it: no other page reads the journal again
