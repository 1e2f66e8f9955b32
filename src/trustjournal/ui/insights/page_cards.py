"""The Insights page's cards after the first, each made on its own turn of the event loop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFrame, QHBoxLayout

from trustjournal.core.i18n import _
from trustjournal.services.export.shared_charts import ChartKind
from trustjournal.services.insights_figures import Figures
from trustjournal.ui.insights.compare import (
    emotion_shift,
    emotion_summary,
    gratitude_lines,
    gratitude_summary,
    progress_lines,
    told_buckets,
)
from trustjournal.ui.insights.grids import HourGrid, RampLegend, YearGrid
from trustjournal.ui.insights.helps import HelpsList
from trustjournal.ui.insights.measured import card, label
from trustjournal.ui.insights.progress_card import progress_list_card
from trustjournal.ui.insights.readable import hours_summary, make_readable
from trustjournal.ui.insights.together_card import together_card
from trustjournal.ui.insights.told_bars import ToldBars
from trustjournal.ui.insights.wording import (
    category_summary,
    intensity_summary,
    trigger_counts,
    trigger_summary,
    year_summary,
)
from trustjournal.ui.insights.written_card import written_card

if TYPE_CHECKING:
    from trustjournal.ui.pages.insights_page import InsightsPage


class _Named:
    """A card's widgets, each also set on the page under the same name as it is made (the
    page's readers and tests reach them there; the page itself goes through `Made`)."""

    def __init__(self, page: InsightsPage) -> None:
        object.__setattr__(self, "_page", page)

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        setattr(object.__getattribute__(self, "_page"), name, value)


def _named(page: InsightsPage) -> Any:
    return _Named(page)


@dataclass(frozen=True)
class Made:
    """A card just made: its frame, what it can be shared as, how it shows figures and forgets
    them. `show` runs at once if figures are shown already, and again for every newer period."""

    frame: QFrame
    kind: ChartKind | None
    show: Callable[[Figures], None]
    clear: Callable[[], None]
    # For a card that reads on its own: keep what it reads back (True, at a new period) until
    # its `show`, or let it go (False, when the figures could not be read).
    held: Callable[[bool], None] | None = None


def year_card(page: InsightsPage) -> Made:
    w = _named(page)
    w.year_card, column = card(None, heading=_("A year at a glance"))
    w.year = YearGrid(w.year_card)
    w.year_text = make_readable(label("", role="hint"), chart=w.year.accessibleName())
    column.addWidget(w.year)
    key = QHBoxLayout()
    key.addWidget(label(_("Lower mood"), role="hint", wrap=False))
    key.addWidget(RampLegend(w.year_card))
    key.addWidget(label(_("Higher mood"), role="hint", wrap=False))
    key.addStretch(1)
    column.addLayout(key)
    column.addWidget(label(_("An outlined square is a day without a check-in."), role="hint"))
    column.addWidget(w.year_text)

    def show(shown: Figures) -> None:
        assert shown.year_start is not None
        w.year.show_days(shown.year_start, shown.year_days, page.drawn_year())
        w.year_text.setText(year_summary(shown.year_days))

    def clear() -> None:
        w.year_text.clear()
        w.year.show_days(date.today(), [])

    return Made(w.year_card, ChartKind.YEAR, show, clear)


def trigger_card(page: InsightsPage) -> Made:
    w = _named(page)
    w.trigger_card, column = card(None, heading=_("Triggers"))
    w.hours = HourGrid(w.trigger_card)
    w.trigger_text = label("")
    w.trigger_counts = make_readable(label("", role="hint"), chart=_("Triggers"))
    w.categories = make_readable(label(""), chart=_("Triggers"))
    w.hours_text = make_readable(label("", role="hint"), chart=w.hours.accessibleName())
    w.intensity_text = make_readable(label(""), chart=_("Triggers"))
    column.addWidget(w.trigger_text)
    column.addWidget(w.trigger_counts)
    column.addWidget(w.categories)
    column.addWidget(
        label(
            _("When they came, by weekday and hour (the stronger the square, the more often)"),
            role="hint",
        )
    )
    column.addWidget(w.hours)
    column.addWidget(w.hours_text)
    column.addWidget(w.intensity_text)

    def show(shown: Figures) -> None:
        w.trigger_text.setText(trigger_summary(shown))
        w.trigger_counts.setText(trigger_counts(shown))
        w.trigger_counts.setVisible(bool(shown.triggers))
        w.categories.setText(category_summary(shown))
        w.categories.setVisible(bool(shown.categories))
        w.hours.show_counts(shown.grid)
        w.hours_text.setText(hours_summary(shown.grid))
        w.hours_text.setVisible(bool(shown.grid))
        w.hours.setAccessibleDescription(w.hours_text.text())
        w.intensity_text.setText(intensity_summary(shown) if shown.triggers else "")
        w.intensity_text.setVisible(bool(shown.triggers))

    def clear() -> None:
        for text in (w.trigger_text, w.trigger_counts, w.categories, w.hours_text):
            text.clear()
        w.hours.show_counts({})
        w.intensity_text.clear()

    return Made(w.trigger_card, ChartKind.TRIGGERS, show, clear)


