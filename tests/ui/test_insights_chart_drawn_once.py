"""The Insights mood chart is drawn once per figures, size and theme, and drawn anew on a change."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPalette, QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from tests.ui.layout_checks import settle
from trustjournal.core.entries import MoodCheckIn
from trustjournal.services.changes import Change
from trustjournal.services.insights_figures import DailyMood, Span
from trustjournal.ui.insights.grids import YearGrid
from trustjournal.ui.insights.mood_chart import MoodChart
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.insights_page import InsightsPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.session import Session
from trustjournal.ui.theme import DARK, LIGHT, Colors, palette_for, style_sheet

TODAY = NOW.date()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    opened = open_session(vault, MovableClock())
    for ago, mood, trust in ((40, 2, 3), (20, 5, None), (6, 8, 7), (3, 4, 6), (0, 9, 8)):
        opened.entries.add(
            MoodCheckIn(occurred_at=NOW - timedelta(days=ago), mood=mood, trust=trust)
        )
    yield opened
    vault.lock()


def _page(qtbot: QtBot, session: Session) -> InsightsPage:
    frame = shown(qtbot, MainFrame(specs=journal_pages(), session=session), (1280, 800))
    frame.activateWindow()
    qtbot.waitUntil(frame.isActiveWindow)
    QTest.keyClick(frame, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = frame.page("insights")
    assert isinstance(page, InsightsPage)
    assert page.figures is not None
    qtbot.waitUntil(lambda: page.built)
    settle()  # the page laid out with its figures, as a person sees it
    return page


def _image_of(widget: QWidget) -> QImage:
    """What the widget paints, over white (without the card behind it)."""
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    widget.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    return image


def _image(chart: MoodChart) -> QImage:
    return _image_of(chart)


def _fresh(qtbot: QtBot, page: InsightsPage, palette: QPalette | None = None) -> QImage:
    """The page's figures at its chart's size, in `palette` (default: the application's), with
    its focused day, drawn by a chart that never drew before."""
    chart = page.chart
    assert page.figures is not None
    other = MoodChart()
    qtbot.addWidget(other)
    if palette is not None:
        other.setPalette(palette)
    other.setFont(chart.font())
    other.resize(chart.size())
    other.show_figures(page.figures)
    other.focused = chart.focused
    image = _image(other)
    assert other.drawn_here == 1
    return image


def test_arrow_keys_repaint_the_focus_line_but_never_draw_the_chart_again(
    qtbot: QtBot, session: Session
) -> None:
    page = _page(qtbot, session)
    chart = page.chart
    before = _image(chart)
    drawn = chart.drawn_here
    chart.setFocus()
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_End):
        QTest.keyClick(chart, key)
        _image(chart)
    QTest.keyClick(chart, Qt.Key.Key_Left)
    moved = _image(chart)
    assert chart.focused_day == TODAY - timedelta(days=3)
    assert moved != before  # the focus line moved (and the chart has the keyboard focus now)
    assert chart.drawn_here == drawn  # the kept image served every paint
    chart.clearFocus()
    assert _image(chart) == _fresh(qtbot, page)


def test_a_period_read_in_the_background_brings_its_chart_already_drawn(
    qtbot: QtBot, session: Session
) -> None:
    page = _page(qtbot, session)
    chart = page.chart
    four_weeks = _image(chart)
    drawn = chart.drawn_here
    page.bar.span.setCurrentIndex(page.bar.span.findData(Span.MONTHS_3.value))
    assert page.figures is not None and page.figures.period.start == TODAY - timedelta(days=90)
    settle()  # laid out, as it is painted
    three_months = _image(chart)
    assert chart.drawn_here == drawn  # drawn by the read, not on the UI thread
    assert three_months != four_weeks
    assert three_months == _fresh(qtbot, page)


@pytest.fixture
def themed_app(qapp: QApplication) -> Iterator[Callable[[Colors], None]]:
    """Switch the application's theme as Settings does; put the old one back afterwards."""
    palette, sheet = qapp.palette(), qapp.styleSheet()

    def use(colors: Colors) -> None:
        qapp.setPalette(palette_for(colors))
        qapp.setStyleSheet(style_sheet(colors))

    yield use
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def test_a_new_theme_size_or_entry_draws_the_chart_anew(
    qtbot: QtBot, session: Session, themed_app: Callable[[Colors], None]
) -> None:
    themed_app(LIGHT)
    page = _page(qtbot, session)
    chart = page.chart
    light = _image(chart)
    themed_app(DARK)
    dark = _image(chart)
    assert dark != light
    assert dark == _fresh(qtbot, page)

    page.window().resize(900, 640)
    qtbot.waitUntil(lambda: chart.width() < light.width())
    narrow = _image(chart)
    assert narrow == _fresh(qtbot, page)

    session.entries.add(MoodCheckIn(occurred_at=NOW - timedelta(days=1), mood=1, trust=0))
    session.events.announce(frozenset({Change.ENTRIES}))
    assert page.figures is not None and len(page.figures.days) == 5
    with_new_day = _image(chart)
    assert with_new_day != narrow
    assert with_new_day == _fresh(qtbot, page)


def test_the_year_at_a_glance_is_described_once_per_days_and_width(qtbot: QtBot) -> None:
    year = YearGrid()
    qtbot.addWidget(year)
    year.resize(900, year.height())
    first = TODAY - timedelta(days=TODAY.weekday() + 52 * 7)
    year.show_days(first, [DailyMood(TODAY, 1, 4.0, None, None)])
    kept = year.scene()
    assert year.scene() is kept  # a repaint describes nothing again
    year.show_days(first, [DailyMood(TODAY, 1, 9.0, None, None)])
    recoloured = year.scene()
    assert recoloured is not kept and recoloured.items != kept.items
    _image_of(year)
    _image_of(year)
    assert year.drawn_here == 1  # the squares' image served the second paint
    year.resize(700, year.height())
    assert year.scene().width != recoloured.width
    _image_of(year)
    assert year.drawn_here == 2


def test_a_period_read_in_the_background_brings_its_year_at_a_glance_already_drawn(
    qtbot: QtBot, session: Session
) -> None:
    page = _page(qtbot, session)
    year = page.year
    before = _image_of(year)
    drawn = year.drawn_here
    page.bar.span.setCurrentIndex(page.bar.span.findData(Span.WEEKS_4.value))
    page.bar.back.click()  # four weeks earlier: the year shown ends then, one square fewer
    qtbot.waitUntil(lambda: page.built)
    settle()
    after = _image_of(year)
    assert year.drawn_here == drawn  # described and drawn by the read, not on the UI thread
    assert after != before
    fresh = YearGrid()
    qtbot.addWidget(fresh)
    fresh.resize(year.size())
    figures = page.figures
    assert figures is not None and figures.year_start is not None
    fresh.show_days(figures.year_start, figures.year_days)
    assert _image_of(fresh) == after  # the same squares as drawn on the spot
