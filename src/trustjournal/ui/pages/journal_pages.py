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
        ),
        PageSpec(key="share", title=N_("Share"), icon=Icon.SHARE, shortcut="Ctrl+4", build=_share),
    )
