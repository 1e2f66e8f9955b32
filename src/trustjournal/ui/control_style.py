"""Fusion, with the edge of check boxes and radio buttons drawn in a colour the theme can choose."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

# Fusion draws an indicator's edge from the window colour: a check box's a shade darker
# (darker(140), then lighter(110)), a radio button's darker(150). These undo that, so the edge
# comes out in the colour asked for; tests/ui/test_theme.py measures the painted pixels.
_CHECK_BOX_SHADE = (110, 140)  # darker(110), then lighter(140)
_RADIO_SHADE = (100, 150)

_SHADES = {
    QStyle.PrimitiveElement.PE_IndicatorCheckBox: _CHECK_BOX_SHADE,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton: _RADIO_SHADE,
}


class ControlStyle(QProxyStyle):
    """Fusion, except that check box and radio button edges can take `indicator_edge`.

    Fusion shades the edge from the window colour, which works on a light window; on the dark
    one the edge comes out darker than both the window and the box's own fill, and an unchecked
    box all but disappears. With `indicator_edge` set, Fusion draws the same indicator (size,
    focus ring, check mark) with that edge; with None it draws exactly as before. Check boxes in
    lists and trees are drawn as check boxes too, so they follow.
    """

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.indicator_edge: QColor | None = None

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw `element`; an indicator with the chosen edge colour, if one is set."""
        shade = _SHADES.get(element)
        edge = self.indicator_edge
        if shade is None or edge is None:
            super().drawPrimitive(element, option, painter, widget)
            return
        darker, lighter = shade
        palette = QPalette(option.palette)
        palette.setColor(QPalette.ColorRole.Window, edge.darker(darker).lighter(lighter))
        original = option.palette
        option.palette = palette  # the same option object, so Fusion still sees its kind
        try:
            super().drawPrimitive(element, option, painter, widget)
        finally:
            option.palette = original
