"""The Journal's filter bar: kind, tag, period, search and trigger flags, as one query."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.entries import EntryKind
from trustjournal.core.i18n import _, babel_locale, first_weekday, pgettext
from trustjournal.core.periods import Period
from trustjournal.core.query import EntryQuery
from trustjournal.core.wording import kind_word
from trustjournal.ui.editors.fields import qt_format
from trustjournal.ui.wheel_guard import guard_wheel

SEARCH_MIN_WIDTH = 110  # "Search (Ctrl+F)" at the window's smallest, beside the choosers
UNSHARED_GRATITUDE = "gratitude-unshared"  # the kind choice "Gratitude not yet shared"
SEARCH_DELAY_MS = 150  # re-filter this long after typing in the search field stops


class TagCombo(QComboBox):
    """A chooser of names (tags, categories) that reads them only when its list is opened."""

    def __init__(self, parent: QWidget | None = None, *, all_text: str | None = None) -> None:
        super().__init__(parent)
        guard_wheel(self)
        self._all_text = _("All tags") if all_text is None else all_text
        self.provider: Callable[[], list[str]] | None = None

    def showPopup(self) -> None:
        if self.provider is not None:
            self.set_tags(self.provider())
        super().showPopup()

    def set_tags(self, tags: list[str]) -> None:
        """Offer these tags, keeping the chosen one."""
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._all_text, None)
        for name in tags:
            self.addItem(name, name)
        if chosen and self.findData(chosen) < 0:
            self.addItem(chosen, chosen)
        self.setCurrentIndex(max(self.findData(chosen), 0) if chosen else 0)
        self.blockSignals(False)


def kind_choices() -> list[tuple[EntryKind, str]]:
    """Every kind of entry, as the kind chooser names it ("Mood check-ins", "Reflections")."""
    words = {
        EntryKind.MOOD: _("Mood check-ins"),
        EntryKind.GRATITUDE: _("Gratitude"),
        EntryKind.TRIGGER: _("Trigger records"),
        EntryKind.REFLECTION: _("Reflections"),
        EntryKind.STATEMENT: _("I statements"),
        EntryKind.QUALITY_TIME: _("Time together"),
        EntryKind.SESSION: _("Therapy sessions"),
    }
    # A kind added later is listed all the same, by its own word, until it has a plural here.
    return [(kind, words.get(kind) or kind_word(kind)) for kind in EntryKind]


class FilterBar(QWidget):
    """Controls that say which entries the timeline shows.

    Signals:
        changed: the query changed.
    """

    changed = Signal()

    def __init__(self, *, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(_("Kind"))
        self.kind.addItem(_("All kinds"), None)
        for kind, text in kind_choices():
            self.kind.addItem(text, kind.value)
        self.kind.addItem(_("Gratitude not yet shared"), UNSHARED_GRATITUDE)
        self.tag = TagCombo(self)
        self.tag.setAccessibleName(_("Tag"))
        self.tag.addItem(_("All tags"), None)
        self.period = QComboBox(self)
        self.period.setAccessibleName(_("Period"))
        for text, key in (
            (_("Any time"), "all"),
            (_("This week"), "week"),
            (_("This month"), "month"),
            (_("Between…"), "custom"),
        ):
            self.period.addItem(text, key)
        self.start, self.end = QDateEdit(self), QDateEdit(self)
        guard_wheel(self.kind, self.period, self.start, self.end)
        for edit, name in ((self.start, _("From")), (self.end, _("Until"))):
            edit.setCalendarPopup(True)
            edit.setLocale(QLocale(babel_locale()))  # month names in the language
            # Translators: a Qt date format for the two dates of a period (d, MMM, yyyy)
            edit.setDisplayFormat(qt_format(pgettext("date field", "d MMM yyyy"), "d MMM yyyy"))
            edit.setAccessibleName(name)
            edit.hide()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search (Ctrl+F)"))
        self.search.setAccessibleName(_("Search"))
        self.search.setClearButtonEnabled(True)
        self._build_trigger_row()
        # In a longer language the choosers' widest words would leave the search field a
        # sliver: each is as wide as its first choice (its list still shows whole words), and
        # the search keeps room.
        for combo in (self.kind, self.tag, self.period):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            metrics = combo.fontMetrics()  # Qt counts the length in widths of an "x"
            wide = metrics.horizontalAdvance(combo.itemText(0)) / metrics.horizontalAdvance("x")
            combo.setMinimumContentsLength(math.ceil(wide))  # its "all" choice, whole
        self.search.setMinimumWidth(SEARCH_MIN_WIDTH)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.kind, self.tag, self.period, self.start, self.end):
            layout.addWidget(widget)
        layout.addWidget(self.search, 1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        rows.addLayout(layout)
        rows.addWidget(self.trigger_row)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.changed)
        self.search.textChanged.connect(self.search_timer.start)
        for combo in (self.kind, self.tag):
            combo.currentIndexChanged.connect(self.changed)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.period.currentIndexChanged.connect(self._on_period)
        self.start.dateChanged.connect(self.changed)
        self.end.dateChanged.connect(self.changed)

    def _build_trigger_row(self) -> None:
        """Category, "for my next session" and "still to finish": shown for trigger records."""
        self.trigger_row = QWidget(self)
        self.category = TagCombo(self.trigger_row, all_text=_("Every category"))
        self.category.setAccessibleName(_("Category"))
        self.category.addItem(_("Every category"), None)
        self.for_session = QCheckBox(_("For my next session"), self.trigger_row)
        self.unfinished = QCheckBox(_("Still to finish"), self.trigger_row)
        row = QHBoxLayout(self.trigger_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        row.addWidget(self.category)
        row.addWidget(self.for_session)
        row.addWidget(self.unfinished)
        row.addStretch(1)
        self.trigger_row.hide()
        self.category.currentIndexChanged.connect(self.changed)
        self.for_session.toggled.connect(self.changed)
        self.unfinished.toggled.connect(self.changed)

    def set_tags(self, tags: list[str]) -> None:
        """Offer these tags, keeping the chosen one."""
        self.tag.set_tags(tags)

    def show_triggers(self, *, unfinished: bool = False) -> None:
        """Show trigger records only (with only those still to finish, if asked)."""
        self.kind.setCurrentIndex(self.kind.findData(EntryKind.TRIGGER.value))
        self.unfinished.setChecked(unfinished)

    def _on_kind(self) -> None:
        self.trigger_row.setVisible(self.kind.currentData() == EntryKind.TRIGGER.value)

    def _on_period(self) -> None:
        custom = self.period.currentData() == "custom"
        if custom and not self.start.isVisible():
            today = self._today()
            self.end.setDate(QDate(today.year, today.month, today.day))
            first = today - timedelta(days=30)
            self.start.setDate(QDate(first.year, first.month, first.day))
        self.start.setVisible(custom)
        self.end.setVisible(custom)
        self.changed.emit()

    def _period(self) -> Period | None:
        key = self.period.currentData()
        today = self._today()
        if key == "week":
            return Period.week_of(today, first_weekday())
        if key == "month":
            return Period.month_of(today)
        if key == "custom":
            start, end = self.start.date().toPython(), self.end.date().toPython()
            assert isinstance(start, date)
            assert isinstance(end, date)
            return Period(min(start, end), max(start, end))
        return None

    def query(self) -> EntryQuery:
        """The entries the controls ask for."""
        kind = self.kind.currentData()
        unshared = kind == UNSHARED_GRATITUDE
        kind = EntryKind.GRATITUDE.value if unshared else kind
        search = self.search.text().strip()
        triggers = kind == EntryKind.TRIGGER.value
        return EntryQuery(
            kinds=frozenset({EntryKind(kind)}) if kind else frozenset(),
            not_expressed=True if unshared else None,
            category=self.category.currentData() if triggers else None,
            for_session=True if triggers and self.for_session.isChecked() else None,
            unfinished=True if triggers and self.unfinished.isChecked() else None,
            period=self._period(),
            tag=self.tag.currentData(),
            search=search or None,
        )
