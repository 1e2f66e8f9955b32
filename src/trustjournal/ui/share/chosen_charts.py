"""The charts added from Insights to the next summary, kept in the vault's settings."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from trustjournal.core.i18n import _
from trustjournal.services.changes import Change
from trustjournal.services.export.shared_charts import (
    CHARTS_SETTING,
    ChartKind,
    chart_title,
    chosen_kinds,
)
from trustjournal.ui.session import Session
from trustjournal.ui.widgets.common import button, label, remove_rows


def read_chosen(session: Session) -> tuple[ChartKind, ...]:
    """The charts chosen for the next summary (none while the journal is closed)."""
    if not session.is_open():
        return ()
    return chosen_kinds(session.settings.get(CHARTS_SETTING, []))


def set_chosen(session: Session, kinds: tuple[ChartKind, ...]) -> None:
    """Keep these charts for the next summary, in the vault (announced as a settings change)."""
    values = [k.value for k in kinds]
    session.services.operations.run(lambda ops: ops.save_settings({CHARTS_SETTING: values}))


class ChosenCharts(QWidget):
    """Each chart added from Insights, with a button that takes it out again.

    Signals:
        changed: the charts in the summary changed (added on Insights or removed here).
    """

    changed = Signal()

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.kinds: tuple[ChartKind, ...] = ()
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(4)
        self.column.addWidget(label(_("Charts from Insights"), role="hint"))
        self.rows: list[QWidget] = []
        self.remove_buttons: dict[ChartKind, QPushButton] = {}
        session.events.changed.connect(self._on_events_changed)
        self.reload()

    def reload(self) -> None:
        """Read the chosen charts again and show them."""
        kinds = read_chosen(self._session)
        if kinds == self.kinds and self.rows:
            return
        self.kinds = kinds
        remove_rows(self.column, self.rows)
        self.rows, self.remove_buttons = [], {}
        if not kinds:
            self.rows.append(
                label(_("None yet: “Add to Share” on an Insights chart puts it here."), role="hint")
            )
        for kind in kinds:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(label(chart_title(kind)), 1)
            remove = button(_("Remove"), flat=True)
            remove.setAccessibleName(
                _("Remove “{chart}” from the summary").format(chart=chart_title(kind))
            )
            remove.clicked.connect(lambda _c=False, k=kind: self.remove(k))
            line.addWidget(remove)
            self.remove_buttons[kind] = remove
            self.rows.append(row)
        for row in self.rows:
            self.column.addWidget(row)

    def remove(self, kind: ChartKind) -> None:
        """Take one chart out of the next summary."""
        set_chosen(self._session, tuple(k for k in self.kinds if k != kind))

    def _on_events_changed(self, changes: frozenset[Change]) -> None:
        if Change.SETTINGS in changes and self._session.is_open():
            before = self.kinds
            self.reload()
            if self.kinds != before:
                self.changed.emit()

    def clear(self) -> None:
        """Stop listening; the journal is about to close."""
        self._session.events.changed.disconnect(self._on_events_changed)
