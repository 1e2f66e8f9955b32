"""The UI's side of the use cases: run one operation, then send the one change notice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from trustjournal.services.changes import Outcome
    from trustjournal.services.operations import Operations
    from trustjournal.store.exports import ExportLogRepository
    from trustjournal.store.vault import Vault
    from trustjournal.store.vocabulary import VocabularyItem
    from trustjournal.ui.events import JournalEvents
    from trustjournal.ui.tasks import Tasks

T = TypeVar("T")


class VocabularyReader(Protocol):
    """The vocabulary as widgets may read it; changes go through `Operations`."""

    def items(self, list_name: str, *, include_hidden: bool = False) -> list[VocabularyItem]: ...

    def prompts(self) -> list[str]: ...

    def emotion_families(self) -> list[tuple[str, list[str]]]: ...


class WordLists(VocabularyReader, Protocol):
    """The vocabulary as the editors' pickers use it: read, and add a word of one's own."""

    def add(self, list_name: str, name: str, *, family: str | None = None) -> VocabularyItem: ...


class SessionVocabulary:
    """The word lists for the editors: read from the vault; a word added is an operation.

    Adding runs `Operations.add_word` through the runner, so it is one transaction and is
    announced once, like every other change.
    """

    def __init__(self, *, reader: VocabularyReader, runner: OperationRunner) -> None:
        self._reader = reader
        self._runner = runner

    def items(self, list_name: str, *, include_hidden: bool = False) -> list[VocabularyItem]:
        """The words of a list, as the reader gives them."""
        return self._reader.items(list_name, include_hidden=include_hidden)

    def prompts(self) -> list[str]:
        """The gratitude prompts."""
        return self._reader.prompts()

    def emotion_families(self) -> list[tuple[str, list[str]]]:
        """Visible emotions by family."""
        return self._reader.emotion_families()

    def add(self, list_name: str, name: str, *, family: str | None = None) -> VocabularyItem:
        """Add a word of one's own to a list.

        Raises:
            ValidationError: for an empty name or one the list already has.
        """
        return self._runner.run(lambda ops: ops.add_word(list_name, name, family=family))


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

    def run_in_background(
        self,
        operation: Callable[[Operations], Outcome[T]],
        *,
        tasks: Tasks,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run a slow `operation` off the UI thread; back on it, announce its changes (even if
        whoever asked has gone since), then call `on_done` with its result."""

        def done(outcome: Outcome[T]) -> None:
            if outcome.changes:
                self._events.announce(outcome.changes)
            on_done(outcome.value)

        operations = self._operations
        tasks.run_in_background(lambda: operation(operations), done, on_error)


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
    def export_history(self) -> ExportLogRepository:
        """The summaries shared and when, to read (saving one goes through `operations`)."""
        from trustjournal.services.stores import export_history

        return export_history(vault=self._vault, clock=self._clock)

    @property
    def vocabulary(self) -> WordLists:
        """The word lists and prompts; a word added goes through `operations`.

        Raises:
            VaultLockedError: if the vault is locked.
        """
        from trustjournal.services.operations import vocabulary_reader

        reader = vocabulary_reader(vault=self._vault, clock=self._clock)
        return SessionVocabulary(reader=reader, runner=self.operations)
