"""Today's week at a glance: seven small columns of the day and its averages."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from trustjournal.services.insights import DailyMood
from trustjournal.ui.widgets.common import label

WEEK = 7


def _avg(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".removesuffix(".0")


class WeekStrip(QWidget):
    """Seven small columns: the day, and its average mood, connection and trust."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        for row, text in enumerate(("", "Mood", "Connection", "Trust"), start=0):
            self.grid.addWidget(label(text, role="hint", wrap=False), row, 0)
        self.cells: list[list[QLabel]] = []
        for column in range(1, WEEK + 1):
            cells = [label("", wrap=False) for _ in range(4)]
            cells[0].setProperty("role", "hint")
            for row, cell in enumerate(cells):
                cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.addWidget(cell, row, column)
            self.cells.append(cells)
        self.grid.setColumnStretch(WEEK + 1, 1)

    def show_days(self, days: list[date], moods: list[DailyMood]) -> None:
        """Fill the columns for `days` (oldest first)."""
        by_day = {m.day: m for m in moods}
        for cells, day in zip(self.cells, days, strict=True):
            found = by_day.get(day)
            cells[0].setText(f"{day:%a}\n{day.day}")
            cells[1].setText(_avg(found.mood_avg) if found else "–")
            cells[2].setText(_avg(found.connection_avg) if found else "–")
            cells[3].setText(_avg(found.trust_avg) if found else "–")
