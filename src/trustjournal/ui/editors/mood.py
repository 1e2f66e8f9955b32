"""The mood check-in editor: doable in ten seconds, every field reachable from the keyboard."""

from __future__ import annotations

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
from trustjournal.core.i18n import N_, _
from trustjournal.core.wording import MOOD_WORDS
from trustjournal.ui.editors.emotion_picker import EmotionPicker
from trustjournal.ui.editors.form_editor import FormEditor
from trustjournal.ui.session import Session
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import label

# "Right now", as the check-in asks ("How are you right now?"): there may be several a day.
CONNECTION_QUESTION = N_("How close do I feel to my partner right now?")
TRUST_QUESTION = N_("How much trust do I feel between us right now?")
NOT_ANSWERED = N_("Not answered")
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
            b.setAccessibleName(
                _("Mood {value}, {words}").format(value=value, words=MOOD_WORDS[value])
            )
            b.installEventFilter(self)
            self.group.addButton(b, value)
            row.addWidget(b)
        row.addStretch(1)
        self.setStyleSheet(SCALE_STYLE)
        self.word = label(_("Choose a number"), role="hint", wrap=False)
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
        self.word.setText(f"{value} — {MOOD_WORDS[value]}" if value else _("Choose a number"))

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
    guard_wheel(spin)
    spin.setRange(-1, 10)
    spin.setSpecialValueText(_(NOT_ANSWERED))
    spin.setValue(-1)
    spin.setAccessibleName(name)
    spin.setMinimumWidth(130)
    return spin


def _or_unanswered(value: int | None) -> int:
    return -1 if value is None else value


class MoodEditor(FormEditor):
    """Mood 1–10, emotions, optional connection and trust, note, tags, time, private."""

    kind = EntryKind.MOOD

    def __init__(
        self, *, session: Session, scrolled: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(session=session, default_field="mood", scrolled=scrolled, parent=parent)
        self.scale = MoodScale(self)
        self.emotions = EmotionPicker(vocabulary=session.services.vocabulary, parent=self)
        self.connection = _optional_scale(_("Connection"))
        self.trust = _optional_scale(_("Trust"))
        self.note = QPlainTextEdit()  # parentless until its row: Tab comes to it after Trust
        self.note.setPlaceholderText(_("Anything you want to remember about now"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(70)
        self.note.setMaximumHeight(90)
        form = self.form
        form.row(_("Mood"), self.scale, "mood")
        form.row(_("Emotions"), self.emotions, "emotions")
        form.row(_("Connection"), self.connection, "connection", question=_(CONNECTION_QUESTION))
        form.row(_("Trust"), self.trust, "trust", question=_(TRUST_QUESTION))
        form.row(_("Note"), self.note, "note")
        self.add_envelope_rows()
        self.watch(
            self.scale.group.idToggled,
            self.emotions.changed,
            self.connection.valueChanged,
            self.trust.valueChanged,
            self.note.textChanged,
        )
        self.load(None)

    def _load_fields(self, entry: Entry | None) -> None:
        mood = entry if isinstance(entry, MoodCheckIn) else None
        self.scale.set_value(mood.mood if mood else None)
        self.emotions.set_chosen(mood.emotions if mood else ())
        self.connection.setValue(_or_unanswered(mood.connection if mood else None))
        self.trust.setValue(_or_unanswered(mood.trust if mood else None))
        self.note.setPlainText(mood.note if mood else "")

    def _fields(self) -> dict[str, Any]:
        mood = self.scale.value()
        if mood is None:
            raise ValidationError(_("Please choose how you feel, from 1 to 10."), field="mood")
        return {
            "mood": mood,
            "emotions": tuple(self.emotions.chosen()),
            "connection": None if self.connection.value() < 0 else self.connection.value(),
            "trust": None if self.trust.value() < 0 else self.trust.value(),
            "note": self.note.toPlainText(),
        }

    def _draft_fields(self) -> dict[str, Any]:
        return {
            "mood": self.scale.value(),
            "emotions": self.emotions.chosen(),
            "connection": self.connection.value(),
            "trust": self.trust.value(),
            "note": self.note.toPlainText(),
        }

    def _restore_fields(self, draft: dict[str, Any]) -> None:
        self.scale.set_value(draft.get("mood"))
        self.emotions.set_chosen(list(draft.get("emotions", [])))
        self.connection.setValue(int(draft.get("connection", -1)))
        self.trust.setValue(int(draft.get("trust", -1)))
        self.note.setPlainText(str(draft.get("note", "")))

    def focus_first(self) -> None:
        chosen = self.scale.value() or 5
        self.scale.group.button(chosen).setFocus()
