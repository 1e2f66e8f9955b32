"""The gratitude editor: what I appreciate, whom it is about, and whether I have told them."""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QPlainTextEdit, QWidget

from trustjournal.core.entries import Entry, EntryKind, GratitudeEntry
from trustjournal.core.i18n import N_, _, babel_locale, pgettext
from trustjournal.services.gratitude import prompt_of_the_day
from trustjournal.ui.editors.about_chooser import AboutChooser
from trustjournal.ui.editors.fields import qt_format
from trustjournal.ui.editors.form_editor import FormEditor
from trustjournal.ui.session import Session
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import button, label

NO_PROMPT = N_("Not in answer to a prompt.")


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
        self.use_button = button(_("Use today's prompt"), flat=True)
        self.use_button.setToolTip(todays)
        self.remove_button = button(_("Remove"), flat=True)
        self.remove_button.setToolTip(_("It was not written in answer to this prompt"))
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
        self.text.setText(self._prompt or _(NO_PROMPT))
        self.remove_button.setVisible(self._prompt is not None)
        self.use_button.setVisible(self._prompt is None and bool(self._todays))
        if changed:
            self.changed.emit()


class GratitudeEditor(FormEditor):
    """Text, whom it is about, the prompt it answers, "I told them" and when, tags, time…"""

    kind = EntryKind.GRATITUDE

    def __init__(
        self, *, session: Session, scrolled: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session=session, default_field="gratitude", scrolled=scrolled, parent=parent
        )
        self._told_on_unknown = False  # loaded as told, with no date; keep it so unless edited
        prompts = session.services.vocabulary.prompts()
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(_("What do you appreciate?"))
        self.text.setAccessibleName(_("Gratitude"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.about = AboutChooser(self)
        todays = prompt_of_the_day(prompts, self._clock().date())
        self.prompt = PromptRow(todays=todays, parent=self)
        self.told = QCheckBox(_("I told them"), self)
        self.told_on = QDateEdit(self)
        guard_wheel(self.told_on)
        self.told_on.setCalendarPopup(True)
        self.told_on.setLocale(QLocale(babel_locale()))  # day and month names
        # Translators: a Qt format for the day a gratitude was told (ddd weekday, MMM month)
        self.told_on.setDisplayFormat(
            qt_format(pgettext("date field", "ddd d MMM yyyy"), "ddd d MMM yyyy")
        )
        self.told_on.setAccessibleName(_("Told them on"))
        told_row = QWidget(self)
        told_layout = QHBoxLayout(told_row)
        told_layout.setContentsMargins(0, 0, 0, 0)
        told_layout.addWidget(self.told)
        told_layout.addWidget(self.told_on)
        told_layout.addStretch(1)
        self.form.row(_("Gratitude"), self.text, "gratitude")
        self.form.row(_("About"), self.about, "about")
        self.form.row(_("Prompt"), self.prompt, "prompt")
        self.form.row(_("Shared"), told_row, "expressed_on")
        self.add_envelope_rows()
        self.told.toggled.connect(self._on_told_toggled)
        self.told_on.dateChanged.connect(self._on_told_on_changed)
        self.watch(self.text.textChanged, self.about.changed, self.prompt.changed)
        self.load(None)

    def _on_told_toggled(self, on: bool) -> None:
        if on and not self._told_on_unknown:
            self.told_on.setDate(qdate(self._clock().date()))
        self.told_on.setVisible(on)
        self._emit_changed()

    def _on_told_on_changed(self, _day: QDate) -> None:
        if self.told.isChecked():
            self._told_on_unknown = False
        self._emit_changed()

    def _load_fields(self, entry: Entry | None) -> None:
        loaded = entry if isinstance(entry, GratitudeEntry) else None
        self.text.setPlainText(loaded.text if loaded else "")
        self.about.set_value(loaded.about if loaded else None)
        self.prompt.set_prompt(loaded.prompt if loaded else None)
        told = bool(loaded and loaded.expressed)
        self._told_on_unknown = told and loaded is not None and loaded.expressed_on is None
        told_on = loaded.expressed_on if loaded and loaded.expressed_on else self._clock().date()
        for widget in (self.told, self.told_on):
            widget.blockSignals(True)
        self.told.setChecked(told)
        self.told_on.setDate(qdate(told_on))
        for widget in (self.told, self.told_on):
            widget.blockSignals(False)
        self.told_on.setVisible(told)

    def _fields(self) -> dict[str, Any]:
        told = self.told.isChecked()
        dated = told and not self._told_on_unknown
        return {
            "text": self.text.toPlainText(),
            "about": self.about.value(),
            "prompt": self.prompt.prompt(),
            "expressed": told,
            "expressed_on": pydate(self.told_on.date()) if dated else None,
        }

    def _draft_fields(self) -> dict[str, Any]:
        about = self.about.value()
        return {
            "text": self.text.toPlainText(),
            "about": about.value if about else None,
            "prompt": self.prompt.prompt(),
            "told": self.told.isChecked(),
            "told_on": None if self._told_on_unknown else pydate(self.told_on.date()).isoformat(),
        }

    def _restore_fields(self, draft: dict[str, Any]) -> None:
        self.text.setPlainText(str(draft.get("text", "")))
        self.about.set_value(draft.get("about"))
        prompt = draft.get("prompt")
        self.prompt.set_prompt(str(prompt) if prompt else None)
        self.told.setChecked(bool(draft.get("told", False)))
        told_on = draft.get("told_on")
        if told_on:
            with suppress(ValueError):  # an unreadable date keeps today's
                self.told_on.setDate(qdate(date.fromisoformat(str(told_on))))

    def focus_first(self) -> None:
        self.text.setFocus()
