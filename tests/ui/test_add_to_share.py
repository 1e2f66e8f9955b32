"""Add to Share: an Insights chart goes into the next summary, counted from that summary only."""

from __future__ import annotations

import re
import subprocess
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import (
    NOW,
    PASSPHRASE,
    MovableClock,
    active_frame,
    create_vault,
    open_session,
    tab_to,
)
from tests.ui.share_helpers import save_to
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.shared_charts import CHARTS_SETTING, ChartKind
from trustjournal.services.export.text import day_text
from trustjournal.store.vault import Vault
from trustjournal.ui.insights.share_button import ShareChartButton
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.share_page import SharePage
from trustjournal.ui.session import Session
from trustjournal.ui.share.chosen_charts import set_chosen


def _fill(session: Session) -> None:
    """Two shared check-ins (6 and 8), one private check-in of 1, and a trigger record."""
    for ago, mood, private in ((2, 6, False), (1, 8, False), (0, 1, True)):
        session.entries.add(
            MoodCheckIn(
                occurred_at=NOW - timedelta(days=ago),
                mood=mood,
                trust=mood - 1,
                private=private,
                emotions=("Hopeful",) if not private else ("Secretive",),
            )
        )
    session.entries.add(
        TriggerRecord(
            occurred_at=NOW - timedelta(days=1),
            situation="A late reply",
            category="Feeling dismissed",
            intensity=6,  # not a fresh hard moment, which the Share page would leave out
            intensity_after=3,
            coping=("Slow breathing",),
        )
    )
    session.entries.add(GratitudeEntry(occurred_at=NOW, text="Coffee in bed", expressed=True))


def _add_by_keys(qtbot: QtBot, frame: MainFrame, kind: ChartKind) -> InsightsPage:
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    qtbot.waitUntil(lambda: page.figures is not None and page.built)  # every card on the page
    found = page.share_buttons[kind]
    assert found.text() == "Add to Share"
    tab_to(frame, found)
    QTest.keyClick(found, Qt.Key.Key_Space)
    assert found.text() == "Remove from Share"
    return page


def _share(frame: MainFrame) -> SharePage:
    QTest.keyClick(frame, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("share")
    assert isinstance(page, SharePage)
    page.flush()
    return page


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return create_vault(tmp_path / "journal")


def test_a_chart_added_by_keys_is_in_the_pdf_and_html_counted_without_private_entries(
    qtbot: QtBot, tmp_path: Path, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = open_session(vault, MovableClock())
    _fill(session)
    frame = active_frame(qtbot, session)
    insights = _add_by_keys(qtbot, frame, ChartKind.MOOD)
    # The Insights page itself counts the private check-in (its own view)...
    assert insights.figures is not None and insights.figures.totals is not None
    assert insights.figures.totals.checkins == 3
    assert session.settings.get(CHARTS_SETTING) == ["mood"]  # in the vault
    share = _share(frame)
    assert share.charts.kinds == (ChartKind.MOOD,)
    assert share.shown is not None
    (chart,) = share.shown.summary.charts
    # ...the summary never does: 6 and 8, not the private 1.
    assert "Mood: 7 on average, from 6 to 8." in chart.text
    assert "2 check-ins on 2 days." in chart.text
    # The preview draws the added chart too (its own image after the mood section's).
    assert len(share.shown.extra) == 1 and share.shown.extra[0] is not None
    assert share.preview.refused == []
    pdf = tmp_path / "s.pdf"
    save_to(monkeypatch, share, pdf, ExportFormat.PDF)
    text = " ".join((p.extract_text() or "") for p in pypdf.PdfReader(pdf).pages)
    text = re.sub(r"\s+", " ", text)
    assert "Charts from my insights" in text
    assert "Mood, closeness and trust over time" in text
    assert "Mood: 7 on average, from 6 to 8." in text
    assert "Trust: 6 on average, from 5 to 7." in text
    assert "Secretive" not in text and "from 1 to" not in text
    html = tmp_path / "s.html"
    save_to(monkeypatch, share, html, ExportFormat.HTML)
    page = html.read_text(encoding="utf-8")
    drawn = page.split("Charts from my insights", 1)[1]
    assert drawn.count("<svg") == 1 and "<script" not in page
    assert drawn.count("<circle") == 3  # two shared days and the key; never the private day
    assert "Mood: 7 on average, from 6 to 8." in drawn
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(png)], check=True, timeout=120)
    assert list(tmp_path.glob("page*.png"))


