"""Today's line about the next therapy session, and, the day before, a way to prepare for it."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from trustjournal.core.errors import UserFacingError
from trustjournal.core.i18n import _, format_date, format_time, format_weekday, pgettext
from trustjournal.services.changes import settings_only
from trustjournal.ui.events import SHARE_SINCE_SESSION
from trustjournal.ui.session import Session
from trustjournal.ui.today.between_access import between_reader
from trustjournal.ui.widgets.common import button, label

log = logging.getLogger(__name__)

WEEKDAY_AHEAD = 7  # closer than this, the weekday alone says which day it is
OFFER_DAYS = 1  # the summary is offered from the day before the session


def next_session_text(at: datetime, now: datetime) -> str:
    """ "Next session: Thursday at 18:00 — prepare a summary", in the person's own time."""
    local = at.astimezone(now.tzinfo)
    day, today = local.date(), now.date()
    # Translators: a CLDR time pattern, 24-hour clock unless your language prefers otherwise.
    clock = format_time(local.time(), pgettext("short time pattern", "HH:mm"))
    if day == today:
        return _("Next session: today at {time} — prepare a summary").format(time=clock)
    if day == today + timedelta(days=1):
        return _("Next session: tomorrow at {time} — prepare a summary").format(time=clock)
    if day < today + timedelta(days=WEEKDAY_AHEAD):
        return _("Next session: {weekday} at {time} — prepare a summary").format(
            weekday=format_weekday(day), time=clock
        )
    # Translators: a CLDR date pattern: weekday, day, month (German: EEEE, d. MMMM).
    when = format_date(day, pgettext("next session date pattern", "EEEE d MMMM"))
    return _("Next session: {day} at {time} — prepare a summary").format(day=when, time=clock)


def offers_summary(at: datetime, now: datetime) -> bool:
    """Whether the session is today or tomorrow: time to prepare a summary."""
    days = (at.astimezone(now.tzinfo).date() - now.date()).days
    return 0 <= days <= OFFER_DAYS


class NextSessionLine(QWidget):
    """When the next session is; from the day before, "Prepare a summary since my last
    session", which asks for the Share page with that preset. Hidden while none is booked.

    The next session is one indexed row, read with the page so nothing moves after it paints.
    """

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.text = label("", wrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prepare_button = button(_("Prepare a summary since my last session"))
        self.prepare_button.setAutoDefault(True)  # Enter on it does what Space does
        self.prepare_button.setToolTip(_("Opens Share with the period since your last session"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.text, 1)
        row.addWidget(self.prepare_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.prepare_button.clicked.connect(self.prepare_summary)
        session.events.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        """Read when the next session is, and show it (or hide the line)."""
        if not self._session.is_open():
            return
        now = self._session.clock()
        try:
            at = between_reader(self._session).next_session(now)
        except UserFacingError as error:  # the line is a courtesy: its failure says nothing
            log.warning("reading the next session failed: %s", type(error).__name__)
            at = None
        if at is None:
            self.clear()
            return
        self.text.setText(next_session_text(at, now))
        self.prepare_button.setHidden(not offers_summary(at, now))
        self.setHidden(False)  # it has its parent: this never opens a window of its own

    def prepare_summary(self) -> None:
        """Ask for the Share page, set to "since my last session"."""
        self._session.events.request_share(SHARE_SINCE_SESSION)

    def _on_changed(self, changes: frozenset[str]) -> None:
        if not settings_only(changes):
            self.refresh()

    def clear(self) -> None:
        """Hide the line and forget its text (the journal is locking)."""
        self.text.clear()
        self.prepare_button.hide()
        self.hide()

    def stop(self) -> None:
        """Stop listening for changes (the page is being cleared for good)."""
        self._session.events.changed.disconnect(self._on_changed)
        self.clear()
