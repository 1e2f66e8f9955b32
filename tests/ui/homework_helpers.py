"""Builders for Today's homework tests: a session with homework, and the dialog over a journal."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoStack

from tests.ui.dialog_helpers import Journal, _shown
from tests.ui.shell_helpers import fixed_clock
from trustjournal.core.between import Counts, Homework, Per
from trustjournal.services.between import BetweenOperations
from trustjournal.services.operations import Operations
from trustjournal.ui.operations import OperationRunner
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.today.between_access import BetweenRunner
from trustjournal.ui.today.homework_dialog import HomeworkDialog


def between(session: Session) -> BetweenOperations:
    """The use cases, straight (the test's own setup, not what the page does)."""
    return BetweenOperations(vault=session.vault, clock=session.clock)


def add_homework(session: Session, title: str, counts: Counts, **fields: object) -> Homework:
    """Store an item (3 times a week from 2 March 2026 unless told otherwise)."""
    values: dict[str, object] = {"times": 3, "per": Per.WEEK, "start": date(2026, 3, 2)}
    values.update(fields)
    item = Homework(title=title, counts=counts, **values)  # type: ignore[arg-type]
    return between(session).add_homework(item).value


def homework_dialog(journal: Journal, _tasks: Tasks | None = None) -> HomeworkDialog:
    """ "Add homework…" over a real journal, its changes run through a real runner."""
    runner = OperationRunner(
        operations=Operations(vault=journal.vault, clock=fixed_clock), events=journal.events
    )
    dialog = HomeworkDialog(
        runner=BetweenRunner(
            runner=runner, operations=BetweenOperations(vault=journal.vault, clock=fixed_clock)
        ),
        undo_stack=QUndoStack(),
        today=fixed_clock().date(),
    )
    return _shown(dialog)
