"""An editor with its buttons: save (Ctrl+Enter), set aside (Esc), and autosave into a draft.

The draft of the entry being edited is saved under the pane's draft key (so a lock or a crash
brings it back). Moving to another entry with `switch_to` keeps it under a key of that entry's
own, and it comes back the next time that entry is shown.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

from trustjournal.core.entries import Entry, EntryKind
from trustjournal.core.errors import EntryNotFoundError, UserFacingError, ValidationError
from trustjournal.core.i18n import _, format_date
from trustjournal.core.serialize import to_dict
from trustjournal.core.wording import kind_label
from trustjournal.ui.editors.autosave import BackgroundAutosave
from trustjournal.ui.editors.base import EntryEditor
from trustjournal.ui.editors.registry import EditorRegistry
from trustjournal.ui.session import Session
from trustjournal.ui.tab_order import tab_controls
from trustjournal.ui.widgets.common import button, button_row, label
from trustjournal.ui.widgets.fading import Confirmation

AUTOSAVE_MS = 1000  # a draft is written this long after typing stops


def read_only_text(entry: Entry) -> str:
    """Every field of an entry as plain lines, for kinds that have no editor yet."""
    moment = entry.occurred_at
    # Translators: a CLDR date pattern (EEEE weekday, d day, MMMM month, y year).
    day = format_date(moment.date(), _("EEEE d MMMM y"))
    lines = [f"{day}, {moment:%H:%M}", ""]
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
        saved(Entry): the entry was written to the vault (and `saved_text`, if any, shows
            by the buttons for a few seconds).
        edited(Entry, Entry): a saved entry was changed: as it was stored before, and now
            (after `saved`; for the page's Undo).
        set_aside: Esc closed the editor; what was typed is kept as a draft.
    """

    saved = Signal(object)
    edited = Signal(object, object)
    set_aside = Signal()

    def __init__(
        self,
        *,
        session: Session,
        editors: EditorRegistry,
        draft_key: str,
        saved_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._editors = editors
        self._draft_key = draft_key
        self._by_kind: dict[EntryKind, EntryEditor] = {}
        self.editor: EntryEditor | None = None
        self._shown: Entry | None = None  # the saved entry shown, editable or read-only
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
        self.save_button = button(_("Save"), primary=True)
        self.save_button.setToolTip(_("Save (Ctrl+Enter)"))
        self.cancel_button = button(_("Set aside"))
        self.cancel_button.setToolTip(_("Close and keep what you typed as a draft (Esc)"))
        self._saved_text = saved_text
        self.status = label("", role="good")
        self.confirmation = Confirmation(self.status, self)
        self.buttons = QWidget(self)
        row = button_row(self.cancel_button, self.save_button, stretch_first=False)
        row.insertWidget(0, self.status, 1)
        self.buttons.setLayout(row)
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
        self.timer.timeout.connect(self._on_timer_timeout)
        self._autosave = BackgroundAutosave(drafts=session.drafts, tasks=session.tasks)
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
            # Made after the buttons, it would come after them on Tab (and after whatever
            # the page made last): chain it in where the pane starts, then the buttons.
            # Every control that can take focus moves, not only today's Tab stops: a scale's
            # Tab stop is whichever number is chosen, and it must not be left behind.
            chain = [
                self.read_only_text,
                *tab_controls(found),
                self.cancel_button,
                self.save_button,
            ]
            for first, second in pairwise(chain):
                QWidget.setTabOrder(first, second)
        return found

    def open(self, entry: Entry | None, kind: EntryKind = EntryKind.MOOD) -> None:
        """Show `entry` (None: a new entry of `kind`) in its editor, or read-only."""
        self.timer.stop()
        self.confirmation.clear()
        self._shown = entry
        kind = entry.kind if entry is not None else kind
        if not self._editors.can_edit(kind):
            assert entry is not None
            self.editor = None
            self.read_only_note.setText(
                _(
                    "{kind} entries can be read here. Editing them in the app comes with their "
                    "own editor; nothing is lost meanwhile."
                ).format(kind=kind_label(entry))
            )
            self.read_only_text.setPlainText(read_only_text(entry))
            self.stack.setCurrentWidget(self.read_only)
            self.buttons.hide()
            return
        self.editor = self._editor_for(kind)
        self.editor.load(entry)
        self.stack.setCurrentWidget(self.editor)
        self.buttons.show()

    def shown_id(self) -> int | None:
        """The id of the saved entry shown (None for a new one, or when nothing is open)."""
        if self.editor is not None:
            return self.editor.loaded_id()
        return self._shown.id if self._shown is not None else None

    def _parked_key(self, entry_id: int | None, kind: EntryKind | None = None) -> str:
        """Where the draft of an entry waits while another one is shown.

        A new entry's draft waits under a key of its kind (a set-aside reflection and a new
        check-in never share one), except a check-in's, which keeps the key it always had.
        """
        if entry_id is not None:
            return f"{self._draft_key}.entry-{entry_id}"
        if kind is None or kind is EntryKind.MOOD:
            return f"{self._draft_key}.new"
        return f"{self._draft_key}.new-{kind.value}"

    def _parked_new(self, kind: EntryKind) -> tuple[str, dict[str, Any] | None]:
        """The key and draft of a new entry of `kind` waiting to be finished, if any."""
        drafts = self._session.drafts
        for key in dict.fromkeys((self._parked_key(None, kind), self._parked_key(None))):
            draft: dict[str, Any] | None = drafts.load(key)
            if draft is not None and draft.get("kind") == kind.value:
                return key, draft
        return self._parked_key(None, kind), None

    def switch_to(self, entry: Entry | None, kind: EntryKind | None = None) -> None:
        """Show `entry` (None: a new entry), keeping what was typed in the one shown before.

        Unsaved edits of the entry shown stay its draft, kept under its own key; if `entry`
        has such a draft, it is put back into the editor (and becomes the pane's draft again).
        A new entry of `kind` brings back the one of that kind set aside; with no kind, the
        new entry last set aside (or a check-in).
        """
        drafts = self._session.drafts
        self.stash()
        waiting: dict[str, Any] | None = drafts.load(self._draft_key)
        waiting_new: EntryKind | None = None
        if waiting is not None:
            data = waiting.get("data") or {}
            waiting_kind = EntryKind(waiting["kind"])
            if data.get("id") is None:
                waiting_new = waiting_kind
            drafts.move(self._draft_key, self._parked_key(data.get("id"), waiting_kind))
        draft: dict[str, Any] | None
        if entry is None:
            kind = kind or waiting_new or self._legacy_new_kind() or EntryKind.MOOD
            parked, draft = self._parked_new(kind)
        else:
            kind = entry.kind
            parked = self._parked_key(entry.id)
            draft = drafts.load(parked)
        self.open(entry, kind)
        editor = self.editor
        if draft is not None and editor is not None and editor.kind.value == draft["kind"]:
            drafts.move(parked, self._draft_key)
            editor.restore_draft(draft["data"])
            self.timer.stop()

    def _legacy_new_kind(self) -> EntryKind | None:
        """The kind of the new entry set aside under the check-in's key (as every kind's new
        draft once was), so that one comes back first."""
        draft: dict[str, Any] | None = self._session.drafts.load(self._parked_key(None))
        return EntryKind(draft["kind"]) if draft is not None else None

    def save(self) -> Entry | None:
        """Validate and write the entry; None (and the message by its field) if it is not valid."""
        editor = self.editor
        if editor is None:
            return None
        try:
            entry = editor.entry()
        except ValidationError:
            return None
        keys = [self._draft_key] + (
            [self._parked_key(None, entry.kind)] if entry.id is None else []
        )
        # A new session's homework lines become homework items in the same transaction.
        agreed = editor.homework_agreed() if entry.id is None else []
        self._autosave.invalidate()  # an autosave still to come must not outlive this save
        try:
            # One transaction: the entry is stored and its drafts forgotten, or neither.
            saved = self._session.services.operations.run(
                lambda ops: ops.save_entry(entry, draft_keys=keys, homework=agreed)
            )
        except UserFacingError as error:
            self.stash()  # keep every word; the message says what went wrong
            self.message.setText(str(error))
            self.message.show()
            return None
        stored = saved.after
        self.message.hide()
        self.timer.stop()
        editor.load(stored)
        self._shown = stored
        self.saved.emit(stored)
        if saved.before is not None:
            self.edited.emit(saved.before, stored)
        if self._saved_text:  # after `saved`: showing the entry again must not clear it
            self.confirmation.confirm(self._saved_text)
        return stored

    def cancel(self) -> None:
        """Keep what was typed as a draft and close (Esc)."""
        self.stash()
        self.set_aside.emit()

    def stash(self) -> None:
        """Write the open editor's text to the encrypted draft if it changed (Esc, lock)."""
        self.timer.stop()
        self._autosave.invalidate()
        editor = self.editor
        if editor is not None and editor.is_dirty():
            self._session.drafts.save(
                self._draft_key, {"kind": editor.kind.value, "data": editor.draft()}
            )

    def _on_timer_timeout(self) -> None:
        # A lock stashes every draft before it closes the journal; an autosave that comes due
        # after that (the timer raced the lock) has nothing left to keep and nowhere to write.
        # The write itself runs in the background: a long reflection takes longer than a frame.
        editor = self.editor
        if self._session.is_open() and editor is not None and editor.is_dirty():
            payload = {"kind": editor.kind.value, "data": editor.draft()}
            self._autosave.write(self._draft_key, payload, self._on_autosave_failed)

    def _on_autosave_failed(self, message: str) -> None:
        # Every word is still in the editor; the message says why it could not be kept.
        if message and self._session.is_open():
            self.message.setText(message)
            self.message.show()

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

    def draft_keys(self) -> list[str]:
        """Where drafts of what is shown are kept (to forget them with the entry's delete).

        An autosave still to come is dropped: the caller is about to forget these drafts.
        """
        self._autosave.invalidate()
        kind = self.editor.kind if self.editor is not None else None
        return [self._draft_key, self._parked_key(self.shown_id(), kind)]

    def clear(self) -> None:
        """Empty every editor (the journal is locking)."""
        self.timer.stop()
        self._autosave.invalidate()
        self._shown = None
        for editor in self._by_kind.values():
            editor.load(None)
        self.read_only_text.clear()
