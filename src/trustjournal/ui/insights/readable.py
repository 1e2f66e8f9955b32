"""Each chart's words, reachable by Tab and read by screen readers, with a visible focus ring."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, time, timedelta
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from trustjournal.core.i18n import _, format_time, format_weekday
from trustjournal.ui.editors.fields import focus_chain, tab_stops

# The ring takes its room always (transparent), so focusing a text never moves the page; no
# padding and no indent, so the text stays in line with its neighbours (2 px in, at most).
FOCUS_RING = (
    "QLabel { border: 2px solid transparent; border-radius: 3px; padding: 0; }"
    " QLabel:focus { border-color: palette(highlight); }"
)
SHOWN_SLOTS = 3  # the busiest weekday-and-hour squares named in words


def make_readable(text: QLabel, *, chart: str) -> QLabel:
    """Let Tab reach `text` (what `chart` shows, in words), selectable by keys and mouse.

    Its accessible name stays the text itself; the description names the chart it tells.
    """
    text.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after: selectable text sets ClickFocus
    text.setAccessibleDescription(chart)
    text.setStyleSheet(FOCUS_RING)
    text.setIndent(0)  # a label with a frame would indent its text by half an "x"
    return text


def order_tabs(cards: Sequence[QWidget], last: Collection[QWidget]) -> None:
    """Chain Tab through `cards` (side by side on one page) as they are read: each card's own
    stops top to bottom, then its widget in `last` (its "Add to Share", made after every card).

    The window's focus chain is walked once for all of them (some 1 300 widgets with the other
    pages: once per card took 6-20 ms of the UI thread).
    """
    if not cards:
        return
    page = cards[0].parentWidget()
    within: dict[QWidget, list[QWidget]] = {frame: [] for frame in cards}
    for widget in focus_chain(cards[0]):
        if page is None or not page.isAncestorOf(widget):
            continue
        owner: QWidget | None = widget
        while owner is not None and owner not in within:
            owner = owner.parentWidget()
        if owner is not None:
            within[owner].append(widget)
    chain: list[QWidget] = []
    for frame in cards:
        stops = tab_stops(frame, within[frame])
        chain += [w for w in stops if w not in last] + [w for w in stops if w in last]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def hours_summary(grid: dict[tuple[int, int], int]) -> str:
    """The weekday-and-hour squares with the most trigger records, in words."""
    busiest = sorted(((n, wd, h) for (wd, h), n in grid.items() if n > 0), key=lambda t: -t[0])
    if not busiest:
        return ""
    monday = date(2024, 1, 1)  # a Monday: weekday names come from the language
    slots = [
        _("{weekday} from {hour} ({count})").format(
            weekday=format_weekday(monday + timedelta(days=wd)),
            hour=format_time(time(h)),
            count=n,
        )
        for n, wd, h in busiest[:SHOWN_SLOTS]
    ]
    return _("By weekday and hour, most often: {slots}.").format(slots="; ".join(slots))
