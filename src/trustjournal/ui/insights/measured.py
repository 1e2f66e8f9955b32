"""The Insights page's labels and cards: words measured once per width (`MeasuredLabel`).

The page holds some 60 wrapped labels and is laid out a few times at each change; unchanged
labels no longer lay their words out again each time.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from trustjournal.ui.widgets import common


def label(text: str = "", *, role: str | None = None, wrap: bool = True) -> QLabel:
    """`common.label`, measured once per width."""
    return common.label(text, role=role, wrap=wrap, measured=True)


def card(
    parent: QWidget | None = None, *, heading: str | None = None, hint: str | None = None
) -> tuple[QFrame, QVBoxLayout]:
    """`common.card`, its heading and hint measured once per width."""
    return common.card(parent, heading=heading, hint=hint, measured=True)
