"""Which screen the window shows, with a turn number that tells stale callbacks apart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from trustjournal.ui.main_window import MainWindow


class ScreenSwitch:
    """Puts screens in the window; each change starts a new turn.

    Work started for one screen (a key being derived, a code being prepared) reports back
    through `if_current`, so a result that arrives after the window moved on is dropped.
    """

    def __init__(self, *, window: MainWindow) -> None:
        self._window = window
        self._turn = 0

    @property
    def turn(self) -> int:
        """The current turn; it changes whenever another screen is shown."""
        return self._turn

    def show(self, widget: QWidget) -> int:
        """Show `widget` and return its turn."""
        self._turn += 1
        self._window.show_screen(widget)
        return self._turn

    def current(self) -> QWidget | None:
        """The screen the window shows."""
        return self._window.screen_widget()

    def if_current(self, turn: int, fn: Callable[[Any], object]) -> Callable[[Any], None]:
        """`fn`, but only while the screen of `turn` is still showing."""

        def call(value: Any) -> None:
            if turn == self._turn:
                fn(value)

        return call
