"""Today's goals card: each goal being worked on with its next step and "2 of 5 steps done";
tick the next step done (with Undo), write a new goal or change one."""

from __future__ import annotations

import logging
from itertools import pairwise
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from trustjournal.core.between import Goal, GoalState
from trustjournal.core.errors import UserFacingError, ValidationError
from trustjournal.core.i18n import _, ngettext
from trustjournal.services.changes import Change
from trustjournal.services.goal_saving import GoalSaving
from trustjournal.ui.session import Session
from trustjournal.ui.today.between_access import between_runner
from trustjournal.ui.today.goal_dialog import GoalChoice, GoalDialog
from trustjournal.ui.today.progress_words import steps_done_text
from trustjournal.ui.today.undo_offer import UndoOffer
from trustjournal.ui.undo import CommandWords, OperationCommand
from trustjournal.ui.widgets.common import button, card, label
from trustjournal.ui.widgets.fading import Confirmation

log = logging.getLogger(__name__)

SHOWN = 5  # goals shown before "Show all"
WATCHED = frozenset({Change.GOALS, Change.PROGRESS})


class GoalRow(QWidget):
    """One goal: its title, next step, how many steps are done, and its buttons."""

    def __init__(self, goal: Goal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal = goal
        self.title = label(goal.title)
        self.title.setMinimumWidth(1)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        nxt = next((step for step in goal.steps if step.done_at is None), None)
        self.next_step = nxt
        if nxt is not None:
            said = _("Next: {step}").format(step=nxt.text)
        elif goal.steps:
            said = _("Every step is done. Reached it? Say so under Edit.")
        else:
            said = _("No steps yet. Edit adds the first small one.")
        self.next_text = label(said, role="hint")
        self.next_text.setMinimumWidth(1)
        self.count = label(steps_done_text(goal), role="hint", wrap=False)
        self.done_button = button(_("Step done"), flat=True)
        self.done_button.setAccessibleName(
            _("Mark the next step of “{goal}” done").format(goal=goal.title)
        )
        self.edit_button = button(_("Edit…"), flat=True)
        self.edit_button.setAccessibleName(_("Edit the goal “{goal}”").format(goal=goal.title))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.count)
        column.addLayout(top)
        column.addWidget(self.next_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.done_button.setHidden(nxt is None)  # nothing to tick: no button that does nothing


def _has_focus(row: GoalRow) -> bool:
    return row.done_button.hasFocus() or row.edit_button.hasFocus()


class GoalsCard(QWidget):
    """The goals being worked on, each a `GoalRow`, and "New goal…".

    Args:
        undo_stack: the page's, so Ctrl+Z and Edit → Undo take a step or a delete back too.
    """

    def __init__(
        self, *, session: Session, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.undo_stack = undo_stack
        self.rows: list[GoalRow] = []
        self._show_all = False
        self.new_button = button(_("New goal…"), flat=True)
        self.nothing = label(
            _("No goals yet. A goal can be small, and its steps smaller still."), role="hint"
        )
        self.more_button = button("", flat=True)
        self.status = label("", role="good", wrap=True)
        self.confirmation = Confirmation(self.status, self)
        self.undo_offer = UndoOffer(self, undo_stack=undo_stack)
        self.undo_button = self.undo_offer.button
        frame, column = card(self, heading=_("Goals"))
        self._rows_column = QVBoxLayout()
        self._rows_column.setSpacing(10)
        column.addWidget(self.nothing)
        column.addLayout(self._rows_column)
        column.addWidget(self.more_button)
        done = QHBoxLayout()
        done.addWidget(self.status, 1)
        done.addWidget(self.undo_button)
        column.addLayout(done)
        end = QHBoxLayout()
        end.addWidget(self.new_button)
        end.addStretch(1)
        column.addLayout(end)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.more_button.clicked.connect(self._toggle_all)
        self.nothing.hide()  # until the first read says there are none
        self._generation = 0  # a read answered after a newer one (or a lock) is dropped
        session.events.changed.connect(self._on_changed)
        session.tasks.call_on_release(self.refresh)  # after Today's first paint, as homework

    # --- reading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the goals being worked on again, in the background: at 100 000 entries, reading
        and laying out 50 goals added about 11 ms to Today's first paint on the UI thread."""
        if not self._session.is_open():
            return
        from trustjournal.services.stores import between_reader

        self._generation += 1
        generation = self._generation
        reader = between_reader(vault=self._session.vault, clock=self._session.clock)
        self._session.tasks.run_in_background(
            lambda: [g for g in reader.goals() if g.state is GoalState.WORKING],
            lambda goals: self._on_read(generation, goals),
            self._on_read_failed,
        )

    def _on_read(self, generation: int, goals: list[Goal]) -> None:
        if generation == self._generation:
            self.show_goals(goals)

    def _on_read_failed(self, exc: BaseException) -> None:
        log.warning("reading the goals failed: %s", type(exc).__name__)
        self.confirmation.say(_("Your goals could not be read just now."), role="error")

    def show_goals(self, goals: list[Goal]) -> None:
        """Show these goals (up to SHOWN unless all are asked for)."""
        focused = next(
            ((row.goal.id, row.done_button.hasFocus()) for row in self.rows if _has_focus(row)),
            None,
        )
        for row in self.rows:
            self._rows_column.removeWidget(row)
            row.hide()
            row.deleteLater()
        shown = goals if self._show_all else goals[:SHOWN]
        self.rows = []
        for goal in shown:
            row = GoalRow(goal, self)
            row.done_button.clicked.connect(lambda _c=False, g=goal: self.mark_next_done(g))
            row.edit_button.clicked.connect(lambda _c=False, g=goal: self.edit(g))
            self._rows_column.addWidget(row)
            self.rows.append(row)
            if focused is not None and goal.id == focused[0]:
                # The row was rebuilt under the person's focus: keep their place, so Space
                # again ticks the next step (not the Undo that came next in Tab's chain).
                done = focused[1] and not row.done_button.isHidden()
                (row.done_button if done else row.edit_button).setFocus()
        hidden = len(goals) - len(shown)
        self.nothing.setHidden(bool(goals))
        self.more_button.setHidden(len(goals) <= SHOWN)
        self.more_button.setText(
            ngettext("Show {count} more goal", "Show {count} more goals", hidden).format(
                count=hidden
            )
            if hidden
            else _("Show fewer")
        )
        # Rows made now would come last for Tab: chained here in reading order.
        buttons = [b for row in self.rows for b in (row.done_button, row.edit_button)]
        chain = [self.nothing, *buttons, self.more_button, self.undo_button, self.new_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _toggle_all(self) -> None:
        self._show_all = not self._show_all
        self.refresh()

    def _on_changed(self, changes: frozenset[Any]) -> None:
        if WATCHED & set(changes):
            self.refresh()

    # --- changes -----------------------------------------------------------------------------

    def mark_next_done(self, goal: Goal) -> None:
        """Tick the goal's next step done now, with Undo."""
        index = next((i for i, s in enumerate(goal.steps) if s.done_at is None), None)
        if index is None or goal.id is None:
            return
        goal_id, number, text = goal.id, index + 1, goal.steps[index].text
        at = self._session.clock()
        try:
            between_runner(self._session).run(lambda ops: ops.mark_step_done(goal_id, number, at))
        except (UserFacingError, ValidationError) as error:
            self.confirmation.say(str(error), role="error")
            return
        words = CommandWords(
            text=_("step {number} of a goal done").format(number=number),
            undo=_("&Undo step {number} of a goal done").format(number=number),
            redo=_("&Redo step {number} of a goal done").format(number=number),
        )
        self._push(
            words,
            redo=lambda ops: ops.mark_step_done(goal_id, number, at),
            undo=lambda ops: ops.mark_step_undone(goal_id, number),
        )
        self.confirmation.confirm(_("Step done: “{step}”.").format(step=text))

    def edit(self, goal: Goal | None) -> None:
        """Write a new goal (None) or change `goal` in the goal dialog."""
        if not self._session.is_open():
            return
        choice = GoalDialog.ask(self, goal=goal, clock=self._session.clock)
        if choice is not None and self._session.is_open():
            self._apply(goal, choice)

    def _apply(self, goal: Goal | None, choice: GoalChoice) -> None:
        try:
            if goal is None and choice.goal is not None:
                self._add(choice.goal)
            elif goal is not None and goal.id is not None and choice.delete:
                self._delete(goal.id)
            elif choice.goal is not None:
                self._save(choice.goal)
        except (UserFacingError, ValidationError) as error:
            self.confirmation.say(str(error), role="error")

    def _add(self, goal: Goal) -> None:
        stored = between_runner(self._session).run(lambda ops: ops.add_goal(goal))
        goal_id = stored.id or 0
        words = CommandWords(
            text=_("a new goal"), undo=_("&Undo a new goal"), redo=_("&Redo a new goal")
        )
        self._push(
            words,
            redo=lambda ops: ops.undelete_goal(goal_id),
            undo=lambda ops: ops.delete_goal(goal_id),
        )
        self.confirmation.confirm(_("Goal saved."))

    def _delete(self, goal_id: int) -> None:
        between_runner(self._session).run(lambda ops: ops.delete_goal(goal_id))
        words = CommandWords(
            text=_("delete of a goal"),
            undo=_("&Undo delete of a goal"),
            redo=_("&Redo delete of a goal"),
        )
        self._push(
            words,
            redo=lambda ops: ops.delete_goal(goal_id),
            undo=lambda ops: ops.undelete_goal(goal_id),
        )
        self.confirmation.confirm(_("Goal deleted."), role="hint")

    def _save(self, goal: Goal) -> None:
        saving = GoalSaving(vault=self._session.vault, clock=self._session.clock)
        runner = self._session.services.operations
        saved = runner.run(lambda _ops: saving.save(goal))
        words = CommandWords(
            text=_("edit of a goal"), undo=_("&Undo edit of a goal"), redo=_("&Redo edit of a goal")
        )
        self.undo_stack.push(
            OperationCommand(
                words,
                runner=runner,
                redo_op=lambda _ops: saving.save(saved.after),
                undo_op=lambda _ops: saving.put_back(saved),
                after_undo=lambda _goal: self._on_undone(),
                on_error=lambda error: self.confirmation.say(str(error), role="error"),
            )
        )
        self.undo_offer.offer()
        self.confirmation.confirm(_("Goal saved."))

    def _push(self, words: CommandWords, *, redo: Any, undo: Any) -> None:
        between = between_runner(self._session)
        self.undo_stack.push(
            OperationCommand(
                words,
                runner=between.runner,
                redo_op=between.operation(redo),
                undo_op=between.operation(undo),
                after_undo=lambda _value: self._on_undone(),
                on_error=lambda error: self.confirmation.say(str(error), role="error"),
            )
        )
        self.undo_offer.offer()

    def undo(self) -> None:
        """Take the last change here back (the Undo shown after it)."""
        self.undo_offer.undo()

    def _on_undone(self) -> None:
        self.undo_offer.withdraw()
        self.confirmation.say(_("Taken back."), role="hint")

    def clear(self) -> None:
        """Stop listening and forget the goals (the journal is locking)."""
        self._generation += 1
        self._session.events.changed.disconnect(self._on_changed)
        self.undo_offer.withdraw()
        self.confirmation.clear()
        self.show_goals([])
