"""How pages plug into the main window: a page is a widget, a title, an icon and a shortcut.

Pages are built fresh from their factory after each unlock — the page shown at once, every
other one the first time it is needed — and taken apart when the journal locks; before that
they are asked to keep unfinished text as an encrypted draft. A page never built in a session
is never asked: its drafts stay in the vault until it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.icons import Icon

if TYPE_CHECKING:
    from trustjournal.core.entries import EntryKind
    from trustjournal.ui.session import Session


@runtime_checkable
class Page(Protocol):
    """What the shell asks of every built page around locking."""

    def restore_drafts(self) -> None:
        """Put back unfinished text saved by `stash_drafts` (called right after building)."""

    def stash_drafts(self) -> None:
        """Save unfinished editor text as encrypted drafts; the journal is still open."""

    def clear(self) -> None:
        """Drop every model and empty every widget; the journal is about to close."""


@runtime_checkable
class EntryOpener(Protocol):
    """A page that can open any entry in its editor (the Journal).

    When someone calls `session.events.request_open_entry(id)`, the main frame shows the first
    such page and calls its `open_entry`.
    """

    def open_entry(self, entry_id: int) -> bool:
        """Show the entry `entry_id` in the editor; False if there is no such live entry."""


@runtime_checkable
class EntryStarter(Protocol):
    """A page that can start a new entry of any kind (the Journal), through
    `session.events.request_new_entry(kind, fields)`."""

    def start_entry(self, kind: EntryKind, fields: dict[str, Any]) -> bool:
        """Show a new entry of `kind` with `fields` filled in; False if it could not."""


PageFactory = Callable[["Session"], QWidget]


@dataclass(frozen=True)
class PageAction:
    """A command of a page that works from anywhere in the main window.

    Triggering it shows the page, then calls the page's method `method` (no arguments),
    e.g. Ctrl+T shows Today and puts the cursor in the quick trigger log.
    """

    title: str
    shortcut: str  # a QKeySequence string such as "Ctrl+T"
    method: str


@dataclass(frozen=True)
class PageSpec:
    """One page of the side bar, and the commands it offers from anywhere."""

    key: str
    title: str
    icon: Icon
    shortcut: str  # a QKeySequence string such as "Ctrl+5"
    build: PageFactory
    actions: tuple[PageAction, ...] = ()
    # Built ahead of its shortcut, in turns of its own soon after unlock (a page whose widgets
    # take long to make), instead of when first shown; see MainFrame.prepare_pages.
    prepared: bool = False
    # For a prepared page: the modules its making imports, leaves first, imported one per
    # turn before it is made (the first time in a process they took 80 ms in one turn).
    modules: tuple[str, ...] = ()


class PageRegistry:
    """The pages of the main window, in side-bar order."""

    def __init__(self) -> None:
        self._specs: list[PageSpec] = []

    def register(self, spec: PageSpec) -> None:
        """Add a page.

        Raises:
            ValueError: if its key, its shortcut or one of its actions' shortcuts is taken.
        """
        taken = {s.shortcut for s in self._specs} | {
            a.shortcut for s in self._specs for a in s.actions
        }
        for known in self._specs:
            if known.key == spec.key:
                raise ValueError(
                    _("a page called {key!r} is already registered").format(key=spec.key)
                )
        for shortcut in (spec.shortcut, *(a.shortcut for a in spec.actions)):
            if shortcut in taken:
                raise ValueError(
                    _("the shortcut {shortcut} is already taken").format(shortcut=shortcut)
                )
        self._specs.append(spec)
        self._specs.sort(key=lambda s: s.shortcut)

    def specs(self) -> tuple[PageSpec, ...]:
        """All pages, in side-bar order (by shortcut, so Ctrl+1 comes first)."""
        return tuple(self._specs)
