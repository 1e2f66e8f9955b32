"""Today's homework card: this week's homework with its progress, "Done today" for what is
ticked by hand (with Undo), and the way to add or edit an item."""

from __future__ import annotations

import logging
from datetime import date
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from trustjournal.core.between import Counts, Homework
from trustjournal.core.errors import HomeworkNotFoundError, UserFacingError
from trustjournal.core.i18n import N_, _, pgettext
from trustjournal.services.between_reader import HomeworkProgress
from trustjournal.services.changes import settings_only
from trustjournal.ui.icons import Icon
from trustjournal.ui.session import Session
from trustjournal.ui.today import between_access
from trustjournal.ui.today.between_access import TICKED, BetweenRunner
from trustjournal.ui.today.homework_dialog import HomeworkCommand, HomeworkDialog
from trustjournal.ui.today.homework_words import details_text, progress_text, shown_this_week
from trustjournal.ui.today.undo_offer import UndoOffer
from trustjournal.ui.widgets.common import button, card, label, remove_rows

log = logging.getLogger(__name__)

EMPTY = N_("No homework right now. What you agree on in a session can go here.")


class HomeworkRow(QWidget):
    """One item: its title, this week's progress, and "Done today" (ticked by hand) and "Edit…"."""

    def __init__(self, progress: HomeworkProgress, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.progress = progress
        item = progress.item
        self.title = label(item.title)  # plain text: the person's words, shown as typed
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long word must not widen the page; the label wraps what it can in the room it has.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.meta = label(progress_text(progress, today), role="hint")
        self.details = label(details_text(item), role="hint")
        self.done_button = button(_("Done today"), icon_name=Icon.CHECK)
        self.done_button.setToolTip(_("Tick it as done today"))
        self.done_button.setAccessibleName(_("Done today: {title}").format(title=item.title))
        self.done_button.setAutoDefault(True)  # Enter on the focused button ticks it, as Space
        self.edit_button = button(_("Edit…"), flat=True)
        self.edit_button.setAccessibleName(_("Edit: {title}").format(title=item.title))
        self.edit_button.setAutoDefault(True)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.title)
        column.addWidget(self.meta)
        column.addWidget(self.details)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        row.setSpacing(8)
        row.addLayout(column, 1)
        row.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        # Counted from entries already written: read only, nothing to tick.
        self.done_button.setHidden(item.counts is not Counts.MANUAL)


