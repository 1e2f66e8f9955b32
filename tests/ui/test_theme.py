"""The theme's colours: in dark, the edge of an unchecked box or radio button can be seen (WCAG
3:1 against what is beside it), and light draws its indicators exactly as Fusion always did."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from trustjournal.ui.theme import DARK, LIGHT, ThemeManager, ThemePreference, contrast_ratio

NON_TEXT = 3.0  # WCAG 2.2, 1.4.11 non-text contrast


@pytest.fixture
def theme(qapp: QApplication) -> Iterator[ThemeManager]:
    manager = ThemeManager(app=qapp)
    yield manager
    manager.deleteLater()


class Controls(QWidget):
    """An unchecked box, a radio button and a checkable list row, as the pages have them."""

    def __init__(self) -> None:
        super().__init__()
        self.box = QCheckBox("Lock when the window is minimised", self)
        self.radio = QRadioButton("My therapist", self)
        self.rows = QListWidget(self)
        row = QListWidgetItem("An entry to include", self.rows)
        row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(Qt.CheckState.Unchecked)
        layout = QVBoxLayout(self)
        for widget in (self.box, self.radio, self.rows):
            layout.addWidget(widget)
        self.resize(320, 200)


def _shown(qtbot: QtBot, theme: ThemeManager, scheme: ThemePreference) -> tuple[Controls, QImage]:
    theme.apply(scheme)
    controls = Controls()
    qtbot.addWidget(controls)
    controls.show()
    qtbot.waitExposed(controls)
    return controls, controls.grab().toImage()


def _edge_row(image: QImage, widget: QWidget) -> list[str]:
    """The colours across the middle of `widget`'s indicator, left to right."""
    top_left = widget.mapTo(widget.window(), QPoint(0, 0))
    y = top_left.y() + widget.height() // 2
    return [image.pixelColor(top_left.x() + x, y).name() for x in range(16)]


def _brightest(image: QImage, left: int, top: int, size: int) -> str:
    pixels = (image.pixelColor(left + x, top + y) for x in range(size) for y in range(size))
    return max(pixels, key=QColor.lightnessF).name()


def test_the_dark_indicator_edge_has_three_to_one_against_window_and_fill() -> None:
    assert DARK.indicator_edge is not None
    for beside in (DARK.window, DARK.surface):  # the page or card around it, the box's fill
        assert contrast_ratio(DARK.indicator_edge, beside) >= NON_TEXT


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#272320", "#272320") == pytest.approx(1.0)


def test_dark_unchecked_indicators_are_painted_with_a_visible_edge(
    qtbot: QtBot, theme: ThemeManager
) -> None:
    controls, image = _shown(qtbot, theme, ThemePreference.DARK)
    row = _edge_row(image, controls.box)
    edge, fill, outside = row[0], row[6], row[15]
    assert edge == DARK.indicator_edge
    assert fill == DARK.surface and outside == DARK.window
    assert contrast_ratio(edge, fill) >= NON_TEXT
    assert contrast_ratio(edge, outside) >= NON_TEXT

    radio = controls.radio.mapTo(controls, QPoint(0, 0))
    ring = _brightest(image, radio.x(), radio.y() + controls.radio.height() // 2 - 8, 16)
    assert contrast_ratio(ring, DARK.window) >= NON_TEXT  # a thin ring, smoothed: its brightest

    view = controls.rows
    item = view.visualItemRect(view.item(0))
    at = view.viewport().mapTo(controls, item.topLeft())
    list_edge = _brightest(image, at.x(), at.y(), item.height())
    assert contrast_ratio(list_edge, DARK.surface) >= NON_TEXT  # the list row's box too


def test_light_indicators_keep_fusions_own_edge(qtbot: QtBot, theme: ThemeManager) -> None:
    assert LIGHT.indicator_edge is None
    controls, image = _shown(qtbot, theme, ThemePreference.LIGHT)
    row = _edge_row(image, controls.box)
    assert row[0] == QColor(LIGHT.window).darker(140).lighter(110).name()  # Fusion's shade
    assert row[6] == LIGHT.surface and row[15] == LIGHT.window


def test_a_card_icon_takes_the_new_colours_when_the_theme_changes(
    qtbot: QtBot, theme: ThemeManager
) -> None:
    # Built in light, then the system turns dark: the glyph is drawn again in the dark colours.
    from trustjournal.ui.icons import Icon
    from trustjournal.ui.screens.welcome import limits_card

    theme.apply(ThemePreference.LIGHT)
    card = limits_card("What it protects", ("Someone who copies the folder",), Icon.SHIELD)
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    [glyph] = [w for w in card.findChildren(QLabel) if w.accessibleName() == "What it protects"]
    in_light = glyph.pixmap().toImage()
    theme.apply(ThemePreference.DARK)
    assert glyph.pixmap().toImage() != in_light
    theme.apply(ThemePreference.LIGHT)
    assert glyph.pixmap().toImage() == in_light
