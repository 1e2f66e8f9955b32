"""Trigger records logged in the moment and still to finish, each one click from its editor."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from trustjournal.core.entries import EntryKind, TriggerRecord
from trustjournal.core.i18n import N_, _
from trustjournal.core.query import EntryQuery
from trustjournal.core.wording import first_line, intensity_span, short_when
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.session import Session
from trustjournal.ui.widgets.common import button, label, lay_out_item_row, remove_rows

log = logging.getLogger(__name__)

UNFINISHED = EntryQuery(kinds=frozenset({EntryKind.TRIGGER}), unfinished=True)
SHOWN = 3  # records listed; the rest wait in the Journal
TEXT_WIDTH = 140  # characters of what happened shown in the list
HEADING = N_("To finish when you're ready")
EMPTY = N_("Nothing waiting. A trigger you log quickly stays here until you finish it.")


def trigger_meta(entry: TriggerRecord) -> str:
    """When, how intense (before → after) and the category, for a line under a record."""
    day = entry.occurred_at
    parts = [
        short_when(day),
        intensity_span(entry.intensity, entry.intensity_after),
    ]
    if entry.category:
        parts.append(entry.category)
    return " · ".join(parts)


class UnfinishedRow(QWidget):
    """One record: the first line of what happened, when and how intense, and "Finish it"."""

    def __init__(self, entry: TriggerRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.text = label(first_line(entry.situation, TEXT_WIDTH))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = label(trigger_meta(entry), role="hint")
        self.finish_button = button(_("Finish it"))
        self.finish_button.setToolTip(_("Open it in the Journal to add the rest"))
        self.finish_button.setAccessibleName(
            _("Finish it: {what}").format(what=first_line(entry.situation, 40))
        )
        lay_out_item_row(self, self.text, self.meta, self.finish_button)


def read_unfinished(entries: EntryRepository) -> tuple[list[TriggerRecord], int]:
    """The newest few unfinished records, and how many more wait (runs off the UI thread)."""
    shown = [e for e in entries.list(UNFINISHED, limit=SHOWN) if isinstance(e, TriggerRecord)]
    waiting = entries.count(UNFINISHED) - len(shown) if len(shown) == SHOWN else 0
    return shown, waiting


class UnfinishedList(QWidget):
    """The newest few unfinished trigger records; "Finish it" opens one in the Journal.

    They are read off the UI thread (a count over every trigger record is slow in a big
    journal); the rows shown stay until the new ones arrive.
    """

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._generation = 0  # results of older reads are dropped
        self.rows: list[UnfinishedRow] = []
        self.empty = label(_(EMPTY), role="hint")
        self.more = label("", role="hint")
        self.row_box = QVBoxLayout()
        self.row_box.setSpacing(2)
        heading = label(_(HEADING))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addLayout(self.row_box)
        layout.addWidget(self.more)
        self.empty.hide()  # until the first read says so
        self.more.hide()

    def refresh(self) -> None:
        """Read the unfinished records again, in the background."""
        self._generation += 1
        generation = self._generation
        entries = self._session.entries
        self._session.tasks.run_in_background(
            lambda: read_unfinished(entries),
            lambda found: self._on_read(generation, found),
            self._on_read_failed,
        )

    def _on_read(self, generation: int, found: tuple[list[TriggerRecord], int]) -> None:
        if generation != self._generation:
            return
        shown, waiting = found
        self._drop_rows()
        for entry in shown:
            row = UnfinishedRow(entry, self)
            row.finish_button.clicked.connect(lambda _=False, e=entry: self.finish(e))
            self.row_box.addWidget(row)
            self.rows.append(row)
        self.empty.setVisible(not shown)
        self.more.setText(
            f"And {waiting} more, in the Journal under “Still to finish”." if waiting else ""
        )
        self.more.setVisible(waiting > 0)

    @staticmethod
    def _on_read_failed(exc: BaseException) -> None:
        log.warning("reading the records still to finish failed: %s", type(exc).__name__)

    def finish(self, entry: TriggerRecord) -> None:
        """Ask for `entry` to be opened in the Journal's editor."""
        if entry.id is not None:
            self._session.events.request_open_entry(entry.id)

    def clear(self) -> None:
        """Forget every record shown (the journal is locking)."""
        self._generation += 1
        self._drop_rows()

    def _drop_rows(self) -> None:
        remove_rows(self.row_box, self.rows)
        self.rows = []

    def texts(self) -> list[QLabel]:
        """The text labels of the rows shown, newest first."""
        return [row.text for row in self.rows]
