"""Appreciations about my partner or us that I have not told them yet, each one click from told."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from trustjournal.core.entries import About, EntryKind, GratitudeEntry
from trustjournal.core.errors import EntryNotFoundError, UserFacingError
from trustjournal.core.i18n import N_, _, ngettext
from trustjournal.core.query import EntryQuery
from trustjournal.core.wording import first_line, short_day
from trustjournal.services.gratitude import about_label
from trustjournal.ui.icons import Icon
from trustjournal.ui.session import Session
from trustjournal.ui.today.undo_offer import UndoOffer
from trustjournal.ui.undo import OperationCommand, told_words
from trustjournal.ui.widgets.common import button, label, lay_out_item_row, remove_rows

if TYPE_CHECKING:
    from trustjournal.services.changes import Outcome
    from trustjournal.services.operations import Operations

log = logging.getLogger(__name__)

UNSHARED = EntryQuery(
    kinds=frozenset({EntryKind.GRATITUDE}),
    not_expressed=True,
    about=frozenset({About.PARTNER.value, About.US.value}),
)
SHOWN = 3  # appreciations listed; the rest wait in the Journal
TEXT_WIDTH = 140  # characters of an appreciation shown in the list
EMPTY = N_(  # translated where shown
    "Nothing waiting. What you appreciate about your partner or the two of you, "
    "and have not told them yet, appears here."
)


class UnsharedRow(QWidget):
    """One appreciation: its first line, whom and when, and the "I told them" button."""

    def __init__(self, entry: GratitudeEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.text = label(first_line(entry.text, TEXT_WIDTH))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        day = short_day(entry.occurred_at.date())
        self.meta = label(f"{about_label(entry.about)} · {day}", role="hint")
        self.told_button = button(_("I told them"), icon_name=Icon.CHECK)
        self.told_button.setToolTip(_("Record that you told them today"))
        self.told_button.setAccessibleName(
            # Translators: {text} is the start of what the person wrote.
            _("I told them: {text}").format(text=first_line(entry.text, 40))
        )
        lay_out_item_row(self, self.text, self.meta, self.told_button)


class UnsharedList(QWidget):
    """The newest few unshared appreciations, "I told them" on each, and Undo for a moment.

    The rows are read at once (the newest few are quick to find, and they stand high on the
    page); how many more wait is counted off the UI thread, since that means looking at
    every gratitude entry, slow in a big journal.

    "I told them" goes onto the page's undo stack (Edit → Undo, Ctrl+Z); the Undo shown here
    for a moment after it undoes it through that stack.
    """

    def __init__(
        self,
        *,
        session: Session,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`undo_stack` is the page's (`page_undo_stack`); without one, the list keeps its own."""
        super().__init__(parent)
        self._session = session
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._generation = 0  # results of older reads are dropped
        self.rows: list[UnsharedRow] = []
        self.empty = label(_(EMPTY), role="hint")
        self.more = label("", role="hint")
        self.undo_text = label("", role="good", wrap=False)
        self.undo_offer = UndoOffer(self, undo_stack=self.undo_stack, text=self.undo_text)
        self.undo_button = self.undo_offer.button
        self.error = label("", role="error")
        self.error.hide()
        self.row_box = QVBoxLayout()
        self.row_box.setSpacing(2)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_text)
        undo_row.addWidget(self.undo_button)
        undo_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        heading = label(_("Appreciations you haven't shared yet"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addLayout(self.row_box)
        layout.addWidget(self.more)
        layout.addLayout(undo_row)
        layout.addWidget(self.error)
        self.undo_offer.follow(_offered)  # as the stack grows by "I told them", Undo shows here
        self.more.hide()  # until it has been counted

    def refresh(self) -> None:
        """Read the unshared appreciations again (how many more wait: in the background)."""
        self._generation += 1
        generation = self._generation
        entries = self._session.entries
        shown = [e for e in entries.list(UNSHARED, limit=SHOWN) if isinstance(e, GratitudeEntry)]
        self._drop_rows()
        for entry in shown:
            row = UnsharedRow(entry, self)
            row.told_button.clicked.connect(lambda _=False, e=entry: self.mark_told(e))
            self.row_box.addWidget(row)
            self.rows.append(row)
        self.empty.setVisible(not shown)
        if len(shown) < SHOWN:
            self._on_counted(generation, 0)
            return
        self._session.tasks.run_in_background(
            lambda: entries.count(UNSHARED) - SHOWN,
            lambda waiting: self._on_counted(generation, waiting),
            self._on_read_failed,
        )

    def _on_counted(self, generation: int, waiting: int) -> None:
        if generation != self._generation:
            return
        self.more.setText(
            ngettext(
                "And {count} more, in the Journal under “Gratitude not yet shared”.",
                "And {count} more, in the Journal under “Gratitude not yet shared”.",
                waiting,
            ).format(count=waiting)
            if waiting
            else ""
        )
        self.more.setVisible(waiting > 0)

    @staticmethod
    def _on_read_failed(exc: BaseException) -> None:
        log.warning("counting the unshared appreciations failed: %s", type(exc).__name__)

    def mark_told(self, entry: GratitudeEntry) -> None:
        """Record that `entry` was told today; it leaves the list, with Undo for a moment."""
        if entry.id is None:
            return
        entry_id, today = entry.id, self._session.clock().date()
        before = self._run(lambda ops: ops.mark_told(entry_id, today))
        if before is None:
            return
        expressed, on = before.expressed, before.expressed_on
        self.undo_stack.push(
            OperationCommand(
                told_words(before),
                runner=self._session.services.operations,
                redo_op=lambda ops: ops.mark_told(entry_id, today),
                undo_op=lambda ops: ops.set_told(entry_id, expressed=expressed, expressed_on=on),
                on_error=self._on_command_failed,
                offer=_("Marked as told today."),
            )
        )

    def undo(self) -> None:
        """Take back the last "I told them" (the Undo shown after it)."""
        self.undo_offer.undo()

    def _on_command_failed(self, error: UserFacingError) -> None:
        if isinstance(error, EntryNotFoundError):
            return  # deleted meanwhile: nothing to take back or mark again
        self.error.setText(str(error))
        self.error.show()

    def _run(
        self,
        operation: Callable[[Operations], Outcome[GratitudeEntry]],
    ) -> GratitudeEntry | None:
        """Run a told change (it announces itself); None, with a message, if it failed."""
        try:
            result = self._session.services.operations.run(operation)
        except UserFacingError as error:
            self.error.setText(str(error))
            self.error.show()
            return None
        self.error.hide()
        return result

    def clear(self) -> None:
        """Forget every appreciation shown (the journal is locking)."""
        self._generation += 1
        self.undo_stack.clear()
        self.undo_offer.withdraw()
        self._drop_rows()

    def _drop_rows(self) -> None:
        remove_rows(self.row_box, self.rows)
        self.rows = []

    def texts(self) -> list[QLabel]:
        """The text labels of the rows shown, newest first."""
        return [row.text for row in self.rows]


def _offered(command: QUndoCommand | None) -> str:
    """What Undo says beside a change that offers one ("I told them"), else ""."""
    return command.offer if isinstance(command, OperationCommand) else ""
