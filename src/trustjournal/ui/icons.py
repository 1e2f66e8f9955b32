"""Our line icons, loaded from `resources/icons/` and drawn in the current palette's colours.

The SVG files draw with `currentColor`; the engine substitutes the palette colour for the icon's
mode at paint time, so icons follow light and dark themes and stay sharp at any pixel ratio.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from trustjournal.core.resources import resource_path


class Icon(StrEnum):
    """Every icon TrustJournal ships; the value is the file name without `.svg`."""

    APP = "app"
    ARROW_LEFT = "arrow-left"
    CHECK = "check"
    CLOCK = "clock"
    COPY = "copy"
    EYE = "eye"
    EYE_OFF = "eye-off"
    FOLDER = "folder"
    GRATITUDE = "gratitude"
    HEART = "heart"
    INFO = "info"
    INSIGHTS = "insights"
    JOURNAL = "journal"
    KEY = "key"
    LOCK = "lock"
    PLUS = "plus"
    PRINT = "print"
    REFLECTION = "reflection"
    SAVE = "save"
    SETTINGS = "settings"
    SHARE = "share"
    SHIELD = "shield"
    STATEMENT = "statement"
    THEME = "theme"
    TOGETHER = "together"
    TODAY = "today"
    TRIGGER = "trigger"
    WARNING = "warning"


@cache
def _svg_bytes(name: str) -> bytes:
    return resource_path("icons", f"{name}.svg").read_bytes()


def _mode_color(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


_CLONES: list[QIconEngine] = []


class _PaletteSvgEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        color = _mode_color(mode).name().encode("ascii")
        return QSvgRenderer(QByteArray(_svg_bytes(self._name).replace(b"currentColor", color)))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        image = QPixmap(size)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return image

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        # Qt 6 passes the logical size and the pixel ratio: draw at device resolution.
        image = self.pixmap(size * max(scale, 1.0), mode, state)
        image.setDevicePixelRatio(max(scale, 1.0))
        return image

    def clone(self) -> QIconEngine:
        # Qt takes the clone (a copied icon that detaches), but PySide leaves it owned by
        # Python, which would free it as this returns and leave Qt painting from freed memory.
        # Engines are a name each, so they are simply kept.
        copy = _PaletteSvgEngine(self._name)
        _CLONES.append(copy)
        return copy

    def key(self) -> str:
        return "trustjournal-svg"


def icon(name: Icon) -> QIcon:
    """The named icon, drawn in the palette's colours (the app icon keeps its own colours)."""
    return QIcon(_PaletteSvgEngine(name.value))


_TINTED: dict[tuple[str, int, int, float, int], QPixmap] = {}
_TINTED_MAX = 256


def tinted_pixmap(
    name: Icon, size: int, *, mode: QIcon.Mode = QIcon.Mode.Normal, ratio: float = 1.0
) -> QPixmap:
    """The named icon as a pixmap in the palette colour for `mode`, drawn once and kept.

    For painting the same icon in many rows (a list's delegate): kept per colour, so a
    theme change draws in the new colours.
    """
    key = (name.value, size, int(mode.value), ratio, _mode_color(mode).rgba())
    found = _TINTED.get(key)
    if found is None:
        if len(_TINTED) >= _TINTED_MAX:
            _TINTED.clear()
        engine = _PaletteSvgEngine(name.value)
        found = engine.scaledPixmap(QSize(size, size), mode, QIcon.State.Off, ratio)
        _TINTED[key] = found
    return found


def pixmap(name: Icon, size: int, *, ratio: float = 1.0) -> QPixmap:
    """The named icon as a pixmap of `size` logical pixels at pixel ratio `ratio`."""
    return icon(name).pixmap(QSize(size, size), ratio)
