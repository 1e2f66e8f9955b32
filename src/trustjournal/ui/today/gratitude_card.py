"""Today's gratitude card: the prompt of the day, a quick field, and what is still unshared."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from trustjournal.core.entries import About, GratitudeEntry
from trustjournal.core.errors import UserFacingError
from trustjournal.core.i18n import N_, _, pgettext
from trustjournal.services.changes import Changes, settings_only
from trustjournal.services.gratitude import prompt_of_the_day
from trustjournal.ui.editors.about_chooser import AboutChooser
from trustjournal.ui.editors.pane import AUTOSAVE_MS
from trustjournal.ui.session import Session
from trustjournal.ui.today.unshared import UnsharedList
from trustjournal.ui.widgets.common import button, card, label
from trustjournal.ui.widgets.fading import Confirmation

DRAFT_KEY = "today.gratitude"
SAVED = N_("Saved to your journal.")  # translated where shown


class QuickField(QLineEdit):
    """One line for a quick gratitude: Enter and Ctrl+Enter both save."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class GratitudeCard(QWidget):
    """The prompt of the day with "Another prompt", a quick field, and the unshared list."""

    def __init__(
        self,
        *,
        session: Session,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`undo_stack`: the page's, for "I told them" (without one the card keeps its own)."""
        super().__init__(parent)
        self._session = session
        self._prompts = session.services.vocabulary.prompts()
        self._day: date | None = None
        self._skip = 0  # prompts skipped today, this session
        # Controls are made without a parent and join Tab's chain as laid out: reading order.
        self.prompt = label("")
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.another = button(_("Another prompt"), flat=True)
        self.another.setToolTip(_("Show a different prompt"))
        self.field = QuickField()
        self.field.setPlaceholderText(_("What do you appreciate? Enter saves it."))
        self.field.setAccessibleName(_("Quick gratitude"))
        self.about = AboutChooser()
        self.about.set_value(About.PARTNER)
        self.use_prompt = QCheckBox(_("In answer to the prompt"))
        self.use_prompt.setChecked(True)
        self.save_button = button(_("Save"))
        self.save_button.setToolTip(_("Save (Enter)"))
        self.status = label("", role="good")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.confirmation = Confirmation(self.status, self)
        self.unshared = UnsharedList(session=session, undo_stack=undo_stack)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self._lay_out()
        self.another.clicked.connect(self.next_prompt)
        self.field.returnPressed.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.timer.timeout.connect(self.stash_drafts)
        self.field.textEdited.connect(self._on_edited)
        self.about.changed.connect(self.timer.start)
        self.use_prompt.toggled.connect(self.timer.start)
        session.events.changed.connect(self._on_changed)
        self.refresh()

    def _lay_out(self) -> None:
        frame, column = card(self)
        top = QHBoxLayout()
        top.addWidget(label(pgettext("heading of the Today card", "Gratitude"), role="heading"), 1)
        top.addWidget(self.another)
        column.addLayout(top)
        column.addWidget(self.prompt)
        entry = QHBoxLayout()
        entry.setSpacing(8)
        entry.addWidget(self.field, 1)
        entry.addWidget(self.save_button)
        column.addLayout(entry)
        column.addWidget(self.about)
        options = QHBoxLayout()
        options.setSpacing(12)
        options.addWidget(self.use_prompt)
        options.addWidget(self.status, 1)
        column.addLayout(options)
        column.addSpacing(6)
        column.addWidget(self.unshared)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    # --- prompt -----------------------------------------------------------------------------

    def prompt_text(self) -> str:
        """The prompt shown now."""
        return self.prompt.text()

    def next_prompt(self) -> None:
        """Show a different prompt (for the rest of this session)."""
        self._skip += 1
        self._show_prompt()
        self.timer.start()

    def _show_prompt(self) -> None:
        today = self._session.clock().date()
        if today != self._day:
            self._day, self._skip = today, 0
        text = prompt_of_the_day(self._prompts, today, skip=self._skip)
        self.prompt.setText(text)
        self.use_prompt.setVisible(bool(text))
        self.another.setVisible(len(self._prompts) > 1)

    # --- quick field ------------------------------------------------------------------------

    def focus_field(self) -> None:
        """Put the cursor in the quick field (Ctrl+G)."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.deselect()  # typing goes after what is there, never over it
        self.field.end(False)

    def save(self) -> GratitudeEntry | None:
        """Save what was typed as a gratitude entry; None (with a calm message) if not saved."""
        text = self.field.text()
        if not text.strip():
            self._say(_("Write a few words first; nothing was saved."), role="hint")
            return None
        prompt = self.prompt_text() if self.use_prompt.isChecked() else ""
        try:
            entry = GratitudeEntry(
                occurred_at=self._session.clock(),
                text=text,
                about=self.about.value(),
                prompt=prompt or None,
            )
            stored = self._session.services.operations.run(
                lambda ops: ops.add_entry(entry, draft_key=DRAFT_KEY)  # and its draft goes
            )
        except UserFacingError as error:
            self.stash_drafts()  # keep every word; the message says what went wrong
            self._say(str(error), role="error")
            return None
        self.timer.stop()
        self.field.clear()
        self.confirmation.confirm(_(SAVED))
        return stored

    def _say(self, text: str, *, role: str) -> None:
        self.confirmation.say(text, role=role)

    def _on_edited(self, _text: str) -> None:
        self.confirmation.clear()
        self.timer.start()

    # --- refresh and drafts -----------------------------------------------------------------

    def refresh(self) -> None:
        """Read the prompt for today and the unshared appreciations again."""
        if not self._session.is_open():
            return
        self._show_prompt()
        self.unshared.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not settings_only(changes):
            self.refresh()

    def draft(self) -> dict[str, Any]:
        """What is typed, chosen and shown now."""
        about = self.about.value()
        return {
            "text": self.field.text(),
            "about": about.value if about else None,
            "use_prompt": self.use_prompt.isChecked(),
            "skip": self._skip,
        }

    def stash_drafts(self) -> None:
        """Keep unfinished text as an encrypted draft (or forget an emptied one)."""
        self.timer.stop()
        if self.field.text():
            self._session.drafts.save(DRAFT_KEY, self.draft())
        else:
            self._session.drafts.delete(DRAFT_KEY)

    def restore_drafts(self) -> None:
        """Put unfinished text back, with the prompt it was shown with."""
        draft = self._session.drafts.load(DRAFT_KEY)
        if not draft:
            return
        self.field.setText(str(draft.get("text", "")))
        self.about.set_value(draft.get("about"))
        self.use_prompt.setChecked(bool(draft.get("use_prompt", True)))
        skip = draft.get("skip", 0)
        self._skip = skip if isinstance(skip, int) and skip >= 0 else 0
        self._show_prompt()
        self.timer.stop()

    def clear(self) -> None:
        """Empty the field and the list, and stop listening (the journal is locking)."""
        self.timer.stop()
        self._session.events.changed.disconnect(self._on_changed)
        self.field.clear()
        self.prompt.clear()
        self.unshared.clear()
