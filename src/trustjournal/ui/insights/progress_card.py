"""Insights' progress list: the steps, goals and milestones reached in the period, each with its
day and its numbers, every line reachable by Tab and read by screen readers."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from trustjournal.core.i18n import _, ngettext
from trustjournal.core.periods import Period
from trustjournal.services.changes import Change
from trustjournal.ui.insights.laid_out_once import laid_out_once
from trustjournal.ui.insights.measured import card, label
from trustjournal.ui.insights.period_bar import PeriodBar
from trustjournal.ui.insights.readable import make_readable
from trustjournal.ui.session import Session
from trustjournal.ui.today.progress_reads import ProgressView, read_progress
from trustjournal.ui.today.progress_words import progress_text, reached_on_text

SHOWN = 12  # lines made up front (Tab's chain follows the order widgets join); the rest counted
WATCHED = frozenset({Change.ENTRIES, Change.HOMEWORK, Change.GOALS, Change.PROGRESS})


def progress_list_card(
    parent: QWidget | None, *, session: Session, bar: PeriodBar
) -> tuple[QFrame, ProgressList]:
    """The card and its list, which follows `bar`'s period and the journal's changes (the page
    gives it its "Add to Share", as every other card: the list then goes into the next summary)."""
    frame, column = card(
        parent,
        heading=_("Reached along the way"),
        hint=_(
            "Steps, goals and milestones you reached in this period, the latest first, each"
            " with the numbers behind it."
        ),
    )
    reached = ProgressList(session=session, bar=bar, parent=frame)
    column.addWidget(reached)
    return frame, reached


class ProgressList(QWidget):
    """One line per thing reached in the period, read off the UI thread (finding milestones
    takes about 0.2 s at 100 000 entries)."""

    def __init__(self, *, session: Session, bar: PeriodBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._bar = bar
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(6)
        self.nothing = label(
            _("Nothing reached in this period yet. Steps you tick on Today appear here."),
            role="hint",
        )
        self.column.addWidget(self.nothing)
        self.lines: list[QLabel] = []
        for _index in range(SHOWN):
            line = make_readable(label(""), chart=_("Reached along the way"))
            line.setMinimumWidth(1)  # wraps; never widens the page
            line.hide()
            self.column.addWidget(line)
            self.lines.append(line)
        self.more = label("", role="hint")
        self.more.hide()
        self.column.addWidget(self.more)
        # The list as last read, and on which day; a change to what it shows forgets it.
        self._kept: tuple[date, ProgressView] | None = None
        self._generation = 0
        self._held = False  # lines read are kept back until `release`
        self._waiting: list[str] | None = None  # lines kept back
        bar.changed.connect(self._on_period)
        session.events.changed.connect(self._on_changed)

    def refresh(self, period: Period | None = None, *, reread: bool = True) -> None:
        """Show the progress list for `period` (default: the bar's), worded in a background
        task (all time has some 60 lines: 10-20 ms of the UI thread). Without `reread`, the
        list read last (today) is worded again: it does not depend on the period, and reading
        it (finding milestones) would compete with the page's figures at every period."""
        if not self._session.is_open():
            return
        wanted = period or self._bar.period()
        session, today = self._session, self._session.clock().date()
        kept = self._kept
        if not reread and kept is not None and kept[0] == today:
            view = kept[1]

            def work() -> tuple[ProgressView, list[str]]:
                return view, reached_lines(view, wanted)
        else:

            def work() -> tuple[ProgressView, list[str]]:
                read = read_progress(session, today, unacknowledged_only=False).value
                return read, reached_lines(read, wanted)

        generation = self._generation
        session.tasks.run_in_background(
            work,
            lambda done: self._show(wanted, today, generation, *done),
            lambda _error: self.show_lines([]),
        )

    def _show(
        self, period: Period, today: date, generation: int, view: ProgressView, lines: list[str]
    ) -> None:
        if generation == self._generation:  # not read before a change that came since
            self._kept = (today, view)
        if period != self._bar.period():
            return  # an older read; the newer one is on its way
        if self._held:
            self._waiting = lines
        else:
            self.show_lines(lines)

    def hold(self) -> None:
        """Keep the lines of the next read back until `release` (the page holds them while it
        reads a new period's figures: laid out meanwhile, they slowed that read and the
        window both, as the two need the same interpreter)."""
        self._held = True

    def release(self) -> None:
        """Show the lines kept back, if any; the next reads show theirs at once again."""
        self._held = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.show_lines(waiting)

    def show_lines(self, lines: list[str]) -> None:
        """Show these lines, the first SHOWN of them, and how many more there are (laid out
        once, after all of them)."""
        with laid_out_once(self):
            self._show_lines(lines)

    def _show_lines(self, lines: list[str]) -> None:
        for index, line in enumerate(self.lines):
            shown = index < len(lines)
            line.setText(lines[index] if shown else "")
            line.setVisible(shown)
        rest = len(lines) - SHOWN
        self.more.setText(
            ngettext(
                "And {count} more reached earlier in this period.",
                "And {count} more reached earlier in this period.",
                rest,
            ).format(count=rest)
            if rest > 0
            else ""
        )
        self.more.setVisible(rest > 0)
        self.nothing.setVisible(not lines)

    def _on_period(self, period: Period) -> None:
        self.refresh(period, reread=False)

    def _on_changed(self, changes: frozenset[Any]) -> None:
        if WATCHED & set(changes):
            self._generation += 1
            self._kept = None
            self.refresh()

    def clear(self) -> None:
        """Stop listening and forget the lines (the journal is about to close)."""
        self._session.events.changed.disconnect(self._on_changed)
        self._bar.changed.disconnect(self._on_period)
        self._kept = None
        self._held, self._waiting = False, None
        self.show_lines([])


def reached_lines(view: ProgressView, period: Period) -> list[str]:
    """What was reached in `period`, the latest first, one sentence each (pure Python: made in
    the background)."""
    lines = []
    for record in reversed(view.progress):
        if not period.contains(record.reached_on):
            continue
        text = progress_text(record, goals=view.goals, milestones=view.milestones)
        if text is not None:
            lines.append(_("{day}: {what}").format(day=reached_on_text(record), what=text))
    return lines
