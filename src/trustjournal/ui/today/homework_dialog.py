"""Add or edit one homework item: what, what counts, how often, from and until; end or delete it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.between import MAX_TIMES, Counts, Homework, Per
from trustjournal.core.errors import UserFacingError
from trustjournal.core.i18n import _, babel_locale, ngettext, pgettext
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.editors.fields import qt_format
from trustjournal.ui.session import Session
from trustjournal.ui.today import between_access
from trustjournal.ui.today.between_access import ADDED, DELETED, EDITED, ENDED, BetweenRunner
from trustjournal.ui.today.homework_words import counts_choices
from trustjournal.ui.undo import CommandWords, OperationCommand
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import button, button_row, field_label, label

ONCE = "once"  # "once, by a date": stored as once a week with an end date (see `_is_once`)
DEFAULT_WEEKS = 1  # a new item's end, when no session is booked and an end is asked for


class HomeworkCommand(OperationCommand):
    """A homework change on the page's undo stack, with the words Today's card shows beside
    its Undo ("Ticked as done today.")."""

    def __init__(self, words: CommandWords, *, said: str, **kwargs: Any) -> None:
        super().__init__(words, **kwargs)
        self.said = said


def _is_once(item: Homework) -> bool:
    """Whether an item reads as "once, by a date": once a week, ending within its first week."""
    return (
        item.times == 1
        and item.per is Per.WEEK
        and item.end is not None
        and (item.end - item.start).days < 7
    )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    guard_wheel(edit)
    edit.setCalendarPopup(True)
    edit.setLocale(QLocale(babel_locale()))
    # Translators: a Qt format for a homework's first and last day (ddd weekday, MMM month)
    edit.setDisplayFormat(qt_format(pgettext("date field", "ddd d MMM yyyy"), "ddd d MMM yyyy"))
    edit.setAccessibleName(name)
    return edit


class HomeworkDialog(KeyedDialog):
    """What the homework is, what counts as doing it, how often, from and until.

    Enter saves (or says what to fix), Escape cancels. Editing, it can also end the item today
    (its weeks so far stay) or delete it; each change goes onto the page's undo stack.

    Signals:
        outcome(str): what was done, as the card says it beside Undo.
    """

    outcome = Signal(str)

    def __init__(
        self,
        *,
        runner: BetweenRunner,
        undo_stack: QUndoStack,
        today: date,
        next_session_day: date | None = None,
        item: Homework | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._undo_stack = undo_stack
        self._today = today
        self.item = item
        self.setWindowTitle(_("Edit homework") if item else _("Add homework"))
        self.setMinimumWidth(480)
        self.title = QLineEdit()
        self.title.setAccessibleName(_("What the homework is"))
        self.title.setPlaceholderText(_("For example: a short walk together after dinner"))
        self.title.setMaxLength(500)
        self.counts = QComboBox()
        guard_wheel(self.counts)
        for counts, words in counts_choices():
            self.counts.addItem(words, counts)
        self.counts.setAccessibleName(_("What counts as doing it"))
        self.times = QSpinBox()
        guard_wheel(self.times)
        self.times.setRange(0, MAX_TIMES)  # 0 is allowed here, so it can be explained
        self.times.setAccessibleName(_("How many times"))
        self.per = QComboBox()
        guard_wheel(self.per)
        self.per.setAccessibleName(_("How often"))
        for data in (Per.DAY, Per.WEEK, ONCE):
            self.per.addItem("", data)
        self.start = _date_edit(_("From"))
        self.has_end = QCheckBox(_("Until"))
        self.end = _date_edit(_("Until"))
        self.message = label("", role="error")
        self.save_button = button(_("Save") if item else _("Add homework"), primary=True)
        self.end_button = button(_("End this homework"))
        self.end_button.setToolTip(_("It stops today; its weeks so far are kept"))
        self.delete_button = button(_("Delete"))
        self.delete_button.setToolTip(_("Move it to the bin (Undo brings it back)"))
        self.cancel_button = button(_("Cancel"))
        self._lay_out()
        self.message.hide()
        self.end_button.setHidden(item is None or item.ended_on is not None)
        self.delete_button.setHidden(item is None)
        self._fill(item, next_session_day)
        self.times.valueChanged.connect(self._word_per)
        self.per.currentIndexChanged.connect(self._on_per_changed)
        self.has_end.toggled.connect(self._on_has_end_toggled)
        for signal in (self.title.textEdited, self.times.valueChanged, self.start.dateChanged):
            signal.connect(self._hide_message)
        self.end.dateChanged.connect(self._hide_message)
        self.save_button.clicked.connect(self.save)
        self.end_button.clicked.connect(self.end_today)
        self.delete_button.clicked.connect(self.delete)
        self.cancel_button.clicked.connect(self.reject)
        self.set_default_button(self.save_button)
        self.title.setFocus()

    @classmethod
    def for_session(
        cls,
        session: Session,
        *,
        item: Homework | None,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> HomeworkDialog:
        """The dialog over the open journal; a new item ends by default on the next session's
        day, when one is booked."""
        now = session.clock()
        upcoming = between_access.between_reader(session).next_session(now)
        return cls(
            runner=between_access.between_runner(session),
            undo_stack=undo_stack,
            today=now.date(),
            next_session_day=upcoming.astimezone(now.tzinfo).date() if upcoming else None,
            item=item,
            parent=parent,
        )

    def _lay_out(self) -> None:
        often = QHBoxLayout()
        often.setSpacing(8)
        often.addWidget(self.times)
        often.addWidget(self.per, 1)
        until = QHBoxLayout()
        until.setSpacing(8)
        until.addWidget(self.has_end)
        until.addWidget(self.end, 1)
        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(field_label(_("&What"), self.title), self.title)
        form.addRow(field_label(_("What &counts"), self.counts), self.counts)
        form.addRow(field_label(_("How &often"), self.times), often)
        form.addRow(field_label(_("&From"), self.start), self.start)
        form.addRow(label(""), until)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(self.message)
        # Ending and deleting on a row of their own: in a longer language the four buttons
        # would not fit one row, and they are not the dialog's answer.
        item_actions = QHBoxLayout()
        item_actions.setSpacing(10)
        item_actions.addWidget(self.end_button)
        item_actions.addWidget(self.delete_button)
        item_actions.addStretch(1)
        layout.addLayout(item_actions)
        layout.addLayout(button_row(self.cancel_button, self.save_button))

    def _fill(self, item: Homework | None, next_session_day: date | None) -> None:
        today = self._today
        if item is None:
            self.counts.setCurrentIndex(self.counts.findData(Counts.MANUAL))
            self.times.setValue(1)
            self.per.setCurrentIndex(self.per.findData(Per.WEEK))
            self.start.setDate(_qdate(today))
            # Until the day before the next session, as homework agreed in a session runs
            # (services/session_homework.py): it is talked over on the day itself.
            end: date | None = None
            if next_session_day is not None and next_session_day >= today:
                end = max(today, next_session_day - timedelta(days=1))
            booked = end is not None
            self.end.setDate(_qdate(end or today + timedelta(weeks=DEFAULT_WEEKS)))
            self.has_end.setChecked(booked)
        else:
            self.title.setText(item.title)
            self.counts.setCurrentIndex(self.counts.findData(item.counts))
            self.times.setValue(item.times)
            per: object = ONCE if _is_once(item) else item.per
            self.per.setCurrentIndex(self.per.findData(per))
            self.start.setDate(_qdate(item.start))
            self.end.setDate(_qdate(item.end or max(today, item.start)))
            self.has_end.setChecked(item.end is not None)
        self._word_per()
        self._on_per_changed()

    # --- the choices follow each other --------------------------------------------------------

    def _word_per(self) -> None:
        count = self.times.value()
        self.per.setItemText(0, ngettext("time a day", "times a day", count))
        self.per.setItemText(1, ngettext("time a week", "times a week", count))
        self.per.setItemText(2, _("once, by a date"))

    def _on_per_changed(self) -> None:
        once = self.per.currentData() == ONCE
        if once:
            self.times.setValue(1)
            self.has_end.setChecked(True)
        self.times.setEnabled(not once)
        self.has_end.setEnabled(not once)
        self.has_end.setText(_("By") if once else _("Until"))
        self._on_has_end_toggled(self.has_end.isChecked())

    def _on_has_end_toggled(self, checked: bool) -> None:
        self.end.setEnabled(checked)
        self._hide_message()

    def _hide_message(self) -> None:
        self.message.hide()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # --- what the buttons do ------------------------------------------------------------------

    def chosen(self) -> Homework | None:
        """The item as filled in, or None with a message saying what to change."""
        title = self.title.text().strip()
        start = _day(self.start.date())
        end = _day(self.end.date()) if self.has_end.isChecked() else None
        once = self.per.currentData() == ONCE
        if not title:
            self._say(_("Write what the homework is, in a few words."))
            self.title.setFocus()
            return None
        if self.times.value() < 1:
            self._say(_("How often needs to be at least once. Choose 1 or more."))
            self.times.setFocus()
            return None
        if end is not None and end < start:
            self._say(
                _("It would end before it starts. Choose an end on or after the start.")
                if not once
                else _("The date it is due is before its start. Choose a later date.")
            )
            self.end.setFocus()
            return None
        fields: dict[str, Any] = {
            "title": title,
            "counts": Counts(self.counts.currentData()),
            "times": 1 if once else self.times.value(),
            "per": Per.WEEK if once else Per(self.per.currentData()),
            "start": start,
            "end": end,
        }
        try:
            if self.item is None:
                return Homework(**fields)
            return self.item.with_changes(**fields)
        except UserFacingError as error:
            self._say(str(error))
            return None

    def save(self) -> None:
        """Add or save the item; the dialog stays open, with a message, if it cannot."""
        item = self.chosen()
        if item is None:
            return
        runner = self._runner
        try:
            if self.item is None:
                stored = runner.run(lambda ops: ops.add_homework(item))
                item_id = stored.id or 0
                self._push(
                    ADDED,
                    _("Homework added."),
                    redo=lambda ops: ops.undelete_homework(item_id),
                    undo=lambda ops: ops.delete_homework(item_id),
                )
            else:
                edited = runner.run(lambda ops: ops.edit_homework(item))
                before, after = edited.before, edited.after
                self._push(
                    EDITED,
                    _("Homework saved."),
                    redo=lambda ops: ops.edit_homework(after),
                    undo=lambda ops: ops.edit_homework(before),
                )
        except UserFacingError as error:
            self._say(str(error))
            return
        self.accept()

    def end_today(self) -> None:
        """End the item today: it leaves Today, and its weeks so far are kept."""
        if self.item is None or self.item.id is None:
            return
        item_id, today = self.item.id, self._today
        try:
            edited = self._runner.run(lambda ops: ops.end_homework(item_id, today))
        except UserFacingError as error:
            self._say(str(error))
            return
        before, after = edited.before, edited.after
        self._push(
            ENDED,
            _("Homework ended; its weeks so far are kept."),
            redo=lambda ops: ops.edit_homework(after),
            undo=lambda ops: ops.edit_homework(before),
        )
        self.accept()

    def delete(self) -> None:
        """Move the item to the bin, with Undo."""
        if self.item is None or self.item.id is None:
            return
        item_id = self.item.id
        try:
            self._runner.run(lambda ops: ops.delete_homework(item_id))
        except UserFacingError as error:
            self._say(str(error))
            return
        self._push(
            DELETED,
            _("Homework deleted."),
            redo=lambda ops: ops.delete_homework(item_id),
            undo=lambda ops: ops.undelete_homework(item_id),
        )
        self.accept()

    def _push(self, table: tuple[str, str, str], said: str, *, redo: Any, undo: Any) -> None:
        runner = self._runner
        self._undo_stack.push(
            HomeworkCommand(
                between_access.words(table),
                said=said,
                runner=runner.runner,
                redo_op=runner.operation(redo),
                undo_op=runner.operation(undo),
            )
        )
        self.outcome.emit(said)
