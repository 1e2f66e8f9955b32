"""What helped in the period: each coping strategy's uses and the change afterwards, humbly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from trustjournal.core.i18n import _, format_number, ngettext
from trustjournal.services.insights_figures import CopingEffect
from trustjournal.ui.insights.measured import label
from trustjournal.ui.widgets.coping_figures import MIN_TO_TELL, SAME

SHOWN = 8  # strategies listed; the rest are counted in one line


def _points(value: float) -> str:
    shown = round(abs(value), 1)
    return ngettext("{value} point", "{value} points", 1 if shown == 1 else 2).format(
        value=format_number(shown)
    )


def effect_text(effect: CopingEffect) -> str:
    """One strategy in the period as a sentence; too few records say so instead of an average."""
    used = ngettext("Used once", "Used {count} times", effect.uses).format(count=effect.uses)
    noted = effect.records_with_after
    if noted == 0:
        return _("{used}; how intense it felt afterwards was not noted.").format(used=used)
    if noted < MIN_TO_TELL or effect.avg_drop is None:
        return ngettext(
            "{used}, afterwards noted once: too few to tell yet.",
            "{used}, afterwards noted {count} times: too few to tell yet.",
            noted,
        ).format(used=used, count=noted)
    drop = effect.avg_drop
    if drop >= SAME:
        change = _("on average {points} lower afterwards").format(points=_points(drop))
    elif drop <= -SAME:
        change = _("on average {points} higher afterwards").format(points=_points(drop))
    else:
        change = _("on average about the same afterwards")
    return ngettext(
        "{used}, afterwards noted once: {change}.",
        "{used}, afterwards noted {count} times: {change}.",
        noted,
    ).format(used=used, count=noted, change=change)


def ordered(effects: list[CopingEffect]) -> list[CopingEffect]:
    """Enough records first (largest drop first), then the rest by uses: one good evening
    never tops the list."""
    enough = [e for e in effects if e.records_with_after >= MIN_TO_TELL]
    few = [e for e in effects if e.records_with_after < MIN_TO_TELL]
    return enough + sorted(few, key=lambda e: -e.uses)


class HelpsList(QWidget):
    """Each strategy's name (as the person wrote it, plain text) above its sentence; each row
    is a Tab stop whose accessible name is the whole sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(8)
        self.none = label(_("No trigger record in this period names a way of coping."), role="hint")
        self.column.addWidget(self.none)
        # Made now, not when figures arrive: Tab's chain follows the order widgets join.
        self.rows = [_HelpsRow(self) for _index in range(SHOWN)]
        for row in self.rows:
            self.column.addWidget(row)
        self.more = label("", role="hint")
        self.column.addWidget(self.more)
        self.show_effects([])

    def shown_rows(self) -> list[_HelpsRow]:
        """The rows in use, top to bottom."""
        return [row for row in self.rows if not row.isHidden()]

    def show_effects(self, effects: list[CopingEffect]) -> None:
        """Show these strategies' figures, those with enough records first."""
        shown = ordered(effects)
        self.none.setVisible(not shown)
        for index, row in enumerate(self.rows):
            if index < len(shown):
                row.show_effect(shown[index])
            row.setVisible(index < len(shown))
        rest = len(shown) - SHOWN
        self.more.setText(
            ngettext(
                "and {count} more, used less often.", "and {count} more, used less often.", rest
            ).format(count=rest)
            if rest > 0
            else ""
        )
        self.more.setVisible(rest > 0)


class _HelpsRow(QFrame):
    """One strategy: its name over its figures in words, reachable by Tab."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpsRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The ring takes its room always (transparent), so focusing a row never moves the page.
        self.setStyleSheet(
            "QFrame#helpsRow { border: 2px solid transparent; border-radius: 3px; }"
            " QFrame#helpsRow:focus { border-color: palette(highlight); }"
        )
        self.setAccessibleDescription(_("What helps"))
        pair = QVBoxLayout(self)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.setSpacing(1)
        self.name = label("")
        self.name.setMinimumWidth(1)  # a long unbroken name is clipped, never widens the page
        self.text = label("", role="hint")
        self.text.setMinimumWidth(1)
        pair.addWidget(self.name)
        pair.addWidget(self.text)

    def show_effect(self, effect: CopingEffect) -> None:
        text = effect_text(effect)
        self.name.setText(effect.strategy)
        self.text.setText(text)
        self.setAccessibleName(
            _("{strategy}: {figures}").format(strategy=effect.strategy, figures=text)
        )
