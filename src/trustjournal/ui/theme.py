"""The calm, warm look: Fusion with a light and a dark palette, one accent, and a small style sheet.

Fusion comes wrapped in `ControlStyle`, so that in the dark scheme the edge of an unchecked box
or radio button can be seen (it is drawn darker than the dark window otherwise).

The theme follows the system colour scheme (`QStyleHints.colorScheme`) unless the person chose
light or dark in Settings. Widgets mark their role with dynamic properties (`role="title"`,
`primary="true"`, `card="true"`) and the style sheet gives each role its look.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

if TYPE_CHECKING:
    from trustjournal.ui.control_style import ControlStyle


MIN_POINT_SIZE = 10.0
STYLE = "Fusion"
_STYLED_AT_START = "trustjournal-fusion-at-start"  # a dynamic property of the application


def make_application(program: str) -> QApplication:
    """The application, created with Fusion as its style.

    Qt then builds the style itself; setting it afterwards from Python would make the first
    Python `QStyle` object (5 ms or more of type set-up) before the unlock screen paints.
    """
    app = QApplication([program, "-style", STYLE])
    app.setProperty(_STYLED_AT_START, True)
    return app


class ThemePreference(StrEnum):
    """What the person chose in Settings."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Colors(NamedTuple):
    """One scheme's colours (a named tuple: the unlock screen's first paint waits for this
    module, and `dataclasses` would cost it about 1 ms more)."""

    window: str
    surface: str
    sidebar: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    accent_soft: str
    error: str
    warning: str
    good: str
    indicator_edge: str | None = None  # check and radio edges; None leaves Fusion's own shade


LIGHT = Colors(
    window="#f7f3ee",
    surface="#fffdfa",
    sidebar="#efe8e0",
    text="#2b2622",
    muted="#6b6158",
    border="#ddd3c8",
    accent="#a4532f",
    accent_text="#ffffff",
    accent_soft="#f1dccf",
    error="#9c3a1f",
    warning="#8a5a00",
    good="#3f6b3a",
)
DARK = Colors(
    window="#1e1b19",
    surface="#272320",
    sidebar="#171513",
    text="#ede6df",
    muted="#b3a89d",
    border="#3d3631",
    accent="#e0916b",
    accent_text="#1e1b19",
    accent_soft="#4a3428",
    error="#f0a48a",
    warning="#e8c170",
    good="#a3cf98",
    indicator_edge="#8c8178",  # 4.5:1 against the window, 4.1:1 against the box's fill
)


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two "#rrggbb" colours, from 1 (none) to 21 (black on white)."""

    def luminance(color: str) -> float:
        channels = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def palette_for(c: Colors) -> QPalette:
    """A complete QPalette for one scheme."""
    p = QPalette()
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, c.window),
        (role.WindowText, c.text),
        (role.Base, c.surface),
        (role.AlternateBase, c.window),
        (role.Text, c.text),
        (role.Button, c.surface),
        (role.ButtonText, c.text),
        (role.Highlight, c.accent),
        (role.HighlightedText, c.accent_text),
        (role.ToolTipBase, c.surface),
        (role.ToolTipText, c.text),
        (role.PlaceholderText, c.muted),
        (role.Link, c.accent),
        (role.LinkVisited, c.accent),
        (role.BrightText, c.error),
        (role.Light, c.surface),
        (role.Midlight, c.border),
        (role.Mid, c.border),
        (role.Dark, c.muted),
        (role.Shadow, "#000000"),
        (role.Accent, c.accent),
    ):
        p.setColor(r, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(disabled, r, QColor(c.muted))
    p.setColor(disabled, role.Highlight, QColor(c.border))
    return p


def style_sheet(c: Colors) -> str:
    """The style sheet for one scheme: spacing, rounded fields, the accent and the text roles."""
    return f"""
QLabel[role="title"] {{ font-size: 18pt; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: 12.5pt; font-weight: 600; }}
QLabel[role="hint"] {{ color: {c.muted}; }}
QLabel[role="error"] {{ color: {c.error}; font-weight: 600; }}
QLabel[role="warning"] {{ color: {c.warning}; }}
QLabel[role="good"] {{ color: {c.good}; }}
QLabel[role="code"] {{ font-family: monospace; font-size: 15pt; letter-spacing: 1px;
    background: {c.window}; border: 1px solid {c.border}; border-radius: 8px; padding: 14px; }}
QFrame[card="true"] {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 14px; }}
QFrame[card="true"] QLabel {{ background: transparent; }}
QLineEdit, QPlainTextEdit, QTextEdit {{
    border: 1px solid {c.border}; border-radius: 7px; padding: 6px 8px; background: {c.surface};
    selection-background-color: {c.accent}; selection-color: {c.accent_text}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: 1px solid {c.accent}; }}
