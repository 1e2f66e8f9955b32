"""The gratitude editor: what I appreciate, whom it is about, and whether I have told them."""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QPlainTextEdit, QWidget

from trustjournal.core.entries import Entry, EntryKind, GratitudeEntry
from trustjournal.core.errors import ValidationError
from trustjournal.services.gratitude import prompt_of_the_day
from trustjournal.store.vocabulary import VocabularyRepository
from trustjournal.ui.editors.about_chooser import AboutChooser
from trustjournal.ui.editors.base import EntryEditor
from trustjournal.ui.editors.fields import ErrorForm, TimeField, private_box, tags_field, tags_of
from trustjournal.ui.session import Session
from trustjournal.ui.widgets.common import button, label

NO_PROMPT = "Not in answer to a prompt."


def qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    """A QDate as a Python date."""
    return date(day.year(), day.month(), day.day())


class PromptRow(QWidget):
    """The prompt an entry answers (plain text), with a way to take it off or use today's.

    Signals:
        changed: the prompt changed.
    """

    changed = Signal()

    def __init__(self, *, todays: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._todays = todays
        self._prompt: str | None = None
        self.text = label("", role="hint")
        self.use_button = button("Use today's prompt", flat=True)
        self.use_button.setToolTip(todays)
        self.remove_button = button("Not answering it", flat=True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.use_button)
        row.addWidget(self.remove_button)
        self.use_button.clicked.connect(lambda: self.set_prompt(self._todays))
        self.remove_button.clicked.connect(lambda: self.set_prompt(None))
        self.set_prompt(None)

    def prompt(self) -> str | None:
        """The prompt answered, or None."""
        return self._prompt

    def set_prompt(self, prompt: str | None) -> None:
        """Show `prompt` (None: not answering one)."""
        changed = prompt != self._prompt
        self._prompt = prompt or None
        self.text.setText(self._prompt or NO_PROMPT)
        self.remove_button.setVisible(self._prompt is not None)
        self.use_button.setVisible(self._prompt is None and bool(self._todays))
        if changed:
            self.changed.emit()


class GratitudeEditor(EntryEditor):
    """Text, whom it is about, the prompt it answers, "I told them" and when, tags, time…"""

    kind = EntryKind.GRATITUDE

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = session.clock
        self._loaded: GratitudeEntry | None = None
        self._baseline: dict[str, Any] = {}
        self._told_on_unknown = False  # loaded as told, with no date; keep it so unless edited
        prompts = VocabularyRepository(db=session.vault.db, clock=session.clock).prompts()
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText("What do you appreciate?")
        self.text.setAccessibleName("Gratitude")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.about = AboutChooser(self)
        self.prompt = PromptRow(
            todays=prompt_of_the_day(prompts, self._clock().date()), parent=self
        )
        self.told = QCheckBox("I told them", self)
        self.told_on = QDateEdit(self)
        self.told_on.setCalendarPopup(True)
        self.told_on.setDisplayFormat("ddd d MMM yyyy")
        self.told_on.setAccessibleName("Told them on")
        told_row = QWidget(self)
        told_layout = QHBoxLayout(told_row)
        told_layout.setContentsMargins(0, 0, 0, 0)
        told_layout.addWidget(self.told)
        told_layout.addWidget(self.told_on)
        told_layout.addStretch(1)
        self.tags = tags_field(self)
        self.time = TimeField(self)
        self.private = private_box(self)
        self.form = ErrorForm(self, default_field="gratitude")
        self.errors = self.form.errors
        self.form.row("Gratitude", self.text, "gratitude")
        self.form.row("About", self.about, "about")
        self.form.row("Prompt", self.prompt, "prompt")
        self.form.row("Shared", told_row, "expressed_on")
        self.form.row("Tags", self.tags, "tags")
        self.form.row("When", self.time, "time")
        self.form.layout.addRow("", self.private)

        self.told.toggled.connect(self._on_told_toggled)
        self.told_on.dateChanged.connect(self._on_told_on_changed)
        for signal in (
            self.text.textChanged,
            self.about.changed,
            self.prompt.changed,
            self.tags.textChanged,
            self.time.dateTimeChanged,
            self.private.toggled,
        ):
            signal.connect(self._emit_changed)
        self.load(None)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    def _on_told_toggled(self, on: bool) -> None:
        if on and not self._told_on_unknown:
            self.told_on.setDate(qdate(self._clock().date()))
        self.told_on.setEnabled(on)
        self._emit_changed()

    def _on_told_on_changed(self, _day: QDate) -> None:
        if self.told.isChecked():
            self._told_on_unknown = False
        self._emit_changed()

    # --- EntryEditor ---------------------------------------------------------------------------

    def load(self, entry: Entry | None) -> None:
        if entry is not None and not isinstance(entry, GratitudeEntry):
            raise TypeError("GratitudeEditor edits gratitude entries only")
        self._loaded = entry
        self.blockSignals(True)
        self.text.setPlainText(entry.text if entry else "")
        self.about.set_value(entry.about if entry else None)
        self.prompt.set_prompt(entry.prompt if entry else None)
        told = bool(entry and entry.expressed)
        self._told_on_unknown = told and entry is not None and entry.expressed_on is None
        self.told.blockSignals(True)
        self.told.setChecked(told)
        self.told.blockSignals(False)
        told_on = entry.expressed_on if entry and entry.expressed_on else self._clock().date()
        self.told_on.blockSignals(True)
        self.told_on.setDate(qdate(told_on))
        self.told_on.blockSignals(False)
        self.told_on.setEnabled(told)
        self.tags.setText(", ".join(entry.tags) if entry else "")
        self.time.set_moment(entry.occurred_at if entry else self._clock())
        self.private.setChecked(entry.private if entry else False)
        self.blockSignals(False)
        self.form.show_error(None)
        self._baseline = self.draft()

    def entry(self) -> Entry:
        self.form.show_error(None)
        try:
            told = self.told.isChecked()
            fields: dict[str, Any] = {
                "text": self.text.toPlainText(),
                "about": self.about.value(),
                "prompt": self.prompt.prompt(),
                "expressed": told,
                "expressed_on": (
                    pydate(self.told_on.date()) if told and not self._told_on_unknown else None
                ),
                "tags": tags_of(self.tags),
                "occurred_at": self.time.moment(
                    self._loaded.occurred_at if self._loaded else self._clock()
                ),
                "private": self.private.isChecked(),
            }
            if self._loaded is not None:
                return self._loaded.with_changes(**fields)
            return GratitudeEntry(**fields)
        except ValidationError as error:
            self.form.show_error(error)
            raise

    def draft(self) -> dict[str, Any]:
        about = self.about.value()
        return {
            "id": self._loaded.id if self._loaded else None,
            "text": self.text.toPlainText(),
            "about": about.value if about else None,
            "prompt": self.prompt.prompt(),
            "told": self.told.isChecked(),
            "told_on": None if self._told_on_unknown else pydate(self.told_on.date()).isoformat(),
            "tags": self.tags.text(),
            "time": self.time.to_draft(),
            "private": self.private.isChecked(),
        }

    def restore_draft(self, draft: dict[str, Any]) -> None:
        self.text.setPlainText(str(draft.get("text", "")))
        self.about.set_value(draft.get("about"))
        prompt = draft.get("prompt")
        self.prompt.set_prompt(str(prompt) if prompt else None)
        self.told.setChecked(bool(draft.get("told", False)))
        told_on = draft.get("told_on")
        if told_on:
            with suppress(ValueError):  # an unreadable date keeps today's
                self.told_on.setDate(qdate(date.fromisoformat(str(told_on))))
        self.tags.setText(str(draft.get("tags", "")))
        self.time.restore_draft(draft.get("time"))
        self.private.setChecked(bool(draft.get("private", False)))

    def is_dirty(self) -> bool:
        return self.draft() != self._baseline

    def focus_first(self) -> None:
        self.text.setFocus()

    def loaded_id(self) -> int | None:
        return self._loaded.id if self._loaded else None
