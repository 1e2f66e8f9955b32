"""Today's cards below the fold: the quick trigger log, what was logged today, the records
flagged for the next session, and what has helped.

The Today page builds them once it has first painted, so the page shows sooner after
unlocking; see `TodayPage`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFrame, QListView, QVBoxLayout, QWidget

from trustjournal.core.i18n import N_, _
from trustjournal.core.periods import Period
from trustjournal.core.query import EntryQuery
from trustjournal.core.wording import short_day, summarise
from trustjournal.ui.journal.delegate import TimelineDelegate
from trustjournal.ui.journal.timeline_model import TimelineModel
from trustjournal.ui.session import Session
from trustjournal.ui.tab_order import tab_after
from trustjournal.ui.today.trigger_card import TriggerCard
from trustjournal.ui.widgets.common import card, label
from trustjournal.ui.widgets.coping_figures import CopingFiguresView

FLAGGED_SHOWN = 5
LOGGED_ROWS = 8  # rows of "Logged today" shown before it scrolls (a date heading counts)
COPING_SHOWN = 4  # strategies shown on Today before "Show all"
NOTHING_FLAGGED = N_("Nothing flagged. Trigger records you mark for the next session appear here.")


class LaterCards:
    """The four cards, built into the page's two columns after the cards already there.

    Args:
        session: the open journal.
        page: the Today page (their parent until the layouts take them).
        check_in: the check-in card, which the trigger log follows (for Tab too).
        left: the left column; the trigger log goes before its closing stretch.
        right: the right column; its closing stretch gives way to the other three.
        open_entry: called with a row of "Logged today" that was clicked or activated.
    """

    def __init__(
        self,
        *,
        session: Session,
        page: QWidget,
        check_in: QWidget,
        left: QVBoxLayout,
        right: QVBoxLayout,
        open_entry: Callable[[QModelIndex], None],
    ) -> None:
        self._session = session
        self.today_model = TimelineModel(entries=session.entries, parent=page)
        self.today_view = QListView(page)
        self.today_view.setModel(self.today_model)
        self.today_view.setItemDelegate(TimelineDelegate(self.today_view))
        self.today_view.setUniformItemSizes(True)
        self.today_view.setAccessibleName(_("Logged today"))
        self.today_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.today_view.setFrameShape(QFrame.Shape.NoFrame)
        self.today_view.setToolTip(_("Open it in the Journal (click, or Enter)"))
        self.today_view.clicked.connect(open_entry)
        self.today_view.activated.connect(open_entry)  # Enter, double-click
        self.nothing_today = label(_("Nothing logged yet today."), role="hint")
        self.flagged = label("", wrap=True)
        self.flagged.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.coping = CopingFiguresView(session=session, limit=COPING_SHOWN, parent=page)
        self.trigger = TriggerCard(session=session, parent=page)

        left.insertWidget(left.count() - 1, self.trigger)
        # Made after the page, the log would come last for Tab; it reads after the check-in.
        tab_after(check_in, self.trigger)
        logged, logged_layout = card(page)
        self.logged_card = logged
        logged_layout.addWidget(label(_("Logged today"), role="heading"))
        logged_layout.addWidget(self.nothing_today)
        logged_layout.addWidget(self.today_view)
        flagged, flagged_layout = card(page)
        flagged_layout.addWidget(label(_("For the next session"), role="heading"))
        flagged_layout.addWidget(self.flagged)
        helped, helped_layout = card(page, heading=_("What has helped"))
        helped_layout.addWidget(self.coping)
        for shown_card in (logged, flagged, helped):  # each as tall as it needs, stretch below
            right.insertWidget(right.count() - 1, shown_card)
        for later in (self.trigger, logged, flagged, helped):
            later.show()  # the page may be showing already: Qt would show them only later

    def refresh(self, today: date) -> None:
        """Read today's entries and the flagged records again."""
        self.today_model.set_query(EntryQuery(period=Period(today, today)))
        has_today = self.today_model.entry_count() > 0
        self._fit_list()
        self.today_view.setVisible(has_today)
        self.nothing_today.setVisible(not has_today)
        flagged = self._session.entries.list(EntryQuery(for_session=True), limit=FLAGGED_SHOWN)
        self.flagged.setText(
            "\n".join(
                _("• {day}: {summary}").format(
                    day=short_day(e.occurred_at), summary=summarise(e, 60)
                )
                for e in flagged
            )
            or _(NOTHING_FLAGGED)
        )

    def _fit_list(self) -> None:
        """Make "Logged today" as tall as its rows (up to LOGGED_ROWS, then it scrolls): a
        list stretched to the card's height would leave its heading floating over a gap."""
        view = self.today_view
        rows = min(self.today_model.rowCount(), LOGGED_ROWS)
        height = sum(view.sizeHintForRow(row) for row in range(rows))
        view.setFixedHeight(max(height, 1) + 2 * view.frameWidth())

    def clear(self) -> None:
        """Empty them (the journal is locking)."""
        self.coping.clear()
        self.trigger.clear()
        self.today_model.clear()
        self.flagged.clear()
