"""One vocabulary list in Settings (trigger categories, ways of coping, own emotions): add,
rename, hide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.entries import MAX_NAME
from trustjournal.core.errors import UserFacingError
from trustjournal.core.i18n import N_, _
from trustjournal.store.vocabulary import VocabularyItem, VocabularyList
from trustjournal.ui.session import Session
from trustjournal.ui.widgets.common import button, label

HIDDEN_MARK = N_(" — hidden")


class VocabularyListEditor(QWidget):
    """One list of names, shipped ones and the person's own, with add, rename and hide.

    With `own_only`, only the person's own names are listed (emotions: the shipped ones are
    many, and it is one's own words that need a place to be renamed or hidden); `empty` is
    said while there are none.
    """

    def __init__(
        self,
        *,
        session: Session,
        kind: VocabularyList,
        title: str,
        placeholder: str,
        own_only: bool = False,
        empty: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._kind = kind
        self._own_only = own_only
        self._services = session.services
        self._renaming: str | None = None  # the name being renamed, if any
        self.title = title
        self.list = QListWidget(self)
        self.list.setAccessibleName(title)
        self.list.setMinimumHeight(120 if own_only else 220)
        self.empty = label(empty, role="hint")
        self.empty.hide()
        self.rename_button = button(_("Rename…"))
        self.rename_button.setToolTip(_("Give the chosen name a new spelling (F2)"))
        self.hide_button = button(_("Hide"))
        self.field = QLineEdit(self)
        self.field.setMaxLength(MAX_NAME)
        self.field.setPlaceholderText(placeholder)
        self.field.setAccessibleName(_("Name"))
        self.save_button = button(_("Add"))
        self.cancel_button = button(_("Cancel"))
        self.cancel_button.hide()
        self.renaming_note = label("", role="hint")
        self.renaming_note.hide()
        self.error = label("", role="error")
        self.error.hide()
        self.status = label("", role="good")
        self.status.hide()
        self._lay_out()
        self._wire()
        self.reload()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        chosen = QHBoxLayout()
        chosen.setSpacing(10)
        chosen.addWidget(self.rename_button)
        chosen.addWidget(self.hide_button)
        chosen.addStretch(1)
        layout.addLayout(chosen)
        layout.addSpacing(6)
        layout.addWidget(self.renaming_note)
        layout.addWidget(self.field)  # a row of its own: a name may be 80 characters long
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.status)

    def _wire(self) -> None:
        rename = QAction(_("Rename"), self.list)
        rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
        rename.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        rename.triggered.connect(self.start_rename)
        self.list.addAction(rename)
        escape = QAction(_("Cancel renaming"), self.field)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self.cancel_rename)
        self.field.addAction(escape)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.rename_button.clicked.connect(self.start_rename)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.save_button.clicked.connect(self.save)
        self.field.returnPressed.connect(self.save)
        self.field.textEdited.connect(self._on_field_text_edited)
        self.cancel_button.clicked.connect(self.cancel_rename)

    # --- reading --------------------------------------------------------------------------------

    def items(self) -> list[VocabularyItem]:
        """Every name of the list as shown, hidden ones included."""
        every = self._services.vocabulary.items(self._kind.value, include_hidden=True)
        return [item for item in every if not item.shipped] if self._own_only else every

    def reload(self, select: str | None = None) -> None:
        """Read the list again, keeping (or moving to) the chosen name."""
        if not self._session.is_open():
            return
        keep = select if select is not None else self.current_name()
        self.list.clear()
        muted = self.palette().color(self.palette().ColorRole.PlaceholderText)
        for item in self.items():
            row = QListWidgetItem(item.name + (_(HIDDEN_MARK) if item.hidden else ""))
            row.setData(Qt.ItemDataRole.UserRole, item.name)
            row.setData(Qt.ItemDataRole.UserRole + 1, item.hidden)
            if item.hidden:
                row.setForeground(muted)
            if item.description:  # shipped text only; own names have none (S6)
                row.setToolTip(item.description)
            self.list.addItem(row)
            if keep is not None and item.name.casefold() == keep.casefold():
                self.list.setCurrentItem(row)
        self.empty.setVisible(bool(self.empty.text()) and self.list.count() == 0)
        self._show_chosen()

    def current_name(self) -> str | None:
        """The chosen name (without the hidden mark)."""
        row = self.list.currentItem()
        return None if row is None else str(row.data(Qt.ItemDataRole.UserRole))

    def _current_hidden(self) -> bool:
        row = self.list.currentItem()
        return row is not None and bool(row.data(Qt.ItemDataRole.UserRole + 1))

    def _show_chosen(self) -> None:
        chosen = self.current_name() is not None
        self.rename_button.setEnabled(chosen)
        self.hide_button.setEnabled(chosen)
        self.hide_button.setText(_("Show again") if self._current_hidden() else _("Hide"))

    # --- changing -------------------------------------------------------------------------------

    def save(self) -> None:
        """Add the name in the field, or give the name being renamed this spelling."""
        if not self._session.is_open():
            return
        name, kind, old = self.field.text(), self._kind.value, self._renaming
        run = self._services.operations.run
        try:
            if old is None:
                added = run(lambda ops: ops.add_word(kind, name))
                done, select = _("Added “{word}”.").format(word=added.name), added.name
            else:
                run(lambda ops: ops.rename_word(kind, old, name))
                select = " ".join(name.split())
                done = _("Renamed to “{word}”. Records written before keep the old words.").format(
                    word=select
                )
        except UserFacingError as error:
            self._say_error(str(error))
            return
        self._end_rename()
        self.field.clear()
        self._changed(done, select)

    def start_rename(self) -> None:
        """Put the chosen name in the field to be given a new spelling (F2)."""
        name = self.current_name()
        if name is None:
            return
        self._renaming = name
        self.renaming_note.setText(_("A new spelling for “{word}”:").format(word=name))
        self.renaming_note.show()
        self.save_button.setText(_("Save new name"))
        self.cancel_button.show()
        self.field.setText(name)
        self.field.selectAll()
        self.field.setFocus()
        self.error.hide()

    def cancel_rename(self) -> None:
        """Leave the name as it was (Esc in the field)."""
        if self._renaming is not None:
            self._end_rename()
            self.field.clear()
            self.list.setFocus()

    def _end_rename(self) -> None:
        self._renaming = None
        self.renaming_note.hide()
        self.save_button.setText(_("Add"))
        self.cancel_button.hide()
        self.error.hide()

    def toggle_hidden(self) -> None:
        """Hide the chosen name from the choices, or show a hidden one again."""
        name = self.current_name()
        if name is None or not self._session.is_open():
            return
        hide, kind = not self._current_hidden(), self._kind.value
        try:
            self._services.operations.run(lambda ops: ops.hide_word(kind, name, hidden=hide))
        except UserFacingError as error:
            self._say_error(str(error))
            return
        done = (
            _("“{word}” is hidden. Records that use it keep it.").format(word=name)
            if hide
            else _("“{word}” is offered again.").format(word=name)
        )
        self._changed(done, name)

    def _changed(self, done: str, select: str) -> None:
        self.error.hide()
        self.status.setText(done)
        self.status.show()
        self.reload(select)  # the operation has announced the change to the other lists

    def _say_error(self, message: str) -> None:
        self.status.hide()
        self.error.setText(message)
        self.error.show()
        self.field.setFocus()

    def _on_field_text_edited(self, _text: str) -> None:
        self.error.hide()
        self.status.hide()

    def _on_list_current_item_changed(self, *_items: object) -> None:
        self._show_chosen()

    def clear(self) -> None:
        """Empty the list and the field; the journal is about to close."""
        self._end_rename()
        self.list.clear()
        self.field.clear()
        self.status.hide()