QPushButton {{ border: 1px solid {c.border}; border-radius: 8px; padding: 7px 16px;
    background: {c.surface}; min-height: 20px; }}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:focus {{ border: 2px solid {c.accent}; padding: 6px 15px; }}
QPushButton:disabled {{ color: {c.muted}; background: {c.window}; }}
QPushButton[primary="true"] {{ background: {c.accent}; color: {c.accent_text};
    border-color: {c.accent}; font-weight: 600; }}
QPushButton[primary="true"]:focus {{ border: 2px solid {c.text}; }}
QPushButton[primary="true"]:disabled {{ background: {c.accent_soft}; color: {c.muted};
    border-color: {c.accent_soft}; }}
QPushButton[flat="true"] {{ border: none; background: transparent; color: {c.accent};
    padding: 4px 6px; text-decoration: underline; }}
QPushButton[flat="true"]:focus {{ border: 1px dashed {c.accent}; padding: 3px 5px; }}
QWidget#sidebar {{ background: {c.sidebar}; }}
QListWidget#pageList {{ background: transparent; border: none; outline: 0; }}
QListWidget#pageList::item {{ padding: 9px 12px; border-radius: 8px; margin: 2px 0; }}
QListWidget#pageList::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
QListWidget#pageList::item:hover:!selected {{ background: {c.accent_soft}; }}
QProgressBar {{ border: 1px solid {c.border}; border-radius: 5px; background: {c.window};
    max-height: 10px; }}
QProgressBar::chunk {{ background: {c.accent}; border-radius: 4px; }}
QProgressBar[level="error"]::chunk {{ background: {c.error}; }}
QProgressBar[level="warning"]::chunk {{ background: {c.warning}; }}
QProgressBar[level="good"]::chunk {{ background: {c.good}; }}
QScrollArea {{ border: none; background: transparent; }}
QToolTip {{ color: {c.text}; background: {c.surface}; border: 1px solid {c.border}; }}
"""


class ThemeManager(QObject):
    """Applies light or dark to the whole application and follows the system when asked.

    Signals:
        changed(bool): the effective scheme changed; True when it is now dark.
    """

    changed = Signal(bool)

    def __init__(self, *, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._preference = ThemePreference.SYSTEM
        self._dark: bool | None = None
        self._style: ControlStyle | None = None
        if not app.property(_STYLED_AT_START):
            self.use_control_style()
        font = app.font()
        if font.pointSizeF() < MIN_POINT_SIZE:  # keep the system's font, but never tiny
            font.setPointSizeF(MIN_POINT_SIZE)
            app.setFont(font)
        app.styleHints().colorSchemeChanged.connect(self._on_hints_color_scheme_changed)

    @property
    def preference(self) -> ThemePreference:
        """The person's choice."""
        return self._preference

    @property
    def is_dark(self) -> bool:
        """Whether the dark scheme is in effect."""
        return bool(self._dark)

    @property
    def colors(self) -> Colors:
        """The colours in effect."""
        return DARK if self._dark else LIGHT

    def apply(self, preference: ThemePreference = ThemePreference.SYSTEM) -> None:
        """Use `preference` from now on and repaint everything if the scheme changes."""
        self._preference = preference
        if preference is ThemePreference.SYSTEM:
            dark = self._app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        else:
            dark = preference is ThemePreference.DARK
        if dark == self._dark:
            return
        self._dark = dark
        colors = DARK if dark else LIGHT
        self._set_indicator_edge()
        self._app.setPalette(palette_for(colors))
        self._app.setStyleSheet(style_sheet(colors))
        self.changed.emit(dark)

    def use_control_style(self) -> None:
        """Draw with `ControlStyle` (Fusion, with visible check box edges in dark) from now on.

        An application made by `make_application` already has Fusion, so that its first
        screen (which has no check boxes) paints without a Python style object; the app calls
        this once that screen has painted, and before any journal opens.
        """
        if self._style is not None and isValid(self._style):
            return
        from trustjournal.ui.control_style import ControlStyle  # a Python QStyle: not at start

        self._style = ControlStyle()
        self._app.setStyle(self._style)  # the application owns it from here
        self._set_indicator_edge()

    def _set_indicator_edge(self) -> None:
        if self._style is None or not isValid(self._style) or self._dark is None:
            return  # a later ThemeManager on the same app may have replaced the style
        edge = self.colors.indicator_edge
        self._style.indicator_edge = QColor(edge) if edge is not None else None

    def _on_hints_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._preference is ThemePreference.SYSTEM:
            self.apply(ThemePreference.SYSTEM)
