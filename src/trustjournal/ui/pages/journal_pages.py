"""The Today and Journal pages as the side bar's first two entries."""

from __future__ import annotations

from trustjournal.ui.icons import Icon
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.registry import PageSpec
from trustjournal.ui.pages.today_page import TodayPage


def journal_pages() -> tuple[PageSpec, ...]:
    """Today (Ctrl+1) and Journal (Ctrl+2)."""
    return (
        PageSpec(
            key="today",
            title="Today",
            icon=Icon.TODAY,
            shortcut="Ctrl+1",
            build=lambda session: TodayPage(session=session),
        ),
        PageSpec(
            key="journal",
            title="Journal",
            icon=Icon.JOURNAL,
            shortcut="Ctrl+2",
            build=lambda session: JournalPage(session=session),
        ),
    )
