"""Steps 1–3 of the composer: whom it is for, which days, which sections and trigger fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core import i18n
from trustjournal.core.i18n import _, pgettext
from trustjournal.core.periods import Period
from trustjournal.services.export.request import (
    Audience,
    Section,
    TriggerField,
    defaults_for,
    since_session,
)
from trustjournal.services.export.text import day_text
from trustjournal.ui.share.choice_words import (
    SECTIONS_SHOWN,
    audience_words,
    field_words,
    language_name,
    section_words,
)
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import field_label, label

SINCE, WEEK, MONTH, CUSTOM = "since", "7", "30", "custom"
SESSION = "session"  # since my last session (offered while a session is recorded)
FIELDS_BUDGET = 480  # px: the trigger fields in two columns must fit the page's narrowest column
SinceLast = Callable[[Audience], tuple[Period, date | None]]
LastSession = Callable[[], date | None]


def since_session_text(day: date) -> str:
    """The period choice naming the last session's day."""
    return _("Since my last session (%(day)s)") % {"day": day_text(day)}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ChoicesPanel(QWidget):
    """Audience, period, sections and trigger fields; an audience brings its defaults.

    Signals:
        changed: any choice changed.
    """

    changed = Signal()

    def __init__(
        self,
        *,
        today: Callable[[], date],
        since_last: SinceLast,
        last_session: LastSession = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        """`last_session` gives the day of the latest session (private ones too: they are the
        person's own); the period "since my last session" is offered while there is one."""
        super().__init__(parent)
        self._today = today
        self._since_last = since_last
        self._last_session = last_session
        self._shown = Period(None, None)  # the days of the last choice that was not custom
        self._quiet = False
        self.audience_group = QButtonGroup(self)
        self.audience_buttons: dict[Audience, QRadioButton] = {}
        audience_row = QHBoxLayout()
        for audience, text in audience_words().items():
            radio = QRadioButton(text, self)
            self.audience_group.addButton(radio)
            self.audience_buttons[audience] = radio
            audience_row.addWidget(radio)
        audience_row.addStretch(1)
        self.language = QComboBox(self)
        guard_wheel(self.language)
        codes = i18n.available_languages()  # English first: the language the app is written in
        for code in sorted(codes, key=lambda c: c != i18n.DEFAULT_LANGUAGE):
            self.language.addItem(language_name(code), code)
        ui = self.language.findData(i18n.ui_language())  # -1 for the pseudo-locale
        self.language.setCurrentIndex(ui if ui >= 0 else 0)
        self.period = QComboBox(self)
        guard_wheel(self.period)
        self.period.setAccessibleName(_("Period"))
        for text, key in (
            (_("Since the last summary for them"), SINCE),
            (_("The last 7 days"), WEEK),
            (_("The last 30 days"), MONTH),
            (_("Between two dates…"), CUSTOM),
        ):
            self.period.addItem(text, key)
        self.start = QDateEdit(self)
        guard_wheel(self.start)
        self.end = QDateEdit(self)
        guard_wheel(self.end)
        for edit, name in ((self.start, _("From")), (self.end, _("Until"))):
            edit.setCalendarPopup(True)
            # Translators: a Qt date format for the period's two date fields (d, MMM, yyyy)
            edit.setDisplayFormat(pgettext("date field", "d MMM yyyy"))
            edit.setAccessibleName(name)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(label(pgettext("between two dates", "to"), wrap=False))
        dates.addWidget(self.end)
        dates.addStretch(1)
        self.dates = QWidget(self)
        self.dates.setLayout(dates)
        dates.setContentsMargins(0, 0, 0, 0)
        self.period_hint = label("", role="hint")
        # Made in the order they are laid out, so Tab goes down them as they read.
        self.sections = {s: QCheckBox(section_words()[s], self) for s in SECTIONS_SHOWN}
        self.fields = {f: QCheckBox(text, self) for f, text in field_words().items()}
        self.fields_hint = label(_("From each hard moment, share:"), role="hint")
        self._lay_out(audience_row)
        self._wire()
        self.set_audience(Audience.THERAPIST)

    def _lay_out(self, audience_row: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(label(_("1. Who is it for?"), role="heading"))
        layout.addLayout(audience_row)
        language_form = QFormLayout()
        language_form.setContentsMargins(0, 0, 0, 0)
        language_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        language_form.addRow(
            field_label(_("&Language of the summary"), self.language), self.language
        )
        layout.addLayout(language_form)
        layout.addSpacing(8)
        layout.addWidget(label(_("2. Which days?"), role="heading"))
        layout.addWidget(self.period)
        layout.addWidget(self.dates)
        layout.addWidget(self.period_hint)
        layout.addSpacing(8)
        layout.addWidget(label(_("3. What to include"), role="heading"))
        for box in self.sections.values():
            layout.addWidget(box)
        grid = QGridLayout()
        grid.setContentsMargins(24, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.addWidget(self.fields_hint, 0, 0, 1, 2)
        # Two columns where the words are short enough; longer languages get one, so nothing
        # is clipped at the window's smallest size.
        widest = max(box.sizeHint().width() for box in self.fields.values())
        columns = 2 if 24 + 2 * widest + 12 <= FIELDS_BUDGET else 1
        for i, box in enumerate(self.fields.values()):
            grid.addWidget(box, 1 + i // columns, i % columns)
        layout.addLayout(grid)

    def _wire(self) -> None:
        self.audience_group.buttonToggled.connect(self._on_audience_group_button_toggled)
        self.period.currentIndexChanged.connect(self._on_period_current_index_changed)
        self.start.dateChanged.connect(self._on_date_changed)
        self.end.dateChanged.connect(self._on_date_changed)
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        for box in (*self.sections.values(), *self.fields.values()):
            box.toggled.connect(self._on_box_toggled)

    # --- choices ---------------------------------------------------------------------------------

    @property
    def audience(self) -> Audience:
        """Whom the summary is for."""
        return next(a for a, b in self.audience_buttons.items() if b.isChecked())

    @property
    def summary_language(self) -> str:
        """The language the summary is written in (the UI's unless chosen otherwise)."""
        return str(self.language.currentData() or i18n.ui_language())

    def set_summary_language(self, code: str) -> None:
        """Write the summary in this language (one of the combo's)."""
        self.language.setCurrentIndex(self.language.findData(code))

    def set_audience(self, audience: Audience) -> None:
        """Choose the audience and apply its defaults (sections, fields, period since last)."""
        self._quiet = True
        try:
            self.audience_buttons[audience].setChecked(True)
            defaults = defaults_for(audience)
            for section, box in self.sections.items():
                box.setChecked(section in defaults.sections)
            for field, box in self.fields.items():
                box.setChecked(field in defaults.trigger_fields)
            session = self.refresh_sessions()
            # A therapist is seen session to session: since the last one, once one is recorded.
            first = SESSION if session and audience == Audience.THERAPIST else SINCE
            self.period.setCurrentIndex(self.period.findData(first))
            self._show_period()
        finally:
            self._quiet = False
        self.changed.emit()

    def refresh_sessions(self) -> date | None:
        """Offer "since my last session" with its day while a session is recorded; returns it.

        When the last session is gone (deleted) while chosen, "since the last summary" is
        chosen instead; the caller rebuilds the summary either way.
        """
        day = self._last_session()
        index = self.period.findData(SESSION)
        quiet, self._quiet = self._quiet, True
        try:
            if day is None and index >= 0:
                if self.period.currentIndex() == index:
                    self.period.setCurrentIndex(self.period.findData(SINCE))
                self.period.removeItem(index)
            elif day is not None and index < 0:
                self.period.insertItem(
                    self.period.findData(SINCE) + 1, since_session_text(day), SESSION
                )
            elif day is not None:
                self.period.setItemText(index, since_session_text(day))
        finally:
            self._quiet = quiet
        if not quiet:
            self._show_period()
        return day

    def set_period_choice(self, key: str) -> None:
        """Choose SINCE, SESSION (while offered), WEEK, MONTH or CUSTOM."""
        self.period.setCurrentIndex(self.period.findData(key))

    def set_custom_dates(self, start: date, end: date) -> None:
        """Choose "between two dates" with these ends."""
        self._quiet = True
        try:
            self.set_period_choice(CUSTOM)
            self.start.setDate(_qdate(start))
            self.end.setDate(_qdate(end))
            self._show_period()
        finally:
            self._quiet = False
        self.changed.emit()

    def sections_chosen(self) -> frozenset[Section]:
        """The sections ticked."""
        return frozenset(s for s, box in self.sections.items() if box.isChecked())

    def fields_chosen(self) -> frozenset[TriggerField]:
        """The trigger fields ticked."""
        return frozenset(f for f, box in self.fields.items() if box.isChecked())

    def chosen_period(self) -> Period:
        """The days the summary covers."""
        key = self.period.currentData()
        today = self._today()
        if key == WEEK:
            return Period.last_days(7, today=today)
        if key == MONTH:
            return Period.last_days(30, today=today)
        if key == CUSTOM:
            start, end = self.start.date().toPython(), self.end.date().toPython()
            assert isinstance(start, date)
            assert isinstance(end, date)
            return Period(min(start, end), max(start, end))
        session = self._last_session() if key == SESSION else None
        if session is not None:
            return since_session(session, today=today)
        return self._since_last(self.audience)[0]

    def _show_period(self) -> None:
        key = self.period.currentData()
        self.dates.setVisible(key == CUSTOM)
        if key != CUSTOM:  # "between two dates" starts from the days shown until then
            self._shown = self.chosen_period()
        hint = ""
        if key == SINCE:
            period, last = self._since_last(self.audience)
            if last is None and self.audience == Audience.SELF:
                hint = _("No summary saved for yourself yet, so the last 30 days.")
            elif last is None and self.audience == Audience.PARTNER:
                hint = _("Nothing shared with your partner yet, so the last 30 days.")
            elif last is None:
                hint = _("Nothing shared with your therapist yet, so the last 30 days.")
            elif period.start is not None:
                hint = _("From %(day)s, the last day your previous summary covered.") % {
                    "day": day_text(period.start)
                }
        elif key == SESSION and (session := self._last_session()) is not None:
            hint = _("From %(day)s, the day of your last session, until today.") % {
                "day": day_text(min(session, self._today()))
            }
        self.period_hint.setText(hint)
        self.period_hint.setVisible(bool(hint))
        triggers = bool(self.sections_chosen() & {Section.TRIGGERS, Section.SESSION})
        for box in self.fields.values():
            box.setEnabled(triggers)
        self.fields_hint.setEnabled(triggers)

    def keep_period(self, period: Period) -> None:
        """After a save, keep showing the days just saved, so the next save writes them again.

        "Since the last summary" now means since the one just saved (today only): it is read
        from the export log each time, so it would change the next file without changing what
        is on screen. The saved days become the chosen dates instead, visibly. The days do
        not change, so neither does the summary: `changed` is not emitted.
        """
        if self.period.currentData() == SINCE and period.start and period.end:
            self._quiet = True
            try:
                self.set_period_choice(CUSTOM)
                self.start.setDate(_qdate(period.start))
                self.end.setDate(_qdate(period.end))
            finally:
                self._quiet = False
        self._show_period()

    # --- slots -----------------------------------------------------------------------------------

    def _on_audience_group_button_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked and not self._quiet:
            self.set_audience(self.audience)

    def _on_period_current_index_changed(self, _index: int) -> None:
        if not self._quiet:
            if self.period.currentData() == CUSTOM:  # start from the days shown until now
                since = self._shown
                if since.start is not None and since.end is not None:
                    self._quiet = True
                    self.start.setDate(_qdate(since.start))
                    self.end.setDate(_qdate(since.end))
                    self._quiet = False
            self._show_period()
            self.changed.emit()

    def _on_language_current_index_changed(self, _index: int) -> None:
        self.changed.emit()

    def _on_date_changed(self, _day: QDate) -> None:
        if not self._quiet and self.period.currentData() == CUSTOM:
            self.changed.emit()

    def _on_box_toggled(self, _checked: bool) -> None:
        if not self._quiet:
            self._show_period()
            self.changed.emit()