def helps_card(page: InsightsPage) -> Made:
    w = _named(page)
    w.helps_card, column = card(
        None,
        heading=_("What helps"),
        hint=_(
            "How often you turned to each way of coping in this period, and how intense"
            " it felt afterwards. It is your record, not proof: a feeling can ease for"
            " many reasons."
        ),
    )
    w.helps = HelpsList(w.helps_card)
    column.addWidget(w.helps)
    return Made(
        w.helps_card,
        ChartKind.HELPS,
        lambda shown: w.helps.show_effects(shown.coping),
        lambda: w.helps.show_effects([]),
    )


def gratitude_card(page: InsightsPage) -> Made:
    w = _named(page)
    w.gratitude_card, column = card(None, heading=_("Gratitude"))
    w.gratitude_text = label("")
    w.told_bars = ToldBars(w.gratitude_card)
    w.told_text = make_readable(label("", role="hint"), chart=w.told_bars.accessibleName())
    column.addWidget(w.gratitude_text)
    column.addWidget(
        label(_("Each bar is filled to the share you told (full: all of them)."), role="hint")
    )
    column.addWidget(w.told_bars)
    column.addWidget(w.told_text)

    def show(shown: Figures) -> None:
        w.gratitude_text.setText(gratitude_summary(shown))
        told = gratitude_lines(shown)
        w.told_bars.show_buckets(told_buckets(shown), told)
        w.told_bars.setVisible(bool(told))
        w.told_text.setText(told)
        w.told_text.setVisible(bool(told))

    def clear() -> None:
        w.gratitude_text.clear()
        w.told_text.clear()
        w.told_bars.show_buckets([], "")

    return Made(w.gratitude_card, ChartKind.GRATITUDE, show, clear)


def emotions_card(page: InsightsPage) -> Made:
    w = _named(page)
    w.emotions_card, column = card(None, heading=_("Emotions"))
    w.emotion_text = label("")
    w.emotion_shift = label("", role="hint")
    column.addWidget(w.emotion_text)
    column.addWidget(w.emotion_shift)

    def show(shown: Figures) -> None:
        w.emotion_text.setText(emotion_summary(shown))
        w.emotion_shift.setText(emotion_shift(shown))

    def clear() -> None:
        w.emotion_text.clear()
        w.emotion_shift.clear()

    return Made(w.emotions_card, ChartKind.EMOTIONS, show, clear)


def together(page: InsightsPage) -> Made:
    w = _named(page)
    w.together_card, w.together = together_card(None)
    return Made(
        w.together_card,
        None,
        lambda shown: w.together.show_comparisons(shown.together),
        lambda: w.together.show_comparisons([]),
    )


def written(page: InsightsPage) -> Made:
    w = _named(page)
    w.written_card, w.written = written_card(None)
    return Made(
        w.written_card,
        ChartKind.WRITTEN,
        w.written.show_figures,
        lambda: w.written.show_figures(None),
    )


def progress_card(page: InsightsPage) -> Made:
    w = _named(page)
    w.progress_card, column = card(
        None,
        heading=_("Progress"),
        hint=_("This period beside the same number of days just before it, as it was."),
    )
    w.progress_text = label("")
    column.addWidget(w.progress_text)
    return Made(
        w.progress_card,
        ChartKind.PROGRESS,
        lambda shown: w.progress_text.setText("\n".join(progress_lines(shown))),
        w.progress_text.clear,
    )


def reached_card(page: InsightsPage) -> Made:
    """Issue 20: what was reached in the period. It reads its own list, from the bar's period,
    and follows the bar from now on; made after the first period was chosen, it reads now. At
    a new period its lines wait for the page's figures, and come in this card's turn."""
    w = _named(page)
    w.reached_card, w.reached = progress_list_card(None, session=page.session, bar=page.bar)
    page.follow_bar_last()  # the list's read is asked for first, as when it came with the page
    w.reached.refresh()
    return Made(
        w.reached_card,
        ChartKind.REACHED,
        lambda _shown: w.reached.release(),
        w.reached.clear,
        held=lambda on: w.reached.hold() if on else w.reached.release(),
    )


# In reading order, after the first card (mood, closeness and trust over time).
LATER_CARDS: tuple[Callable[[InsightsPage], Made], ...] = (
    year_card,
    trigger_card,
    helps_card,
    gratitude_card,
    emotions_card,
    together,
    written,
    progress_card,
    reached_card,
)
