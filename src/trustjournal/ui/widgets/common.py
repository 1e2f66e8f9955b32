"""Helpers that give labels and buttons their role in the style sheet, and a centred column."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustjournal.ui.icons import Icon, icon
from trustjournal.ui.widgets.field_scroll import FieldScrollArea
from trustjournal.ui.widgets.measured_label import MeasuredLabel


def N_(message: str) -> str:
    """Marks a module constant for the catalogue (the extractor knows N_); pass it through
    core.i18n._ where it is shown, so it speaks the language chosen after import."""
    return message


class PaletteIcon(QLabel):
    """One of our icons as a picture, drawn again in the new colours when the theme changes."""

    _REDRAW = (
        QEvent.Type.PaletteChange,
        QEvent.Type.ApplicationPaletteChange,
        QEvent.Type.StyleChange,
    )

    def __init__(self, name: Icon, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._size = size
        self._draw()

    def _draw(self) -> None:
        size = QSize(self._size, self._size)
        self.setPixmap(icon(self._name).pixmap(size, self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in self._REDRAW:
            self._draw()


def label(
    text: str = "", *, role: str | None = None, wrap: bool = True, measured: bool = False
) -> QLabel:
    """A plain-text label (never interpreted as markup) with an optional style role;
    `measured`: one that keeps its height at each width (`MeasuredLabel`), for a page of many
    words laid out again at every change, such as Insights."""
    widget = MeasuredLabel() if measured else QLabel()
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setText(text)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


def set_role(widget: QWidget, role: str | None, *, name: str = "role") -> None:
    """Give `widget` a style role (property `name`) and have the style sheet apply it now."""
    widget.setProperty(name, role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def button(
    text: str, *, primary: bool = False, flat: bool = False, icon_name: Icon | None = None
) -> QPushButton:
    """A push button; `text` may carry a mnemonic (&)."""
    widget = QPushButton(text)
    if primary:
        widget.setProperty("primary", True)
        widget.setDefault(True)
    if flat:
        widget.setProperty("flat", True)
        widget.setCursor(Qt.CursorShape.PointingHandCursor)
    if icon_name is not None:
        widget.setIcon(icon(icon_name))
    return widget


def card(
    parent: QWidget | None = None,
    *,
    heading: str | None = None,
    hint: str | None = None,
    measured: bool = False,
) -> tuple[QFrame, QVBoxLayout]:
    """A rounded surface and its layout, with generous padding, optionally headed by a
    heading and a hint line (`measured` labels: see `label`)."""
    frame = QFrame(parent)
    frame.setProperty("card", True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(28, 24, 28, 24)
    layout.setSpacing(12)
    if heading is not None:
        layout.addWidget(label(heading, role="heading", measured=measured))
    if hint is not None:
        layout.addWidget(label(hint, role="hint", measured=measured))
    return frame, layout


def button_row(*buttons: QWidget, stretch_first: bool = True) -> QHBoxLayout:
    """Buttons in a row, pushed to the right."""
    row = QHBoxLayout()
    row.setSpacing(10)
    if stretch_first:
        row.addStretch(1)
    for widget in buttons:
        row.addWidget(widget)
    return row


def fitting_button_row(room: int, *buttons: QPushButton, stretch_first: bool = True) -> QBoxLayout:
    """Buttons in a row (as `button_row`) if they fit in `room` pixels; otherwise (a longer
    language: buttons cannot wrap) one under another, each on the right."""
    for each in buttons:
        each.ensurePolished()
    spacing = 10  # button_row's
    needed = sum(b.sizeHint().width() for b in buttons) + spacing * (len(buttons) - 1)
    if needed <= room:
        return button_row(*buttons, stretch_first=stretch_first)
    column = QVBoxLayout()
    column.setSpacing(8)
    for each in buttons:
        column.addLayout(button_row(each))
    return column


def remove_rows(box: QBoxLayout, rows: Sequence[QWidget]) -> None:
    """Take `rows` out of `box` and delete them; they are gone at once, not at the next turn."""
    for row in rows:
        box.removeWidget(row)
        row.hide()
        row.deleteLater()


def lay_out_item_row(owner: QWidget, text: QLabel, meta: QLabel, action: QWidget) -> None:
    """Lay `owner` out as one item of a short list: its text over a hint line, and one action
    on the right (e.g. "I told them", "Finish it")."""
    column = QVBoxLayout()
    column.setSpacing(2)
    column.addWidget(text)
    column.addWidget(meta)
    row = QHBoxLayout(owner)
    row.setContentsMargins(0, 4, 0, 4)
    row.setSpacing(12)
    row.addLayout(column, 1)
    row.addWidget(action, 0, Qt.AlignmentFlag.AlignVCenter)


def scrolled_body(owner: QWidget) -> QWidget:
    """Fill `owner` with a frameless scroll area and return the widget it scrolls."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = FieldScrollArea(owner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    outer.addWidget(scroll)
    body = QWidget()
    body.setAutoFillBackground(False)
    scroll.setWidget(body)
    return body


def centered_column(screen: QWidget, *, max_width: int = 560) -> QVBoxLayout:
    """Lay `screen` out as a scrollable, centred column; returns the column's layout."""
    body = scrolled_body(screen)
    row = QHBoxLayout(body)
    row.setContentsMargins(32, 28, 32, 28)
    column_holder = QWidget(body)
    column_holder.setMaximumWidth(max_width)
    row.addStretch(1)
    row.addWidget(column_holder, 100)
    row.addStretch(1)
    column = QVBoxLayout(column_holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(16)
    column.setDirection(QBoxLayout.Direction.TopToBottom)
    return column


def field_label(text: str, buddy: QWidget) -> QLabel:
    """A label for a form field with a keyboard mnemonic (&) that focuses `buddy`.

    Only for the app's own fixed strings: the mnemonic needs Qt's default text format, which
    must never see user text (S6).
    """
    widget = QLabel(text)
    widget.setBuddy(buddy)
    return widget