class HomeworkCard(QWidget):
    """This week's homework, read off the UI thread so Today's first paint does not wait for
    it; the rows appear below the heading when they arrive, and nothing above them moves.

    Changes go onto the page's undo stack (Ctrl+Z, Edit → Undo); the Undo shown here for a
    moment after one takes it back through that stack.
    """

    def __init__(
        self, *, session: Session, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.undo_stack = undo_stack
        self._generation = 0  # results of older reads are dropped
        self._loaded = False
        self.rows: list[HomeworkRow] = []
        self.dialog: HomeworkDialog | None = None  # the last one opened
        self.empty = label(_(EMPTY), role="hint")
        self.empty.hide()  # until the homework has been read
        self.add_button = button(_("Add homework…"), flat=True)
        self.add_button.setAutoDefault(True)
        self.undo_text = label("", role="good")
        self.undo_offer = UndoOffer(self, undo_stack=undo_stack, text=self.undo_text)
        self.undo_button = self.undo_offer.button
        self.undo_button.setAutoDefault(True)
        self.error = label("", role="error")
        self.row_box = QVBoxLayout()
        self.row_box.setSpacing(2)
        self._lay_out()
        self.error.hide()
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.undo_offer.follow(_said)
        self._back_to: int | None = None  # the row whose tick was undone, for the keys
        self._reading = False
        session.events.changed.connect(self._on_changed)
        self.refresh()

    def _lay_out(self) -> None:
        frame, column = card(self)
        top = QHBoxLayout()
        heading = pgettext("heading of the Today card", "Homework")
        top.addWidget(label(heading, role="heading"), 1)
        top.addWidget(self.add_button)
        column.addLayout(top)
        column.addWidget(self.empty)
        column.addLayout(self.row_box)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_text, 1)
        undo_row.addWidget(self.undo_button)
        column.addLayout(undo_row)
        column.addWidget(self.error)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    # --- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read this week's homework again, in the background."""
        if not self._session.is_open():
            return
        self._generation += 1
        self._reading = True
        generation = self._generation
        today = self._session.clock().date()
        reader = between_access.between_reader(self._session)
        self._session.tasks.run_in_background(
            lambda: reader.homework(today, include_ended=False),
            lambda items: self._on_read(generation, today, items),
            self._on_read_failed,
        )

    def _on_read(self, generation: int, today: date, items: list[HomeworkProgress]) -> None:
        if generation != self._generation:
            return
        self._reading = False
        shown = [p for p in items if shown_this_week(p.item, today)]
        focused = self._focused_row_id()
        if self._back_to is not None and focused[0] is not None:
            focused = (self._back_to, True)  # Undo of a tick: back to the Done that made it
        self._back_to = None
        remove_rows(self.row_box, self.rows)
        self.rows = []
        for progress in shown:
            row = HomeworkRow(progress, today, self)
            item = progress.item
            row.done_button.clicked.connect(lambda _=False, i=item: self.mark_done(i))
            row.edit_button.clicked.connect(lambda _=False, i=item: self.open_dialog(i))
            self.row_box.addWidget(row)
            self.rows.append(row)
            if item.id == focused[0]:
                # The row was rebuilt under the person's focus: keep their place.
                (row.done_button if focused[1] else row.edit_button).setFocus()
        self.empty.setVisible(not shown)
        # Rows made now would come last for Tab: chained here in reading order.
        buttons = [b for row in self.rows for b in (row.done_button, row.edit_button)]
        for first, second in pairwise([self.add_button, *buttons, self.undo_button]):
            QWidget.setTabOrder(first, second)
        self._loaded = True

    def _focused_row_id(self) -> tuple[int | None, bool]:
        for row in self.rows:
            if row.done_button.hasFocus() or row.edit_button.hasFocus():
                return row.progress.item.id, row.done_button.hasFocus()
        return None, False

    def _on_read_failed(self, exc: BaseException) -> None:
        self._reading, self._back_to = False, None
        log.warning("reading this week's homework failed: %s", type(exc).__name__)
        self._say_error(_("This week's homework could not be read just now."))

    @property
    def loaded(self) -> bool:
        """Whether the homework has been read at least once."""
        return self._loaded

    # --- changes -----------------------------------------------------------------------------

    def _runner(self) -> BetweenRunner:
        return between_access.between_runner(self._session)

    def mark_done(self, item: Homework) -> None:
        """Tick a manual item done now; Undo takes the tick back (it is kept aside)."""
        if item.id is None:
            return
        homework_id, now = item.id, self._session.clock()
        runner = self._runner()
        try:
            mark = runner.run(lambda ops: ops.mark_done(homework_id, now))
        except UserFacingError as error:
            self._say_error(str(error))
            return
        self.error.hide()
        mark_id = mark.id or 0
        self.undo_stack.push(
            HomeworkCommand(
                between_access.words(TICKED, now.date()),
                runner=runner.runner,
                redo_op=runner.operation(lambda ops: ops.restore_mark(mark_id)),
                undo_op=runner.operation(lambda ops: ops.take_back_mark(mark_id)),
                on_error=self._on_command_failed,
                said=_("Ticked as done today."),
                after_undo=lambda _result: self._tick_undone(homework_id),
            )
        )

    def open_dialog(self, item: Homework | None) -> HomeworkDialog:
        """Open the homework dialog to add an item (None) or edit `item`."""
        dialog = HomeworkDialog.for_session(
            self._session, item=item, undo_stack=self.undo_stack, parent=self.window()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _tick_undone(self, homework_id: int) -> None:
        """A tick undone with the keys in this card puts them back on its row's Done (Undo
        going away would leave them on the last row)."""
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            return  # Ctrl+Z from elsewhere in the page: the keys stay where they are
        if self._reading:
            self._back_to = homework_id  # the rows are about to be made again
            return
        row = next((r for r in self.rows if r.progress.item.id == homework_id), None)
        if row is not None:
            row.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo(self) -> None:
        """Take back the last change (the Undo shown after it)."""
        self.undo_offer.undo()

    def _on_command_failed(self, error: UserFacingError) -> None:
        if isinstance(error, HomeworkNotFoundError):
            return  # deleted meanwhile: nothing left to take back
        self._say_error(str(error))

    def _say_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if not settings_only(changes):
            self.refresh()

    def clear(self) -> None:
        """Forget every item shown (the journal is locking)."""
        self._generation += 1
        self.undo_offer.withdraw()
        self.error.hide()
        remove_rows(self.row_box, self.rows)
        self.rows = []
        self.empty.hide()
        self._loaded = False

    def stop(self) -> None:
        """Stop listening for changes, and forget what is shown."""
        self._session.events.changed.disconnect(self._on_changed)
        self.clear()


def _said(command: QUndoCommand | None) -> str:
    """What Undo says beside a homework change ("" for anyone else's: no Undo here)."""
    return command.said if isinstance(command, HomeworkCommand) else ""
