"""The main frame in the window: its pages, its menus, and the page to come back to.

It knows sessions, never vaults. The frame and menu modules load with the first frame shown
(the controller preloads them while the key is derived), not when the shell is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trustjournal.ui.main_window import MainWindow
from trustjournal.ui.pages.registry import PageRegistry

if TYPE_CHECKING:
    from trustjournal.ui.main_frame import MainFrame
    from trustjournal.ui.session import Session


class WindowFrame:
    """Builds the main frame for a session and takes it down again when the journal locks."""

    def __init__(self, *, window: MainWindow, pages: PageRegistry) -> None:
        self._window = window
        self._pages = pages
        self._frame: MainFrame | None = None
        self._last_page: str | None = None

    @property
    def frame(self) -> MainFrame | None:
        """The main frame while the journal is open and showing."""
        return self._frame

    def build(self, session: Session) -> MainFrame:
        """The frame for `session`, with the page they were on before locking (only that one
        is built now); the caller shows it, then calls `install_menus`."""
        from trustjournal.ui.main_frame import MainFrame

        self._frame = MainFrame(specs=self._pages.specs(), session=session, first=self._last_page)
        return self._frame

    def install_menus(self) -> None:
        """The menus that act on the frame's pages."""
        from trustjournal.ui.menus import install_menus

        assert self._frame is not None
        install_menus(self._window, self._frame)

    def show_page(self, key: str) -> bool:
        """Show a page of the frame (False when there is no frame or no such page)."""
        return self._frame is not None and self._frame.show_page(key)

    def take_down(self) -> None:
        """Remove the menus, save drafts and empty every widget; remembers the page shown."""
        frame, self._frame = self._frame, None
        if frame is None:
            return
        from trustjournal.ui.menus import remove_menus  # loaded with the frame

        remove_menus(self._window)
        self._last_page = frame.current_key
        frame.stash_and_clear()
