"""The Today, Journal and Share pages of the side bar.

The pages are imported only when built (after unlocking), so the unlock screen paints before
any store module loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trustjournal.core.i18n import N_
from trustjournal.ui.icons import Icon
from trustjournal.ui.pages.registry import PageAction, PageSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from trustjournal.ui.session import Session


def _today(session: Session) -> QWidget:
    from trustjournal.ui.pages.today_page import TodayPage

    return TodayPage(session=session)


def _journal(session: Session) -> QWidget:
    from trustjournal.ui.pages.journal_page import JournalPage

    return JournalPage(session=session)


def _insights(session: Session) -> QWidget:
    from trustjournal.ui.pages.insights_page import InsightsPage

    return InsightsPage(session=session)


def _share(session: Session) -> QWidget:
    from trustjournal.ui.pages.share_page import SharePage

    return SharePage(session=session)


# What making the Insights page imports beyond the main window's modules, leaves first: each
# takes a turn of its own when the page is made ahead (the test beside it keeps this whole).
INSIGHTS_MODULES = (
    "statistics",
    "trustjournal.services.charts.scene",
    "trustjournal.services.charts.grids",
    "trustjournal.services.charts.lines",
    "trustjournal.services.export.model",
    "trustjournal.services.export.text",
    "trustjournal.services.export.shared_charts",
    "trustjournal.store.insight_queries",
    "trustjournal.services.insights_together",
    "trustjournal.services.insights_figures",
    "trustjournal.ui.insights.chart_image",
    "trustjournal.ui.insights.mood_chart",
    "trustjournal.ui.insights.progress_card",
    "trustjournal.ui.insights.page_cards",
    "trustjournal.ui.insights.legend",
    "trustjournal.ui.share.chosen_charts",
    "trustjournal.ui.insights.share_button",
    "trustjournal.ui.pages.insights_page",
)


def journal_pages() -> tuple[PageSpec, ...]:
    """Today (Ctrl+1), Journal (Ctrl+2), Insights (Ctrl+3) and Share (Ctrl+4)."""
    return (
        PageSpec(
            key="today",
            title=N_("Today"),
            icon=Icon.TODAY,
            shortcut="Ctrl+1",
            build=_today,
            actions=(
                PageAction(
                    title=N_("Write a gratitude"), shortcut="Ctrl+G", method="focus_gratitude"
                ),
                PageAction(
                    title=N_("Log a trigger now"), shortcut="Ctrl+T", method="focus_trigger"
                ),
            ),
        ),
        PageSpec(
            key="journal",
            title=N_("Journal"),
            icon=Icon.JOURNAL,
            shortcut="Ctrl+2",
            build=_journal,
        ),
        PageSpec(
            key="insights",
            title=N_("Insights"),
            icon=Icon.INSIGHTS,
            shortcut="Ctrl+3",
            build=_insights,
            prepared=True,  # 15-20 ms of widgets: made ahead, Ctrl+3 then only shows them
            modules=INSIGHTS_MODULES,
        ),
        PageSpec(key="share", title=N_("Share"), icon=Icon.SHARE, shortcut="Ctrl+4", build=_share),
    )
