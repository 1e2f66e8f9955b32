"""The therapy session editor: with whom, what we worked on, what to remember, homework agreed,
the next one."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from trustjournal.core.entries import Entry, EntryKind, TherapySession
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.services.session_homework import (
    agreed_homework,
    agreed_titles,
    homework_of_session,
)
from trustjournal.ui.editors.fields import TimeField, text_box
from trustjournal.ui.editors.form_editor import FormEditor
from trustjournal.ui.session import Session
from trustjournal.ui.widgets.common import label

NEXT_AFTER = timedelta(days=7)  # a new next session is offered a week on; most are weekly


class NextSessionField(QWidget):
    """Whether the next session is known, and when it is (the time only counts when ticked).

    Signals are those of its parts: `known.toggled` and `time.dateTimeChanged`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Made with its parent before the date, so Tab reaches the box first, then the date.
        self.known = QCheckBox(_("Booked"), self)
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


class AgreedHomework(QWidget):
    """Homework agreed in the session: one per line for a new session (each becomes a homework
    item as it is saved); for a saved one, the items made then, to read (edited on Today)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = text_box(
            _("Homework agreed, one per line"),
            _("One per line: what you agreed to try before the next session"),
            height=60,
        )
        self.titles = label()
        self.titles.setAccessibleName(_("Homework agreed in this session"))
        self.note = label(_("Edit these on Today."), role="hint")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.lines)
        column.addWidget(self.titles)
        column.addWidget(self.note)
        self.show_saved(None)

    def show_saved(self, titles: list[str] | None) -> None:
        """Lines to type (None: a new session), or the titles agreed in a saved one."""
        typing = titles is None
        self.lines.setVisible(typing)
        self.titles.setVisible(not typing)
        self.note.setVisible(bool(titles))
        if titles:
            self.titles.setText("\n".join(f"• {title}" for title in titles))
        else:
            self.titles.setText(_("No homework was agreed in this session."))


class SessionEditor(FormEditor):
    """With whom, what we worked on, what I want to remember, the next session, and the envelope."""

    kind = EntryKind.SESSION

    def __init__(
        self, *, session: Session, scrolled: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session=session, default_field="with_whom", scrolled=scrolled, parent=parent
        )
        self._session = session
        self.with_whom = QLineEdit()
        self.with_whom.setPlaceholderText(_("Dr. Lee, our couples session…"))
        self.with_whom.setAccessibleName(_("With whom"))
        self.worked_on = text_box(
            _("What we worked on"), _("The themes, an exercise, what came up"), height=60
        )
        self.remember = text_box(
            _("What I want to remember"), _("A sentence, an insight, something to try"), height=60
        )
        self.agreed = AgreedHomework()
        self.next_session = NextSessionField()
        form = self.form
        form.row(_("With whom"), self.with_whom, "with_whom")
        form.row(_("Worked on"), self.worked_on, "worked_on")
        form.row(_("To remember"), self.remember, "remember")
        form.row(_("Homework agreed"), self.agreed, "homework")
        form.row(_("Next session"), self.next_session, "next_at")
        self.add_envelope_rows()
        self.watch(
            self.with_whom.textChanged,
            self.worked_on.textChanged,
            self.remember.textChanged,
            self.agreed.lines.textChanged,
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
        self.agreed.lines.setPlainText("")
        self.agreed.show_saved(self._agreed_titles(loaded))

    def _agreed_titles(self, loaded: TherapySession | None) -> list[str] | None:
        """The titles of the homework agreed in a saved session (None for a new one)."""
        if loaded is None or loaded.id is None:
            return None
        session = self._session
        items = homework_of_session(vault=session.vault, clock=session.clock, session_id=loaded.id)
        return [item.title for item in items]

    def homework_agreed(self) -> list[str]:
        if self._loaded is not None:
            return []  # a saved session's homework is edited on Today, never made twice
        return agreed_titles(self.agreed.lines.toPlainText().splitlines())

    def entry(self) -> Entry:
        entry = super().entry()
        if isinstance(entry, TherapySession):
            for number, title in enumerate(self.homework_agreed(), start=1):
                try:
                    agreed_homework(entry, [title])
                except ValidationError as error:
                    problem = ValidationError(
                        _("Homework line {number} cannot be saved: {reason}").format(
                            number=number, reason=error.message
                        ),
                        field="homework",
                    )
                    self.show_error(problem)
                    raise problem from None
        return entry

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
            "homework": self.agreed.lines.toPlainText(),
            "next_known": self.next_session.known.isChecked(),
            "next_at": self.next_session.time.to_draft(),
        }

    def _restore_fields(self, draft: dict[str, Any]) -> None:
        self.with_whom.setText(str(draft.get("with_whom", "")))
        self.worked_on.setPlainText(str(draft.get("worked_on", "")))
        self.remember.setPlainText(str(draft.get("remember", "")))
        if self._loaded is None:  # a saved session's homework is not typed here
            self.agreed.lines.setPlainText(str(draft.get("homework", "")))
        self.next_session.time.restore_draft(draft.get("next_at"))
        known = draft.get("next_known") is True
        self.next_session.known.setChecked(known)
        self.next_session.time.setEnabled(known)

    def focus_first(self) -> None:
        self.with_whom.setFocus()
