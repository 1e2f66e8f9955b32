"""Today's warm lines for what was reached (a step, a goal, a milestone), each shown once:
"Thank you" acknowledges it, and from then on it lives in Insights' progress list."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from trustjournal.core.i18n import _, ngettext
from trustjournal.services.changes import Change, Outcome
from trustjournal.services.progress_recording import acknowledge_all
from trustjournal.ui.session import Session
from trustjournal.ui.today.progress_reads import ProgressView, read_progress
from trustjournal.ui.today.progress_words import progress_text
from trustjournal.ui.widgets.common import button, label

SHOWN = 3  # lines at once; a first start over years of entries may find dozens
WATCHED = frozenset({Change.ENTRIES, Change.HOMEWORK, Change.GOALS, Change.PROGRESS})


class NoteRow(QWidget):
    """One warm line and its "Thank you"."""

    def __init__(self, key: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.text = label(text, role="good")
        self.text.setMinimumWidth(1)
        self.thanks = button(_("Thank you"), flat=True)
        self.thanks.setAccessibleName(_("Thank you: I have seen it"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.thanks)


class ProgressNotes(QWidget):
    """What was reached and not yet acknowledged, found and read off the UI thread (finding
    milestones takes about 0.2 s at 100 000 entries). Hidden while there is nothing."""

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.rows: list[NoteRow] = []
        self._reading = False
        self._again = False
        self._rest: list[str] = []  # keys beyond the lines shown
        self.more = label("", role="hint")
        self.all_thanks = button("", flat=True)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(4)
        end = QHBoxLayout()
        end.addWidget(self.more, 1)
        end.addWidget(self.all_thanks)
        self._column.addLayout(end)
        self.all_thanks.clicked.connect(self._thank_all)
        self.setVisible(False)
        session.events.changed.connect(self._on_changed)
        session.tasks.call_on_release(self.refresh)  # after Today's first paint

    def refresh(self) -> None:
        """Find milestones, record the new ones, and read what is still to acknowledge."""
        if not self._session.is_open():
            return
        if self._reading:
            self._again = True  # one more read once this one is back
            return
        self._reading = True
        session, today = self._session, self._session.clock().date()

        def read(_ops: Any) -> Outcome[ProgressView]:
            return read_progress(session, today, unacknowledged_only=True, record=True)

        session.services.operations.run_in_background(
            read, tasks=session.tasks, on_done=self._show, on_error=self._failed
        )

    def _show(self, view: ProgressView) -> None:
        self._reading = False
        if self._again:
            self._again = False
            self.refresh()
            return
        lines = []
        for record in reversed(view.progress):  # the latest first
            text = progress_text(record, goals=view.goals, milestones=view.milestones)
            if text is not None:  # a milestone the data no longer holds waits, unsaid
                lines.append((record.key, text))
        self.show_lines(lines)

    def _failed(self, _error: BaseException) -> None:
        self._reading = False
        self.show_lines([])  # nothing warm is better than something wrong

    def show_lines(self, lines: list[tuple[str, str]]) -> None:
        """Show these (key, sentence) lines, the first SHOWN of them."""
        focused = next((row.key for row in self.rows if row.thanks.hasFocus()), None)
        for row in self.rows:
            self._column.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        for index, (key, text) in enumerate(lines[:SHOWN]):
            row = NoteRow(key, text, self)
            row.thanks.clicked.connect(lambda _c=False, k=key: self.thank([k]))
            self._column.insertWidget(index, row)
            self.rows.append(row)
            if key == focused:
                row.thanks.setFocus()  # rebuilt under the person's focus: keep their place
        # Rows made now would come last for Tab: chained here in reading order, after this
        # widget's place in the chain (between the next-session line and the check-in).
        chain = [self, *(row.thanks for row in self.rows), self.all_thanks]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._rest = [key for key, _text in lines[SHOWN:]]
        rest = len(self._rest)
        self.more.setText(
            ngettext(
                "And {count} more reached before, in Insights under “Reached along the way”.",
                "And {count} more reached before, in Insights under “Reached along the way”.",
                rest,
            ).format(count=rest)
        )
        self.all_thanks.setText(_("Thank you for those too"))
        self.more.setVisible(rest > 0)
        self.all_thanks.setVisible(rest > 0)
        self.setVisible(bool(lines))

    def thank(self, keys: list[str]) -> None:
        """Acknowledge these: they are not shown here again."""
        if not self._session.is_open():
            return
        at = self._session.clock()
        focused = next((i for i, row in enumerate(self.rows) if row.thanks.hasFocus()), None)
        staying = [row for row in self.rows if row.key not in keys]
        if focused is not None and self.rows[focused].key in keys and staying:
            later = [row for row in staying if self.rows.index(row) > focused]
            # The next line's "Thank you" (else the one above), not wherever hiding this one
            # would send the focus (the page's next card, further down).
            (later[0] if later else staying[-1]).thanks.setFocus()
        for row in self.rows:
            if row.key in keys:
                row.hide()
        session = self._session
        session.services.operations.run(
            lambda _ops: acknowledge_all(vault=session.vault, clock=session.clock, keys=keys, at=at)
        )

    def _thank_all(self) -> None:
        self.thank(self._rest)

    def _on_changed(self, changes: frozenset[Any]) -> None:
        if self._reading and set(changes) == {Change.PROGRESS}:
            return  # our own read recording milestones: what it read already holds them
        if WATCHED & set(changes):
            self.refresh()

    def clear(self) -> None:
        """Stop listening and forget what was shown (the journal is locking)."""
        self._session.events.changed.disconnect(self._on_changed)
        self.show_lines([])
