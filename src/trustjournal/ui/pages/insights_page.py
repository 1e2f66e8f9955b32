"""The Insights page (Ctrl+3): mood, closeness and trust over time, a year at a glance, triggers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLayout, QVBoxLayout, QWidget

from trustjournal.core.i18n import _
from trustjournal.core.periods import Period
from trustjournal.services.changes import Change
from trustjournal.services.export.shared_charts import ChartKind
from trustjournal.services.insights_figures import PERIOD_SETTING, Figures, InsightFigures, Span
from trustjournal.ui.insights.chart_image import Drawn, draw
from trustjournal.ui.insights.grids import DrawnYear, YearGrid, draw_year
from trustjournal.ui.insights.laid_out_once import laid_out_once
from trustjournal.ui.insights.legend import SeriesLegend
from trustjournal.ui.insights.measured import card, label
from trustjournal.ui.insights.mood_chart import MoodChart, values_text
from trustjournal.ui.insights.page_cards import LATER_CARDS, Made
from trustjournal.ui.insights.period_bar import PeriodBar
from trustjournal.ui.insights.readable import make_readable, order_tabs
from trustjournal.ui.insights.share_button import add_share_buttons
from trustjournal.ui.insights.wording import mood_summary
from trustjournal.ui.session import Session
from trustjournal.ui.widgets.field_scroll import FieldScrollArea

CARDS_PER_TURN = 1  # later cards made, filled and put on the page on each turn of the loop
# (and, at a new period, later cards filled with its figures on each turn)


class _GrowingColumn(QVBoxLayout):
    """The cards' column, at least as tall as its words need at its width.

    With the column as its minimum size (`SetMinimumSize`), a card that grows grows the page
    at once. Qt's minimum leaves out what wrapped words need, though: the cards were first
    laid out in the page's old height, squeezed, and only then in the grown one. For a frame
    their words overlapped the chart, and every card in view was moved and painted again
    twice, even for a card that grew far below the view.
    """

    def minimumSize(self) -> QSize:
        least = super().minimumSize()
        page = self.parentWidget()
        if page is None or not page.isVisible() or not self.hasHeightForWidth():
            return least
        needed = self.heightForWidth(page.contentsRect().width())
        return QSize(least.width(), max(least.height(), needed))


class _Content(QWidget):
    """The widget the column lays out; a new width measures the column's words again (its
    minimum height was for the old width)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        layout = self.layout()
        if layout is not None and event.size().width() != event.oldSize().width():
            layout.invalidate()
        super().resizeEvent(event)


