"""The trigger record editor: a guided walk from what happened to what I need, in that order.

Only what happened and how intense it was are required. A record logged in the moment is
"still to finish": a note at the top says so, and the person says it is complete by unticking
"Still to finish" at the end (or with "Mark as finished" in the note). Saving never changes
that flag by itself, so nothing leaves the "to finish" list behind the person's back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.entries import Entry, EntryKind, TriggerRecord
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import N_, _
from trustjournal.store.vocabulary import VocabularyList
from trustjournal.ui.check_row import check_row
from trustjournal.ui.editors.coping_picker import CopingPicker
from trustjournal.ui.editors.emotion_picker import EmotionPicker
from trustjournal.ui.editors.fields import text_box
from trustjournal.ui.editors.form_editor import FormEditor
from trustjournal.ui.editors.intensity import IntensityScale
from trustjournal.ui.session import Session
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import button, label
from trustjournal.ui.widgets.coping_figures import CopingFiguresView

UNFINISHED_NOTE = N_("Still to finish. Add what you can, whenever you are ready.")
FOR_SESSION = N_("Bring this up at my next session")
FIGURES_SHOWN = 3  # strategies shown beside the coping step before "Show all"
STILL_TO_FINISH = N_("Still to finish — keep it on my list to come back to")
SITUATION_NEEDED = N_("Please write what happened; a few words are enough.")
INTENSITY_NEEDED = N_("Please choose how intense it was, from 0 to 10.")
NO_CATEGORY = N_("Choose one, or write your own")
SITUATION_QUESTION = N_("What happened? Where were you, what did you see or hear?")
COPING_QUESTION = N_("Tick everything you tried, even if it helped only a little")
AFTER_QUESTION = N_("How intense was it once things had settled a little?")
SITUATION_FIELD = "what happened"  # the field names TriggerRecord's messages carry


class TriggerEditor(FormEditor):
    """What happened, how intense, inside, urge and response, coping, afterwards, need.

    Attributes:
        figures: what has helped before, from the person's own records (computed in SQL,
            read off the UI thread), shown under the coping step.
    """

    kind = EntryKind.TRIGGER

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session=session, default_field=SITUATION_FIELD, scrolled=True, parent=parent
        )
        self._vocabulary = session.services.vocabulary
        self._build_banner()
        self.situation = text_box(_("What happened"), _("A few words are enough"), height=80)
        # Controls are made without a parent, so each joins Tab's chain as it is laid out.
        self.category = QComboBox()
        guard_wheel(self.category)
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.setAccessibleName(_("Category"))
        line = self.category.lineEdit()
        if line is not None:  # always, as the combo is editable
            line.setPlaceholderText(_(NO_CATEGORY))
        self.category_hint = label("", role="hint")
        self.intensity = IntensityScale(name=_("Intensity"))
        self.emotions = EmotionPicker(vocabulary=self._vocabulary)
        self.thoughts = text_box(_("Thoughts"), _("In my own words, as it sounded in my head"))
        self.body_sensations = text_box(_("Body"), _("Chest, breath, stomach, hands…"))
        self.urge = text_box(_("Urge"), _("Even if I did not do it"))
        self.response = text_box(_("What I did"), _("What happened next"))
        self.coping = CopingPicker(vocabulary=self._vocabulary)
        self.figures_slot = QVBoxLayout()
        self.figures_slot.setContentsMargins(0, 0, 0, 0)
        self.figures_heading = label(_("What has helped you before"), role="hint")
        self.figures = CopingFiguresView(session=session, limit=FIGURES_SHOWN)
        self.figures_slot.addWidget(self.figures_heading)
        self.figures_slot.addWidget(self.figures)
        self.intensity_after = IntensityScale(
            name=_("Intensity afterwards"), optional=True, empty=_("Not answered yet")
        )
        self.need = text_box(_("What I need"), _("From myself, from my partner, from someone else"))
        self.for_session, self._for_session_row = check_row(_(FOR_SESSION))
        self._events = session.events
        self.statement_button = button(_("Turn this into an &I statement"), icon_name=None)
        self.statement_button.setToolTip(
            _(
                "Start an I statement with these feelings, what happened and what you need "
                "filled in; this record stays as it is"
            )
        )
        self.statement_button.clicked.connect(self.turn_into_statement)
        self.unfinished, self._unfinished_row = check_row(_(STILL_TO_FINISH))
        self._lay_out()
        self.add_envelope_rows()
        self.unfinished.toggled.connect(self._on_unfinished_toggled)
        self.category.currentTextChanged.connect(self._on_category_current_text_changed)
        self.watch(
            self.situation.textChanged,
            self.category.currentTextChanged,
            self.intensity.changed,
            self.emotions.changed,
            self.thoughts.textChanged,
            self.body_sensations.textChanged,
            self.urge.textChanged,
            self.response.textChanged,
            self.coping.changed,
            self.intensity_after.changed,
            self.need.textChanged,
            self.for_session.toggled,
            self.unfinished.toggled,
        )
        self.load(None)

    def _build_banner(self) -> None:
        self.banner = QFrame(self)
        self.banner.setProperty("card", True)
        self.banner_text = label(_(UNFINISHED_NOTE))
        self.finish_button = button(_("Mark as finished"), icon_name=None)
        self.finish_button.setToolTip(_("Say this record is complete; it leaves the list on Today"))
        column = QVBoxLayout(self.banner)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(6)
        column.addWidget(self.banner_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.finish_button)
        column.addLayout(row)
        self.finish_button.clicked.connect(lambda: self.unfinished.setChecked(False))

    def _step(self, text: str, hint: str | None = None) -> None:
        heading = label(text, role="heading")
        heading.setContentsMargins(0, 10, 0, 0)
        self.form.layout.addRow(heading)
        if hint:
            self.form.layout.addRow(label(hint, role="hint"))

    def _lay_out(self) -> None:
        form = self.form
        form.layout.addRow(self.banner)
        self._step(_("What happened"))
        form.row("", self.situation, SITUATION_FIELD, question=_(SITUATION_QUESTION))
        category = QWidget(self)
        column = QVBoxLayout(category)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.category)
        column.addWidget(self.category_hint)
        form.row("", category, "category", question=_("What kind of moment was it?"))
        self._step(_("How intense it was"))
        form.row("", self.intensity, "intensity", question=_("At its strongest, from 0 to 10:"))
        self._step(_("What went on inside me"), _("Whatever you remember; any of it can wait."))
        form.row("", self.emotions, "emotions", question=_("What I felt"))
        form.row("", self.thoughts, "thoughts", question=_("What went through my mind"))
        form.row(
            "", self.body_sensations, "body sensations", question=_("What I noticed in my body")
        )
        self._step(_("What I felt like doing, and what I did"))
        form.row("", self.urge, "urge", question=_("What I felt like doing or saying"))
        form.row("", self.response, "what I did", question=_("What I actually did or said"))
        self._step(_("What I did to cope"))
        form.row("", self.coping, "coping", question=_(COPING_QUESTION))
        form.layout.addRow(self.figures_slot)
        self._step(_("Afterwards"))
        form.row("", self.intensity_after, "intensity afterwards", question=_(AFTER_QUESTION))
        self._step(_("What I need"))
        form.row("", self.need, "what I need", question=_("What I need, or want to ask for"))
        form.layout.addRow(self._for_session_row)
        statement_row = QHBoxLayout()
        statement_row.addWidget(self.statement_button)
        statement_row.addStretch(1)
        form.layout.addRow(statement_row)
        self._step(_("Before you save"))
        form.layout.addRow(self._unfinished_row)
        self._step(_("Details"))

    def turn_into_statement(self) -> None:
        """Start a new "I" statement from this record: its feelings, what happened (when)
        and what I need (because). The record itself is kept as it is, unsaved edits too."""
        self._events.request_new_entry(
            EntryKind.STATEMENT,
            {
                "feel": self.emotions.chosen(),
                "when": self.situation.toPlainText().strip(),
                "because": self.need.toPlainText().strip(),
            },
        )

    def _fill_categories(self, keep: str) -> None:
        self.category.blockSignals(True)
        self.category.clear()
        for item in self._vocabulary.items(VocabularyList.CATEGORY):
            self.category.addItem(item.name)
            self.category.setItemData(
                self.category.count() - 1, item.description or "", Qt.ItemDataRole.ToolTipRole
            )
        self.category.setEditText(keep)
        self.category.blockSignals(False)
        self._show_category_hint(keep)

    def _show_category_hint(self, text: str) -> None:
        found = self.category.findText(text.strip(), Qt.MatchFlag.MatchFixedString)
        hint = (
            str(self.category.itemData(found, Qt.ItemDataRole.ToolTipRole) or "")
            if found >= 0
            else ""
        )
        self.category_hint.setText(hint)
        self.category_hint.setVisible(bool(hint))

    def _on_category_current_text_changed(self, text: str) -> None:
        self._show_category_hint(text)

    def _on_unfinished_toggled(self, on: bool) -> None:
        self.banner.setVisible(on)

    # --- FormEditor ---------------------------------------------------------------------------

    def _load_fields(self, entry: Entry | None) -> None:
        record = entry if isinstance(entry, TriggerRecord) else None
        self._fill_categories(record.category or "" if record else "")
        self.situation.setPlainText(record.situation if record else "")
        self.intensity.set_value(record.intensity if record else None)
        self.emotions.set_chosen(record.emotions if record else ())
        self.thoughts.setPlainText(record.thoughts if record else "")
        self.body_sensations.setPlainText(record.body if record else "")
        self.urge.setPlainText(record.urge if record else "")
        self.response.setPlainText(record.response if record else "")
        self.coping.set_chosen(record.coping if record else ())
        self.intensity_after.set_value(record.intensity_after if record else None)
        self.need.setPlainText(record.need if record else "")
        self.for_session.setChecked(record.for_session if record else False)
        self.unfinished.setChecked(record.unfinished if record else False)
        self.banner.setVisible(self.unfinished.isChecked())
        if self.scroll_area is not None:
            self.scroll_area.verticalScrollBar().setValue(0)

    def _fields(self) -> dict[str, Any]:
        if not self.situation.toPlainText().strip():
            raise ValidationError(_(SITUATION_NEEDED), field=SITUATION_FIELD)
        intensity = self.intensity.value()
        if intensity is None:
            raise ValidationError(_(INTENSITY_NEEDED), field="intensity")
        return {
            "situation": self.situation.toPlainText(),
            "intensity": intensity,
            "category": self.category.currentText().strip() or None,
            "emotions": tuple(self.emotions.chosen()),
            "thoughts": self.thoughts.toPlainText(),
            "body": self.body_sensations.toPlainText(),
            "urge": self.urge.toPlainText(),
            "response": self.response.toPlainText(),
            "coping": tuple(self.coping.chosen()),
            "intensity_after": self.intensity_after.value(),
            "need": self.need.toPlainText(),
            "for_session": self.for_session.isChecked(),
            "unfinished": self.unfinished.isChecked(),
        }

    def entry(self) -> Entry:
        """The record as edited; a category of the person's own words joins their list."""
        record = super().entry()
        category = record.category if isinstance(record, TriggerRecord) else None
        if category and self.category.findText(category, Qt.MatchFlag.MatchFixedString) < 0:
            names = {
                i.name.casefold()
                for i in self._vocabulary.items(VocabularyList.CATEGORY, include_hidden=True)
            }
            if category.casefold() not in names:
                self._vocabulary.add(VocabularyList.CATEGORY.value, category)
        return record

    def _draft_fields(self) -> dict[str, Any]:
        return {
            "situation": self.situation.toPlainText(),
            "category": self.category.currentText(),
            "intensity": self.intensity.value(),
            "emotions": self.emotions.chosen(),
            "thoughts": self.thoughts.toPlainText(),
            "body": self.body_sensations.toPlainText(),
            "urge": self.urge.toPlainText(),
            "response": self.response.toPlainText(),
            "coping": self.coping.chosen(),
            "intensity_after": self.intensity_after.value(),
            "need": self.need.toPlainText(),
            "for_session": self.for_session.isChecked(),
            "unfinished": self.unfinished.isChecked(),
        }

    def _restore_fields(self, draft: dict[str, Any]) -> None:
        def scale(name: str) -> int | None:
            value = draft.get(name)
            return value if isinstance(value, int) and 0 <= value <= 10 else None

        self.situation.setPlainText(str(draft.get("situation", "")))
        self.category.setEditText(str(draft.get("category", "")))
        self.intensity.set_value(scale("intensity"))
        self.emotions.set_chosen([str(n) for n in draft.get("emotions", [])])
        for box, name in (
            (self.thoughts, "thoughts"),
            (self.body_sensations, "body"),
            (self.urge, "urge"),
            (self.response, "response"),
            (self.need, "need"),
        ):
            box.setPlainText(str(draft.get(name, "")))
        self.coping.set_chosen([str(n) for n in draft.get("coping", [])])
        self.intensity_after.set_value(scale("intensity_after"))
        self.for_session.setChecked(bool(draft.get("for_session", False)))
        self.unfinished.setChecked(bool(draft.get("unfinished", False)))
        self.banner.setVisible(self.unfinished.isChecked())

    def focus_first(self) -> None:
        self.situation.setFocus()
        self.situation.moveCursor(QTextCursor.MoveOperation.End)
