"""Paint a chart Scene with QPainter: the one renderer of charts on screen and in the PDF."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from trustjournal.services.charts.scene import Box, Label, Line, Mark, Scene, Theme, themed


def is_dark(widget: QWidget) -> bool:
    """Whether the widget sits on a dark background."""
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def screen_theme(widget: QWidget) -> Theme:
    """The chart colours for the widget's palette (light or dark)."""
    palette = widget.palette()
    return themed(
        dark=is_dark(widget),
        ink=palette.color(QPalette.ColorRole.Text).name(),
        muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
        grid=palette.color(QPalette.ColorRole.Mid).name(),
    )


class _Mapper:
    """Scene units to device units: one uniform scale, from the rectangle's top left corner."""

    def __init__(self, scene: Scene, rect: QRectF) -> None:
        self.scale = min(rect.width() / scene.width, rect.height() / scene.height)
        self.left, self.top = rect.left(), rect.top()

    def point(self, x: float, y: float) -> QPointF:
        return QPointF(self.left + x * self.scale, self.top + y * self.scale)


def _colour(theme: Theme, role: str, opacity: float = 1.0) -> QColor:
    colour = QColor(theme.colour(role))
    colour.setAlphaF(opacity)
    return colour


def _line(painter: QPainter, m: _Mapper, item: Line, theme: Theme) -> None:
    width = item.width * m.scale
    pen = QPen(_colour(theme, item.colour, item.opacity), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if item.dash:
        pen.setDashPattern([d / item.width for d in item.dash])  # Qt counts in pen widths
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    points = [m.point(x, y) for x, y in item.points]
    if len(points) == 2:
        painter.drawLine(points[0], points[1])
        return
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.drawPath(path)


def _is_straight(item: Line) -> bool:
    """A solid level or upright segment: the grid, and each pixel column of a long chart."""
    if len(item.points) != 2 or item.dash:
        return False
    (x1, y1), (x2, y2) = item.points
    return x1 == x2 or y1 == y2


def _same_pen(first: Line, other: Line) -> bool:
    return _is_straight(other) and (first.colour, first.width, first.opacity) == (
        other.colour,
        other.width,
        other.opacity,
    )


def _straight_lines(painter: QPainter, m: _Mapper, items: list[Line], theme: Theme) -> None:
    # Level and upright lines gain nothing from antialiasing, and a 20-year chart has one per
    # pixel column: drawn together without it they cost a millisecond instead of twenty.
    first = items[0]
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(_colour(theme, first.colour, first.opacity), first.width * m.scale))
    painter.drawLines([QLineF(m.point(*i.points[0]), m.point(*i.points[1])) for i in items])
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)


def _mark(painter: QPainter, m: _Mapper, item: Mark, theme: Theme) -> None:
    colour = _colour(theme, item.colour)
    painter.setPen(QPen(colour, m.scale))
    painter.setBrush(colour if item.filled else Qt.BrushStyle.NoBrush)
    at, r = m.point(item.x, item.y), item.size * m.scale
    if item.shape == "circle":
        if item.filled:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(at, r, r)
    elif item.shape == "square":
        painter.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r))
    else:
        one = m.scale
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - r - one),
                    QPointF(at.x() + r + one, at.y() + r),
                    QPointF(at.x() - r - one, at.y() + r),
                ]
            )
        )


def _box(painter: QPainter, m: _Mapper, item: Box, theme: Theme) -> None:
    top_left = m.point(item.x, item.y)
    rect = QRectF(top_left.x(), top_left.y(), item.w * m.scale, item.h * m.scale)
    if item.fill:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_colour(theme, item.fill, item.opacity))
        painter.drawRect(rect)
    if item.stroke:
        painter.setPen(QPen(_colour(theme, item.stroke), m.scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = m.scale / 2
        painter.drawRect(rect.adjusted(half, half, -half, -half))


def _label(painter: QPainter, m: _Mapper, item: Label, theme: Theme, font: QFont) -> None:
    font.setPixelSize(max(1, round(item.size * m.scale)))
    font.setBold(item.bold)
    painter.setFont(font)
    painter.setPen(_colour(theme, item.colour))
    at = m.point(item.x, item.y)
    advance = painter.fontMetrics().horizontalAdvance(item.text)
    shift = {"start": 0.0, "middle": advance / 2, "end": float(advance)}[item.anchor]
    painter.drawText(QPointF(at.x() - shift, at.y()), item.text)


def paint_scene(
    painter: QPainter, scene: Scene, rect: QRectF, theme: Theme, font: QFont | None = None
) -> None:
    """Paint `scene` into `rect` (scaled uniformly to fit, from its top left corner)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    m = _Mapper(scene, rect)
    base = QFont(font if font is not None else painter.font())
    straight: list[Line] = []
    for item in scene.items:
        if straight and not (isinstance(item, Line) and _same_pen(straight[0], item)):
            _straight_lines(painter, m, straight, theme)
            straight = []
        if isinstance(item, Line) and _is_straight(item):
            straight.append(item)
        elif isinstance(item, Line):
            _line(painter, m, item, theme)
        elif isinstance(item, Mark):
            _mark(painter, m, item, theme)
        elif isinstance(item, Box):
            _box(painter, m, item, theme)
        else:
            _label(painter, m, item, theme, base)
    if straight:
        _straight_lines(painter, m, straight, theme)
    painter.restore()
