"""The main window's menu bar while the journal is open: File, Edit and Go, nothing else.

Every entry reuses an action that already exists with its shortcut (Lock, Quit, the pages'
Ctrl+1…5), so no key is bound twice. Edit → Undo follows the page being shown: it is enabled
while that page offers something to undo (the Journal's deleted entry while its Undo bar is up,
Today's "I told them" while its Undo shows) and says what, in our words ("Undo delete"). It runs
the page's own undo, and only shows the page's key (Ctrl+Z) as a hint, because the page binds
that key itself and a second binding would make Qt call it ambiguous. Edit → Delete entry runs
the page's own Delete the same way (the Journal's acts on the entry shown in its editor). The
menus hold only our own words and page titles, never anything from the journal (S4).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.main_window import MainWindow
from trustjournal.ui.undo_offer import UndoOffer, offer_of

UNDO_TEXT = "&Undo"  # while the page shown has nothing to undo
DELETE_TEXT = "&Delete entry"
DELETE_NAME = "deleteEntry"  # the object name of a page's own Delete action


class DeleteEntry(QObject):
    """Edit → Delete entry runs the Delete of the page shown (the Journal's: the entry in its
    editor), enabled while that action is. The Delete key is the page's own; the menu shows it
    as a hint only, so it is not bound twice."""

    def __init__(self, *, action: QAction, frame: MainFrame, parent: QObject) -> None:
        super().__init__(parent)
        self._action = action
        self._frame = frame
        self._own: QAction | None = None
        action.triggered.connect(self._on_action_triggered)
        frame.page_changed.connect(self._on_frame_page_changed)
        self._on_frame_page_changed(frame.current_key)

    def _on_frame_page_changed(self, key: str | None) -> None:
        if self._own is not None:
            self._own.changed.disconnect(self.refresh)
        page = self._frame.page(key) if key is not None else None
        self._own = page.findChild(QAction, DELETE_NAME) if page is not None else None
        if self._own is not None:
            self._own.changed.connect(self.refresh)  # enabled with the entry shown
        self.refresh()

    def _page_action(self) -> QAction | None:
        return self._own

    def refresh(self, *_args: object) -> None:
        """Enabled while the page shown has something its Delete would act on."""
        own = self._page_action()
        hint = own.shortcut().toString(QKeySequence.SequenceFormat.NativeText) if own else ""
        self._action.setText(f"{DELETE_TEXT}\t{hint}" if hint else DELETE_TEXT)
        self._action.setEnabled(own is not None and own.isEnabled())

    def _on_action_triggered(self) -> None:
        own = self._page_action()
        if own is not None and own.isEnabled():
            own.trigger()
        self.refresh()


class UndoEntry(QObject):
    """Keeps Edit → Undo in step with the undo offer of the page being shown."""

    def __init__(self, *, action: QAction, frame: MainFrame, parent: QObject) -> None:
        super().__init__(parent)
        self._action = action
        self._frame = frame
        self._offer: UndoOffer | None = None
        action.triggered.connect(self._on_action_triggered)
        frame.page_changed.connect(self._on_frame_page_changed)
        self._follow(frame.current_key)

    def refresh(self) -> None:
        """Read the offer again: enabled and named while there is something to undo."""
        offer = self._offer
        available = offer is not None and offer.available()
        text = offer.text if offer is not None and available else UNDO_TEXT
        hint = offer.hint if offer is not None else ""
        self._action.setText(f"{text}\t{hint}" if hint else text)
        self._action.setEnabled(available)

    def _follow(self, key: str | None) -> None:
        if self._offer is not None:
            self._offer.changed.disconnect(self.refresh)
        self._offer = offer_of(self._frame.page(key)) if key is not None else None
        if self._offer is not None:
            self._offer.changed.connect(self.refresh)
        self.refresh()

    def _on_frame_page_changed(self, key: str) -> None:
        self._follow(key)

    def _on_action_triggered(self) -> None:
        if self._offer is not None:
            self._offer.undo()
        self.refresh()


def install_menus(window: MainWindow, frame: MainFrame) -> QMenuBar:
    """Give `window` a fresh menu bar for `frame` (replacing any earlier one)."""
    bar = QMenuBar(window)
    bar.setAccessibleName("Menu bar")

    file_menu = QMenu("&File", bar)
    file_menu.addAction(window.lock_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)

    edit_menu = QMenu("&Edit", bar)
    undo = QAction(UNDO_TEXT, edit_menu)
    undo.setObjectName("menuUndo")
    entry = UndoEntry(action=undo, frame=frame, parent=undo)
    edit_menu.aboutToShow.connect(entry.refresh)
    edit_menu.addAction(undo)
    delete = QAction(DELETE_TEXT, edit_menu)
    delete.setObjectName("menuDelete")
    deleting = DeleteEntry(action=delete, frame=frame, parent=delete)
    edit_menu.aboutToShow.connect(deleting.refresh)
    edit_menu.addAction(delete)

    go_menu = QMenu("&Go", bar)
    go_menu.addActions(frame.go_actions)
    if frame.page_actions:
        go_menu.addSeparator()
        go_menu.addActions(frame.page_actions)

    for menu in (file_menu, edit_menu, go_menu):
        bar.addMenu(menu)
    window.setMenuBar(bar)
    return bar


def remove_menus(window: MainWindow) -> None:
    """Take the menu bar away (the journal is locking): the unlock screen has none."""
    old = window.menuWidget()
    if old is None:
        return
    window.setMenuWidget(None)  # type: ignore[arg-type]  # Qt accepts none: no menu bar
    old.hide()
    old.deleteLater()
