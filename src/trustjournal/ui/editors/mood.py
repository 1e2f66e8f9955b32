"""The mood check-in editor: doable in ten seconds, every field reachable from the keyboard."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.entries import Entry, EntryKind, MoodCheckIn
from trustjournal.core.errors import ValidationError
from trustjournal.core.wording import MOOD_WORDS
from trustjournal.store.vocabulary import VocabularyRepository
from trustjournal.ui.editors.base import EntryEditor
from trustjournal.ui.editors.emotion_picker import EmotionPicker
from trustjournal.ui.editors.fields import ErrorForm, TimeField, private_box, tags_field, tags_of
from trustjournal.ui.session import Session
from trustjournal.ui.widgets.common import label

CONNECTION_QUESTION = "How close do I feel to my partner today?"
TRUST_QUESTION = "How much do I trust us today?"
NOT_ANSWERED = "Not answered"
SCALE_STYLE = (
    "QPushButton { padding: 4px 0px; min-width: 30px; }"
    " QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border-color: palette(highlight); font-weight: 600; }"
)


class MoodScale(QWidget):
    """Ten checkable buttons 1–10 with the word for the chosen one; arrows and digits work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(4)
        for value in range(1, 11):
            b = QPushButton(str(value))
            b.setCheckable(True)
            b.setMinimumSize(32, 32)
            b.setToolTip(MOOD_WORDS[value])
            b.setAccessibleName(f"Mood {value}, {MOOD_WORDS[value]}")
            b.installEventFilter(self)
            self.group.addButton(b, value)
            row.addWidget(b)
        row.addStretch(1)
        self.setStyleSheet(SCALE_STYLE)
        self.word = label("Choose a number", role="hint", wrap=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.word)
        self.group.idToggled.connect(lambda _id, _on: self._show_word())

    def value(self) -> int | None:
        """The chosen mood, or None."""
        chosen = self.group.checkedId()
        return chosen if chosen > 0 else None

    def set_value(self, value: int | None) -> None:
        """Choose `value` (None clears)."""
        if value is None:
            self.group.setExclusive(False)
            for b in self.group.buttons():
                b.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.group.button(value).setChecked(True)
        self._show_word()

    def _show_word(self) -> None:
        value = self.value()
        self.word.setText(f"{value} — {MOOD_WORDS[value]}" if value else "Choose a number")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            current = self.value() or 5
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: -1, Qt.Key.Key_Up: 1}
            if event.key() in step:
                new = min(10, max(1, current + step[Qt.Key(event.key())]))
                self.set_value(new)
                self.group.button(new).setFocus()
                return True
            text = event.text()
            if text.isdigit():
                new = 10 if text == "0" else int(text)
                self.set_value(new)
                self.group.button(new).setFocus()
                return True
        return super().eventFilter(watched, event)


