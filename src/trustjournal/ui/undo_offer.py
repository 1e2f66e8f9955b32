"""What a page could undo right now, as Edit → Undo shows it: neutral words, never journal text."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QWidget


class UndoOffer(QObject):
    """A page's undo as the menu bar sees it: whether there is something to undo, and doing it.

    A page's factory attaches one to the page as a direct child; the menu bar follows the offer
    of the page being shown (`offer_of`). The words are ours ("&Undo delete"), never the text
    of what would come back (S4).

    Signals:
        changed: `available()` may have changed (re-read it).
    """

    changed = Signal()

    def __init__(
        self,
        *,
        text: str,
        hint: str,
        available: Callable[[], bool],
        run: Callable[[], None],
        triggers: Iterable[SignalInstance],
        parent: QWidget,
    ) -> None:
        """Offer `run` as "`text`" while `available()` holds.

        Args:
            text: the menu entry's words while there is something to undo, e.g. "&Undo delete".
            hint: the page's own key for the same undo as the platform writes it (shown beside
                the entry, not bound again), or "" if the page has none.
            available: whether there is something to undo now.
            run: undoes it.
            triggers: signals after which `available()` may answer differently.
            parent: the page.
        """
        super().__init__(parent)
        self.text = text
        self.hint = hint
        self._available = available
        self._run = run
        for signal in triggers:
            signal.connect(self._on_trigger_fired)

    def available(self) -> bool:
        """Whether there is something to undo now."""
        return self._available()

    def undo(self) -> None:
        """Undo it, if there is still something to undo."""
        if self._available():
            self._run()

    def _on_trigger_fired(self, *_args: object) -> None:
        self.changed.emit()


def offer_of(page: QWidget) -> UndoOffer | None:
    """The undo offer attached to `page`, if its factory attached one."""
    return page.findChild(UndoOffer, "", Qt.FindChildOption.FindDirectChildrenOnly)
