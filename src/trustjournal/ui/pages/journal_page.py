"""The Journal page: every entry in one timeline, filters and search, an editor pane, undo."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.entries import Entry, EntryKind
from trustjournal.core.errors import EntryNotFoundError, SearchQueryError, UserFacingError
from trustjournal.core.i18n import N_, _
from trustjournal.core.wording import short_when
from trustjournal.services.operations import Saved
from trustjournal.store.search import search_terms
from trustjournal.ui.editors.fields import focus_chain, tab_stops
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.registry import EditorRegistry, default_editors
from trustjournal.ui.journal.delegate import TimelineDelegate
from trustjournal.ui.journal.filter_bar import FilterBar
from trustjournal.ui.journal.new_menu import NewEntryButton
from trustjournal.ui.journal.timeline_model import Role, TimelineModel
from trustjournal.ui.journal.timeline_view import TimelineView
from trustjournal.ui.journal.undo_bar import UndoBar
from trustjournal.ui.session import Session
from trustjournal.ui.undo import OperationCommand, delete_words, edit_words, page_undo_stack
from trustjournal.ui.widgets.common import button, label

DRAFT_KEY = "journal.editor"
WORDS_MIN_WIDTH = 120  # px: the hints and the Undo bar's words wrap below their natural width


def deleted_text(entry: Entry) -> str:  # noqa: PLR0911 - one sentence per kind, plainest
    """The Undo bar's words after a delete: the entry by kind and time, no journal text."""
    when = short_when(entry.occurred_at)  # "Sat 14 Mar, 02:30"
    if entry.kind is EntryKind.MOOD:
        return _("Mood entry of {when} moved to the bin.").format(when=when)
    if entry.kind is EntryKind.TRIGGER:
        return _("Trigger entry of {when} moved to the bin.").format(when=when)
    if entry.kind is EntryKind.REFLECTION:
        return _("Reflection of {when} moved to the bin.").format(when=when)
    if entry.kind is EntryKind.STATEMENT:
        return _("I statement of {when} moved to the bin.").format(when=when)
    if entry.kind is EntryKind.QUALITY_TIME:
        return _("Time together of {when} moved to the bin.").format(when=when)
    if entry.kind is EntryKind.SESSION:
        return _("Session entry of {when} moved to the bin.").format(when=when)
    return _("Gratitude entry of {when} moved to the bin.").format(when=when)


