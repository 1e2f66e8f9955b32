"""Insights' "Together with": each comparison as one sentence with its counts, never a claim."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from trustjournal.core.i18n import _
from trustjournal.services.insights_together import (
    MIN_SIDE,
    Compared,
    Comparison,
    comparison_text,
)
from trustjournal.ui.insights.measured import card, label
from trustjournal.ui.insights.readable import make_readable


def together_card(parent: QWidget | None) -> tuple[QFrame, TogetherList]:
    """The card and its list of sentences."""
    frame, column = card(
        parent,
        heading=_("Together with"),
        hint=_(
            "Simple comparisons from your own entries: what tended to come together, not what"
            " caused what. Each gives the days or weeks behind it; with fewer than {minimum}"
            " on either side, it waits until there is enough."
        ).format(minimum=MIN_SIDE),
    )
    sentences = TogetherList(frame)
    column.addWidget(sentences)
    return frame, sentences


class TogetherList(QWidget):
    """One sentence per comparison, each reachable by Tab and read by screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(8)
        # Made now, not when figures arrive: Tab's chain follows the order widgets join.
        self.sentences: list[QLabel] = []
        for _compared in Compared:
            sentence = make_readable(label(""), chart=_("Together with"))
            sentence.setMinimumWidth(1)  # wraps; never widens the page
            self.column.addWidget(sentence)
            self.sentences.append(sentence)

    def show_comparisons(self, comparisons: list[Comparison]) -> None:
        """Show these comparisons, in their order (none: an empty list)."""
        texts = [comparison_text(c) for c in comparisons]
        for index, sentence in enumerate(self.sentences):
            shown = index < len(texts)
            sentence.setText(texts[index] if shown else "")
            sentence.setVisible(shown)
