"""Today's way to homework: its reader, its changes run through the session's runner, Undo words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from trustjournal.core.i18n import N_, _
from trustjournal.core.wording import short_day
from trustjournal.ui.undo import CommandWords

if TYPE_CHECKING:
    from trustjournal.services.between import BetweenOperations
    from trustjournal.services.between_reader import BetweenReader
    from trustjournal.services.changes import Outcome
    from trustjournal.services.operations import Operations
    from trustjournal.ui.operations import OperationRunner
    from trustjournal.ui.session import Session

T = TypeVar("T")
BetweenOperation = Callable[["BetweenOperations"], "Outcome[T]"]

# Named by what was done (and the day), never by the homework's own words: Edit → Undo is on
# screen for anyone passing by.
ADDED = (
    N_("adding a homework item"),
    N_("&Undo adding a homework item"),
    N_("&Redo adding a homework item"),
)
EDITED = (
    N_("edit of a homework item"),
    N_("&Undo edit of a homework item"),
    N_("&Redo edit of a homework item"),
)
ENDED = (
    N_("ending a homework item"),
    N_("&Undo ending a homework item"),
    N_("&Redo ending a homework item"),
)
DELETED = (
    N_("delete of a homework item"),
    N_("&Undo delete of a homework item"),
    N_("&Redo delete of a homework item"),
)
TICKED = (
    N_("“Done” for a homework item on {day}"),
    N_("&Undo “Done” for a homework item on {day}"),
    N_("&Redo “Done” for a homework item on {day}"),
)


def words(table: tuple[str, str, str], day: date | None = None) -> CommandWords:
    """The Undo stack's words for one homework change, in the language shown now."""
    shown = short_day(day) if day is not None else ""
    text, undo, redo = (_(each).format(day=shown) for each in table)
    return CommandWords(text=text, undo=undo, redo=redo)


class BetweenRunner:
    """Runs a change to homework through the session's `OperationRunner`, so it is one
    transaction announced once (`events.changed`), like every other change.

    Args:
        runner: the session's runner (it announces the changes).
        operations: the between-sessions use cases over the same vault.
    """

    def __init__(self, *, runner: OperationRunner, operations: BetweenOperations) -> None:
        self.runner = runner
        self._operations = operations

    def operation(self, change: BetweenOperation[Any]) -> Callable[[Operations], Outcome[Any]]:
        """`change` as the runner (and an undo command) takes an operation."""
        operations = self._operations
        return lambda _journal: change(operations)

    def run(self, change: BetweenOperation[T]) -> T:
        """Run `change` and announce it; return its value.

        Raises:
            UserFacingError: as the change raised it; nothing changed, nothing is announced.
        """
        result: T = self.runner.run(self.operation(change))
        return result


def between_runner(session: Session) -> BetweenRunner:
    """The runner for homework changes in `session`."""
    from trustjournal.services.stores import between_operations

    operations = between_operations(vault=session.vault, clock=session.clock)
    return BetweenRunner(runner=session.services.operations, operations=operations)


def between_reader(session: Session) -> BetweenReader:
    """What Today reads between sessions (safe in a background task)."""
    from trustjournal.services.stores import between_reader as make_reader

    return make_reader(vault=session.vault, clock=session.clock)
