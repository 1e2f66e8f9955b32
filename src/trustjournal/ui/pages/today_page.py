"""The Today page: a ten-second check-in, today's entries, the week at a glance, a gentle streak."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.entries import EntryKind
from trustjournal.core.i18n import N_, _, format_date, ngettext, pgettext
from trustjournal.core.periods import Period
from trustjournal.services.changes import settings_only
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.registry import EditorRegistry, default_editors
from trustjournal.ui.journal.timeline_model import Role, TimelineModel
from trustjournal.ui.session import Session
from trustjournal.ui.tab_order import tab_after
from trustjournal.ui.today.between_cards import TodayBetween
from trustjournal.ui.today.goals_card import GoalsCard
from trustjournal.ui.today.gratitude_card import GratitudeCard
from trustjournal.ui.today.later_cards import LaterCards
from trustjournal.ui.today.progress_note import ProgressNotes
from trustjournal.ui.today.together_card import TogetherCard
from trustjournal.ui.today.trigger_card import TriggerCard
from trustjournal.ui.today.week_strip import WEEK, WeekStrip
from trustjournal.ui.undo import page_undo_stack
from trustjournal.ui.widgets.common import button, card, label
from trustjournal.ui.widgets.coping_figures import CopingFiguresView
from trustjournal.ui.widgets.fading import Confirmation
from trustjournal.ui.widgets.field_scroll import FieldScrollArea

DRAFT_KEY = "today.checkin"
CHECKED_IN = N_("Saved. Thank you for checking in.")  # translated where shown
TWO_COLUMNS_MIN = 1040  # page width (px) from which the cards stand in two columns


def streak_text(days: int, of: int = WEEK) -> str:
    """A gentle, honest streak line: progress only, never what was missed."""
    if days <= 0:
        return _("A check-in takes about ten seconds, whenever you are ready.")
    if days == 1:
        return ngettext(
            "You checked in on 1 of the last {of} day.",
            "You checked in on 1 of the last {of} days.",
            of,
        ).format(of=of)
    if days == of:
        return ngettext(
            "You checked in on every one of the last {of} day.",
            "You checked in on every one of the last {of} days.",
            of,
        ).format(of=of)
    return ngettext(
        "You checked in on {days} of the last {of} day.",
        "You checked in on {days} of the last {of} days.",
        of,
    ).format(days=days, of=of)


class TodayPage(QWidget):
    """Check in quickly and see how today and this week have gone.

    The check-in, gratitude and the week are built with the page; the cards below the fold
    (`LaterCards`) wait until it has first painted, through `session.tasks.call_on_release`
    (at once when nothing is held). Asking for one of them builds them all at once.
    """

    def __init__(
        self,
        *,
        session: Session,
        editors: EditorRegistry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.heading = label("", role="title")  # wraps: in some languages the day is long
        self.streak = label("", role="good")
        editors = editors or default_editors()
        self.pane = EditorPane(session=session, editors=editors, draft_key=DRAFT_KEY, parent=self)
        self.pane.save_button.setText(_("Save check-in"))
        self.pane.cancel_button.setText(_("Set aside"))
        self.status = label("", role="hint")
        self.confirmation = Confirmation(self.status, self)
        self.bring_back = button(_("Bring back the check-in I set aside"), flat=True)
        self.bring_back.hide()
        self.week = WeekStrip(self)
        self.undo_stack = page_undo_stack(self)  # "I told them" (Ctrl+Z, Edit → Undo)
        self.gratitude = GratitudeCard(session=session, undo_stack=self.undo_stack, parent=self)
        self.together = TogetherCard(
            session=session,
            undo_stack=self.undo_stack,
            reflections=editors.can_edit(EntryKind.REFLECTION),
            parent=self,
        )
        self.between = TodayBetween(session=session, undo_stack=self.undo_stack, page=self)
        self.goals = GoalsCard(session=session, undo_stack=self.undo_stack, parent=self)
        self.progress_notes = ProgressNotes(session=session, parent=self)  # reached, said once
        self._later: LaterCards | None = None
        self._restore_later = False  # restore_drafts came before the later cards were built
        self._cleared = False

        self._lay_out()
        self.pane.saved.connect(self._on_saved)
        self.pane.set_aside.connect(self._on_set_aside)
        self.bring_back.clicked.connect(self._bring_back)
        session.events.changed.connect(self._on_changed)
        self.pane.open(None, EntryKind.MOOD)
        self.refresh()
        session.tasks.call_on_release(self._build_later_cards)

    def _lay_out(self) -> None:
        check_in, check_layout = card(self)
        self._check_in = check_in
        check_layout.addWidget(label(_("How are you right now?"), role="heading"))
        check_layout.addWidget(self.pane)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.bring_back)
        check_layout.addLayout(row)
        week, week_layout = card(self)
        week_layout.addWidget(label(_("This week at a glance"), role="heading"))
        week_layout.addWidget(self.week)

        content = QWidget(self)
        self._column = column = QVBoxLayout(content)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(14)
        column.addWidget(self.heading)
        column.addWidget(self.streak)
        column.addWidget(self.between.next_session)
        column.addWidget(self.progress_notes)
        self.sides = sides = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        sides.setSpacing(14)
        self._left = left = QVBoxLayout()
        left.setSpacing(14)
        left.addWidget(check_in)
        left.addStretch(1)  # the trigger log goes before it (`LaterCards`)
        sides.addLayout(left, 1)
        self._right = right = QVBoxLayout()
        right.setSpacing(14)
        right.addWidget(self.gratitude)
        right.addWidget(self.between.homework)
        right.addWidget(self.together)
        right.addWidget(self.goals)
        right.addWidget(week)
        right.addStretch(1)  # gives way to "Logged today" and the rest (`LaterCards`)
        sides.addLayout(right, 1)
        column.addLayout(sides, 1)
        self.scroll_area = scroll = FieldScrollArea(self)
        # Not a Tab stop of its own: Tab goes from the side bar straight to the check-in, and
        # the area scrolls to whatever control Tab reaches.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The bar's room from the first paint: the later cards nearly always make the page scroll.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        tab_after(self.pane, self.bring_back)  # made before the pane's editor
        tab_after(self.gratitude, self.between.homework)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side only where both columns fit; otherwise one above the other.
        wide = event.size().width() >= TWO_COLUMNS_MIN
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        self.sides.setDirection(direction)
        # One above the other, the trigger log comes right after the check-in: built later,
        # it would push down the gratitude card a tall page's first paint shows.
        waiting = self._later is None and not self._cleared
        if waiting and not wide and event.size().height() > self._check_in_bottom():
            self._build_later_cards()
        super().resizeEvent(event)

    def _check_in_bottom(self) -> int:
        """Where the check-in card ends on a page with one column (from size hints)."""
        column = self._column
        above = (self.heading, self.streak, self._check_in)
        spacing = column.spacing() * (len(above) - 1)
        return column.contentsMargins().top() + spacing + sum(w.sizeHint().height() for w in above)

    # --- the cards below the fold -------------------------------------------------------------

    def _build_later_cards(self) -> LaterCards:
        if self._later is None:
            self._later = LaterCards(
                session=self._session,
                page=self,
                check_in=self._check_in,
                left=self._left,
                right=self._right,
                open_entry=self._on_today_view_activated,
            )
            self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            if self._session.is_open() and not self._cleared:
                self._later.refresh(self._session.clock().date())
                if self._restore_later:
                    self._later.trigger.restore_drafts()
        return self._later

    @property
    def trigger(self) -> TriggerCard:
        """The quick trigger log."""
        return self._build_later_cards().trigger

    @property
    def coping(self) -> CopingFiguresView:
        """What has helped."""
        return self._build_later_cards().coping

    @property
    def today_model(self) -> TimelineModel:
        """Today's entries."""
        return self._build_later_cards().today_model

    @property
    def today_view(self) -> QListView:
        """The list of today's entries."""
        return self._build_later_cards().today_view

    @property
    def logged_card(self) -> QWidget:
        """The "Logged today" card."""
        return self._build_later_cards().logged_card

    @property
    def nothing_today(self) -> QLabel:
        """Shown instead of the list while nothing is logged today."""
        return self._build_later_cards().nothing_today

    @property
    def flagged(self) -> QLabel:
        """The records flagged for the next session."""
        return self._build_later_cards().flagged

    def refresh(self) -> None:
        """Read today's entries, the week, the flagged records and the streak again."""
        if not self._session.is_open():
            return
        today = self._session.clock().date()
        # Translators: a CLDR date pattern: weekday, day, month (German: EEEE, d. MMMM).
        day = format_date(today, pgettext("Today heading date pattern", "EEEE d MMMM"))
        self.heading.setText(_("Today, {day}").format(day=day))
        insights = self._session.services.insights
        self.streak.setText(streak_text(insights.streak(today, WEEK)))
        period = Period.last_days(WEEK, today=today)
        self.week.show_days(period.days(), insights.daily_mood(period))
        if self._later is not None:
            self._later.refresh(today)

    def _on_changed(self, changes: frozenset[str]) -> None:
        # Nothing on Today comes from the journal's settings; a settings-only change refreshed
        # all of it on the UI thread, waiting for the database while other reads held it.
        if not settings_only(changes):
            self.refresh()

    def _on_today_view_activated(self, index: QModelIndex) -> None:
        if index.isValid() and not index.data(Role.IS_HEADER):
            self._session.events.request_open_entry(int(index.data(Role.ID)))

    def _on_saved(self, _entry: object) -> None:
        self.pane.open(None, EntryKind.MOOD)
        self.confirmation.confirm(_(CHECKED_IN), role="hint")
        self.bring_back.hide()

    def _on_set_aside(self) -> None:
        had_draft = self.pane.has_draft()
        self.pane.open(None, EntryKind.MOOD)
        self.bring_back.setVisible(had_draft)
        self.confirmation.say(_("Set aside; nothing is lost.") if had_draft else "", role="hint")

    def _bring_back(self) -> None:
        self.pane.restore()
        self.bring_back.hide()
        self.confirmation.clear()
        if self.pane.editor is not None:
            self.pane.editor.focus_first()

    def focus_gratitude(self) -> None:
        """Put the cursor in the quick gratitude field (Ctrl+G)."""
        self.scroll_area.ensureWidgetVisible(self.gratitude.field, 50, 160)
        self.gratitude.focus_field()

    def focus_trigger(self) -> None:
        """Put the cursor in the quick trigger log (Ctrl+T)."""
        self.scroll_area.ensureWidgetVisible(self.trigger.save_button, 50, 20)
        self.scroll_area.ensureWidgetVisible(self.trigger.situation, 50, 20)
        self.trigger.focus_field()

    # --- Page protocol --------------------------------------------------------------------------

    def restore_drafts(self) -> None:
        """Put an unfinished check-in, gratitude and trigger log (once built) back."""
        self.pane.restore()
        self.gratitude.restore_drafts()
        self.together.restore_drafts()
        if self._later is None:
            self._restore_later = True
        else:
            self._later.trigger.restore_drafts()

    def stash_drafts(self) -> None:
        """Keep the unfinished check-in, gratitude and trigger log as encrypted drafts (a
        trigger log not built yet holds nothing new: its stored draft stays as it was)."""
        self.pane.stash()
        self.gratitude.stash_drafts()
        self.together.stash_drafts()
        if self._later is not None:
            self._later.trigger.stash_drafts()

    def clear(self) -> None:
        """Empty the form and forget today's entries."""
        self._cleared = True
        self._session.events.changed.disconnect(self._on_changed)
        self.pane.clear()
        self.gratitude.clear()
        self.together.clear()
        self.between.clear()
        self.goals.clear()
        self.progress_notes.clear()
        if self._later is not None:
            self._later.clear()
        self.streak.clear()
