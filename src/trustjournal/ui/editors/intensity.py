"""How intense a feeling is, 0–10: numbered buttons with the words for each, keyboard operable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.i18n import N_, _
from trustjournal.core.wording import INTENSITY_ANCHORS, SCALE_ANCHORS
from trustjournal.ui.widgets.common import button, label, set_role

LOW, HIGH = 0, 10
SCALE_MAX_WIDTH = 600  # the buttons widen with the editor up to this
SCALE_STYLE = (
    "QPushButton[scale=true] { padding: 4px 0px; min-width: 26px; }"
    " QPushButton[scale=true]:checked { background: palette(highlight);"
    " color: palette(highlighted-text); border-color: palette(highlight); font-weight: 600; }"
)
KEYS_HELP = N_("Arrow keys move along the scale; 0 to 9 choose that number, End chooses 10.")
_STEPS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Down: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: 1}


def intensity_text(value: int | None, *, empty: str) -> str:
    """ "7 — very strong; my body is on alert", or `empty` when nothing is chosen."""
    return empty if value is None else f"{value} — {INTENSITY_ANCHORS[value]}"


def anchor_row() -> tuple[QGridLayout, list[QLabel]]:
    """The words under 0, 5 and 10, in three equal columns so that 5's is centred."""
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(8)
    labels: list[QLabel] = []
    sides = (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter, Qt.AlignmentFlag.AlignRight)
    for column, ((value, text), side) in enumerate(zip(SCALE_ANCHORS.items(), sides, strict=True)):
        anchor = label(text, role="hint", wrap=True)
        anchor.setAlignment(side | Qt.AlignmentFlag.AlignTop)
        anchor.setToolTip(f"{value}: {INTENSITY_ANCHORS[value]}")
        anchor.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        labels.append(anchor)
        grid.addWidget(anchor, 0, column)
        grid.setColumnStretch(column, 1)
    return grid, labels


class IntensityScale(QWidget):
    """Eleven checkable buttons 0–10, the words for the chosen one, and anchors under them.

    The scale is one stop for Tab, like a group of radio buttons: Tab lands on the chosen
    number (5 while none is), arrow keys move along the scale, a digit jumps to it (0–9), End
    to 10 and Home to 0. An optional scale (intensity afterwards) can be cleared with its
    "Clear" button or Delete.

    Signals:
        changed: the chosen value changed.
    """

    changed = Signal()

    def __init__(
        self,
        *,
        name: str,
        optional: bool = False,
        empty: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._empty = _("Choose a number from 0 to 10") if empty is None else empty
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        buttons = self._buttons(name)
        anchors, self.anchors = anchor_row()
        scale = QWidget(self)
        scale_column = QVBoxLayout(scale)
        scale_column.setContentsMargins(0, 0, 0, 0)
        scale_column.setSpacing(3)
        scale_column.addLayout(buttons)
        scale_column.addLayout(anchors)
        self.word = label(self._empty, wrap=True)
        self.clear_button = button(_("Clear"), flat=True)
        self.clear_button.setToolTip(_("Leave “{name}” unanswered (Delete)").format(name=name))
        self.clear_button.setVisible(optional)
        scale_row = QHBoxLayout()
        scale.setMaximumWidth(SCALE_MAX_WIDTH)
        scale_row.addWidget(scale, 1)
        scale_row.addStretch(0)
        word_row = QHBoxLayout()
        word_row.addWidget(self.word, 1)
        word_row.addWidget(self.clear_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(scale_row)
        column.addLayout(word_row)
        self.setStyleSheet(SCALE_STYLE)
        self._optional = optional
        self.group.idToggled.connect(self._on_group_id_toggled)
        self.clear_button.clicked.connect(lambda: self.set_value(None, notify=True))
        self._show_word()

    def _buttons(self, name: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        for value in range(LOW, HIGH + 1):
            b = QPushButton(str(value))
            b.setProperty("scale", True)
            b.setCheckable(True)
            b.setMinimumSize(30, 32)
            b.setMaximumWidth(52)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setToolTip(f"{INTENSITY_ANCHORS[value]}\n{_(KEYS_HELP)}")
            b.setAccessibleName(
                _("{name} {value}, {words}").format(
                    name=name, value=value, words=INTENSITY_ANCHORS[value]
                )
            )
            b.setAccessibleDescription(_(KEYS_HELP))
            b.installEventFilter(self)
            self.group.addButton(b, value)
            row.addWidget(b)
        return row

    def value(self) -> int | None:
        """The chosen value, or None."""
        chosen = self.group.checkedId()
        return chosen if chosen >= LOW else None

    def set_value(self, value: int | None, *, notify: bool = False) -> None:
        """Choose `value` (None clears); `notify` announces `changed` as a person's choice does."""
        before = self.value()
        self.group.blockSignals(True)
        if value is None:
            self.group.setExclusive(False)
            for b in self.group.buttons():
                b.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.group.button(value).setChecked(True)
        self.group.blockSignals(False)
        self._show_word()
        if notify and before != self.value():
            self.changed.emit()

    def focus_button(self) -> None:
        """Focus the chosen button (or the middle one)."""
        self.group.button(self._tab_stop()).setFocus(Qt.FocusReason.OtherFocusReason)

    def _tab_stop(self) -> int:
        chosen = self.value()
        return 5 if chosen is None else chosen

    def _rove(self) -> None:
        """Only the chosen (or middle) button is a Tab stop; the others take clicks."""
        stop = self._tab_stop()
        for b in self.group.buttons():
            strong = self.group.id(b) == stop
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus if strong else Qt.FocusPolicy.ClickFocus)

    def _show_word(self) -> None:
        self._rove()
        value = self.value()
        self.word.setText(intensity_text(value, empty=self._empty))
        set_role(self.word, None if value is not None else "hint")
        self.clear_button.setEnabled(value is not None)
        self.setAccessibleDescription(intensity_text(value, empty=self._empty))

    def _on_group_id_toggled(self, _id: int, checked: bool) -> None:
        self._show_word()
        if checked:
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        current = self.value()
        new: int | None
        if key in _STEPS:
            start = 5 if current is None else current
            new = min(HIGH, max(LOW, start + _STEPS[Qt.Key(key)]))
        elif key == Qt.Key.Key_Home:
            new = LOW
        elif key == Qt.Key.Key_End:
            new = HIGH
        elif event.text().isdigit() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            new = int(event.text())
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._optional:
            self.set_value(None, notify=True)
            return True
        else:
            return super().eventFilter(watched, event)
        self.set_value(new, notify=True)
        self.group.button(new).setFocus()
        return True
