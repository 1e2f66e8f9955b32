"""The main window's menu bar while the journal is open: File, Edit and Go, nothing else.

Every entry reuses an action that already exists with its shortcut (Lock, Quit, the pages'
Ctrl+1…5), so no key is bound twice. Edit → Undo and Redo follow the undo stack of the page
being shown (a QUndoGroup): enabled while it has something to undo or redo, and named by the
command, in our words ("Undo delete of the mood entry of Sat 14 Mar"). They only show the
page's keys (Ctrl+Z, Ctrl+Shift+Z) as hints, because the page binds them itself and a second
binding would make Qt call them ambiguous. Edit → Delete entry runs
the page's own Delete the same way (the Journal's acts on the entry shown in its editor). The
menus hold only our own words and page titles, never anything from the journal (S4).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMenu, QMenuBar

from trustjournal.core.i18n import N_, _
from trustjournal.ui.data.menu import add_data_actions
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.main_window import MainWindow
from trustjournal.ui.undo import OperationCommand, page_key_hint, undo_stack_of

# Marked here, translated where shown (the language may be chosen after import).
UNDO_TEXT = N_("&Undo")  # the command's own sentence instead, while the page shown has one
REDO_TEXT = N_("&Redo")
DELETE_TEXT = N_("&Delete entry")
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
        text = _(DELETE_TEXT)
        self._action.setText(f"{text}\t{hint}" if hint else text)
        self._action.setEnabled(own is not None and own.isEnabled())

    def _on_action_triggered(self) -> None:
        own = self._page_action()
        if own is not None and own.isEnabled():
            own.trigger()
        self.refresh()


class UndoRedo(QObject):
    """Keeps Edit → Undo and Redo on the undo stack of the page shown, through a QUndoGroup.

    Each names what it would do by the command's own words ("&Undo delete of the mood entry
    of Sat 14 Mar"). The pages bind the keys themselves; the entries show them as hints only.

    Attributes:
        group: the pages' undo stacks, the one of the page shown active.
    """

    def __init__(self, *, undo: QAction, redo: QAction, frame: MainFrame, parent: QObject) -> None:
        super().__init__(parent)
        self._undo = undo
        self._redo = redo
        self._frame = frame
        self._hints = ("", "")
        self.group = QUndoGroup(self)
        undo.triggered.connect(self.group.undo)
        redo.triggered.connect(self.group.redo)
        for signal in (
            self.group.canUndoChanged,
            self.group.undoTextChanged,
            self.group.canRedoChanged,
            self.group.redoTextChanged,
        ):
            signal.connect(self.refresh)
        frame.page_changed.connect(self._on_frame_page_changed)
        self._on_frame_page_changed(frame.current_key)

    def _on_frame_page_changed(self, key: str | None) -> None:
        page = self._frame.page(key) if key is not None else None
        stack = undo_stack_of(page) if page is not None else None
        if stack is not None and stack not in self.group.stacks():
            self.group.addStack(stack)
        self.group.setActiveStack(stack)  # type: ignore[arg-type]  # None: nothing to undo
        if page is not None:
            self._hints = (page_key_hint(page), page_key_hint(page, redo=True))
        else:
            self._hints = ("", "")
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Enabled, and named by the command, while the page shown can undo (redo) it."""
        group = self.group
        stack = group.activeStack()
        index = stack.index() if stack is not None else 0
        last = stack.command(index - 1) if stack is not None and group.canUndo() else None
        next_ = stack.command(index) if stack is not None and group.canRedo() else None
        for action, plain, can, command, redo, hint in (
            (self._undo, UNDO_TEXT, group.canUndo(), last, False, self._hints[0]),
            (self._redo, REDO_TEXT, group.canRedo(), next_, True, self._hints[1]),
        ):
            text = _(plain)
            if can and isinstance(command, OperationCommand):  # its whole sentence, translated
                text = command.words.redo if redo else command.words.undo
            action.setText(f"{text}\t{hint}" if hint else text)
            action.setEnabled(can)


def install_menus(window: MainWindow, frame: MainFrame) -> QMenuBar:
    """Give `window` a fresh menu bar for `frame` (replacing any earlier one)."""
    bar = QMenuBar(window)
    bar.setAccessibleName(_("Menu bar"))

    file_menu = QMenu(_("&File"), bar)
    add_data_actions(file_menu, session=frame.session, window=window)  # the person's own data
    file_menu.addSeparator()
    file_menu.addAction(window.lock_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)

    edit_menu = QMenu(_("&Edit"), bar)
    undo = QAction(_(UNDO_TEXT), edit_menu)
    undo.setObjectName("menuUndo")
    redo = QAction(_(REDO_TEXT), edit_menu)
    redo.setObjectName("menuRedo")
    undoing = UndoRedo(undo=undo, redo=redo, frame=frame, parent=undo)
    edit_menu.aboutToShow.connect(undoing.refresh)
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    delete = QAction(_(DELETE_TEXT), edit_menu)
    delete.setObjectName("menuDelete")
    deleting = DeleteEntry(action=delete, frame=frame, parent=delete)
    edit_menu.aboutToShow.connect(deleting.refresh)
    edit_menu.addAction(delete)

    go_menu = QMenu(_("&Go"), bar)
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
