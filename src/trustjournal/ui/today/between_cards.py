"""What Today shows between sessions: the next session's line and this week's homework."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from trustjournal.ui.session import Session
from trustjournal.ui.today.homework_card import HomeworkCard
from trustjournal.ui.today.next_session import NextSessionLine


class TodayBetween:
    """The two parts, built with the page; the page only places them and clears them.

    Attributes:
        next_session: the line under the streak (hidden while no session is booked).
        homework: the homework card (its rows read in the background).
    """

    def __init__(self, *, session: Session, undo_stack: QUndoStack, page: QWidget) -> None:
        self.next_session = NextSessionLine(session=session, parent=page)
        self.homework = HomeworkCard(session=session, undo_stack=undo_stack, parent=page)

    def clear(self) -> None:
        """Forget what is shown (the journal is locking)."""
        self.next_session.clear()
        self.homework.clear()
