"""The Today and Journal pages as the side bar's first two entries.

The pages are imported only when built (after unlocking), so the unlock screen paints before
any store module loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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


def journal_pages() -> tuple[PageSpec, ...]:
    """Today (Ctrl+1) and Journal (Ctrl+2)."""
    return (
        PageSpec(
            key="today",
            title="Today",
            icon=Icon.TODAY,
            shortcut="Ctrl+1",
            build=_today,
            actions=(
                PageAction(title="Write a gratitude", shortcut="Ctrl+G", method="focus_gratitude"),
                PageAction(title="Log a trigger now", shortcut="Ctrl+T", method="focus_trigger"),
            ),
        ),
        PageSpec(
            key="journal",
            title="Journal",
            icon=Icon.JOURNAL,
            shortcut="Ctrl+2",
            build=_journal,
            undo="undo",  # Edit → Undo brings back the entry deleted last, like Ctrl+Z
        ),
    )
