"""Today's time-together card: what we did and how connected I felt, saved with Enter, with Undo;
and the ways to start an "I" statement or a reflection in the Journal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from trustjournal.core.entries import EntryKind, QualityTime
from trustjournal.core.errors import UserFacingError, ValidationError
from trustjournal.core.i18n import N_, _
from trustjournal.core.wording import short_day
from trustjournal.ui.editors.pane import AUTOSAVE_MS
from trustjournal.ui.editors.quality_time import connection_box, connection_of
from trustjournal.ui.session import Session
from trustjournal.ui.today.gratitude_card import QuickField
from trustjournal.ui.today.undo_offer import UndoOffer
from trustjournal.ui.undo import CommandWords, OperationCommand
from trustjournal.ui.widgets.common import button, card, label
from trustjournal.ui.widgets.fading import Confirmation

DRAFT_KEY = "today.together"
SAVED = N_("Saved to your journal.")
WORDS = (
    N_("saving the time together of {day}"),
    N_("&Undo saving the time together of {day}"),
    N_("&Redo saving the time together of {day}"),
)


class TogetherCard(QWidget):
    """What we did and how connected I felt (Enter saves, Undo for a moment), and buttons that
    start an "I" statement or a reflection in the Journal.

    Args:
        undo_stack: the page's, so Ctrl+Z and Edit → Undo take a quick save back too.
        reflections: whether there is an editor for reflections to start one in.
    """

    def __init__(
        self,
        *,
        session: Session,
        undo_stack: QUndoStack,
        reflections: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.undo_stack = undo_stack
        # Made without a parent, each joins Tab's chain as it is laid out: reading order.
        self.what = QuickField()
        self.what.setPlaceholderText(_("What did you do together? Enter saves it."))
        self.what.setAccessibleName(_("What we did together"))
        self.connection = connection_box()
        self.connection.setAccessibleName(_("How connected I felt, from 0 to 10"))
        self.save_button = button(_("Save"))
        self.save_button.setToolTip(_("Save (Enter)"))
        self.status = label("", role="good", wrap=True)
        self.confirmation = Confirmation(self.status, self)
        self.undo_offer = UndoOffer(self, undo_stack=undo_stack)
        self.undo_button = self.undo_offer.button
        self.undo_button.setToolTip(_("Take this time together back out of the journal"))
        self.statement_button = button(_("Prepare an I statement"), flat=True)
        self.statement_button.setToolTip(_("I feel … when … because … what I would like is …"))
        self.reflection_button = button(_("Write a reflection"), flat=True)
        self.reflection_button.setToolTip(_("Free writing, in the Journal"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self._lay_out()
        # Hidden only once it has a parent: setVisible(True) on a parentless button would
        # show it as a window of its own and take the main window's focus.
        self.reflection_button.setHidden(not reflections)
        self.what.returnPressed.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.timer.timeout.connect(self.stash_drafts)
        self.what.textEdited.connect(self._on_edited)
        self.connection.valueChanged.connect(lambda _value: self.timer.start())
        self.statement_button.clicked.connect(
            lambda: session.events.request_new_entry(EntryKind.STATEMENT)
        )
        self.reflection_button.clicked.connect(
            lambda: session.events.request_new_entry(EntryKind.REFLECTION)
        )

    def _lay_out(self) -> None:
        frame, column = card(self, heading=_("Time together"))
        entry = QHBoxLayout()
        entry.setSpacing(8)
        entry.addWidget(self.what, 1)
        entry.addWidget(self.save_button)
        column.addLayout(entry)
        connected = QHBoxLayout()
        connected.setSpacing(8)
        connected.addWidget(label(_("How connected did you feel?"), wrap=True), 1)
        connected.addWidget(self.connection)
        column.addLayout(connected)
        done = QHBoxLayout()
        done.addWidget(self.status, 1)
        done.addWidget(self.undo_button)
        column.addLayout(done)
        column.addWidget(label(_("Or take your time, in the Journal:"), role="hint"))
        starts = QHBoxLayout()
        starts.setSpacing(8)
        starts.addWidget(self.statement_button)
        starts.addWidget(self.reflection_button)
        starts.addStretch(1)
        column.addLayout(starts)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def focus_field(self) -> None:
        """Put the cursor in "what we did", after anything already typed."""
        self.what.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.what.deselect()
        self.what.end(False)

    def save(self) -> QualityTime | None:
        """Save what was typed as time together; None (with a calm message) if not saved."""
        if not self.what.text().strip():
            self.confirmation.say(_("Write a few words first; nothing was saved."), role="hint")
            return None
        try:
            entry = QualityTime(
                occurred_at=self._session.clock(),
                what=self.what.text(),
                connection=connection_of(self.connection),
            )
            stored = self._session.services.operations.run(
                lambda ops: ops.add_entry(entry, draft_key=DRAFT_KEY)  # and its draft goes
            )
        except (UserFacingError, ValidationError) as error:
            self.stash_drafts()  # keep every word; the message says what went wrong
            self.confirmation.say(str(error), role="error")
            return None
        self.timer.stop()
        self.what.clear()
        self.connection.setValue(-1)
        self.timer.stop()
        self._offer_undo(stored)
        return stored

    def _offer_undo(self, stored: QualityTime) -> None:
        entry_id = stored.id
        if entry_id is None:
            return
        day = short_day(stored.occurred_at.date())
        text, undo, redo = (_(words).format(day=day) for words in WORDS)
        self.undo_stack.push(
            OperationCommand(
                CommandWords(text=text, undo=undo, redo=redo),
                runner=self._session.services.operations,
                redo_op=lambda ops: ops.undelete_entry(entry_id),
                undo_op=lambda ops: ops.delete_entry(entry_id),
                after_undo=lambda _entry: self._on_undone(),
                on_error=lambda error: self.confirmation.say(str(error), role="error"),
            )
        )
        self.confirmation.confirm(_(SAVED))
        self.undo_offer.offer()

    def undo(self) -> None:
        """Take the last quick save back (the Undo shown after it)."""
        self.undo_offer.undo()

    def _on_undone(self) -> None:
        self.undo_offer.withdraw()
        self.confirmation.say(_("Taken back out of the journal."), role="hint")

    def _on_edited(self, _text: str) -> None:
        self.confirmation.clear()
        self.timer.start()

    # --- drafts -------------------------------------------------------------------------------

    def draft(self) -> dict[str, Any]:
        """What is typed and chosen now."""
        return {"what": self.what.text(), "connection": self.connection.value()}

    def stash_drafts(self) -> None:
        """Keep unfinished words as an encrypted draft (or forget an emptied one)."""
        self.timer.stop()
        if self.what.text():
            self._session.drafts.save(DRAFT_KEY, self.draft())
        else:
            self._session.drafts.delete(DRAFT_KEY)

    def restore_drafts(self) -> None:
        """Put unfinished words back."""
        draft = self._session.drafts.load(DRAFT_KEY)
        if not draft:
            return
        self.what.setText(str(draft.get("what", "")))
        connection = draft.get("connection", -1)
        self.connection.setValue(connection if isinstance(connection, int) else -1)
        self.timer.stop()

    def clear(self) -> None:
        """Empty the card (the journal is locking)."""
        self.timer.stop()
        self.undo_offer.withdraw()
        self.what.clear()
        self.connection.setValue(-1)
        self.confirmation.clear()
