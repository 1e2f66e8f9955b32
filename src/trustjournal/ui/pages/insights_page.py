"""The Insights page (Ctrl+3): mood, closeness and trust over time, a year at a glance, triggers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from trustjournal.core.i18n import _
from trustjournal.core.periods import Period
from trustjournal.services.changes import Change
from trustjournal.services.export.shared_charts import ChartKind
from trustjournal.services.insights_figures import PERIOD_SETTING, Figures, InsightFigures, Span
from trustjournal.ui.insights.chart_image import Drawn, draw
from trustjournal.ui.insights.compare import (
    emotion_shift,
    emotion_summary,
    gratitude_lines,
    gratitude_summary,
    progress_lines,
    told_buckets,
)
from trustjournal.ui.insights.grids import HourGrid, RampLegend, YearGrid
from trustjournal.ui.insights.helps import HelpsList
from trustjournal.ui.insights.legend import SeriesLegend
from trustjournal.ui.insights.mood_chart import MoodChart, values_text
from trustjournal.ui.insights.period_bar import PeriodBar
from trustjournal.ui.insights.progress_card import progress_list_card
from trustjournal.ui.insights.readable import hours_summary, make_readable, order_tabs
from trustjournal.ui.insights.share_button import add_share_buttons
from trustjournal.ui.insights.together_card import together_card
from trustjournal.ui.insights.told_bars import ToldBars
from trustjournal.ui.insights.wording import (
    category_summary,
    intensity_summary,
    mood_summary,
    trigger_counts,
    trigger_summary,
    year_summary,
)
from trustjournal.ui.insights.written_card import written_card
from trustjournal.ui.session import Session
from trustjournal.ui.widgets.common import card, label
from trustjournal.ui.widgets.field_scroll import FieldScrollArea

FIRST_CARDS = 1  # built with the page: mood, closeness and trust over time
CARDS_PER_TURN = 3  # then this many more on each turn of the event loop


class InsightsPage(QWidget):
    """Figures over a chosen period, read in the background and drawn when they arrive.

    Cards: `_cards()` lists them in reading order. The first comes with the page; the others
    are made without a parent (`card(None, ...)`) and put on the page a few per turn of the
    event loop. A new card is made like them, added to `_cards()` (and `_shareable()` if it
    can go to Share), and filled in `_show`, which may run before it is on the page; its
    visibility goes through `_show_card`, never `setVisible` on the frame itself.
    """

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._figures = InsightFigures(vault=session.vault)
        today = session.clock().date()
        self.heading = label(_("Insights"), role="title", wrap=False)
        self.intro = label(
            _(
                "Patterns from your own entries, private ones included. They show what happened,"
                " not why."
            ),
            role="hint",
        )
        self.bar = PeriodBar(today=today, parent=self)
        self.empty = label(
            _(
                "Nothing to show yet. Once you check in or record a trigger, your mood, closeness"
                " and trust over time, a year at a glance and your triggers appear here."
            ),
        )
        self.chart = MoodChart(self)
        self.day_values = label("", wrap=True)
        self.day_values.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.mood_text = label("", role="hint")
        self.year = YearGrid(self)
        self.year_text = label("", role="hint")
        self.hours = HourGrid(self)
        self.hours_text = label("", role="hint")
        self.trigger_text = label("")
        self.trigger_counts = label("", role="hint")
        self.categories = label("")
        self.intensity_text = label("")
        self.helps = HelpsList(self)
        self.gratitude_text = label("")
        self.told_bars = ToldBars(self)
        self.told_text = label("", role="hint")
        self.emotion_text = label("")
        self.emotion_shift = label("", role="hint")
        self.progress_text = label("")
        self.figures: Figures | None = None
        self._unattached: list[QWidget] = []  # cards still to put on the page, in order
        self._lay_out()
        for text, chart in (  # each chart's words, reachable by Tab
            (self.mood_text, self.chart.accessibleName()),
            (self.year_text, self.year.accessibleName()),
            (self.trigger_counts, _("Triggers")),
            (self.categories, _("Triggers")),
            (self.hours_text, self.hours.accessibleName()),
            (self.intensity_text, _("Triggers")),
            (self.told_text, self.told_bars.accessibleName()),
        ):
            make_readable(text, chart=chart)
        self.bar.changed.connect(self._on_period)
        self.chart.day_focused.connect(self._on_day_focused)
        self.chart.day_activated.connect(self.open_day)
        session.events.changed.connect(self._on_changed)
        saved = session.settings.get(PERIOD_SETTING, Span.WEEKS_4.value)
        self._span_saved = saved if saved in {s.value for s in Span} else Span.WEEKS_4.value
        self._span_unsaved: str | None = None  # chosen, written once its figures are shown
        self._attaching = False
        self._start()
        if not session.is_open():
            self._attach_soon()

    def _attach_soon(self) -> None:
        """Start putting the other cards on the page, once the first figures are shown (or
        could not be read): until then the UI thread keeps out of the way of the read, which
        needs the same interpreter (the GIL) for its own Python work."""
        if not self._attaching and self._unattached:
            self._attaching = True
            QTimer.singleShot(0, self, self._attach_later)

    @property
    def built(self) -> bool:
        """Whether every card is on the page (they follow the first within a few turns of the
        event loop)."""
        return not self._unattached

    def _attach_later(self) -> None:
        """Put the next few cards on the page, in their order; once all are, chain Tab."""
        now, self._unattached = self._unattached[:CARDS_PER_TURN], self._unattached[CARDS_PER_TURN:]
        for frame in now:
            self._column.insertWidget(self._column.count() - 1, frame)
            self._show_card(frame)
        if self._unattached:
            QTimer.singleShot(0, self, self._attach_later)
        else:
            order_tabs(self._cards(), set(self.share_buttons.values()))

    def _show_card(self, frame: QWidget) -> None:
        """Show or hide a card on the page for the figures shown (never one without a parent:
        that would open it as a window of its own)."""
        if frame in self._unattached:
            return
        shown = self.figures
        if frame is self.written_card:
            # Only once there is something of these kinds: an unused kind never clutters.
            frame.setVisible(shown is not None and shown.written_ever)
        else:
            frame.setVisible(shown is None or not shown.empty)

    def _lay_out(self) -> None:
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(14)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addWidget(self.bar)
        column.addWidget(self.empty)
        self.mood_card, mood = card(self, heading=_("Mood, closeness and trust over time"))
        mood.addWidget(SeriesLegend(self))
        mood.addWidget(self.chart)
        mood.addWidget(self.day_values)
        mood.addWidget(
            label(_("Arrow keys choose a day; Enter opens it in the Journal."), role="hint")
        )
        mood.addWidget(self.mood_text)
        self.year_card, year = card(None, heading=_("A year at a glance"))
        year.addWidget(self.year)
        key = QHBoxLayout()
        key.addWidget(label(_("Lower mood"), role="hint", wrap=False))
        key.addWidget(RampLegend(self))
        key.addWidget(label(_("Higher mood"), role="hint", wrap=False))
        key.addStretch(1)
        year.addLayout(key)
        year.addWidget(label(_("An outlined square is a day without a check-in."), role="hint"))
        year.addWidget(self.year_text)
        self.trigger_card, triggers = card(None, heading=_("Triggers"))
        triggers.addWidget(self.trigger_text)
        triggers.addWidget(self.trigger_counts)
        triggers.addWidget(self.categories)
        triggers.addWidget(
            label(
                _("When they came, by weekday and hour (the stronger the square, the more often)"),
                role="hint",
            )
        )
        triggers.addWidget(self.hours)
        triggers.addWidget(self.hours_text)
        triggers.addWidget(self.intensity_text)
        self.helps_card, helps = card(
            None,
            heading=_("What helps"),
            hint=_(
                "How often you turned to each way of coping in this period, and how intense"
                " it felt afterwards. It is your record, not proof: a feeling can ease for"
                " many reasons."
            ),
        )
        helps.addWidget(self.helps)
        self._lay_out_comparisons()
        self.share_buttons = add_share_buttons(self._shareable(), session=self._session)
        self._place_first_cards(column)
        scroll = FieldScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll_area = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _place_first_cards(self, column: QVBoxLayout) -> None:
        # The page comes with its first card; the others follow, a few per turn of the event
        # loop (`_attach_later`), so Ctrl+3 does not wait while every card is styled and laid
        # out. Until then they have no parent, so nothing styles or lays them out meanwhile.
        cards = self._cards()
        for frame in cards[:FIRST_CARDS]:
            column.addWidget(frame)
        column.addStretch(1)
        self._column = column
        self._unattached = list(cards[FIRST_CARDS:])
        for frame in self._unattached:
            if frame.parent() is not None:  # made with the page as parent: it would sit on top
                frame.setParent(None)  # of the first card, unstyled, until its turn

    def _lay_out_comparisons(self) -> None:
        self.gratitude_card, gratitude = card(None, heading=_("Gratitude"))
        gratitude.addWidget(self.gratitude_text)
        gratitude.addWidget(
            label(_("Each bar is filled to the share you told (full: all of them)."), role="hint")
        )
        gratitude.addWidget(self.told_bars)
        gratitude.addWidget(self.told_text)
        self.emotions_card, emotions = card(None, heading=_("Emotions"))
        emotions.addWidget(self.emotion_text)
        emotions.addWidget(self.emotion_shift)
        self.together_card, self.together = together_card(None)
        self.written_card, self.written = written_card(None)
        self.progress_card, progress = card(
            None,
            heading=_("Progress"),
            hint=_("This period beside the same number of days just before it, as it was."),
        )
        progress.addWidget(self.progress_text)
        self.reached_card, self.reached = progress_list_card(  # issue 20: what was reached
            None, session=self._session, bar=self.bar
        )

    def _shareable(self) -> dict[ChartKind, QWidget]:
        """The cards that can be added to the next summary ("Add to Share")."""
        return {
            ChartKind.MOOD: self.mood_card,
            ChartKind.YEAR: self.year_card,
            ChartKind.TRIGGERS: self.trigger_card,
            ChartKind.HELPS: self.helps_card,
            ChartKind.GRATITUDE: self.gratitude_card,
            ChartKind.EMOTIONS: self.emotions_card,
            ChartKind.WRITTEN: self.written_card,
            ChartKind.PROGRESS: self.progress_card,
            ChartKind.REACHED: self.reached_card,
        }

    def _cards(self) -> tuple[QWidget, ...]:
        return (
            self.mood_card,
            self.year_card,
            self.trigger_card,
            self.helps_card,
            self.gratitude_card,
            self.emotions_card,
            self.together_card,
            self.written_card,
            self.progress_card,
            self.reached_card,
        )

    # --- reading -------------------------------------------------------------------------------

    def _start(self) -> None:
        """Read the first day, then choose the remembered span (which reads the figures)."""
        if not self._session.is_open():
            return
        self.bar.set_first_day(self._figures.first_day())
        self.bar.choose(Span(self._span_saved))

    def _on_period(self, period: Period) -> None:
        span = self.bar.current_span().value
        if span != self._span_saved:
            self._span_saved = span
            self._span_unsaved = span
        self.refresh(period)

    def _save_span(self) -> None:
        """Remember the span chosen last, once its figures are shown.

        Saved in the background: an encrypted commit took 60-70 ms of the UI thread at every
        change of span. And only after the read: the write is announced as a change, other
        pages then read the journal on the UI thread, and while the read of all time held the
        database they waited for it (up to 200 ms of frozen window). If it fails, the next
        change tries again.
        """
        span, self._span_unsaved = self._span_unsaved, None
        if span is None or not self._session.is_open():
            return
        self._session.services.operations.run_in_background(
            lambda ops: ops.save_settings({PERIOD_SETTING: span}),
            tasks=self._session.tasks,
            on_done=lambda _value: None,
            on_error=lambda _exc: self._forget_saved_span(span),
        )

    def _forget_saved_span(self, span: str) -> None:
        if self._span_saved == span:
            self._span_saved = ""

    def refresh(self, period: Period | None = None) -> None:
        """Read the figures of `period` (default: the one shown) off the UI thread."""
        if not self._session.is_open():
            return
        wanted = period or self.bar.period()
        reader = self._figures
        # The chart is drawn in the same background task, in the look it has now (a page not
        # laid out yet has no look to draw for: its first paint draws, a short period is cheap).
        look = self.chart.look() if self.chart.isVisible() else None
        title = self.chart.accessibleName()

        def read() -> tuple[Figures, Drawn | None]:
            shown = reader.figures(wanted)
            return shown, None if look is None else draw(shown, look, title)

        self._session.tasks.run_in_background(read, self._arrived, self._failed)

    def _failed(self, _error: BaseException) -> None:
        self.empty.setText(_("The figures could not be read just now. Nothing was changed."))
        self.empty.show()
        self._attach_soon()

    def _arrived(self, result: tuple[Figures, Drawn | None]) -> None:
        self._show(*result)

    def _show(self, shown: Figures, drawn: Drawn | None = None) -> None:
        if shown.period != self.bar.period():
            return  # an older read; the newer one is on its way
        self.figures = shown
        self.bar.set_first_day(shown.first_day)
        self.empty.setVisible(shown.empty)
        for frame in self._cards():
            self._show_card(frame)
        self.chart.show_figures(shown, drawn)
        self.mood_text.setText(mood_summary(shown))
        assert shown.year_start is not None
        self.year.show_days(shown.year_start, shown.year_days)
        self.year_text.setText(year_summary(shown.year_days))
        self.trigger_text.setText(trigger_summary(shown))
        self.trigger_counts.setText(trigger_counts(shown))
        self.trigger_counts.setVisible(bool(shown.triggers))
        self.categories.setText(category_summary(shown))
        self.categories.setVisible(bool(shown.categories))
        self.hours.show_counts(shown.grid)
        self.hours_text.setText(hours_summary(shown.grid))
        self.hours_text.setVisible(bool(shown.grid))
        self.hours.setAccessibleDescription(self.hours_text.text())
        self.intensity_text.setText(intensity_summary(shown) if shown.triggers else "")
        self.intensity_text.setVisible(bool(shown.triggers))
        self.helps.show_effects(shown.coping)
        self._show_comparisons(shown)
        self._save_span()
        self._attach_soon()

    def _show_comparisons(self, shown: Figures) -> None:
        self.gratitude_text.setText(gratitude_summary(shown))
        told = gratitude_lines(shown)
        self.told_bars.show_buckets(told_buckets(shown), told)
        self.told_bars.setVisible(bool(told))
        self.told_text.setText(told)
        self.told_text.setVisible(bool(told))
        self.emotion_text.setText(emotion_summary(shown))
        self.emotion_shift.setText(emotion_shift(shown))
        self.progress_text.setText("\n".join(progress_lines(shown)))
        self.together.show_comparisons(shown.together)
        self.written.show_figures(shown)

    def _on_day_focused(self, day: date | None) -> None:
        chosen = next((d for d in self.chart.days if d.day == day), None)
        text = values_text(chosen) if chosen else ""
        self.day_values.setText(text)
        self.chart.setAccessibleDescription(text)

    def open_day(self, day: date) -> None:
        """Open the day's first check-in in the Journal."""
        if not self._session.is_open():
            return
        entry = self._figures.entry_of_day(day)
        if entry is not None:
            self._session.events.request_open_entry(entry)

    def _on_changed(self, changes: frozenset[Change]) -> None:
        if Change.ENTRIES in changes and self._session.is_open():
            self.bar.set_first_day(self._figures.first_day())  # all time may start elsewhere now
            self.refresh()

    # --- Page protocol --------------------------------------------------------------------------

    def restore_drafts(self) -> None:
        """Nothing is typed here."""

    def stash_drafts(self) -> None:
        """Nothing is typed here."""

    def clear(self) -> None:
        """Forget the figures; the journal is about to close."""
        self._session.events.changed.disconnect(self._on_changed)
        for share in self.share_buttons.values():
            share.stop()
        self.reached.clear()
        self.figures = None
        self.chart.show_figures(Figures(Period(date.today(), date.today()), "week", [], [], []))
        self.day_values.clear()
        self.mood_text.clear()
        self.year_text.clear()
        self.year.show_days(date.today(), [])
        self.trigger_text.clear()
        self.trigger_counts.clear()
        self.categories.clear()
        self.hours.show_counts({})
        self.hours_text.clear()
        self.together.show_comparisons([])
        self.written.show_figures(None)
        self.intensity_text.clear()
        self.helps.show_effects([])
        for text in (
            self.gratitude_text,
            self.told_text,
            self.emotion_text,
            self.emotion_shift,
            self.progress_text,
        ):
            text.clear()
        self.told_bars.show_buckets([], "")
