"""A chart's "Add to Share" button: puts the chart into the next summary, or takes it out."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from trustjournal.core.i18n import _
from trustjournal.services.changes import Change
from trustjournal.services.export.shared_charts import ChartKind, chart_title
from trustjournal.ui.session import Session
from trustjournal.ui.share.chosen_charts import read_chosen, set_chosen


class ShareChartButton(QPushButton):
    """Adds its chart to the next summary (Share page) or, once added, removes it."""

    def __init__(self, kind: ChartKind, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._session = session
        self.setProperty("flat", True)
        self.clicked.connect(self._on_clicked)
        session.events.changed.connect(self._on_events_changed)
        self.show_state()

    @property
    def added(self) -> bool:
        """Whether the chart is in the next summary."""
        return self.kind in read_chosen(self._session)

    def show_state(self) -> None:
        """Say what a press will do."""
        title = chart_title(self.kind)
        if self.added:
            self.setText(_("Remove from Share"))
            self.setAccessibleName(_("Remove “{chart}” from the next summary").format(chart=title))
        else:
            self.setText(_("Add to Share"))
            self.setAccessibleName(_("Add “{chart}” to the next summary").format(chart=title))

    def _on_clicked(self) -> None:
        if not self._session.is_open():
            return
        chosen = read_chosen(self._session)
        if self.kind in chosen:
            set_chosen(self._session, tuple(k for k in chosen if k != self.kind))
        else:
            set_chosen(self._session, (*chosen, self.kind))

    def _on_events_changed(self, changes: frozenset[Change]) -> None:
        if Change.SETTINGS in changes and self._session.is_open():
            self.show_state()

    def stop(self) -> None:
        """Stop listening; the journal is about to close."""
        self._session.events.changed.disconnect(self._on_events_changed)


def add_share_buttons(
    cards: dict[ChartKind, QWidget], *, session: Session
) -> dict[ChartKind, ShareChartButton]:
    """An "Add to Share" button at the end of each chart's card, on the left."""
    made = {}
    for kind, frame in cards.items():
        found = ShareChartButton(kind, session=session, parent=frame)
        row = QHBoxLayout()
        row.addWidget(found)
        row.addStretch(1)
        layout = frame.layout()
        assert isinstance(layout, QVBoxLayout)  # a card's column
        layout.addLayout(row)
        made[kind] = found
    return made
