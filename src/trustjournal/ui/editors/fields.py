"""Fields every entry editor shares: tags, time, private, and a form with errors by each field."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import N_, PSEUDO, _, babel_locale, current_language, pgettext
from trustjournal.ui.check_row import check_row
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import label

PRIVATE_TEXT = N_("Private — never include in a summary")


def qt_format(translated: str, english: str) -> str:
    """A Qt date format from the catalogue, or the English one in the pseudo-locale (whose
    accented letters would not be format letters, only a garbled date)."""
    return english if current_language() == PSEUDO else translated


def text_box(name: str, placeholder: str, *, height: int = 56) -> QPlainTextEdit:
    """A few lines of free text, named for screen readers, that Tab leaves."""
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    box.setMaximumHeight(height + 24)
    return box


def tags_field(parent: QWidget | None = None) -> QLineEdit:
    """A line for tags, separated by commas."""
    field = QLineEdit(parent)
    field.setPlaceholderText(_("Tags, separated by commas"))
    field.setAccessibleName(_("Tags"))
    return field


def tags_of(field: QLineEdit) -> tuple[str, ...]:
    """The tags typed in a `tags_field` (the entry trims and de-duplicates them)."""
    return tuple(field.text().split(","))


def private_box() -> tuple[QCheckBox, QHBoxLayout]:
    """The "never include in a summary" check box, and its row (its words wrap)."""
    return check_row(_(PRIVATE_TEXT))


class TimeField(QDateTimeEdit):
    """When an entry happened, to the minute, keeping the entry's own UTC offset."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        guard_wheel(self)
        self.setCalendarPopup(True)
        self.setLocale(QLocale(babel_locale()))  # day and month names in the language
        # Translators: a Qt format for when an entry happened (ddd weekday, MMM month)
        self.setDisplayFormat(
            qt_format(
                pgettext("date and time field", "ddd d MMM yyyy  HH:mm"), "ddd d MMM yyyy  HH:mm"
            )
        )
        self.setAccessibleName(_("When"))

    def set_moment(self, moment: datetime) -> None:
        """Show `moment` as its local wall-clock time."""
        self.setDateTime(
            QDateTime(
                QDate(moment.year, moment.month, moment.day),
                QTime(moment.hour, moment.minute, moment.second),
            )
        )

    def moment(self, base: datetime) -> datetime:
        """The time shown, in `base`'s offset; exactly `base` if it was not edited.

        Args:
            base: the loaded entry's time, or now for a new entry.
        """
        edited = self.dateTime()
        day, clock = edited.date(), edited.time()
        moment = datetime(
            day.year(),
            day.month(),
            day.day(),
            clock.hour(),
            clock.minute(),
            clock.second(),
            tzinfo=base.tzinfo,
        )
        if moment.replace(microsecond=0) == base.replace(microsecond=0):
            return base
        return moment

    def to_draft(self) -> str:
        """The time shown as ISO text, for a draft."""
        return self.dateTime().toString(Qt.DateFormat.ISODate)

    def restore_draft(self, text: object) -> None:
        """Show a time saved by `to_draft` (anything unreadable is ignored)."""
        moment = QDateTime.fromString(str(text or ""), Qt.DateFormat.ISODate)
        if moment.isValid():
            self.setDateTime(moment)


class ErrorForm:
    """A form layout whose every row has a hidden error line under its field.

    Attributes:
        layout: the QFormLayout the rows go into.
        errors: the error label of each field, by field name.
    """

    def __init__(self, owner: QWidget, *, default_field: str) -> None:
        self._owner = owner
        self._default = default_field
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}  # the field of each row, by field name
        self.layout = QFormLayout(owner)
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.layout.setVerticalSpacing(10)
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A field too wide to sit beside its label (a longer language) goes under it instead.
        self.layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

    def row(self, text: str, widget: QWidget, field: str, *, question: str | None = None) -> None:
        """Add `widget` labelled `text`; `question` is a longer line shown above the field.

        With `text` empty the row spans the form's whole width (the question names it).
        """
        error = label("", role="error")
        error.hide()
        self.errors[field] = error
        self.fields[field] = widget
        box = QWidget(self._owner)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if question:
            column.addWidget(label(question))
        column.addWidget(widget)
        column.addWidget(error)
        if text:
            self.layout.addRow(text, box)
        else:
            self.layout.addRow(box)

    def show_error(self, error: ValidationError | None) -> None:
        """Show a validation message by its field, and put the cursor there (None hides every
        message and leaves the focus where it is)."""
        for field, widget in self.errors.items():
            hit = error is not None and (error.field or self._default) == field
            widget.setText(str(error) if hit else "")
            widget.setVisible(hit)
        if error is not None:
            field_widget = self.fields.get(error.field or self._default)
            if field_widget is not None:
                focus_within(field_widget)


def focus_chain(widget: QWidget) -> list[QWidget]:
    """Every widget of `widget`'s window in focus-chain order, the window first."""
    window = widget.window()
    chain = [window]
    current = window.nextInFocusChain()
    while current is not None and current is not window:
        chain.append(current)
        current = current.nextInFocusChain()
    return chain


def tab_stops(top: QWidget, chain: list[QWidget]) -> list[QWidget]:
    """`top` and the widgets inside it that Tab stops at, in `chain`'s order; a widget's own
    inner parts (a spin box's line edit, say) are left to it."""
    taken: list[QWidget] = []
    for widget in chain:
        if not (widget is top or top.isAncestorOf(widget)):
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not any(
            t.isAncestorOf(widget) for t in taken
        ):
            taken.append(widget)
    return taken


def focus_within(widget: QWidget) -> None:
    """Put the keyboard focus on `widget`, or on the first visible thing inside it that Tab
    stops at (a group such as a scale may name its own stop as focus proxy)."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    for stop in tab_stops(widget, focus_chain(widget)):
        if stop.isVisible():
            stop.setFocus(Qt.FocusReason.OtherFocusReason)
            return
