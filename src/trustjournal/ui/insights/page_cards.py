"""The Insights page's cards after the first, each made on its own turn of the event loop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

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
from trustjournal.ui.widgets.common import card, label

if TYPE_CHECKING:
    from trustjournal.ui.pages.insights_page import InsightsPage


@dataclass(frozen=True)
class Made:
    """A card just made: its frame, what it can be shared as, how it shows figures and forgets
    them. `show` runs at once if figures are shown already, and again for every newer period."""

    frame: QFrame
    kind: ChartKind | None
    show: Callable[[Figures], None]
    clear: Callable[[], None]


def year_card(page: InsightsPage) -> Made:
    page.year_card, column = card(None, heading=_("A year at a glance"))
    page.year = YearGrid(page.year_card)
    page.year_text = make_readable(label("", role="hint"), chart=page.year.accessibleName())
    column.addWidget(page.year)
    key = QHBoxLayout()
    key.addWidget(label(_("Lower mood"), role="hint", wrap=False))
    key.addWidget(RampLegend(page.year_card))
    key.addWidget(label(_("Higher mood"), role="hint", wrap=False))
    key.addStretch(1)
    column.addLayout(key)
    column.addWidget(label(_("An outlined square is a day without a check-in."), role="hint"))
    column.addWidget(page.year_text)

    def show(shown: Figures) -> None:
        assert shown.year_start is not None
        page.year.show_days(shown.year_start, shown.year_days)
        page.year_text.setText(year_summary(shown.year_days))

    def clear() -> None:
        page.year_text.clear()
        page.year.show_days(date.today(), [])

    return Made(page.year_card, ChartKind.YEAR, show, clear)


def trigger_card(page: InsightsPage) -> Made:
    page.trigger_card, column = card(None, heading=_("Triggers"))
    page.hours = HourGrid(page.trigger_card)
    page.trigger_text = label("")
    page.trigger_counts = make_readable(label("", role="hint"), chart=_("Triggers"))
    page.categories = make_readable(label(""), chart=_("Triggers"))
    page.hours_text = make_readable(label("", role="hint"), chart=page.hours.accessibleName())
    page.intensity_text = make_readable(label(""), chart=_("Triggers"))
    column.addWidget(page.trigger_text)
    column.addWidget(page.trigger_counts)
    column.addWidget(page.categories)
    column.addWidget(
        label(
            _("When they came, by weekday and hour (the stronger the square, the more often)"),
            role="hint",
        )
    )
    column.addWidget(page.hours)
    column.addWidget(page.hours_text)
    column.addWidget(page.intensity_text)

    def show(shown: Figures) -> None:
        page.trigger_text.setText(trigger_summary(shown))
        page.trigger_counts.setText(trigger_counts(shown))
        page.trigger_counts.setVisible(bool(shown.triggers))
        page.categories.setText(category_summary(shown))
        page.categories.setVisible(bool(shown.categories))
        page.hours.show_counts(shown.grid)
        page.hours_text.setText(hours_summary(shown.grid))
        page.hours_text.setVisible(bool(shown.grid))
        page.hours.setAccessibleDescription(page.hours_text.text())
        page.intensity_text.setText(intensity_summary(shown) if shown.triggers else "")
        page.intensity_text.setVisible(bool(shown.triggers))

    def clear() -> None:
        for text in (page.trigger_text, page.trigger_counts, page.categories, page.hours_text):
            text.clear()
        page.hours.show_counts({})
        page.intensity_text.clear()

    return Made(page.trigger_card, ChartKind.TRIGGERS, show, clear)


def helps_card(page: InsightsPage) -> Made:
    page.helps_card, column = card(
        None,
        heading=_("What helps"),
        hint=_(
            "How often you turned to each way of coping in this period, and how intense"
            " it felt afterwards. It is your record, not proof: a feeling can ease for"
            " many reasons."
        ),
    )
    page.helps = HelpsList(page.helps_card)
    column.addWidget(page.helps)
    return Made(
        page.helps_card,
        ChartKind.HELPS,
        lambda shown: page.helps.show_effects(shown.coping),
        lambda: page.helps.show_effects([]),
    )


def gratitude_card(page: InsightsPage) -> Made:
    page.gratitude_card, column = card(None, heading=_("Gratitude"))
    page.gratitude_text = label("")
    page.told_bars = ToldBars(page.gratitude_card)
    page.told_text = make_readable(label("", role="hint"), chart=page.told_bars.accessibleName())
    column.addWidget(page.gratitude_text)
    column.addWidget(
        label(_("Each bar is filled to the share you told (full: all of them)."), role="hint")
    )
    column.addWidget(page.told_bars)
    column.addWidget(page.told_text)

    def show(shown: Figures) -> None:
        page.gratitude_text.setText(gratitude_summary(shown))
        told = gratitude_lines(shown)
        page.told_bars.show_buckets(told_buckets(shown), told)
        page.told_bars.setVisible(bool(told))
        page.told_text.setText(told)
        page.told_text.setVisible(bool(told))

    def clear() -> None:
        page.gratitude_text.clear()
        page.told_text.clear()
        page.told_bars.show_buckets([], "")

    return Made(page.gratitude_card, ChartKind.GRATITUDE, show, clear)


def emotions_card(page: InsightsPage) -> Made:
    page.emotions_card, column = card(None, heading=_("Emotions"))
    page.emotion_text = label("")
    page.emotion_shift = label("", role="hint")
    column.addWidget(page.emotion_text)
    column.addWidget(page.emotion_shift)

    def show(shown: Figures) -> None:
        page.emotion_text.setText(emotion_summary(shown))
        page.emotion_shift.setText(emotion_shift(shown))

    def clear() -> None:
        page.emotion_text.clear()
        page.emotion_shift.clear()

    return Made(page.emotions_card, ChartKind.EMOTIONS, show, clear)


def together(page: InsightsPage) -> Made:
    page.together_card, page.together = together_card(None)
    return Made(
        page.together_card,
        None,
        lambda shown: page.together.show_comparisons(shown.together),
        lambda: page.together.show_comparisons([]),
    )


def written(page: InsightsPage) -> Made:
    page.written_card, page.written = written_card(None)
    return Made(
        page.written_card,
        ChartKind.WRITTEN,
        page.written.show_figures,
        lambda: page.written.show_figures(None),
    )


def progress_card(page: InsightsPage) -> Made:
    page.progress_card, column = card(
        None,
        heading=_("Progress"),
        hint=_("This period beside the same number of days just before it, as it was."),
    )
    page.progress_text = label("")
    column.addWidget(page.progress_text)
    return Made(
        page.progress_card,
        ChartKind.PROGRESS,
        lambda shown: page.progress_text.setText("\n".join(progress_lines(shown))),
        page.progress_text.clear,
    )


def reached_card(page: InsightsPage) -> Made:
    """Issue 20: what was reached in the period. It reads its own list, from the bar's period,
    and follows the bar from now on; made after the first period was chosen, it reads now."""
    page.reached_card, page.reached = progress_list_card(None, session=page.session, bar=page.bar)
    page.follow_bar_last()  # the list's read is asked for first, as when it came with the page
    page.reached.refresh()
    return Made(page.reached_card, ChartKind.REACHED, lambda _shown: None, page.reached.clear)


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
