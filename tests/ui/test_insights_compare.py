"""Insights' Gratitude, Emotions and Progress cards on a real vault: counts, shifts, plain words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.session import Session

BEFORE = NOW - timedelta(days=35)  # in the 4 weeks before the 4 weeks shown


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def _insights(qtbot: QtBot, session: Session) -> InsightsPage:
    frame = shown(qtbot, MainFrame(specs=journal_pages(), session=session), (1280, 800))
    frame.show_page("insights")  # the frame is not the active window: Ctrl+3 would not reach it
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    qtbot.waitUntil(lambda: page.built)  # the later cards come one per turn once it is shown
    return page


def _trigger(session: Session, ago: int, intensity: int, after: int | None, **more: object) -> None:
    when = NOW - timedelta(days=ago)
    session.entries.add(
        TriggerRecord(
            occurred_at=when,
            situation="x",
            intensity=intensity,
            intensity_after=after,
            **more,  # type: ignore[arg-type]
        )
    )


def _earlier_month(session: Session) -> None:
    add = session.entries.add
    add(MoodCheckIn(occurred_at=BEFORE, mood=7, emotions=("calm", "sad")))
    add(MoodCheckIn(occurred_at=BEFORE + timedelta(days=1), mood=7, emotions=("calm",)))
    _trigger(session, 34, 6, 4)


def test_a_harder_period_is_stated_plainly_beside_the_one_before(
    qtbot: QtBot, session: Session
) -> None:
    _earlier_month(session)
    add = session.entries.add
    add(MoodCheckIn(occurred_at=NOW - timedelta(days=2), mood=4, emotions=("Sad", "tired")))
    add(MoodCheckIn(occurred_at=NOW - timedelta(days=1), mood=5, emotions=("Sad",), private=True))
    _trigger(session, 3, 8, 5, emotions=("sad",))
    _trigger(session, 2, 7, 6)
    _trigger(session, 1, 6, None)
    add(GratitudeEntry(occurred_at=NOW - timedelta(days=3), text="a", expressed=True))
    add(GratitudeEntry(occurred_at=NOW - timedelta(days=2), text="b", expressed=True))
    add(GratitudeEntry(occurred_at=NOW - timedelta(days=1), text="c"))
    gone = add(GratitudeEntry(occurred_at=NOW - timedelta(days=1), text="d", expressed=True))
    session.entries.delete(gone.id or 0)

    page = _insights(qtbot, session)

    assert page.gratitude_text.text() == (
        "3 appreciations noted in this period; you told 2 of them (67 %)."
    )
    assert page.told_bars.accessibleDescription() == page.told_text.text() != ""
    assert sum(b.count for b in page.told_bars.buckets) == 3
    assert page.emotion_text.text() == "Named most often: Sad (3), tired (1)."
    shift = page.emotion_shift.text().splitlines()
    assert shift == [
        "More often than before: Sad (3, before 1).",
        "New in this period: tired.",
        "Not named this time: calm.",
    ]
    progress = page.progress_text.text().splitlines()
    assert progress[0] == "Mood: 4.5, down from 7."
    assert "3 triggers recorded, more than the 1 before." in progress
    # (8 - 5 + 7 - 6) / 2 = 2 now, 6 - 4 = 2 before: the record without an afterwards is left out
    assert "After coping, intensity eased by 2 on average (before: 2)." in progress
    assert progress[-1].startswith("This period was harder in some ways than the one before.")


def test_a_better_period_says_so_without_the_harder_line(qtbot: QtBot, session: Session) -> None:
    _earlier_month(session)
    session.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=1), mood=9))

    page = _insights(qtbot, session)

    progress = page.progress_text.text().splitlines()
    assert progress == [
        "Mood: 9, up from 7.",
        "No triggers recorded, after 1 in the period before.",
    ]
    assert page.gratitude_text.text() == "No appreciations noted in this period."
    assert not page.told_bars.isVisible()


def test_with_nothing_before_there_is_nothing_to_compare_yet(
    qtbot: QtBot, session: Session
) -> None:
    session.entries.add(MoodCheckIn(occurred_at=NOW, mood=6, emotions=("hopeful",)))

    page = _insights(qtbot, session)

    nothing = "There is nothing from the period before to compare with yet."
    assert page.progress_text.text() == nothing
    assert page.emotion_shift.text() == nothing
    assert page.emotion_text.text() == "Named most often: hopeful (1)."
