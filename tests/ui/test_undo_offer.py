"""A Today card's short-lived Undo: shown after a change, undoes through the stack, then goes."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from trustjournal.ui.today.undo_offer import UNDO_MS, UndoOffer
from trustjournal.ui.widgets.common import label


class Counted(QUndoCommand):
    """A change that counts how often it was taken back; `said` is what Undo says beside it."""

    def __init__(self, said: str = "") -> None:
        super().__init__("a change")
        self.said = said
        self.undone = 0

    def undo(self) -> None:
        self.undone += 1


def _card(qtbot: QtBot, *, with_text: bool) -> tuple[QWidget, UndoOffer, QUndoStack]:
    card = QWidget()
    qtbot.addWidget(card)
    stack = QUndoStack(card)
    offer = UndoOffer(card, undo_stack=stack, text=label("") if with_text else None)
    row = QHBoxLayout(card)
    if offer.text is not None:
        row.addWidget(offer.text)
    row.addWidget(offer.button)
    card.show()
    qtbot.waitExposed(card)
    return card, offer, stack


def test_undo_shows_after_a_change_and_takes_it_back_through_the_stack(qtbot: QtBot) -> None:
    _card_widget, offer, stack = _card(qtbot, with_text=True)
    assert offer.button.isHidden() and offer.text is not None and offer.text.isHidden()
    assert offer.button.text() == "Undo" and offer.timer.interval() == UNDO_MS
    change = Counted()
    stack.push(change)
    offer.offer("Ticked as done today.")
    assert offer.button.isVisible() and offer.text.text() == "Ticked as done today."
    assert offer.timer.isActive()
    offer.button.click()
    assert change.undone == 1


def test_a_late_undo_does_nothing_once_withdrawn(qtbot: QtBot) -> None:
    _card_widget, offer, stack = _card(qtbot, with_text=False)
    change = Counted()
    stack.push(change)
    offer.offer()
    offer.withdraw()
    assert offer.button.isHidden() and not offer.timer.isActive()
    offer.undo()  # Ctrl+Z is the stack's; this Undo belongs to the moment after the change
    assert change.undone == 0


def test_undo_goes_by_itself_after_a_while(qtbot: QtBot) -> None:
    _card_widget, offer, _stack = _card(qtbot, with_text=True)
    offer.timer.setInterval(1)
    offer.offer("Saved.")
    qtbot.waitUntil(offer.button.isHidden)
    assert offer.text is not None and offer.text.isHidden()


def test_following_the_stack_offers_undo_only_for_changes_with_words(qtbot: QtBot) -> None:
    _card_widget, offer, stack = _card(qtbot, with_text=True)
    offer.follow(lambda command: command.said if isinstance(command, Counted) else "")
    ours = Counted("Marked as told today.")
    stack.push(ours)
    assert offer.button.isVisible()
    assert offer.text is not None and offer.text.text() == "Marked as told today."
    stack.push(Counted())  # something else done since: this Undo would no longer be ours
    assert offer.button.isHidden() and offer.text.isHidden()
    stack.undo()
    stack.undo()  # undoing (the stack shrinks) offers nothing either
    assert offer.button.isHidden()
    stack.redo()  # ours done again: its Undo comes back with it
    assert offer.button.isVisible()
    assert ours.undone == 1
