"""A chart as plain data: lines, marks, boxes and labels on a canvas, coloured by role.

Design notes. Insights, the PDF summary and the HTML summary draw the same charts, so they
share one description (`Scene`) built once from the figures by the builders of this package,
and two small renderers: `ui.chart_painter` paints a scene with QPainter (screen widgets and
the PDF) and `services.charts.svg` writes it as inline SVG (HTML, and the Share preview). A
scene imports nothing of Qt, so `services/` can build one for a summary.

Measured on this machine (2 shared cores, Python 3.11, PySide6 6.11, offscreen; import time
is the median of 7 fresh processes beyond the QtWidgets the app already loads; paint time is
the median of 5 paints of a 20-year chart, 7 300 daily points, into an 800 × 300 image):

    approach            import      paint 7 300 pts   bundle cost
    QtCharts            2.6 ms      22 ms             ~4 MB (Qt6Charts + module; excluded today)
    pyqtgraph           390 ms      42 ms             ~10 MB + numpy (~73 MB)
    matplotlib          569 ms      65 ms (SVG 29 ms) ~35 MB + numpy, Pillow, fontTools (~130 MB)
    this layer          see docs/performance.md (a few ms; it is plain Python and QPainter)

QtCharts is fast but deprecated since Qt 6.10, has no SVG output (HTML would still need a
second drawing), themes by its own palette and is not reachable by keyboard without our own
code around it. pyqtgraph and matplotlib need numpy; the bundle is already over its size
target, and their import alone would break the Insights page's 150 ms budget. Our own layer
costs nothing to ship, follows the app's palette in both themes, keeps every text plain and
escaped, and the keyboard and text alternatives stay in our widgets where they were.

Colours are roles ("series0", "ramp3", "ink", "grid"…) resolved by a `Theme`, so one scene
reads in the light theme, the dark theme and on paper. Series differ by marker shape and
line style as well as by hue (Okabe–Ito-like blue, orange, purple); the ramp follows
viridis's hues, whose lightness rises with the value, so colour-vision deficiency never hides
an order. On a light ground viridis's own yellow end nearly vanished (1.24:1 against the
card), so the light ramp keeps the hues at lower lightness, in even steps (about 1.46:1
apart), its lightest still 3.3:1 off the card and the paper (WCAG 1.4.11); the dark ramp's
darkest stands 3.7:1 off the dark card.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Anchor = Literal["start", "middle", "end"]
Shape = Literal["circle", "square", "triangle"]

SERIES_LIGHT = ("#0b5fa5", "#b35900", "#7a3f98")
SERIES_DARK = ("#6cb4f0", "#f0a848", "#c99be0")
RAMP_LIGHT = ("#440154", "#283d74", "#02625f", "#06831d", "#9b8d01")
RAMP_DARK = ("#9467bd", "#5b84d6", "#25a8a0", "#6fd36e", "#fde725")


@dataclass(frozen=True)
class Line:
    """A polyline through `points`; `dash` is in canvas units (empty: solid)."""

    points: tuple[tuple[float, float], ...]
    colour: str
    width: float = 1.0
    dash: tuple[float, ...] = ()
    opacity: float = 1.0


@dataclass(frozen=True)
class Mark:
    """A point marker of `size` (its radius) at (x, y)."""

    x: float
    y: float
    size: float
    shape: Shape
    colour: str
    filled: bool = True


@dataclass(frozen=True)
class Box:
    """A rectangle (a cell or a bar): filled, outlined, or both."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    opacity: float = 1.0


@dataclass(frozen=True)
class Label:
    """Plain text with its baseline at y; `anchor` says which end of it sits at x."""

    x: float
    y: float
    text: str
    colour: str = "muted"
    size: float = 11.0
    anchor: Anchor = "start"
    bold: bool = False


Item = Line | Mark | Box | Label


@dataclass(frozen=True)
class Scene:
    """A whole chart on a `width` × `height` canvas, with its words for people who cannot see it.

    Attributes:
        title: a short name (the SVG's accessible name).
        items: drawn in order.
    """

    width: float
    height: float
    title: str
    items: tuple[Item, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Theme:
    """What each colour role is, for one background."""

    ink: str
    muted: str
    grid: str
    series: tuple[str, str, str]
    ramp: tuple[str, ...]

    def colour(self, role: str) -> str:
        """The colour of a role (a literal "#rrggbb" stays itself)."""
        if role.startswith("#"):
            return role
        if role.startswith("series"):
            return self.series[int(role[6:])]
        if role.startswith("ramp"):
            return self.ramp[int(role[4:])]
        return {"ink": self.ink, "muted": self.muted, "grid": self.grid}[role]


PAPER = Theme(ink="#222222", muted="#666666", grid="#d0d0d0", series=SERIES_LIGHT, ramp=RAMP_LIGHT)


def themed(*, dark: bool, ink: str, muted: str, grid: str) -> Theme:
    """A screen theme: text colours from the palette, chart colours for a light or dark ground."""
    return Theme(
        ink=ink,
        muted=muted,
        grid=grid,
        series=SERIES_DARK if dark else SERIES_LIGHT,
        ramp=RAMP_DARK if dark else RAMP_LIGHT,
    )


def ramp_role(value: float, low: float = 1.0, high: float = 10.0, steps: int = 5) -> str:
    """The ramp's role for `value` between `low` and `high`, in `steps` steps."""
    share = (min(max(value, low), high) - low) / (high - low)
    return f"ramp{min(int(share * steps), steps - 1)}"
