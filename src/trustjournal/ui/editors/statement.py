"""The "I" statement editor: I feel … when … because … what I would like is …, then how it went.

The sentence is composed as the person types, in plain text, and blame phrasing ("you always",
"you never"…) gets a gentle hint with a kinder way to consider. A hint never stops a save.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QResizeEvent, QTextCursor
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFrame, QVBoxLayout, QWidget

from trustjournal.core.entries import Entry, EntryKind, Statement
from trustjournal.core.i18n import N_, _, babel_locale, pgettext
from trustjournal.core.wording import compose_statement
from trustjournal.ui.editors.blame_hints import find_blame
from trustjournal.ui.editors.emotion_picker import EmotionPicker
from trustjournal.ui.editors.fields import qt_format, text_box
from trustjournal.ui.editors.form_editor import FormEditor
from trustjournal.ui.session import Session
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import label

PREVIEW_HEADING = N_("How it might sound")
HINTS_HEADING = N_("Something you might consider (only a suggestion):")
HINT_LINE = N_("“{found}”: {hint}")
FIELDS_PREFILLED = ("feel", "when", "because")  # what a trigger record hands over


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class SentenceCard(QFrame):
    """The composed sentence and its hints on a card, always as tall as its wrapped words need
    at its width (a form row would give it only its size hint and cut the last lines off)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Ask for the height the words need at the width the card has now."""
        need = self.heightForWidth(self.width())
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)


class StatementEditor(FormEditor):
    """Feelings, when, because, what I would like; the sentence as it grows; afterwards.

    Attributes:
        preview: the whole statement as it would be said (plain text).
        hints: the gentle notes on blame phrasing, hidden while there are none.
    """

    kind = EntryKind.STATEMENT

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session=session, default_field="when", scrolled=True, parent=parent)
        self._said_on_unknown = False  # loaded as said, with no day; kept so unless edited
        # Made without a parent, each control joins Tab's chain as it is laid out.
        self.feel = EmotionPicker(vocabulary=session.services.vocabulary)
        self.when = text_box(_("When"), _("What happened, described as a camera would see it"))
        self.because = text_box(_("Because"), _("What I need, or what matters to me"))
        self.request = text_box(_("What I would like"), _("Something they could do or say"))
        self.preview = label("")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAccessibleName(_(PREVIEW_HEADING))
        self.hints_heading = label(_(HINTS_HEADING), role="hint")
        self.hints = label("", role="hint")
        self.said = QCheckBox(_("I said it"))
        self.said_on = QDateEdit()
        guard_wheel(self.said_on)
        self.said_on.setCalendarPopup(True)
        self.said_on.setLocale(QLocale(babel_locale()))
        # Translators: a Qt format for the day a statement was said (ddd weekday, MMM month)
        self.said_on.setDisplayFormat(
            qt_format(pgettext("date field", "ddd d MMM yyyy"), "ddd d MMM yyyy")
        )
        self.said_on.setAccessibleName(_("Said on"))
        self.outcome = text_box(_("How it went"), _("What they said, what happened next"))
        self.felt_after = text_box(_("How I felt afterwards"), _("In a few words"))
        self._lay_out()
        self.add_envelope_rows()
        self.said.toggled.connect(self._on_said_toggled)
        self.said_on.dateChanged.connect(self._on_said_on_changed)
        for signal in (
            self.feel.changed,
            self.when.textChanged,
            self.because.textChanged,
            self.request.textChanged,
        ):
            signal.connect(self._compose)
        self.watch(
            self.feel.changed,
            self.when.textChanged,
            self.because.textChanged,
            self.request.textChanged,
            self.outcome.textChanged,
            self.felt_after.textChanged,
        )
        self.load(None)

    def _step(self, text: str) -> None:
        heading = label(text, role="heading")
        heading.setContentsMargins(0, 10, 0, 0)
        self.form.layout.addRow(heading)

    def _lay_out(self) -> None:
        form = self.form
        self._step(_("What I want to say"))
        form.row("", self.feel, "feel", question=_("I feel…"))
        form.row("", self.when, "when", question=_("…when…"))
        form.row("", self.because, "because", question=_("…because… (what I need)"))
        form.row("", self.request, "request", question=_("…and what I would like is…"))
        self.sentence = sentence = SentenceCard(self)
        sentence.setProperty("card", True)
        column = QVBoxLayout(sentence)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(6)
        column.addWidget(label(_(PREVIEW_HEADING), role="hint"))
        column.addWidget(self.preview)
        column.addWidget(self.hints_heading)
        column.addWidget(self.hints)
        form.layout.addRow(sentence)
        self._step(_("Afterwards"))
        # The day goes under the box, not beside it: beside, it widened a narrow pane.
        said_row = QWidget(self)
        row = QVBoxLayout(said_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.said)
        row.addWidget(self.said_on, 0, Qt.AlignmentFlag.AlignLeft)
        form.row("", said_row, "said_on", question=_("Did you say it?"))
        form.row("", self.outcome, "outcome", question=_("How did it go?"))
        form.row("", self.felt_after, "felt_after", question=_("How did you feel afterwards?"))
        self._step(_("Details"))

    # --- the sentence and its hints -----------------------------------------------------------

    def _compose(self, *_args: object) -> None:
        """Show the statement as it would be said, and any blame phrasing in its parts."""
        parts = (
            self.when.toPlainText(),
            self.because.toPlainText(),
            self.request.toPlainText(),
        )
        self.preview.setText(compose_statement(self.feel.chosen(), *parts))
        found = find_blame("\n".join(parts))
        self.hints.setText(
            "\n".join(_(HINT_LINE).format(found=hint.found, hint=hint.hint) for hint in found)
        )
        self.hints_heading.setVisible(bool(found))
        self.hints.setVisible(bool(found))
        self.sentence.fit()

    def _on_said_toggled(self, on: bool) -> None:
        if on and not self._said_on_unknown:
            self.said_on.setDate(_qdate(self._clock().date()))
        self.said_on.setVisible(on)
        self._emit_changed()

    def _on_said_on_changed(self, _day: QDate) -> None:
        if self.said.isChecked():
            self._said_on_unknown = False
        self._emit_changed()

    # --- FormEditor ---------------------------------------------------------------------------

    def _set_said(self, said: bool, on: date | None) -> None:
        for widget in (self.said, self.said_on):
            widget.blockSignals(True)
        self.said.setChecked(said)
        self.said_on.setDate(_qdate(on or self._clock().date()))
        for widget in (self.said, self.said_on):
            widget.blockSignals(False)
        self.said_on.setVisible(said)

    def _load_fields(self, entry: Entry | None) -> None:
        loaded = entry if isinstance(entry, Statement) else None
        self.feel.set_chosen(loaded.feel if loaded else ())
        self.when.setPlainText(loaded.when if loaded else "")
        self.because.setPlainText(loaded.because if loaded else "")
        self.request.setPlainText(loaded.request if loaded else "")
        self.outcome.setPlainText(loaded.outcome if loaded else "")
        self.felt_after.setPlainText(loaded.felt_after if loaded else "")
        said = bool(loaded and loaded.said)
        self._said_on_unknown = said and loaded is not None and loaded.said_on is None
        self._set_said(said, loaded.said_on if loaded else None)
        self._compose()
        if self.scroll_area is not None:
            self.scroll_area.verticalScrollBar().setValue(0)

    def _fields(self) -> dict[str, Any]:
        said = self.said.isChecked()
        dated = said and not self._said_on_unknown
        return {
            "feel": tuple(self.feel.chosen()),
            "when": self.when.toPlainText(),
            "because": self.because.toPlainText(),
            "request": self.request.toPlainText(),
            "said": said,
            "said_on": _pydate(self.said_on.date()) if dated else None,
            "outcome": self.outcome.toPlainText(),
            "felt_after": self.felt_after.toPlainText(),
        }

    def _draft_fields(self) -> dict[str, Any]:
        return {
            "feel": self.feel.chosen(),
            "when": self.when.toPlainText(),
            "because": self.because.toPlainText(),
            "request": self.request.toPlainText(),
            "said": self.said.isChecked(),
            "said_on": None if self._said_on_unknown else _pydate(self.said_on.date()).isoformat(),
            "outcome": self.outcome.toPlainText(),
            "felt_after": self.felt_after.toPlainText(),
        }

    def _restore_fields(self, draft: dict[str, Any]) -> None:
        feel = draft.get("feel", [])
        self.feel.set_chosen([str(n) for n in feel] if isinstance(feel, list | tuple) else [])
        for box, name in (
            (self.when, "when"),
            (self.because, "because"),
            (self.request, "request"),
            (self.outcome, "outcome"),
            (self.felt_after, "felt_after"),
        ):
            box.setPlainText(str(draft.get(name, "")))
        self.said.setChecked(bool(draft.get("said", False)))
        said_on = draft.get("said_on")
        if said_on:
            with suppress(ValueError):  # an unreadable day keeps today's
                self.said_on.setDate(_qdate(date.fromisoformat(str(said_on))))
        self._compose()

    def focus_first(self) -> None:
        if self.feel.chosen():  # filled in from a trigger record: what happened comes next
            self.when.setFocus()
            self.when.moveCursor(QTextCursor.MoveOperation.End)
        else:
            self.feel.search.setFocus()
