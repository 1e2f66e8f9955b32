"""An editor with its buttons: save (Ctrl+Enter), set aside (Esc), and autosave into a draft."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

from trustjournal.core.entries import Entry, EntryKind
from trustjournal.core.errors import EntryNotFoundError, UserFacingError, ValidationError
from trustjournal.core.serialize import to_dict
from trustjournal.core.wording import kind_label
from trustjournal.ui.editors.base import EditorRegistry, EntryEditor
from trustjournal.ui.session import Session
from trustjournal.ui.tab_order import tab_after
from trustjournal.ui.widgets.common import button, button_row, label

AUTOSAVE_MS = 1000  # a draft is written this long after typing stops


def read_only_text(entry: Entry) -> str:
    """Every field of an entry as plain lines, for kinds that have no editor yet."""
    moment = entry.occurred_at
    lines = [f"{moment:%A} {moment.day} {moment:%B %Y}, {moment:%H:%M}", ""]
    for name, value in to_dict(entry).items():
        skipped = {"id", "kind", "created_at", "updated_at", "occurred_at"}
        if name in skipped or value in (None, "", [], False):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        lines.append(f"{name.replace('_', ' ')}: {shown}")
    return "\n".join(lines)


class EditorPane(QWidget):
    """Shows one entry in its kind's editor (or read-only when its kind has no editor yet).

    Signals:
        saved(Entry): the entry was written to the vault.
        set_aside: Esc closed the editor; what was typed is kept as a draft.
    """

    saved = Signal(object)
    set_aside = Signal()

    def __init__(
        self,
        *,
        session: Session,
        editors: EditorRegistry,
        draft_key: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._editors = editors
        self._draft_key = draft_key
        self._by_kind: dict[EntryKind, EntryEditor] = {}
        self.editor: EntryEditor | None = None
        self.stack = QStackedWidget(self)
        self.read_only = QWidget(self)
        ro = QVBoxLayout(self.read_only)
        ro.setContentsMargins(0, 0, 0, 0)
        self.read_only_note = label("", role="hint")
        self.read_only_text = QPlainTextEdit(self.read_only)
        self.read_only_text.setReadOnly(True)
        ro.addWidget(self.read_only_note)
        ro.addWidget(self.read_only_text, 1)
        self.stack.addWidget(self.read_only)
        self.save_button = button("Save", primary=True)
        self.save_button.setToolTip("Save (Ctrl+Enter)")
        self.cancel_button = button("Set aside")
        self.cancel_button.setToolTip("Close and keep what you typed as a draft (Esc)")
        self.buttons = QWidget(self)
        self.buttons.setLayout(button_row(self.cancel_button, self.save_button))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        self.message = label("", role="error")
        self.message.hide()
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.stash)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)

    def _editor_for(self, kind: EntryKind) -> EntryEditor:
        found = self._by_kind.get(kind)
        if found is None:
            found = self._editors.create(kind, self._session, self)
            found.changed.connect(self.timer.start)
            self._by_kind[kind] = found
            self.stack.addWidget(found)
            # Made on demand, it would come last for Tab: put it back between read-only
            # text and the buttons, where it shows.
            tab_after(self.read_only, found)
            tab_after(found, self.buttons)
        return found

    def open(self, entry: Entry | None, kind: EntryKind = EntryKind.MOOD) -> None:
        """Show `entry` (None: a new entry of `kind`) in its editor, or read-only."""
        self.timer.stop()
        kind = entry.kind if entry is not None else kind
        if not self._editors.can_edit(kind):
            assert entry is not None
            self.editor = None
            self.read_only_note.setText(
                f"{kind_label(entry)} entries can be read here. Editing them in the app "
                "comes with their own editor; nothing is lost meanwhile."
            )
            self.read_only_text.setPlainText(read_only_text(entry))
            self.stack.setCurrentWidget(self.read_only)
            self.buttons.hide()
            return
        self.editor = self._editor_for(kind)
        self.editor.load(entry)
        self.stack.setCurrentWidget(self.editor)
        self.buttons.show()

    def save(self) -> Entry | None:
        """Validate and write the entry; None (and the message by its field) if it is not valid."""
        editor = self.editor
        if editor is None:
            return None
        try:
            entry = editor.entry()
        except ValidationError:
            return None
        repo = self._session.entries
        try:
            stored = repo.add(entry) if entry.id is None else repo.update(entry)
        except UserFacingError as error:
            self.stash()  # keep every word; the message says what went wrong
            self.message.setText(str(error))
            self.message.show()
            return None
        self.message.hide()
        self.timer.stop()
        self._session.drafts.delete(self._draft_key)
        editor.load(stored)
        self._session.events.notify({stored.kind.value})
        self.saved.emit(stored)
        return stored

    def cancel(self) -> None:
        """Keep what was typed as a draft and close (Esc)."""
        self.stash()
        self.set_aside.emit()

    def stash(self) -> None:
        """Write the open editor's text to the encrypted draft if it changed (autosave, lock)."""
        self.timer.stop()
        editor = self.editor
        if editor is not None and editor.is_dirty():
            self._session.drafts.save(
                self._draft_key, {"kind": editor.kind.value, "data": editor.draft()}
            )

    def has_draft(self) -> bool:
        """Whether unfinished text is waiting in the draft."""
        return self._session.drafts.load(self._draft_key) is not None

    def restore(self) -> bool:
        """Reopen the draft, if any, in its editor; False if there was none to restore."""
        draft: dict[str, Any] | None = self._session.drafts.load(self._draft_key)
        if not draft:
            return False
        kind = EntryKind(draft["kind"])
        data: dict[str, Any] = draft["data"]
        entry: Entry | None = None
        if data.get("id") is not None:
            try:
                entry = self._session.entries.get(int(data["id"]))
            except EntryNotFoundError:
                data = {**data, "id": None}
        self.open(entry, kind)
        if self.editor is not None:
            self.editor.restore_draft(data)
        self.timer.stop()
        return True

    def discard_draft(self) -> None:
        """Forget the draft (the person chose to start afresh)."""
        self._session.drafts.delete(self._draft_key)

    def clear(self) -> None:
        """Empty every editor (the journal is locking)."""
        self.timer.stop()
        for editor in self._by_kind.values():
            editor.load(None)
        self.read_only_text.clear()
