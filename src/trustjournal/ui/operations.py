"""The UI's side of the use cases: run one operation, then send the one change notice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from trustjournal.services.changes import Outcome
    from trustjournal.services.operations import Operations
    from trustjournal.store.vault import Vault
    from trustjournal.store.vocabulary import VocabularyItem
    from trustjournal.ui.events import JournalEvents

T = TypeVar("T")


class VocabularyReader(Protocol):
    """The vocabulary as widgets may read it; changes go through `Operations`."""

    def items(self, list_name: str, *, include_hidden: bool = False) -> list[VocabularyItem]: ...

    def prompts(self) -> list[str]: ...


class OperationRunner:
    """Runs a use case and announces what it changed, once (Anki's `operation_did_execute`).

    Widgets call `run` and listen to `events.changed`; they never send the notice themselves.
    """

    def __init__(self, *, operations: Operations, events: JournalEvents) -> None:
        self._operations = operations
        self._events = events

    def run(self, operation: Callable[[Operations], Outcome[T]]) -> T:
        """Run `operation` (one transaction) and announce its changes; return its result.

        Raises:
            UserFacingError: as the operation raised it; nothing changed, nothing is announced.
        """
        outcome = operation(self._operations)
        if outcome.changes:
            self._events.announce(outcome.changes)
        return outcome.value


class SessionServices:
    """The use cases and figures of one open session; cheap to make, holds no connection.

    Attributes:
        operations: every change to the journal goes through here.
        insights: figures for Today (and Insights), safe in background tasks.
    """

    def __init__(
        self, *, vault: Vault, clock: Callable[[], datetime], events: JournalEvents
    ) -> None:
        from trustjournal.services.insights import Insights
        from trustjournal.services.operations import Operations

        self._vault = vault
        self._clock = clock
        self.operations = OperationRunner(
            operations=Operations(vault=vault, clock=clock), events=events
        )
        self.insights = Insights(vault=vault, clock=clock)

    @property
    def vocabulary(self) -> VocabularyReader:
        """The word lists and prompts, to read (changes go through `operations`).

        Raises:
            VaultLockedError: if the vault is locked.
        """
        from trustjournal.services.operations import vocabulary_reader

        return vocabulary_reader(vault=self._vault, clock=self._clock)
