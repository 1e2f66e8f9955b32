"""A year at a glance: every colour of its key and its days stands 3:1 off the card (WCAG 1.4.11)
in light, in dark and on the PDF's paper, and rises in lightness from low mood to high."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QHBoxLayout
from pytestqt.qtbot import QtBot

from trustjournal.services.charts import grids
from trustjournal.services.charts.scene import PAPER, Box, Scene
from trustjournal.services.insights_figures import DailyMood
from trustjournal.ui.chart_painter import paint_scene
from trustjournal.ui.insights.grids import RampLegend, YearGrid
from trustjournal.ui.theme import DARK, LIGHT, Colors, ThemeManager, ThemePreference, contrast_ratio
from trustjournal.ui.widgets.common import card

NON_TEXT = 3.0  # WCAG 2.2, 1.4.11 non-text contrast
PAPER_WHITE = "#ffffff"  # the PDF's page and the HTML summary's background
FIRST = date(2025, 3, 3)  # a Monday


@pytest.fixture
def theme(qapp: QApplication) -> Iterator[ThemeManager]:
    palette, sheet = qapp.palette(), qapp.styleSheet()
    manager = ThemeManager(app=qapp)
    yield manager
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    manager.deleteLater()


def _luminance(colour: str) -> float:
    return (1.05 / contrast_ratio(colour, "#ffffff")) - 0.05


def _key_colours(image: QImage, left: int, top: int, steps: int = 5) -> list[str]:
    """The colour at the middle of each of the key's squares (18 px apart, 16 × 14)."""
    return [image.pixelColor(left + i * 18 + 9, top + 9).name() for i in range(steps)]


def _check_steps(steps: list[str], ground: str) -> None:
    for step in steps:
        assert contrast_ratio(step, ground) >= NON_TEXT, (step, ground)
    lightness = [_luminance(s) for s in steps]
    assert lightness == sorted(lightness) and len(set(steps)) == len(steps), steps


@pytest.mark.parametrize(
    ("scheme", "colors"), [(ThemePreference.LIGHT, LIGHT), (ThemePreference.DARK, DARK)]
)
def test_every_step_of_the_key_and_every_day_stands_off_the_card(
    qtbot: QtBot, theme: ThemeManager, scheme: ThemePreference, colors: Colors
) -> None:
    theme.apply(scheme)
    frame, column = card(None, heading="A year at a glance")
    qtbot.addWidget(frame)
    year = YearGrid(frame)
    moods = [1.0 + 9 * i / 69 for i in range(70)]  # low to high across ten weeks
    year.show_days(FIRST, [_day(i, m) for i, m in enumerate(moods)])
    column.addWidget(year)
    key = QHBoxLayout()
    legend = RampLegend(frame)
    key.addWidget(legend)
    key.addStretch(1)
    column.addLayout(key)
    frame.resize(900, 300)
    frame.show()
    qtbot.waitExposed(frame)
    image = frame.grab().toImage()
    ground = image.pixelColor(frame.width() // 2, frame.height() - 8).name()
    assert ground == colors.surface  # the card, as painted

    at = legend.mapTo(frame, legend.rect().topLeft())
    steps = _key_colours(image, at.x(), at.y())
    _check_steps(steps, ground)

    # Every day painted in the grid is one of the key's colours.
    grid_at = year.mapTo(frame, year.rect().topLeft())
    cell = grids.year_cell(year.width())
    days = {
        image.pixelColor(
            grid_at.x() + grids.LABEL_W + week * cell + cell // 2,
            grid_at.y() + row * grids.ROW + grids.ROW // 2,
        ).name()
        for week in range(10)
        for row in range(7)
    }
    assert days == set(steps)


def test_every_step_stands_off_the_paper_of_the_pdf_and_the_html() -> None:
    scene = grids.ramp_key(title="key")
    image = QImage(round(scene.width), round(scene.height), QImage.Format.Format_RGB32)
    image.fill(QColor(PAPER_WHITE))
    painter = QPainter(image)
    paint_scene(painter, scene, QRectF(0, 0, scene.width, scene.height), PAPER)
    painter.end()
    steps = _key_colours(image, 0, 0)
    assert steps == [PAPER.colour(item.fill or "") for item in _boxes(scene)]
    _check_steps(steps, PAPER_WHITE)


def _boxes(scene: Scene) -> list[Box]:
    return [item for item in scene.items if isinstance(item, Box)]


def _day(offset: int, mood: float) -> DailyMood:
    return DailyMood(FIRST + timedelta(days=offset), 1, mood, None, None)
