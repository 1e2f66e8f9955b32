"""Insights' "Writing and time together": reflections, "I" statements and time together in words."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from trustjournal.core.i18n import _, format_number, ngettext
from trustjournal.core.wording import duration_words
from trustjournal.services.insights_figures import Figures, PeriodTotals
from trustjournal.ui.insights.compare import SAME_AVERAGE
from trustjournal.ui.insights.measured import card, label
from trustjournal.ui.insights.readable import make_readable

MIN_RATED = 5  # times together that noted their connection before an average means much


def _number(value: float) -> str:
    return format_number(round(value, 1))


def _beside(what: str, now: int, before: int | None) -> str:
    """`what` (a count said in words) beside the period before: plainly, also when it is lower."""
    if before is None or (now == 0 and before == 0):
        return _("{what} in this period.").format(what=what)
    if now == 0:
        return _("{what}, after {before} in the period before.").format(what=what, before=before)
    if before == 0:
        return _("{what}, after none in the period before.").format(what=what)
    if now > before:
        return _("{what}, more than the {before} before.").format(what=what, before=before)
    if now < before:
        return _("{what}, fewer than the {before} before.").format(what=what, before=before)
    return _("{what}, as many as before.").format(what=what)


def _base(before: PeriodTotals | None) -> PeriodTotals | None:
    """The period before, when it holds any of these kinds (else there is nothing to compare)."""
    if before is None or before.reflections + before.statements + before.together == 0:
        return None
    return before


def reflections_line(now: PeriodTotals, before: PeriodTotals | None) -> str:
    """How many reflections, beside the period before when it had any of these kinds."""
    what = (
        ngettext(
            "{count} reflection written", "{count} reflections written", now.reflections
        ).format(count=now.reflections)
        if now.reflections
        else _("No reflections written")
    )
    return _beside(what, now.reflections, base.reflections if (base := _base(before)) else None)


def statements_line(now: PeriodTotals, before: PeriodTotals | None) -> str:
    """How many "I" statements, how many of them said and how many not yet."""
    what = (
        ngettext(
            "{count} I statement prepared", "{count} I statements prepared", now.statements
        ).format(count=now.statements)
        if now.statements
        else _("No I statements prepared")
    )
    text = _beside(what, now.statements, base.statements if (base := _base(before)) else None)
    if now.statements:
        text += " " + _("You have said {said} of them; {unsaid} not yet.").format(
            said=now.said, unsaid=now.statements - now.said
        )
    return text


def together_line(now: PeriodTotals, before: PeriodTotals | None) -> str:
    """Times together, the minutes noted, and the connection felt: too few said so."""
    what = (
        ngettext("{count} time together", "{count} times together", now.together).format(
            count=now.together
        )
        if now.together
        else _("No time together noted")
    )
    text = _beside(what, now.together, base.together if (base := _base(before)) else None)
    if now.together_minutes:
        text += " " + _("{duration} noted in all.").format(
            duration=duration_words(now.together_minutes)
        )
    if now.together_connection is None:
        return text
    text += " " + ngettext(
        "How connected you felt: {value} on average ({count} time noted it).",
        "How connected you felt: {value} on average ({count} times noted it).",
        now.together_rated,
    ).format(value=_number(now.together_connection), count=now.together_rated)
    if now.together_rated < MIN_RATED:
        return text + " " + _("That is too few to show a pattern yet.")
    if before is None or before.together_rated < MIN_RATED or before.together_connection is None:
        return text
    was, change = before.together_connection, now.together_connection - before.together_connection
    if change >= SAME_AVERAGE:
        return text + " " + _("Up from {before} before.").format(before=_number(was))
    if -change >= SAME_AVERAGE:
        return text + " " + _("Down from {before} before.").format(before=_number(was))
    return text + " " + _("About the same as before ({before}).").format(before=_number(was))


def written_lines(figures: Figures) -> list[str]:
    """The card's three sentences: reflections, "I" statements, time together."""
    if figures.totals is None:
        return []
    before = figures.previous.totals if figures.previous else None
    return [
        reflections_line(figures.totals, before),
        statements_line(figures.totals, before),
        together_line(figures.totals, before),
    ]


def written_card(parent: QWidget | None) -> tuple[QFrame, WrittenList]:
    """The card and its sentences."""
    frame, column = card(
        parent,
        heading=_("Writing and time together"),
        hint=_(
            "Reflections, I statements and time together in this period, beside the same"
            " number of days just before it."
        ),
    )
    sentences = WrittenList(frame)
    column.addWidget(sentences)
    return frame, sentences


class WrittenList(QWidget):
    """One sentence per kind, each reachable by Tab and read by screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        # Made now, not when figures arrive: Tab's chain follows the order widgets join.
        self.sentences: list[QLabel] = []
        for _kind in range(3):
            sentence = make_readable(label(""), chart=_("Writing and time together"))
            sentence.setMinimumWidth(1)  # wraps; never widens the page
            column.addWidget(sentence)
            self.sentences.append(sentence)

    def show_figures(self, figures: Figures | None) -> None:
        """Show the sentences of `figures` (None: none)."""
        texts = written_lines(figures) if figures else []
        for index, sentence in enumerate(self.sentences):
            shown = index < len(texts)
            sentence.setText(texts[index] if shown else "")
            sentence.setVisible(shown)
