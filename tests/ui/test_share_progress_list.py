"""Add to Share on Insights' progress list: by keys, it goes into the next summary (preview,
PDF, HTML) as steps and goals in the person's own voice, and never as a milestone."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import (
    NOW,
    MovableClock,
    active_frame,
    create_vault,
    open_session,
    tab_to,
)
from tests.ui.share_helpers import save_to
from trustjournal.core.between import Goal, GoalState, GoalStep
from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.periods import Period
from trustjournal.services.between import BetweenOperations
from trustjournal.services.export.between_source import between_source
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.request import Audience, ExportRequest
from trustjournal.services.export.shared_charts import CHARTS_SETTING, ChartKind
from trustjournal.services.export.summary import build_summary
from trustjournal.services.export.text import day_text
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.share_page import SharePage
from trustjournal.ui.pdf import pdf_bytes
from trustjournal.ui.session import Session

GOAL = "Talk about <b>money</b>"
PRIVATE_NOTE = "CANARY-PRIVATE-WEEK-rowan"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def _fill(session: Session) -> None:
    """A step and a goal reached this week, and a full week of check-ins, all private, that
    Insights lists as a milestone."""
    ops = BetweenOperations(vault=session.vault, clock=session.clock)
    steps = (GoalStep(text="List our costs"), GoalStep(text="Pick a quiet hour"))
    goal_id = ops.add_goal(Goal(title=GOAL, steps=steps)).value.id or 0
    ops.mark_step_done(goal_id, 2, NOW - timedelta(days=3))
    ops.set_goal_state(goal_id, GoalState.REACHED, NOW - timedelta(days=2))
    monday = NOW.date() - timedelta(days=NOW.weekday() + 7)
    for offset in range(7):
        moment = datetime.combine(monday + timedelta(offset), NOW.timetz())
        session.entries.add(
            MoodCheckIn(occurred_at=moment, mood=6, note=PRIVATE_NOTE, private=True)
        )
    ops.record_milestones(NOW.date())


def _insights(qtbot: QtBot, frame: MainFrame) -> InsightsPage:
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    qtbot.waitUntil(lambda: page.figures is not None and page.built)
    qtbot.waitUntil(lambda: any(line.isVisibleTo(page) for line in page.reached.lines))
    return page


def _share(frame: MainFrame) -> SharePage:
    QTest.keyClick(frame, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("share")
    assert isinstance(page, SharePage)
    page.flush()
    return page


def test_added_by_keys_it_is_in_the_preview_pdf_and_html_without_milestones(
    qtbot: QtBot, tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(session)
    frame = active_frame(qtbot, session)
    insights = _insights(qtbot, frame)
    listed = [line.text() for line in insights.reached.lines if line.isVisibleTo(insights)]
    assert any("checked in every day" in line for line in listed)  # Insights: their own view
    button = insights.share_buttons[ChartKind.REACHED]
    assert button is not None and button.text() == "Add to Share"
    assert button.accessibleName() == "Add “Reached along the way” to the next summary"
    tab_to(frame, button)  # after the card's lines, like every card's button
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert button.text() == "Remove from Share"
    assert session.settings.get(CHARTS_SETTING) == ["reached"]
    share = _share(frame)
    assert share.charts.kinds == (ChartKind.REACHED,)
    assert share.shown is not None
    (chart,) = share.shown.summary.charts
    step_day, goal_day = (day_text((NOW - timedelta(days=d)).date()) for d in (3, 2))
    assert chart.text[1:] == (
        f"{step_day}: I did step 2 of 2 towards “{GOAL}”: “Pick a quiet hour”.",
        f"{goal_day}: I reached my goal “{GOAL}”.",
    )
    share.preview.grab().save(str(tmp_path / "preview.png"))
    pdf = tmp_path / "s.pdf"
    save_to(monkeypatch, share, pdf, ExportFormat.PDF)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Charts from my insights" in flat and "Reached along the way" in flat
    assert f"I reached my goal “{GOAL}”." in flat  # the markup-looking title, literally
    assert "I did step 2 of 2 towards" in flat
    assert PRIVATE_NOTE not in flat and "every day of the week" not in flat
    html = tmp_path / "s.html"
    save_to(monkeypatch, share, html, ExportFormat.HTML)
    page = html.read_text(encoding="utf-8")
    assert "Talk about &lt;b&gt;money&lt;/b&gt;" in page and "<b>money" not in page
    assert PRIVATE_NOTE not in page and "7 of 7" not in page
    # Taken out on the Share page, the button on Insights says so.
    QTest.mouseClick(share.charts.remove_buttons[ChartKind.REACHED], Qt.MouseButton.LeftButton)
    assert session.settings.get(CHARTS_SETTING) == []
    assert button.text() == "Add to Share"
    frame.stash_and_clear()


def test_the_sessions_section_carries_it_in_a_german_pdf(session: Session, tmp_path: Path) -> None:
    _fill(session)
    period = Period(NOW.date() - timedelta(days=13), NOW.date())
    request = ExportRequest.for_audience(Audience.THERAPIST, period, language="de")
    summary = build_summary(
        session.entries,
        request,
        now=NOW,
        between_source=between_source(vault=session.vault, clock=session.clock),
    )
    pdf = tmp_path / "de.pdf"
    pdf.write_bytes(pdf_bytes(summary))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Sitzungen, Übungen und Ziele" in flat
    assert "Schritte und Ziele, die ich in diesem Zeitraum erreicht habe" in flat
    assert f"Ich habe mein Ziel „{GOAL}“ erreicht." in flat
    assert "Ich habe Schritt 2 von 2 für" in flat
    assert "Erreicht am: 12. März 2026" in flat
    assert PRIVATE_NOTE not in flat and "7 von 7" not in flat