def test_the_choice_survives_a_restart_and_is_removed_on_the_share_page_by_keys(
    qtbot: QtBot, vault: Vault
) -> None:
    session = open_session(vault, MovableClock())
    _fill(session)
    frame = active_frame(qtbot, session)
    _add_by_keys(qtbot, frame, ChartKind.TRIGGERS)
    _add_by_keys(qtbot, frame, ChartKind.EMOTIONS)
    frame.close()
    directory = vault.directory
    vault.lock()
    again = open_session(Vault.unlock(directory, PASSPHRASE), MovableClock())
    frame = active_frame(qtbot, again)
    share = _share(frame)
    assert share.charts.kinds == (ChartKind.TRIGGERS, ChartKind.EMOTIONS)
    assert share.shown is not None
    triggers, emotions = share.shown.summary.charts
    assert "Feeling dismissed: 1 time" in triggers.text
    assert "Hopeful: 2 times" in emotions.text and not any("Secretive" in t for t in emotions.text)
    remove = share.charts.remove_buttons[ChartKind.TRIGGERS]
    tab_to(frame, remove)
    QTest.keyClick(remove, Qt.Key.Key_Space)
    assert share.charts.kinds == (ChartKind.EMOTIONS,)
    assert again.settings.get(CHARTS_SETTING) == ["emotions"]
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    insights = frame.page("insights")
    assert isinstance(insights, InsightsPage)
    qtbot.waitUntil(lambda: insights.built)  # the later cards come one per turn once shown
    button = insights.share_buttons[ChartKind.TRIGGERS]
    assert isinstance(button, ShareChartButton) and button.text() == "Add to Share"


def test_progress_in_a_summary_says_it_is_its_own_two_halves_never_the_time_before(
    qtbot: QtBot, tmp_path: Path, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = open_session(vault, MovableClock())
    _fill(session)
    frame = active_frame(qtbot, session)
    _add_by_keys(qtbot, frame, ChartKind.PROGRESS)
    share = _share(frame)
    assert share.shown is not None
    summary = share.shown.summary
    start, end = summary.period.start, summary.period.end
    assert start is not None and end is not None and (end - start).days == 29
    middle = start + timedelta(days=15)
    halves = (
        f"The first half of this summary ({day_text(start)} – {day_text(middle - timedelta(1))})"
        f" beside its second half ({day_text(middle)} – {day_text(end)});"
        " nothing from before this summary is compared."
    )
    assert halves.startswith("The first half of this summary (February 13, 2026 – Feb")
    (chart,) = summary.charts
    assert chart.title == "Progress within this summary"
    assert chart.text[0] == halves
    assert "Trigger records: 0 in the first half, 1 in the second." in chart.text

    def said(text: str) -> str:
        return re.sub(r"\s+", " ", text.replace("\u2013", "–"))

    pdf = tmp_path / "s.pdf"
    save_to(monkeypatch, share, pdf, ExportFormat.PDF)
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=120
    )
    in_pdf = said(out.stdout.decode("utf-8")).split("Progress within this summary", 1)[1]
    assert halves in in_pdf
    html = tmp_path / "s.html"
    save_to(monkeypatch, share, html, ExportFormat.HTML)
    in_html = said(html.read_text(encoding="utf-8")).split("Progress within this summary", 1)[1]
    assert halves in in_html
    for words in (in_pdf, in_html):
        lowered = words.lower()
        assert "previous" not in lowered and "period before" not in lowered
        assert "the period" not in lowered


def test_every_button_follows_a_change_made_elsewhere(qtbot: QtBot, vault: Vault) -> None:
    session = open_session(vault, MovableClock())
    _fill(session)
    frame = active_frame(qtbot, session)
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    qtbot.waitUntil(lambda: page.built)
    set_chosen(session, (ChartKind.YEAR, ChartKind.PROGRESS))  # as the Share page does
    texts = {kind: button.text() for kind, button in page.share_buttons.items()}
    assert texts.pop(ChartKind.YEAR) == texts.pop(ChartKind.PROGRESS) == "Remove from Share"
    assert set(texts.values()) == {"Add to Share"}
    set_chosen(session, ())
    assert {button.text() for button in page.share_buttons.values()} == {"Add to Share"}
