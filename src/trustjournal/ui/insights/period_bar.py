"""The period bar: a span (4 weeks … all time, or custom dates), and back or forward one period."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from trustjournal.core.i18n import _, format_date
from trustjournal.core.periods import Period
from trustjournal.services.insights_figures import Span, period_for, shifted
from trustjournal.ui.insights.measured import label
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import button


def span_names() -> list[tuple[Span, str]]:
    """The spans and their names in the current language."""
    return [
        (Span.WEEKS_4, _("Last 4 weeks")),
        (Span.MONTHS_3, _("Last 3 months")),
        (Span.MONTHS_12, _("Last 12 months")),
        (Span.ALL, _("All time")),
        (Span.CUSTOM, _("Choose dates")),
    ]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodBar(QWidget):
    """Chooses the period the page shows.

    Signals:
        changed(object): the new Period.
    """

    changed = Signal(object)

    def __init__(self, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._first: date | None = None
        self.span = QComboBox(self)
        guard_wheel(self.span)
        self.span.setAccessibleName(_("Period"))
        for span, name in span_names():
            self.span.addItem(name, span.value)
        self.back: QPushButton = button(_("Earlier"))
        self.back.setToolTip(_("One period earlier"))
        self.forward: QPushButton = button(_("Later"))
        self.forward.setToolTip(_("One period later"))
        self.start = QDateEdit(self)
        guard_wheel(self.start)
        self.start.setAccessibleName(_("From"))
        self.end = QDateEdit(self)
        guard_wheel(self.end)
        self.end.setAccessibleName(_("To"))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(_qdate(today))
        self.shown = label("", role="hint", wrap=True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for widget in (self.span, self.back, self.forward, self.start, self.end):
            row.addWidget(widget)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.shown)
        self._end = today
        self.span.currentIndexChanged.connect(self._on_span)
        self.back.clicked.connect(lambda: self._step(-1))
        self.forward.clicked.connect(lambda: self._step(1))
        self.start.dateChanged.connect(self._on_dates)
        self.end.dateChanged.connect(self._on_dates)
        self._custom(False)

    def current_span(self) -> Span:
        """The chosen span."""
        return Span(self.span.currentData())

    def set_first_day(self, first: date | None) -> None:
        """The journal's first day: where all time begins."""
        self._first = first

    def choose(self, span: Span) -> None:
        """Show `span` ending today (emits `changed`)."""
        self._end = self._today
        index = self.span.findData(span.value)
        if index == self.span.currentIndex():
            self._on_span()
        else:
            self.span.setCurrentIndex(index)

    def period(self) -> Period:
        """The period shown now."""
        span = self.current_span()
        if span == Span.CUSTOM:
            start, end = sorted((_date(self.start.date()), _date(self.end.date())))
            return Period(start, end)
        return period_for(span, self._end, first=self._first)

    def _custom(self, on: bool) -> None:
        self.start.setVisible(on)
        self.end.setVisible(on)
        stepping = self.current_span() != Span.ALL
        self.back.setEnabled(stepping)
        self.forward.setEnabled(stepping and not on and self._end < self._today)

    def _on_span(self, _index: int = 0) -> None:
        custom = self.current_span() == Span.CUSTOM
        if custom:
            shown = period_for(Span.WEEKS_4, self._end, first=self._first)
            assert shown.start is not None
            assert shown.end is not None
            for edit, day in ((self.start, shown.start), (self.end, shown.end)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
        else:
            self._end = self._today
        self._emit()

    def _on_dates(self, _value: QDate) -> None:
        self._emit()

    def _step(self, steps: int) -> None:
        moved = shifted(self.period(), steps)
        assert moved.end is not None
        assert moved.start is not None
        if moved.end > self._today:
            return
        if self.current_span() == Span.CUSTOM:
            for edit, day in ((self.start, moved.start), (self.end, moved.end)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
        else:
            self._end = moved.end
        self._emit()

    def _emit(self) -> None:
        period = self.period()
        self._custom(self.current_span() == Span.CUSTOM)
        if self.current_span() == Span.CUSTOM:
            self.forward.setEnabled(period.end is not None and period.end < self._today)
        assert period.start is not None
        assert period.end is not None
        self.shown.setText(
            _("{start} to {end}").format(
                start=format_date(period.start, "medium"), end=format_date(period.end, "medium")
            )
        )
        self.changed.emit(period)
