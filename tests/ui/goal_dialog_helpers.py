"""Builders for goal dialog tests: a new goal, or one with steps (one done) to edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from tests.ui.dialog_helpers import Journal
from tests.ui.shell_helpers import fixed_clock
from trustjournal.core.between import Goal, GoalStep
from trustjournal.ui.dialogs.keyed import KeyedDialog
from trustjournal.ui.tasks import Tasks
from trustjournal.ui.today.goal_dialog import GoalDialog

DONE_AT = fixed_clock() - timedelta(days=3)
EDITED = Goal(
    id=7,
    title="Talk about money calmly",
    why="So we stop dreading it",
    steps=(GoalStep(text="List our costs", done_at=DONE_AT), GoalStep(text="Pick a quiet hour")),
)


def goal_dialog(journal: Journal, tasks: Tasks | None = None) -> GoalDialog:
    """A new goal's dialog, shown (`journal` and `tasks` are unused: it stores nothing)."""
    return _shown(GoalDialog(goal=None, clock=fixed_clock))


def edit_goal_dialog(journal: Journal, tasks: Tasks | None = None) -> GoalDialog:
    """The dialog over a goal with two steps, the first done."""
    return _shown(GoalDialog(goal=EDITED, clock=fixed_clock))


def _shown(dialog: GoalDialog) -> GoalDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _type(field: QWidget, text: str) -> None:
    field.setFocus()
    QTest.keyClicks(field, text)


def goal_typed(title: str, why: str = "") -> Callable[[KeyedDialog, Callable[[], None]], None]:
    """A state for the every-dialog checks: these words typed."""

    def setup(dialog: KeyedDialog, _settle: Callable[[], None]) -> None:
        assert isinstance(dialog, GoalDialog)
        if title:
            _type(dialog.title, title)
        if why:
            _type(dialog.why, why)

    return setup
