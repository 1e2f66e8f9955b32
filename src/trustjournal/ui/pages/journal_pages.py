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
    from trustjournal.ui.undo_offer import UndoOffer

    page = TodayPage(session=session)
    unshared = page.gratitude.unshared
    UndoOffer(
        text="&Undo “I told them”",
        hint="",  # Today binds no key of its own for it: only its Undo button and the menu
        available=lambda: not unshared.undo_button.isHidden(),
        run=unshared.undo,
        triggers=(unshared.undo_changed,),
        parent=page,
    )
    return page


def _journal(session: Session) -> QWidget:
    from PySide6.QtGui import QKeySequence

    from trustjournal.ui.pages.journal_page import JournalPage
    from trustjournal.ui.undo_offer import UndoOffer

    page = JournalPage(session=session)
    # Edit → Undo brings back the entry deleted last while the Undo bar is up; Ctrl+Z is the
    # page's own key. The bar shows before the page announces the delete, and hides when its
    # timer runs out (the page's slot runs first) or before the page announces the undo.
    bar = page.undo_bar
    UndoOffer(
        text="&Undo delete",
        hint=QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        ),
        available=lambda: not bar.isHidden(),
        run=page.undo,
        triggers=(session.events.changed, bar.timer.timeout),
        parent=page,
    )
    return page


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