class ShownSide(QStackedWidget):
    """The splitter's right side, as wide at least as what it shows now (not its widest page):
    with the editor closed, the timeline and the Undo bar get the room at 800×600."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._on_current_changed)

    def _on_current_changed(self, _index: int) -> None:
        self.updateGeometry()  # the splitter asks for the new minimum

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        if shown is None:
            return super().minimumSizeHint()
        hint = shown.minimumSizeHint()  # a minimum set on the widget wins, as in Qt's layouts
        return QSize(shown.minimumWidth() or hint.width(), shown.minimumHeight() or hint.height())


SAVED = N_("Saved.")  # by the editor's buttons, after Save or Ctrl+Enter (translated there)


class JournalPage(QWidget):
    """The timeline of every entry, newest first, with the selected entry's editor beside it."""

    def __init__(
        self,
        *,
        session: Session,
        editors: EditorRegistry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.undo_stack = page_undo_stack(self)  # Ctrl+Z, Ctrl+Shift+Z; Edit → Undo, Redo
        self._undo_index = 0  # the stack's index last seen: the Undo bar shows as it grows
        self._editors = editors or default_editors(scrolled=True)
        self.delete_button, self.new_button, self.new_menu = self._top_buttons()
        self.filters = FilterBar(today=lambda: session.clock().date(), parent=self)
        self.search_error = label("", role="error")
        self.model = TimelineModel(entries=session.entries, parent=self)
        self.delegate = TimelineDelegate(self)
        self.view = TimelineView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.empty = label("", role="hint")
        self.pane = EditorPane(
            session=session,
            editors=self._editors,
            draft_key=DRAFT_KEY,
            saved_text=_(SAVED),
            parent=self,
        )
        self.placeholder = label(
            _("Choose an entry to read or edit it, or start a new check-in (Ctrl+N)."), role="hint"
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Wrapped words may take more lines, never more width: both sides of the splitter fit
        # 800×600 in longer languages too (Qt's guess for a wrapped label is wider).
        for words in (self.placeholder, self.empty):
            words.setMinimumWidth(WORDS_MIN_WIDTH)
        self.right = ShownSide(self)
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.pane)

        self.undo_bar = UndoBar(self)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        column.addWidget(self.empty)
        column.addWidget(self.undo_bar)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(label(_("Journal"), role="title", wrap=False))
        top.addStretch(1)
        top.addWidget(self.delete_button)
        top.addWidget(self.new_button)
        top.addWidget(self.new_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.search_error)
        self.search_error.hide()
        layout.addWidget(splitter, 1)

        self._wire()
        self.refresh()

    def _top_buttons(self) -> tuple[QPushButton, QPushButton, NewEntryButton]:
        # Made first, with the page as parent, so the buttons read first start Tab's chain
        # (setTabOrder moves only the second widget of each pair).
        delete = button(_("Delete"))
        delete.setParent(self)
        delete.setToolTip(_("Move the entry shown to the bin (Delete)"))
        delete.setEnabled(False)
        new = button(_("&New check-in"))
        new.setParent(self)
        new.setToolTip(_("Start a new mood check-in (Ctrl+N)"))
        menu = NewEntryButton(can_edit=self._editors.can_edit, parent=self)
        return delete, new, menu

    def _order_tabs(self) -> None:
        # Tab follows reading order: the buttons at the top, the filters, the timeline, then
        # the editor (the pane chains each editor in after itself, then its own buttons).
        chain = [
            self.delete_button,
            self.new_button,
            self.new_menu,
            *tab_stops(self.filters, focus_chain(self)),
            self.view,
            self.undo_bar.button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _wire(self) -> None:
        self._order_tabs()
        entries = self._session.entries
        self.filters.tag.provider = lambda: [name for name, _uses in entries.tags()]
        self.filters.category.provider = self._session.services.insights.category_choices
        self._action(_("Find"), QKeySequence.StandardKey.Find, self.focus_search)
        self._action(_("New check-in"), QKeySequence.StandardKey.New, self.new_check_in)
        self._action(_("New entry"), QKeySequence("Ctrl+Shift+N"), self.new_menu.showMenu)
        self.new_menu.chosen.connect(self.new_entry)
        self.delete_action = QAction(_("Delete entry"), self.view)
        self.delete_action.setObjectName("deleteEntry")  # Edit → Delete entry runs it
        self.delete_action.setEnabled(False)
        self.delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.view.addAction(self.delete_action)

        self.filters.changed.connect(self.refilter)
        self.view.activated.connect(self._open_index)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.new_button.clicked.connect(self.new_check_in)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_bar.button.clicked.connect(self.undo)
        self.pane.saved.connect(self._on_saved)
        self.pane.edited.connect(self._on_pane_edited)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self.pane.set_aside.connect(self._close_editor)
        self._session.events.changed.connect(self._on_changed)

    def _action(
        self, text: str, keys: QKeySequence | QKeySequence.StandardKey, slot: object
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # --- timeline -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read tags and timeline again, keeping the current entry if it is still shown."""
        if not self._session.is_open():
            return
        self.refilter()

    def refilter(self) -> None:
        """Show the entries the filter bar asks for."""
        if not self._session.is_open():
            return
        query = self.filters.query()
        current = self.shown_id()
        try:
            self.delegate.terms = search_terms(query.search) if query.search else []
            self.model.set_query(query)
        except (SearchQueryError, UserFacingError) as error:
            self.search_error.setText(str(error))
            self.search_error.show()
            return
        self.search_error.hide()
        if self.model.rowCount() == 0:
            self.empty.setText(
                _("Nothing matches these filters.")
                if query != type(query)()
                else _("Your journal is empty. A first check-in takes ten seconds (Ctrl+N).")
            )
            self.empty.show()
        else:
            self.empty.hide()
        if current is not None:
            self.select_id(current)

    def current_id(self) -> int | None:
        """The id of the selected entry (the one shown in the editor, when its row is listed)."""
        index = self.view.currentIndex()
        if not index.isValid() or index.data(Role.IS_HEADER):
            return None
        if not self.view.selectionModel().isSelected(index):
            return None
        return int(index.data(Role.ID))

    def shown_id(self) -> int | None:
        """The id of the saved entry the editor shows, or None (nothing open, or a new one)."""
        if self.right.currentWidget() is not self.pane:
            return None
        return self.pane.shown_id()

    def select_id(self, entry_id: int) -> bool:
        """Select an entry's row (reading the index further if needed); False if not shown.

        Selecting a row shows its entry in the editor (see `_on_selection_changed`).
        """
        row = self.model.find_row(entry_id)
        if row < 0:
            return False
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)
        return True

    def _on_selection_changed(self, *_args: object) -> None:
        # The row selected and the entry in the editor are one thing: a click, an arrow key,
        # Home/End or Page Up/Down shows the entry, keeping what was typed in the one before
        # as its draft. Focus stays in the list, so the arrows keep moving.
        selected = self.view.selectionModel().selectedIndexes()
        if selected and not selected[0].data(Role.IS_HEADER):
            index = selected[0]
            entry_id = int(index.data(Role.ID))
            if self.shown_id() != entry_id:
                self._show_in_pane(self.model.entry(index.row()), focus=False)
        self._show_delete_state()

    def _show_delete_state(self) -> None:
        shown = self.shown_id() is not None
        self.delete_button.setEnabled(shown)
        self.delete_action.setEnabled(shown)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid() and not index.data(Role.IS_HEADER):
            self.open_entry_row(index.row())

    def open_entry_row(self, row: int) -> None:
        """Open the entry in `row` in the editor pane, with the cursor in its first field."""
        entry = self.model.entry(row)
        if self.shown_id() != entry.id:
            self._show_in_pane(entry, focus=False)
        if entry.id is not None:
            self.select_id(entry.id)
        if self.pane.editor is not None:
            self.pane.editor.focus_first()

    def _show_in_pane(
        self, entry: Entry | None, *, kind: EntryKind = EntryKind.MOOD, focus: bool = True
    ) -> None:
        self.pane.switch_to(entry, kind)
        self.right.setCurrentWidget(self.pane)
        self._show_delete_state()
        if focus and self.pane.editor is not None:
            self.pane.editor.focus_first()

    def open_entry(self, entry_id: int) -> bool:
        """Open an entry in the editor (how other pages open one: `events.request_open_entry`).

        Its row is selected if the filters show it; the filters are never changed, and an
        entry they hide opens all the same. False, changing nothing, if it is not a live entry.
        """
        editor = self.pane.editor
        if self.right.currentWidget() is self.pane and editor and editor.loaded_id() == entry_id:
            editor.focus_first()  # already open: keep what is being typed
            return True
        if self.select_id(entry_id):
            self.open_entry_row(self.view.currentIndex().row())
            return True
        try:
            if self._session.entries.is_deleted(entry_id):
                return False
            entry = self._session.entries.get(entry_id)
        except EntryNotFoundError:
            return False
        self.view.selectionModel().clearSelection()  # no row stands for it
        self._show_in_pane(entry)
        return True

    def new_check_in(self) -> None:
        """Open a new mood check-in (bringing back a set-aside one)."""
        self.new_entry(EntryKind.MOOD)

    def new_entry(self, kind: EntryKind) -> None:
        """Open a new entry of `kind` (bringing back the one of that kind set aside)."""
        self.view.selectionModel().clearSelection()  # no row stands for it
        self.pane.switch_to(None, kind)
        self.right.setCurrentWidget(self.pane)
        self._show_delete_state()
        if self.pane.editor is not None:
            self.pane.editor.focus_first()

    def start_entry(self, kind: EntryKind, fields: dict[str, Any]) -> bool:
        """Open a new `kind` entry with `fields` filled in (how other pages and editors start
        one: `events.request_new_entry`), keeping what was typed in the entry shown before.

        A new entry of the same kind set aside earlier comes back first instead, untouched, so
        that nothing typed is lost (other kinds wait under their own drafts); False then, and
        when there is no editor for `kind`.
        """
        if not self._editors.can_edit(kind):
            return False
        self.view.selectionModel().clearSelection()  # no row stands for it
        self._show_in_pane(None, kind=kind, focus=False)
        editor = self.pane.editor
        if editor is None or editor.kind is not kind or editor.is_dirty():
            if editor is not None:
                editor.focus_first()
            return False
        if fields:
            editor.restore_draft({**editor.draft(), **fields})
            editor.changed.emit()  # kept as a draft like anything typed
        editor.focus_first()
        return True

    def focus_search(self) -> None:
        """Put the cursor in the search field (Ctrl+F)."""
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def _close_editor(self) -> None:
        # Nothing is shown, so no row stays selected; the current row stays for the arrows.
        self.right.setCurrentWidget(self.placeholder)
        self.view.selectionModel().clearSelection()
        self._show_delete_state()
        self.view.setFocus()

    def _on_saved(self, entry: object) -> None:
        entry_id = getattr(entry, "id", None)
        if isinstance(entry_id, int):
            self.select_id(entry_id)

    def _on_changed(self, _kinds: frozenset[str]) -> None:
        self.refresh()

    # --- delete and undo ------------------------------------------------------------------------

    def delete_selected(self) -> None:
        """Move the entry shown in the editor to the bin, with Undo for ten seconds (and Ctrl+Z).

        It is the entry the person sees (its row is the one selected); with nothing shown,
        nothing is deleted. The next entry in the list is shown after it.
        """
        entry_id = self.shown_id()
        if entry_id is None:
            return
        row = self.model.row_of(entry_id)
        keys = self.pane.draft_keys()
        try:
            entry = self._session.services.operations.run(
                lambda ops: ops.delete_entry(entry_id, draft_keys=keys)  # and its drafts go
            )
        except UserFacingError:  # deleted elsewhere meanwhile (or unwritable): nothing moved
            return
        self.pane.open(None)  # the editor no longer holds the entry's words
        self._close_editor()
        self.undo_stack.push(
            OperationCommand(
                delete_words(entry),
                runner=self._session.services.operations,
                redo_op=lambda ops: ops.delete_entry(entry_id),
                undo_op=lambda ops: ops.undelete_entry(entry_id),
                after=lambda _entry: self._on_deleted_again(entry_id),
                after_undo=lambda _entry: self._show_brought_back(entry_id),
                offer=deleted_text(entry),
            )
        )
        if row >= 0:
            next_row = min(row, self.model.rowCount() - 1)
            while 0 <= next_row < self.model.rowCount() and self.model.is_header(next_row):
                next_row += 1
            if 0 <= next_row < self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(next_row))
        self.view.setFocus()

    def undo(self) -> None:
        """Undo the last change on this page (the Undo bar, Edit → Undo, Ctrl+Z)."""
        self.undo_stack.undo()

    def redo(self) -> None:
        """Do again what Undo took back (Edit → Redo, Ctrl+Shift+Z)."""
        self.undo_stack.redo()

    def _on_deleted_again(self, entry_id: int) -> None:
        if self.shown_id() == entry_id:
            self.pane.open(None)
            self._close_editor()

    def _show_brought_back(self, entry_id: int) -> None:
        if not self.select_id(entry_id):
            self.open_entry(entry_id)
        self.view.setFocus()

    def _on_pane_edited(self, before: object, after: object) -> None:
        if not isinstance(before, Entry) or not isinstance(after, Entry):
            return
        self.undo_stack.push(
            OperationCommand(
                edit_words(before),
                runner=self._session.services.operations,
                redo_op=lambda ops: ops.save_entry(after),
                undo_op=lambda ops: ops.save_entry(before),
                after=self._show_saved_again,
                after_undo=self._show_saved_again,
            )
        )

    def _show_saved_again(self, saved: Saved) -> None:
        # The editor shows the entry as it now is, unless something is being typed into it.
        entry = saved.after
        editor = self.pane.editor
        if self.shown_id() == entry.id and (editor is None or not editor.is_dirty()):
            self.pane.open(entry)
        if entry.id is not None:
            self.select_id(entry.id)

    def _on_undo_stack_index_changed(self, index: int) -> None:
        # The bar offers Undo right after a change that has words for it (a delete, done or
        # done again); any other step of the stack takes it away.
        grew, self._undo_index = index > self._undo_index, index
        command = self.undo_stack.command(index - 1) if grew else None
        offer = getattr(command, "offer", "")
        if offer:
            self.undo_bar.offer(offer)
        else:
            self.undo_bar.withdraw()

    # --- Page protocol --------------------------------------------------------------------------

    def restore_drafts(self) -> None:
        """Reopen the editor's draft after a lock or a crash."""
        if self.pane.restore():
            self.right.setCurrentWidget(self.pane)
            shown = self.pane.shown_id()
            if shown is not None:
                self.select_id(shown)
            self._show_delete_state()

    def stash_drafts(self) -> None:
        """Keep the open editor's text as an encrypted draft."""
        if self.right.currentWidget() is self.pane:
            self.pane.stash()

    def clear(self) -> None:
        """Forget every entry and empty the editor."""
        self._session.events.changed.disconnect(self._on_changed)
        self.pane.clear()
        self.model.clear()
        self.filters.search.clear()
        self.filters.search_timer.stop()
        self.undo_stack.clear()
        self._undo_index = 0
        self.undo_bar.withdraw()
