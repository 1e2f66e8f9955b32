"""The goal dialog by keyboard: steps added with Enter, moved with Alt+Up/Down, ticked with
Space; editing keeps done dates; bad input gets a clear message and closes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.dialog_helpers import delete_closed_dialogs
from tests.ui.goal_dialog_helpers import DONE_AT, EDITED
from tests.ui.i18n_helpers import escaped_texts
from tests.ui.layout_checks import overlaps, settle, squeezed
from tests.ui.shell_helpers import fixed_clock
from trustjournal.core.between import GoalState
from trustjournal.ui.today.goal_dialog import GoalDialog


@pytest.fixture
def open_dialogs(qtbot: QtBot) -> Iterator[list[GoalDialog]]:
    made: list[GoalDialog] = []
    yield made
    for dialog in made:
        dialog.close()
    delete_closed_dialogs()


def _dialog(qtbot: QtBot, made: list[GoalDialog], *, editing: bool = False) -> GoalDialog:
    dialog = GoalDialog(goal=EDITED if editing else None, clock=fixed_clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # shortcuts (Alt+Up) and Tab act in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    made.append(dialog)
    return dialog


def _keys(widget: object, text: str) -> None:
    widget.setFocus()  # type: ignore[attr-defined]
    QTest.keyClicks(widget, text)  # type: ignore[arg-type]


def _steps(dialog: GoalDialog) -> list[str]:
    return [dialog.steps.topLevelItem(i).text(0) for i in range(dialog.steps.topLevelItemCount())]  # type: ignore[union-attr]


def test_a_goal_written_by_keys_with_steps_in_order_one_done(
    qtbot: QtBot, open_dialogs: list[GoalDialog]
) -> None:
    dialog = _dialog(qtbot, open_dialogs)
    _keys(dialog.title, "Walk on Sundays")
    QTest.keyClick(dialog.title, Qt.Key.Key_Tab)
    assert dialog.why.hasFocus()
    QTest.keyClicks(dialog.why, "Time for us")
    for step in ("Pick a route", "Buy shoes", "Ask them"):
        _keys(dialog.new_step, step)
        QTest.keyClick(dialog.new_step, Qt.Key.Key_Return)  # adds it; the dialog stays
    assert not dialog.is_finished
    assert _steps(dialog) == ["Pick a route", "Buy shoes", "Ask them"]
    dialog.steps.setFocus()
    QTest.keyClick(dialog.steps, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _steps(dialog) == ["Pick a route", "Ask them", "Buy shoes"]
    QTest.keyClick(dialog.steps, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(dialog.steps, Qt.Key.Key_Home)
    QTest.keyClick(dialog.steps, Qt.Key.Key_Space)  # the first step is done
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.is_finished and dialog.choice is not None
    goal = dialog.choice.goal
    assert goal is not None and not dialog.choice.delete
    assert (goal.title, goal.why, goal.state) == ("Walk on Sundays", "Time for us", "working")
    assert [(s.text, s.done_at) for s in goal.steps] == [
        ("Pick a route", fixed_clock()),
        ("Buy shoes", None),
        ("Ask them", None),
    ]


def test_editing_keeps_done_dates_through_moves_and_new_words(
    qtbot: QtBot, open_dialogs: list[GoalDialog]
) -> None:
    dialog = _dialog(qtbot, open_dialogs, editing=True)
    assert dialog.steps.topLevelItem(0).text(1) != ""  # type: ignore[union-attr]  # its day shows
    dialog.steps.setCurrentItem(dialog.steps.topLevelItem(0))
    dialog.steps.setFocus()
    QTest.keyClick(dialog.steps, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    dialog.title.selectAll()
    _keys(dialog.title, "Talk about money kindly")
    dialog.state.setCurrentIndex(dialog.state.findData(GoalState.REACHED.value))
    dialog.save_button.click()
    assert dialog.choice is not None and dialog.choice.goal is not None
    goal = dialog.choice.goal
    assert goal.id == EDITED.id and goal.title == "Talk about money kindly"
    assert [(s.text, s.done_at) for s in goal.steps] == [
        ("Pick a quiet hour", None),
        ("List our costs", DONE_AT),
    ]
    assert goal.state is GoalState.REACHED


def test_bad_input_is_said_plainly_and_escape_keeps_nothing(
    qtbot: QtBot, open_dialogs: list[GoalDialog]
) -> None:
    dialog = _dialog(qtbot, open_dialogs)
    QTest.keyClick(dialog.why, Qt.Key.Key_Return)
    assert not dialog.is_finished
    assert dialog.message.text() == "Write what you want first; a few words are enough."
    dialog.add_button.click()
    assert dialog.message.text() == "Write the step first, then add it."
    _keys(dialog.title, "Rest")
    dialog.has_target.setChecked(True)
    dialog.target.setFocus()
    QTest.keyClick(dialog.target, Qt.Key.Key_Down)  # a day back: it has passed
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert not dialog.is_finished
    assert dialog.message.text() == (
        "The target date has passed. Choose a later day, or no target date."
    )
    QTest.keyClick(dialog.title, Qt.Key.Key_Escape)
    assert dialog.is_finished and dialog.choice is None


def test_a_step_emptied_by_editing_is_named(qtbot: QtBot, open_dialogs: list[GoalDialog]) -> None:
    dialog = _dialog(qtbot, open_dialogs, editing=True)
    dialog.steps.topLevelItem(1).setText(0, "  ")  # type: ignore[union-attr]
    dialog.save_button.click()
    assert not dialog.is_finished
    assert dialog.message.text() == "Step 2 is empty: write it, or remove it."


def test_delete_is_a_choice_the_card_carries_out(
    qtbot: QtBot, open_dialogs: list[GoalDialog]
) -> None:
    new = _dialog(qtbot, open_dialogs)
    assert not new.delete_button.isVisibleTo(new)
    dialog = _dialog(qtbot, open_dialogs, editing=True)
    dialog.delete_button.click()
    assert dialog.choice is not None and dialog.choice.delete


def test_every_word_is_translatable_and_nothing_is_cut(
    qtbot: QtBot, qapp: QApplication, pseudo: None, open_dialogs: list[GoalDialog]
) -> None:
    dialog = _dialog(qtbot, open_dialogs, editing=True)
    dialog.resize(dialog.minimumSizeHint())
    settle()
    user = [EDITED.title, EDITED.why, *(s.text for s in EDITED.steps)]
    assert escaped_texts(dialog, user_texts=user) == []
    assert squeezed(dialog) == []
    assert overlaps(dialog) == []
