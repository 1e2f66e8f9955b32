"""A chart's "Add to Share" button: puts the chart into the next summary, or takes it out."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from trustjournal.core.i18n import _
from trustjournal.services.changes import Change
from trustjournal.services.export.shared_charts import ChartKind, chart_title
from trustjournal.ui.session import Session
from trustjournal.ui.share.chosen_charts import read_chosen, set_chosen


class ShareChartButton(QPushButton):
    """Adds its chart to the next summary (Share page) or, once added, removes it.

    One button of a page listens for changes and tells its `followers` too, from one read of
    the settings: eight buttons reading the vault on the UI thread at every change (a new span
    is one) waited up to 5 ms each while a figures read held the database.
    """

    def __init__(
        self,
        kind: ChartKind,
        *,
        session: Session,
        parent: QWidget | None = None,
        chosen: tuple[ChartKind, ...] | None = None,
        listen: bool = True,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._session = session
        self._listening = listen
        self.followers: list[ShareChartButton] = []
        self.chosen: tuple[ChartKind, ...] = ()  # the charts in the summary, as last read
        self.setProperty("flat", True)
        self.clicked.connect(self._on_clicked)
        if listen:
            session.events.changed.connect(self._on_events_changed)
        self.show_state(chosen)

    @property
    def added(self) -> bool:
        """Whether the chart is in the next summary."""
        return self.kind in read_chosen(self._session)

    def show_state(self, chosen: tuple[ChartKind, ...] | None = None) -> None:
        """Say what a press will do (`chosen`: the charts in the summary, if already read)."""
        title = chart_title(self.kind)
        self.chosen = chosen if chosen is not None else read_chosen(self._session)
        if self.kind in self.chosen:
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
            chosen = read_chosen(self._session)
            for button in (self, *self.followers):
                button.show_state(chosen)

    def stop(self) -> None:
        """Stop listening; the journal is about to close."""
        if self._listening:
            self._listening = False
            self._session.events.changed.disconnect(self._on_events_changed)


def add_share_buttons(
    cards: dict[ChartKind, QWidget], *, session: Session, leader: ShareChartButton | None = None
) -> dict[ChartKind, ShareChartButton]:
    """An "Add to Share" button at the end of each chart's card, on the left.

    The first button listens for changes, or `leader` (a button made earlier for the same
    page, which already listens) does: a card made later joins its followers, and takes the
    charts chosen from what the leader read last instead of reading the vault again.
    """
    made: dict[ChartKind, ShareChartButton] = {}
    chosen = read_chosen(session) if leader is None else leader.chosen  # once for all of them
    for kind, frame in cards.items():
        leader = leader or next(iter(made.values()), None)
        found = ShareChartButton(
            kind, session=session, parent=frame, chosen=chosen, listen=leader is None
        )
        if leader is not None:
            leader.followers.append(found)
        row = QHBoxLayout()
        row.addWidget(found)
        row.addStretch(1)
        layout = frame.layout()
        assert isinstance(layout, QVBoxLayout)  # a card's column
        layout.addLayout(row)
        made[kind] = found
    return made