class InsightsPage(QWidget):
    """Figures over a chosen period, read in the background and drawn when they arrive.

    Cards: the period bar and the first card (mood, closeness and trust over time) come with
    the page. Once the first figures are shown, the others are made in their reading order,
    one per turn of the event loop (`ui/insights/page_cards.py`, `LATER_CARDS`), so no turn
    keeps the UI thread long. A new period's figures go the same way: the first card at once,
    the others one per turn after it (`built` once all show them). A new card is a function
    there that makes its widgets (without a parent: `card(None, ...)`), names them on the
    page (declared below), and returns a `Made` whose `show` fills it from figures (at once,
    if some are shown, and for every newer period) and whose `clear` empties it; give it a
    `ChartKind` if it can go to Share. Its visibility goes through `_show_card`, never
    `setVisible` on the frame itself.
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
        self.mood_text = make_readable(label("", role="hint"), chart=self.chart.accessibleName())
        self.figures: Figures | None = None
        self._made: list[Made] = []  # the later cards made so far, in order
        self._to_make = list(LATER_CARDS)  # and those still to make
        self._to_fill: list[Made] = []  # made cards still to show the figures shown
        self._filling = False  # the next of them is to be filled on a coming turn
        self._drawn_year: DrawnYear | None = None
        self._lay_out()
        self.bar.changed.connect(self._on_period)
        self.chart.day_focused.connect(self._on_day_focused)
        self.chart.day_activated.connect(self.open_day)
        session.events.changed.connect(self._on_changed)
        saved = session.settings.get(PERIOD_SETTING, Span.WEEKS_4.value)
        self._span_saved = saved if saved in {s.value for s in Span} else Span.WEEKS_4.value
        self._span_unsaved: str | None = None  # chosen, written once its figures are shown
        self._making = False
        self._failed_once = False  # a read failed: the cards come without figures
        self._chained = False  # Tab goes through every card, in order
        self._start()
        if not session.is_open():
            self._make_soon()

    @property
    def session(self) -> Session:
        """The session the page reads (the later cards read through it too)."""
        return self._session

    def follow_bar_last(self) -> None:
        """Hear the period bar after whatever listens to it now (the progress list, made later):
        its read is then asked for before the figures', as it was when the list came with the
        page (switching was 30-50 ms slower to paint the other way round)."""
        self.bar.changed.disconnect(self._on_period)
        self.bar.changed.connect(self._on_period)

    def _make_soon(self) -> None:
        """Start making the other cards, once the first figures are shown (or could not be
        read): until then the UI thread keeps out of the way of the read, which needs the same
        interpreter (the GIL) for its own Python work. And only once the page is shown: made
        ahead of Ctrl+3 (`PageSpec.prepared`), a page with every card laid them all out at
        its first show, 16-25 ms in one turn; with the first card alone, 8."""
        if not self._making and self._to_make and self.isVisible():
            self._making = True
            self._next_turn(self._make_later)

    def showEvent(self, event: QShowEvent) -> None:
        """The other cards follow the first once the page is shown (see `_make_soon`)."""
        super().showEvent(event)
        if self.figures is not None or self._failed_once or not self._session.is_open():
            self._make_soon()

    def _next_turn(self, then: Callable[[], None]) -> None:
        """Run `then` on a later turn of the event loop than the layout this turn asked for: a
        zero timer alone ran it beside that layout (2-8 ms of words) in one pass."""
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, then))

    @property
    def built(self) -> bool:
        """Whether every card is on the page and shows the figures shown (they follow the
        first within a few turns of the event loop)."""
        return self._chained and not self._to_fill

    def _make_later(self) -> None:
        """Make the next card(s), fill them with the figures shown, put them on the page; once
        all are there, chain Tab on a turn of its own (6-8 ms: it walks every card's widgets).
        Nothing is left to make once the page was cleared."""
        now, self._to_make = self._to_make[:CARDS_PER_TURN], self._to_make[CARDS_PER_TURN:]
        for make in now:
            made = make(self)
            self._made.append(made)
            if made.kind is not None:
                leader = self.share_buttons[ChartKind.MOOD]  # listens for all of them
                self.share_buttons |= add_share_buttons(
                    {made.kind: made.frame}, session=self._session, leader=leader
                )
            if self.figures is not None:
                made.show(self.figures)
            self._column.insertWidget(self._column.count() - 1, made.frame)
            self._show_card(made.frame)
        if self._to_make:
            self._next_turn(self._make_later)
        elif now:
            self._next_turn(self._chain_tabs)

    def _chain_tabs(self) -> None:
        order_tabs(self.cards(), set(self.share_buttons.values()))
        self._chained = True

    def _show_card(self, frame: QWidget) -> None:
        """Show or hide a card on the page for the figures shown (only once it is on the page:
        without a parent it would open as a window of its own)."""
        shown = self.figures
        if frame is self.made_card("written_card"):
            # Only once there is something of these kinds: an unused kind never clutters.
            frame.setVisible(shown is not None and shown.written_ever)
        else:
            frame.setVisible(shown is None or not shown.empty)

    def _lay_out(self) -> None:
        content = _Content(self)
        self._content = content  # the cards' column, inside the scroll area
        # Grown or shrunk at its foot as cards come and change, it paints only what a resize
        # newly shows: a card filled below the view no longer repaints the whole view (8-13 ms
        # a time at 1280 x 800).
        content.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        column = _GrowingColumn(content)
        column.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
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
        self.share_buttons = add_share_buttons(
            {ChartKind.MOOD: self.mood_card}, session=self._session
        )
        column.addWidget(self.mood_card)
        column.addStretch(1)  # the later cards go in above it
        self._column = column
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

    def made_card(self, name: str) -> QWidget | None:
        """A later card by its name on the page ("written_card"), once it is made."""
        found = self.__dict__.get(name)
        return found if isinstance(found, QWidget) else None

    def cards(self) -> tuple[QWidget, ...]:
        """The cards on the page, in reading order."""
        return (self.mood_card, *(made.frame for made in self._made))

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
        # The cards still to show the older period's figures wait for the new ones instead
        # (all are filled when they come): while the read runs, the UI thread keeps out of
        # its way, as both need the same interpreter (the GIL); a card filled meanwhile took
        # 20-40 ms of wall clock for 10 of its own work.
        self._to_fill = []
        self._hold_read_cards(True)
        self.refresh(period)

    def _hold_read_cards(self, on: bool) -> None:
        for made in self._made:
            if made.held is not None:
                made.held(on)

    def _save_span(self) -> None:
        """Remember the span chosen last, once every card shows its figures.

        Saved in the background: an encrypted commit took 60-70 ms of the UI thread at every
        change of span. Not while the cards are filled: the write's own Python work then
        lengthened their turns (both need the same interpreter). And announcing nothing:
        announced as a change, other pages read the journal on the UI thread, and while the
        read of all time held the database they waited for it (up to 200 ms of frozen window).
        If it fails, the next change tries again.
        """
        span, self._span_unsaved = self._span_unsaved, None
        if span is None or not self._session.is_open():
            return
        self._session.services.operations.run_in_background(
            lambda ops: ops.remember_view(PERIOD_SETTING, span),
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
        # So is the year at a glance, once its card is made (5-10 ms of squares otherwise
        # described and drawn in its paint, on the UI thread, at every new period).
        year = self.__dict__.get("year")
        year_look = year.look() if isinstance(year, YearGrid) else None

        def read() -> tuple[Figures, Drawn | None, DrawnYear | None]:
            shown = reader.figures(wanted)
            chart = None if look is None else draw(shown, look, title)
            first = shown.year_start
            squares = None
            if year_look is not None and first is not None:
                squares = draw_year(first, shown.year_days, year_look)
            return shown, chart, squares

        self._session.tasks.run_in_background(read, self._arrived, self._failed)

    def _failed(self, _error: BaseException) -> None:
        self.empty.setText(_("The figures could not be read just now. Nothing was changed."))
        self.empty.show()
        self._failed_once = True
        self._hold_read_cards(False)
        self._make_soon()

    def _arrived(self, result: tuple[Figures, Drawn | None, DrawnYear | None]) -> None:
        shown, chart, squares = result
        self._drawn_year = squares
        self._show(shown, chart)

    def drawn_year(self) -> DrawnYear | None:
        """The year at a glance drawn by the last read (its card takes it if it is for the
        figures it shows)."""
        return self._drawn_year

    def _show(self, shown: Figures, drawn: Drawn | None = None) -> None:
        if shown.period != self.bar.period():
            return  # an older read; the newer one is on its way
        self.figures = shown
        with laid_out_once(self._content):  # once, not at every label shown
            self.bar.set_first_day(shown.first_day)
            self.empty.setVisible(shown.empty)
            self._show_card(self.mood_card)
            self.chart.show_figures(shown, drawn)
            self.mood_text.setText(mood_summary(shown))
        # The cards made so far follow, one per turn (10-20 ms of words to lay out at once);
        # those still to make are filled when they are made.
        if not self._filling and self._made:
            self._filling = True
            self._next_turn(self._fill_later)
        self._to_fill = list(self._made)
        if not self._to_fill:
            self._save_span()  # else once the cards show them: the write is Python work too
        self._make_soon()

    def _fill_later(self) -> None:
        """Show the figures shown in the next card that still shows older ones."""
        self._filling = False
        if not self._to_fill or self.figures is None:
            self._to_fill = []
            return
        made = self._to_fill.pop(0)
        with laid_out_once(self._content):
            made.show(self.figures)
            self._show_card(made.frame)
        if self._to_fill:
            self._filling = True
            self._next_turn(self._fill_later)
        else:
            self._save_span()

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
        """Forget the figures; the journal is about to close. Cards not made yet never will be
        (the page is dropped after this)."""
        self._to_make.clear()
        self._to_fill.clear()
        self._session.events.changed.disconnect(self._on_changed)
        for share in self.share_buttons.values():
            share.stop()
        self.figures = None
        self.chart.show_figures(Figures(Period(date.today(), date.today()), "week", [], [], []))
        self.day_values.clear()
        self.mood_text.clear()
        for made in self._made:
            made.clear()