def _optional_scale(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(-1, 10)
    spin.setSpecialValueText(NOT_ANSWERED)
    spin.setValue(-1)
    spin.setAccessibleName(name)
    spin.setMinimumWidth(130)
    return spin


def _or_unanswered(value: int | None) -> int:
    return -1 if value is None else value


class MoodEditor(EntryEditor):
    """Mood 1–10, emotions, optional connection and trust, note, tags, time, private."""

    kind = EntryKind.MOOD

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = session.clock
        self._loaded: MoodCheckIn | None = None
        self._baseline: dict[str, Any] = {}
        self.scale = MoodScale(self)
        self.emotions = EmotionPicker(
            vocabulary=VocabularyRepository(db=session.vault.db, clock=session.clock), parent=self
        )
        self.connection = _optional_scale("Connection")
        self.trust = _optional_scale("Trust")
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText("Anything you want to remember about now")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(70)
        self.note.setMaximumHeight(90)
        self.tags = tags_field(self)
        self.time = TimeField(self)
        self.private = private_box(self)
        self.form = ErrorForm(self, default_field="mood")
        self.errors = self.form.errors
        form = self.form
        form.row("Mood", self.scale, "mood")
        form.row("Emotions", self.emotions, "emotions")
        form.row("Connection", self.connection, "connection", question=CONNECTION_QUESTION)
        form.row("Trust", self.trust, "trust", question=TRUST_QUESTION)
        form.row("Note", self.note, "note")
        form.row("Tags", self.tags, "tags")
        form.row("When", self.time, "time")
        form.layout.addRow("", self.private)

        for signal in (
            self.scale.group.idToggled,
            self.emotions.changed,
            self.connection.valueChanged,
            self.trust.valueChanged,
            self.note.textChanged,
            self.tags.textChanged,
            self.time.dateTimeChanged,
            self.private.toggled,
        ):
            signal.connect(self._emit_changed)
        self.load(None)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    # --- EntryEditor ---------------------------------------------------------------------------

    def load(self, entry: Entry | None) -> None:
        if entry is not None and not isinstance(entry, MoodCheckIn):
            raise TypeError("MoodEditor edits mood check-ins only")
        self._loaded = entry
        self.blockSignals(True)
        self.scale.set_value(entry.mood if entry else None)
        self.emotions.set_chosen(entry.emotions if entry else ())
        self.connection.setValue(
            -1 if entry is None or entry.connection is None else entry.connection
        )
        self.trust.setValue(-1 if entry is None or entry.trust is None else entry.trust)
        self.note.setPlainText(entry.note if entry else "")
        self.tags.setText(", ".join(entry.tags) if entry else "")
        self.time.set_moment(entry.occurred_at if entry else self._clock())
        self.private.setChecked(entry.private if entry else False)
        self.blockSignals(False)
        self.show_error(None)
        self._baseline = self.draft()

    def _moment(self) -> datetime:
        """The edited time with the loaded entry's offset (or now's), unchanged if not edited."""
        return self.time.moment(self._loaded.occurred_at if self._loaded else self._clock())

    def entry(self) -> Entry:
        self.show_error(None)
        try:
            mood = self.scale.value()
            if mood is None:
                raise ValidationError("Please choose how you feel, from 1 to 10.", field="mood")
            fields: dict[str, Any] = {
                "mood": mood,
                "emotions": tuple(self.emotions.chosen()),
                "connection": None if self.connection.value() < 0 else self.connection.value(),
                "trust": None if self.trust.value() < 0 else self.trust.value(),
                "note": self.note.toPlainText(),
                "tags": tags_of(self.tags),
                "occurred_at": self._moment(),
                "private": self.private.isChecked(),
            }
            if self._loaded is not None:
                return self._loaded.with_changes(**fields)
            return MoodCheckIn(**fields)
        except ValidationError as error:
            self.show_error(error)
            raise

    def show_error(self, error: ValidationError | None) -> None:
        """Show a validation message next to its field (None hides every message)."""
        self.form.show_error(error)

    def draft(self) -> dict[str, Any]:
        return {
            "id": self._loaded.id if self._loaded else None,
            "mood": self.scale.value(),
            "emotions": self.emotions.chosen(),
            "connection": self.connection.value(),
            "trust": self.trust.value(),
            "note": self.note.toPlainText(),
            "tags": self.tags.text(),
            "time": self.time.to_draft(),
            "private": self.private.isChecked(),
        }

    def restore_draft(self, draft: dict[str, Any]) -> None:
        self.scale.set_value(draft.get("mood"))
        self.emotions.set_chosen(list(draft.get("emotions", [])))
        self.connection.setValue(int(draft.get("connection", -1)))
        self.trust.setValue(int(draft.get("trust", -1)))
        self.note.setPlainText(str(draft.get("note", "")))
        self.tags.setText(str(draft.get("tags", "")))
        self.time.restore_draft(draft.get("time"))
        self.private.setChecked(bool(draft.get("private", False)))

    def is_dirty(self) -> bool:
        return self.draft() != self._baseline

    def focus_first(self) -> None:
        chosen = self.scale.value() or 5
        self.scale.group.button(chosen).setFocus()

    def loaded_id(self) -> int | None:
        return self._loaded.id if self._loaded else None
