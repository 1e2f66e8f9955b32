"""The therapy session editor: with whom, what we worked on, what to remember, the next one."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from trustjournal.core.entries import Entry, EntryKind, TherapySession
from trustjournal.core.i18n import _
from trustjournal.ui.editors.fields import TimeField, text_box
from trustjournal.ui.editors.form_editor import FormEditor
from trustjournal.ui.session import Session

NEXT_AFTER = timedelta(days=7)  # a new next session is offered a week on; most are weekly


class NextSessionField(QWidget):
    """Whether the next session is known, and when it is (the time only counts when ticked).

    Signals are those of its parts: `known.toggled` and `time.dateTimeChanged`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(_("Booked"))
        self.known.setAccessibleName(_("The next session is booked"))
        self.time = TimeField(self)  # guards the wheel itself: scrolling past never changes it
        self.time.setAccessibleName(_("When the next session is"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.known)
        row.addWidget(self.time, 1)
        self.known.toggled.connect(self.time.setEnabled)
        self.time.setEnabled(False)

    def show_moment(self, moment: datetime | None, fallback: datetime) -> None:
        """Show `moment`, or `fallback` unticked when the next session is not known."""
        self.known.setChecked(moment is not None)
        self.time.set_moment(moment or fallback)
        self.time.setEnabled(moment is not None)

    def moment(self, base: datetime) -> datetime | None:
        """The next session as chosen, in `base`'s offset; None when not ticked."""
        return self.time.moment(base) if self.known.isChecked() else None


class SessionEditor(FormEditor):
    """With whom, what we worked on, what I want to remember, the next session, and the envelope."""

    kind = EntryKind.SESSION

    def __init__(
        self, *, session: Session, scrolled: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session=session, default_field="with_whom", scrolled=scrolled, parent=parent
        )
        self.with_whom = QLineEdit()
        self.with_whom.setPlaceholderText(_("Dr. Lee, our couples session…"))
        self.with_whom.setAccessibleName(_("With whom"))
        self.worked_on = text_box(
            _("What we worked on"), _("The themes, an exercise, what came up"), height=60
        )
        self.remember = text_box(
            _("What I want to remember"), _("A sentence, an insight, something to try"), height=60
        )
        self.next_session = NextSessionField()
        form = self.form
        form.row(_("With whom"), self.with_whom, "with_whom")
        form.row(_("Worked on"), self.worked_on, "worked_on")
        form.row(_("To remember"), self.remember, "remember")
        form.row(_("Next session"), self.next_session, "next_at")
        self.add_envelope_rows()
        self.watch(
            self.with_whom.textChanged,
            self.worked_on.textChanged,
            self.remember.textChanged,
            self.next_session.known.toggled,
            self.next_session.time.dateTimeChanged,
        )
        self.load(None)

    def _next_base(self) -> datetime:
        """The offset a next session is kept in: the one it had, else this moment's."""
        loaded = self._loaded
        if isinstance(loaded, TherapySession) and loaded.next_at is not None:
            return loaded.next_at
        return self._clock()

    def _load_fields(self, entry: Entry | None) -> None:
        loaded = entry if isinstance(entry, TherapySession) else None
        self.with_whom.setText(loaded.with_whom if loaded else "")
        self.worked_on.setPlainText(loaded.worked_on if loaded else "")
        self.remember.setPlainText(loaded.remember if loaded else "")
        when = loaded.occurred_at if loaded else self._clock()
        self.next_session.show_moment(loaded.next_at if loaded else None, when + NEXT_AFTER)

    def _fields(self) -> dict[str, Any]:
        return {
            "with_whom": self.with_whom.text(),
            "worked_on": self.worked_on.toPlainText(),
            "remember": self.remember.toPlainText(),
            "next_at": self.next_session.moment(self._next_base()),
        }

    def _draft_fields(self) -> dict[str, Any]:
        return {
            "with_whom": self.with_whom.text(),
            "worked_on": self.worked_on.toPlainText(),
            "remember": self.remember.toPlainText(),
            "next_known": self.next_session.known.isChecked(),
            "next_at": self.next_session.time.to_draft(),
        }

    def _restore_fields(self, draft: dict[str, Any]) -> None:
        self.with_whom.setText(str(draft.get("with_whom", "")))
        self.worked_on.setPlainText(str(draft.get("worked_on", "")))
        self.remember.setPlainText(str(draft.get("remember", "")))
        self.next_session.time.restore_draft(draft.get("next_at"))
        known = draft.get("next_known") is True
        self.next_session.known.setChecked(known)
        self.next_session.time.setEnabled(known)

    def focus_first(self) -> None:
        self.with_whom.setFocus()
