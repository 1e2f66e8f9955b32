"""Write a Scene as one inline <svg> element: no scripts, no links, every text escaped."""

from __future__ import annotations

from html import escape

from trustjournal.services.charts.scene import PAPER, Box, Label, Line, Mark, Scene, Theme


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _line(item: Line, theme: Theme) -> str:
    colour = theme.colour(item.colour)
    extra = f' stroke-dasharray="{" ".join(_n(d) for d in item.dash)}"' if item.dash else ""
    if item.opacity < 1:
        extra += f' stroke-opacity="{item.opacity:.2f}"'
    if len(item.points) == 2:
        (x1, y1), (x2, y2) = item.points
        return (
            f'<line x1="{_n(x1)}" x2="{_n(x2)}" y1="{_n(y1)}" y2="{_n(y2)}" '
            f'stroke="{colour}" stroke-width="{_n(item.width)}"{extra}/>'
        )
    coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in item.points)
    return (
        f'<polyline points="{coords}" fill="none" stroke="{colour}" '
        f'stroke-width="{_n(item.width)}"{extra} stroke-linejoin="round"/>'
    )


def _mark(item: Mark, theme: Theme) -> str:
    colour = theme.colour(item.colour)
    paint = f'fill="{colour}"' if item.filled else f'fill="none" stroke="{colour}"'
    r = item.size
    if item.shape == "circle":
        return f'<circle cx="{_n(item.x)}" cy="{_n(item.y)}" r="{_n(r)}" {paint}/>'
    if item.shape == "square":
        return (
            f'<rect x="{_n(item.x - r)}" y="{_n(item.y - r)}" width="{_n(2 * r)}" '
            f'height="{_n(2 * r)}" {paint}/>'
        )
    corners = ((item.x, item.y - r - 1), (item.x + r + 1, item.y + r), (item.x - r - 1, item.y + r))
    points = " ".join(f"{_n(x)},{_n(y)}" for x, y in corners)
    return f'<polygon points="{points}" {paint}/>'


def _box(item: Box, theme: Theme) -> str:
    fill = theme.colour(item.fill) if item.fill else "none"
    stroke = f' stroke="{theme.colour(item.stroke)}"' if item.stroke else ""
    opacity = f' fill-opacity="{item.opacity:.2f}"' if item.opacity < 1 else ""
    return (
        f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" height="{_n(item.h)}" '
        f'fill="{fill}"{opacity}{stroke}/>'
    )


def _label(item: Label, theme: Theme) -> str:
    weight = ' font-weight="bold"' if item.bold else ""
    return (
        f'<text x="{_n(item.x)}" y="{_n(item.y)}" text-anchor="{item.anchor}" '
        f'font-size="{_n(item.size)}"{weight} fill="{theme.colour(item.colour)}">'
        f"{escape(item.text)}</text>"
    )


def write_svg(scene: Scene, theme: Theme = PAPER) -> str:
    """The scene as an <svg> element string that scales to its container's width."""
    parts = [
        f'<svg viewBox="0 0 {_n(scene.width)} {_n(scene.height)}" width="100%" role="img" '
        f'aria-label="{escape(scene.title)}">'
    ]
    for item in scene.items:
        if isinstance(item, Line):
            parts.append(_line(item, theme))
        elif isinstance(item, Mark):
            parts.append(_mark(item, theme))
        elif isinstance(item, Box):
            parts.append(_box(item, theme))
        else:
            parts.append(_label(item, theme))
    parts.append("</svg>")
    return "".join(parts)
