"""Chart colours safe for colour-vision deficiency (Okabe–Ito, viridis), per light or dark theme."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

# Mood, connection, trust: blue, orange, purple — told apart by lightness and by marker shape
# and line style too, never by hue alone. Dark themes get lighter shades of the same hues.
SERIES_LIGHT = ("#0b5fa5", "#b35900", "#7a3f98")
SERIES_DARK = ("#6cb4f0", "#f0a848", "#c99be0")
# A viridis ramp, low to high: a change of lightness that every kind of colour vision sees.
RAMP = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")
# On a dark background the darkest steps would vanish: the same order of hues, lifted.
RAMP_DARK = ("#9467bd", "#5b84d6", "#25a8a0", "#6fd36e", "#fde725")


def is_dark(widget: QWidget) -> bool:
    """Whether the widget sits on a dark background."""
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def series_colors(widget: QWidget) -> tuple[QColor, QColor, QColor]:
    """The colours of mood, connection and trust for the widget's theme."""
    names = SERIES_DARK if is_dark(widget) else SERIES_LIGHT
    return QColor(names[0]), QColor(names[1]), QColor(names[2])


def ramp(widget: QWidget) -> tuple[str, ...]:
    """The mood ramp for the widget's theme, low to high."""
    return RAMP_DARK if is_dark(widget) else RAMP


def ramp_color(widget: QWidget, value: float, low: float = 1.0, high: float = 10.0) -> QColor:
    """The ramp's colour for `value` between `low` and `high`, in five steps."""
    steps = ramp(widget)
    share = (min(max(value, low), high) - low) / (high - low)
    return QColor(steps[min(int(share * len(steps)), len(steps) - 1)])
