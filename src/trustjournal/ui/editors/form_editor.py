"""What every form-based entry editor shares: the envelope fields, the baseline, errors by field."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLayoutItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.entries import ENTRY_TYPES, Entry
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _
from trustjournal.ui.editors.base import EntryEditor
from trustjournal.ui.editors.fields import (
    ErrorForm,
    TimeField,
    private_box,
    tags_field,
    tags_of,
)
from trustjournal.ui.session import Session
from trustjournal.ui.tab_order import tab_controls
from trustjournal.ui.widgets.field_scroll import FieldScrollArea


def _widgets_in(item: QLayoutItem | None) -> list[QWidget]:
    """The widgets a form row holds, in the order laid out (a row may be a whole layout)."""
    if item is None:
        return []
    widget = item.widget()
    if widget is not None:
        return [widget]
    layout = item.layout()
    if layout is None:
        return []
    return [w for i in range(layout.count()) for w in _widgets_in(layout.itemAt(i))]


class FormEditor(EntryEditor):
    """An entry editor laid out as a form, with tags, time and private at its foot.

    Subclasses build their own fields, call `add_envelope_rows()` last, connect their
    widgets' change signals with `watch`, and implement `_load_fields`, `_fields`,
    `_draft_fields` and `_restore_fields`; this class does the rest of EntryEditor.
    """

    def __init__(
        self,
        *,
        session: Session,
        default_field: str,
        scrolled: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = session.clock
        self._loaded: Entry | None = None
        self._baseline: dict[str, Any] = {}
        # A long form scrolls inside the editor; `body` is the widget its rows are laid on.
        self.scroll_area: FieldScrollArea | None = None
        self.body: QWidget = self
        if scrolled:
            self.scroll_area = FieldScrollArea(self)
            self.scroll_area.setWidgetResizable(True)
            self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
            # Not a Tab stop of its own: it scrolls to each field as Tab reaches it.
            self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.body = QWidget()
            self.scroll_area.setWidget(self.body)
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            outer.addWidget(self.scroll_area)
        # The rows keep their natural height at the top; the room left over stays below them
        # (spread between the rows, it pulled a field away from its label).
        holder = QWidget(self.body)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(holder)
        column.addStretch(1)
        self.form = ErrorForm(holder, default_field=default_field)
        if scrolled:  # room between the fields and the scroll bar
            self.form.layout.setContentsMargins(0, 0, 14, 8)
        self.errors = self.form.errors

    def add_envelope_rows(self) -> None:
        """Add the tags, time and private rows under the kind's own fields.

        They are made here, not in the constructor, so Tab reaches them last.
        """
        self.tags = tags_field(self)
        self.time = TimeField(self)
        self.private, private_row = private_box()
        self.watch(self.tags.textChanged, self.time.dateTimeChanged, self.private.toggled)
        self.form.row(_("Tags"), self.tags, "tags")
        self.form.row(_("When"), self.time, "time")
        self.form.layout.addRow("", private_row)
        self.order_tabs()

    def order_tabs(self) -> None:
        """Chain Tab through the rows as they are read, top to bottom (a field made before
        the one above it would otherwise come first)."""
        layout = self.form.layout
        roles = (
            QFormLayout.ItemRole.LabelRole,
            QFormLayout.ItemRole.FieldRole,
            QFormLayout.ItemRole.SpanningRole,
        )
        # Every control that can take focus, not only today's Tab stops: a scale's stop is
        # whichever number is chosen, and the others must move with it.
        chain = [
            control
            for row in range(layout.rowCount())
            for role in roles
            for widget in _widgets_in(layout.itemAt(row, role))
            for control in tab_controls(widget)
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.scroll_area is None:
            return hint
        # It scrolls up and down, never sideways: as wide as its widest row, so a splitter or a
        # small window cannot cut the form off on the right.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(max(hint.width(), self.body.minimumSizeHint().width() + bar), hint.height())

    def watch(self, *signals: Any) -> None:
        """Announce `changed` whenever one of `signals` fires."""
        for signal in signals:
            signal.connect(self._emit_changed)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    # --- what subclasses fill in ------------------------------------------------------------

    def _load_fields(self, entry: Entry | None) -> None:
        """Show the kind's own fields of `entry` (None: a new entry)."""
        raise NotImplementedError

    def _fields(self) -> dict[str, Any]:
        """The kind's own fields as edited, as keyword arguments of its entry class."""
        raise NotImplementedError

    def _draft_fields(self) -> dict[str, Any]:
        """The kind's own fields as JSON-able values."""
        raise NotImplementedError

    def _restore_fields(self, draft: dict[str, Any]) -> None:
        """Put back the kind's own fields from `_draft_fields` output."""
        raise NotImplementedError

    # --- EntryEditor ------------------------------------------------------------------------

    def load(self, entry: Entry | None) -> None:
        if entry is not None and entry.kind is not self.kind:
            raise TypeError(
                _("{editor} edits {kind} entries only").format(
                    editor=type(self).__name__, kind=self.kind.value
                )
            )
        self._loaded = entry
        self.blockSignals(True)
        self._load_fields(entry)
        self.tags.setText(", ".join(entry.tags) if entry else "")
        self.time.set_moment(entry.occurred_at if entry else self._clock())
        self.private.setChecked(entry.private if entry else False)
        self.blockSignals(False)
        self.show_error(None)
        self._baseline = self.draft()

    def entry(self) -> Entry:
        self.show_error(None)
        try:
            fields: dict[str, Any] = {
                **self._fields(),
                "tags": tags_of(self.tags),
                "occurred_at": self.time.moment(
                    self._loaded.occurred_at if self._loaded else self._clock()
                ),
                "private": self.private.isChecked(),
            }
            if self._loaded is not None:
                return self._loaded.with_changes(**fields)
            build: Callable[..., Entry] = ENTRY_TYPES[self.kind]
            return build(**fields)
        except ValidationError as error:
            self.show_error(error)
            raise

    def show_error(self, error: ValidationError | None) -> None:
        """Show a validation message next to its field (None hides every message)."""
        self.form.show_error(error)

    def draft(self) -> dict[str, Any]:
        return {
            "id": self.loaded_id(),
            **self._draft_fields(),
            "tags": self.tags.text(),
            "time": self.time.to_draft(),
            "private": self.private.isChecked(),
        }

    def restore_draft(self, draft: dict[str, Any]) -> None:
        self._restore_fields(draft)
        self.tags.setText(str(draft.get("tags", "")))
        self.time.restore_draft(draft.get("time"))
        self.private.setChecked(bool(draft.get("private", False)))

    def is_dirty(self) -> bool:
        return self.draft() != self._baseline

    def loaded_id(self) -> int | None:
        return self._loaded.id if self._loaded else None
