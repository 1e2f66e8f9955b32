"""How each coping strategy went in the person's own trigger records, in humble words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from trustjournal.core.i18n import _, format_number, ngettext
from trustjournal.services.changes import Changes, settings_only
from trustjournal.services.insights import CopingEffect
from trustjournal.ui.session import Session
from trustjournal.ui.widgets.common import N_, button, label

MIN_TO_TELL = 3  # records with an "afterwards" below which no average is offered
SAME = 0.05  # an average drop this close to zero reads as "about the same"

# English (tests compare them); translated with _() where shown.
INTRO = N_(
    "From your own trigger records: how often you turned to each way of coping, and how "
    "intense it felt before and after. It is your record, not proof; a feeling can ease for "
    "many reasons."
)
EMPTY = N_(
    "Nothing here yet. When a trigger record notes what you did to cope and how intense it "
    "felt afterwards, you will be able to see here what has tended to help you."
)
FAILED = N_("The figures could not be read just now. Your records are safe; this will try again.")


def _times(count: int) -> str:
    if count == 2:
        return _("twice")
    return ngettext("once", "%(count)d times", count) % {"count": count}


def _points(value: float) -> str:
    rounded = round(abs(value), 1)
    shown = format_number(rounded)
    return ngettext("%(points)s point", "%(points)s points", 1 if rounded == 1 else 2) % {
        "points": shown
    }


def effect_text(effect: CopingEffect) -> str:
    """One strategy's figures as a plain sentence, saying so when there is too little to tell."""
    times = _times(effect.uses)
    noted = effect.records_with_after
    if noted == 0:
        return _("Used {times}; how intense it felt afterwards was not noted.").format(times=times)
    if noted != effect.uses:
        used = _("Used {times}, the intensity afterwards noted {noted}").format(
            times=times, noted=_times(noted)
        )
    else:
        used = _("Used {times}").format(times=times)
    if noted < MIN_TO_TELL or effect.avg_drop is None:
        return _("{used} — too few to tell yet.").format(used=used)
    drop = effect.avg_drop
    if drop >= SAME:
        return _("{used}: on average {points} lower afterwards.").format(
            used=used, points=_points(drop)
        )
    if drop <= -SAME:
        return _("{used}: on average {points} higher afterwards.").format(
            used=used, points=_points(drop)
        )
    return _("{used}: on average about the same afterwards.").format(used=used)


def ordered(effects: list[CopingEffect]) -> list[CopingEffect]:
    """Strategies with enough records first (largest drop first, as the store ranks them),
    then the rest by how often they were used: a single good evening never tops the list."""
    enough = [e for e in effects if e.records_with_after >= MIN_TO_TELL]
    few = [e for e in effects if e.records_with_after < MIN_TO_TELL]
    return enough + sorted(few, key=lambda e: -e.uses)  # sorted is stable


class CopingFiguresView(QWidget):
    """For each coping strategy: times used and the average change in intensity afterwards.

    Reads `coping_effect` (SQL) off the UI thread through `session.tasks`, and again whenever
    the journal changes. `limit` shows only the first few rows, with a button for the rest.
    """

    def __init__(
        self, *, session: Session, limit: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._limit = limit
        self._expanded = False
        self._generation = 0  # results of older reads are dropped
        self.effects: list[CopingEffect] = []
        self.intro = label(_(INTRO), role="hint")
        self.empty = label(_(EMPTY), role="hint")
        self.error = label(_(FAILED), role="warning")
        self.more_button = button("", flat=True)
        self.more_button.clicked.connect(self._on_more_button_clicked)
        self.rows = QWidget(self)
        self.row_layout = QVBoxLayout(self.rows)
        self.row_layout.setContentsMargins(0, 0, 0, 0)
        self.row_layout.setSpacing(10)
        self.name_labels: list[QLabel] = []
        self.figure_labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for widget in (self.intro, self.empty, self.error, self.rows):
            layout.addWidget(widget)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        for widget in (self.intro, self.empty, self.error, self.rows, self.more_button):
            widget.hide()
        session.events.changed.connect(self._on_events_changed)
        self.refresh()

    def refresh(self) -> None:
        """Read the figures again in the background; the rows change when they arrive."""
        if not self._session.is_open():
            return
        self._generation += 1
        generation = self._generation
        insights = self._session.services.insights
        self._session.tasks.run_in_background(
            insights.coping_effect,
            lambda effects: self._on_loaded(generation, effects),
            lambda _exc: self._on_failed(generation),
        )

    def _on_loaded(self, generation: int, effects: list[CopingEffect]) -> None:
        if generation != self._generation:
            return
        self.effects = ordered(effects)
        self.error.hide()
        self._show_rows()

    def _on_failed(self, generation: int) -> None:
        if generation == self._generation:
            self.error.show()

    def _show_rows(self) -> None:
        while self.row_layout.count():
            item = self.row_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        self.name_labels, self.figure_labels = [], []
        shown = self.effects
        if self._limit is not None and not self._expanded:
            shown = shown[: self._limit]
        for effect in shown:
            name = label(effect.strategy)
            name.setMinimumWidth(1)  # an unbroken long name is clipped, never widens the card
            figure = label(effect_text(effect), role="hint")
            # Translators: a way of coping, then its figures
            figure.setAccessibleName(
                _("{strategy}: {figures}").format(
                    strategy=effect.strategy, figures=effect_text(effect)
                )
            )
            pair = QWidget(self.rows)
            stacked = QVBoxLayout(pair)
            stacked.setContentsMargins(0, 0, 0, 0)
            stacked.setSpacing(1)
            stacked.addWidget(name)
            stacked.addWidget(figure)
            self.row_layout.addWidget(pair)
            self.name_labels.append(name)
            self.figure_labels.append(figure)
        has_any = bool(self.effects)
        self.intro.setVisible(has_any)
        self.rows.setVisible(has_any)
        self.empty.setVisible(not has_any)
        hidden = len(self.effects) - len(shown)
        if self._expanded:
            self.more_button.setText(_("Show fewer"))
        else:
            count = len(self.effects)
            self.more_button.setText(
                ngettext("Show all %(count)d", "Show all %(count)d", count) % {"count": count}
            )
        self.more_button.setVisible(hidden > 0 or self._expanded)

    def _on_more_button_clicked(self) -> None:
        self._expanded = not self._expanded
        self._show_rows()

    def _on_events_changed(self, changes: Changes) -> None:
        if not settings_only(changes):
            self.refresh()

    def clear(self) -> None:
        """Forget the figures and stop listening; the journal is about to close."""
        self._generation += 1
        self._session.events.changed.disconnect(self._on_events_changed)
        self.effects = []
        self._show_rows()
        self.empty.hide()
