"""A goal as a whole: what I want, why, its steps in order (each done or not), a target date,
and where it stands. Enter saves, Escape cancels; the card runs the change with Undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.between import Goal, GoalState, GoalStep
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _, babel_locale, pgettext
from trustjournal.core.wording import short_day
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.editors.fields import qt_format
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import button, field_label, label

MIN_WIDTH = 480
DONE_AT = Qt.ItemDataRole.UserRole  # a step's done moment (None: not done) on its item


def state_names() -> dict[GoalState, str]:
    """Where a goal stands, in words."""
    return {
        GoalState.WORKING: _("Working on it"),
        GoalState.REACHED: _("Reached"),
        GoalState.SET_ASIDE: _("Set aside for now"),
    }


@dataclass(frozen=True)
class GoalChoice:
    """What the person chose: this goal saved, or (`delete`) the goal deleted."""

    goal: Goal | None
    delete: bool = False


class GoalDialog(KeyedDialog):
    """Write or change a goal. Nothing is stored here: `choice` says what to do.

    Signals:
        outcome(str): what was chosen, in words, as the dialog closes.
    """

    outcome = Signal(str)

    def __init__(
        self,
        *,
        goal: Goal | None,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._goal = goal
        self._clock = clock
        self.choice: GoalChoice | None = None
        self.setWindowTitle(_("New goal") if goal is None else _("Edit goal"))
        self.title = QLineEdit(self)
        self.title.setAccessibleName(_("What I want"))
        self.title.setPlaceholderText(_("For example: talk about money without fighting"))
        self.why = QLineEdit(self)
        self.why.setAccessibleName(_("Why it matters to me"))
        self.steps = QTreeWidget(self)
        self.steps.setColumnCount(2)
        self.steps.setHeaderLabels([_("Steps, in order (tick one when done)"), _("Done on")])
        self.steps.setRootIsDecorated(False)
        self.steps.setAccessibleName(_("Steps"))
        self.steps.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.steps.setMinimumHeight(120)
        header = self.steps.header()
        header.setStretchLastSection(False)  # the step's words take the room, its day what it needs
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.new_step = QLineEdit(self)
        self.new_step.setAccessibleName(_("A new step"))
        self.new_step.setPlaceholderText(_("A small next step; Enter adds it"))
        self.add_button = button(_("&Add step"))
        self.remove_button = button(_("&Remove step"), flat=True)
        self.up_button = button(_("Move up"), flat=True)
        self.up_button.setToolTip(_("Move the chosen step up (Alt+Up)"))
        self.down_button = button(_("Move down"), flat=True)
        self.down_button.setToolTip(_("Move the chosen step down (Alt+Down)"))
        self.has_target = QCheckBox(_("A target date"), self)
        self.target = self._date_field()
        self.state = QComboBox(self)
        for state, name in state_names().items():
            self.state.addItem(name, state.value)
        self.state.setAccessibleName(_("Where it stands"))
        guard_wheel(self.target, self.state)
        self.message = label("", role="error")
        self.message.hide()
        self.delete_button = button(_("Delete goal"), flat=True)
        self.cancel_button = button(_("Cancel"))
        self.save_button = button(_("Save goal"), primary=True)
        self._lay_out()
        self._fill(goal)
        self.setMinimumWidth(MIN_WIDTH)  # a step's words need a line's room
        self.resize(MIN_WIDTH + 80, 520)
        self.set_default_button(self.save_button)
        self._connect()

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_step)
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        # The dialog's own keys (a button's shortcut would bind to it before it has a window).
        for keys, by in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda by=by: self.move_step(by))
        self.has_target.toggled.connect(self.target.setEnabled)
        self.steps.itemChanged.connect(self._on_step_changed)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button.clicked.connect(self._delete)

    def _date_field(self) -> QDateEdit:
        field = QDateEdit(self)
        field.setCalendarPopup(True)
        field.setLocale(QLocale(babel_locale()))
        # Translators: a Qt format for a goal's target date (ddd weekday, MMM month)
        field.setDisplayFormat(
            qt_format(pgettext("date field", "ddd d MMM yyyy"), "ddd d MMM yyyy")
        )
        field.setAccessibleName(_("Target date"))
        # Room for its own text field's whole height inside its frame (left to itself, the
        # date edit gives that field a few pixels less than its text needs).
        frame = field.style().pixelMetric(QStyle.PixelMetric.PM_SpinBoxFrameWidth, None, field)
        field.setMinimumHeight(field.lineEdit().minimumSizeHint().height() + 2 * frame)
        return field

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(field_label(_("&What I want"), self.title), self.title)
        form.addRow(field_label(_("W&hy it matters to me"), self.why), self.why)
        layout.addLayout(form)
        layout.addWidget(self.steps, 1)
        adding = QHBoxLayout()
        adding.addWidget(self.new_step, 1)
        adding.addWidget(self.add_button)
        layout.addLayout(adding)
        moving = QHBoxLayout()
        moving.addWidget(self.up_button)
        moving.addWidget(self.down_button)
        moving.addWidget(self.remove_button)
        moving.addStretch(1)
        layout.addLayout(moving)
        target = QHBoxLayout()
        target.addWidget(self.has_target)
        target.addWidget(self.target)
        target.addStretch(1)
        layout.addLayout(target)
        stands = QFormLayout()
        stands.addRow(field_label(_("Where it &stands"), self.state), self.state)
        layout.addLayout(stands)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def _fill(self, goal: Goal | None) -> None:
        today = self._clock().date()
        self.target.setDate(QDate(today.year, today.month, today.day))
        self.target.setEnabled(False)
        self.delete_button.setVisible(goal is not None)
        if goal is None:
            return
        self.title.setText(goal.title)
        self.why.setText(goal.why)
        for step in goal.steps:
            self._append(step.text, step.done_at)
        if goal.target_on is not None:
            day = goal.target_on
            self.target.setDate(QDate(day.year, day.month, day.day))
            self.has_target.setChecked(True)
        self.state.setCurrentIndex(max(self.state.findData(goal.state.value), 0))

    # --- steps ---------------------------------------------------------------------------------

    def _append(self, text: str, done_at: datetime | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setText(0, text)
        item.setData(0, DONE_AT, done_at)
        item.setCheckState(0, Qt.CheckState.Checked if done_at else Qt.CheckState.Unchecked)
        item.setText(1, short_day(done_at.date()) if done_at else "")
        self.steps.addTopLevelItem(item)
        return item

    def add_step(self) -> None:
        """Add the new step's words at the end (nothing typed: say so)."""
        text = " ".join(self.new_step.text().split())
        if not text:
            self._say(_("Write the step first, then add it."))
            self.new_step.setFocus()
            return
        self.steps.setCurrentItem(self._append(text, None))
        self.new_step.clear()
        self._say("")

    def remove_step(self) -> None:
        """Remove the chosen step."""
        item = self.steps.currentItem()
        if item is None:
            self._say(_("Choose a step in the list first."))
            return
        self.steps.takeTopLevelItem(self.steps.indexOfTopLevelItem(item))

    def move_step(self, by: int) -> None:
        """Move the chosen step up (-1) or down (1), keeping it chosen."""
        item = self.steps.currentItem()
        if item is None:
            return
        index = self.steps.indexOfTopLevelItem(item)
        to = index + by
        if not 0 <= to < self.steps.topLevelItemCount():
            return
        self.steps.takeTopLevelItem(index)
        self.steps.insertTopLevelItem(to, item)
        self.steps.setCurrentItem(item)

    def _on_step_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        done = item.checkState(0) == Qt.CheckState.Checked
        had = item.data(0, DONE_AT)
        if done and had is None:
            now = self._clock()
            item.setData(0, DONE_AT, now)
            item.setText(1, short_day(now.date()))
        elif not done and had is not None:
            item.setData(0, DONE_AT, None)
            item.setText(1, "")

    def step_values(self) -> list[GoalStep]:
        """The steps as listed (a pending new step is added at the end, so nothing is lost).

        Raises:
            ValidationError: for a step emptied by editing.
        """
        steps = []
        for index in range(self.steps.topLevelItemCount()):
            item = self.steps.topLevelItem(index)
            assert item is not None  # index is within the count
            if not item.text(0).strip():
                raise ValidationError(
                    _("Step {number} is empty: write it, or remove it.").format(number=index + 1),
                    field="step",
                )
            steps.append(GoalStep(text=item.text(0), done_at=item.data(0, DONE_AT)))
        pending = self.new_step.text().strip()
        if pending:
            steps.append(GoalStep(text=pending))
        return steps

    # --- the buttons -----------------------------------------------------------------------------

    def on_enter(self) -> None:
        """Enter in the new step's field adds it; anywhere else it saves."""
        if self.focusWidget() is self.new_step and self.new_step.text().strip():
            self.add_step()
            return
        super().on_enter()

    def goal_value(self) -> Goal:
        """The goal as written here.

        Raises:
            ValidationError: with a message that says what to change.
        """
        if not self.title.text().strip():
            raise ValidationError(
                _("Write what you want first; a few words are enough."), field="title"
            )
        target: date | None = None
        if self.has_target.isChecked():
            target = self.target.date().toPython()  # type: ignore[assignment]
            assert target is not None
            if self._goal is None and target < self._clock().date():
                raise ValidationError(
                    _("The target date has passed. Choose a later day, or no target date."),
                    field="target_on",
                )
        state = GoalState(self.state.currentData())
        base = self._goal or Goal(title=self.title.text())
        return base.with_changes(
            title=self.title.text(),
            why=self.why.text(),
            steps=tuple(self.step_values()),
            target_on=target,
            state=state,
        )

    def save(self) -> None:
        """Close with the goal as written, or say what to change."""
        try:
            goal = self.goal_value()
        except ValidationError as error:
            self._say(str(error))
            return
        self.choice = GoalChoice(goal)
        self.outcome.emit(_("Goal saved."))
        self.accept()

    def _delete(self) -> None:
        self.choice = GoalChoice(None, delete=True)
        self.outcome.emit(_("Goal deleted."))
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @classmethod
    def ask(
        cls, parent: QWidget, *, goal: Goal | None, clock: Callable[[], datetime]
    ) -> GoalChoice | None:
        """What the person chose for `goal` (None: a new one); None if they cancelled."""
        dialog = cls(goal=goal, clock=clock, parent=parent)
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        return choice
