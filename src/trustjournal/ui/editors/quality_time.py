"""The time-together editor: what we did, for how long, how connected I felt, what I appreciated."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QSpinBox, QWidget

from trustjournal.core.entries import MAX_MINUTES, Entry, EntryKind, QualityTime
from trustjournal.core.i18n import N_, _
from trustjournal.ui.editors.fields import text_box
from trustjournal.ui.editors.form_editor import FormEditor
from trustjournal.ui.session import Session
from trustjournal.ui.wheel_guard import guard_wheel

CONNECTION_QUESTION = N_("How connected did I feel, from 0 to 10?")
NOT_NOTED = N_("Not noted")
NOT_ANSWERED = N_("Not answered")


def minutes_box() -> QSpinBox:
    """How long, in minutes; its lowest step means "not noted" (the length is optional)."""
    spin = QSpinBox()
    guard_wheel(spin)
    spin.setRange(0, MAX_MINUTES)
    spin.setSingleStep(15)
    spin.setSpecialValueText(_(NOT_NOTED))
    spin.setSuffix(_(" min"))
    spin.setAccessibleName(_("How long, in minutes"))
    spin.setMinimumWidth(130)
    return spin


def connection_box() -> QSpinBox:
    """How connected I felt, 0–10, or not answered (as the check-in's connection scale)."""
    spin = QSpinBox()
    guard_wheel(spin)
    spin.setRange(-1, 10)
    spin.setSpecialValueText(_(NOT_ANSWERED))
    spin.setValue(-1)
    spin.setAccessibleName(_("Connection"))
    spin.setMinimumWidth(130)
    return spin


def minutes_of(spin: QSpinBox) -> int | None:
    """The minutes chosen, None for "not noted"."""
    return spin.value() or None


def connection_of(spin: QSpinBox) -> int | None:
    """The connection chosen, None for "not answered"."""
    return None if spin.value() < 0 else spin.value()


class QualityTimeEditor(FormEditor):
    """What we did, how long, how connected, what I appreciated, tags, time, private."""

    kind = EntryKind.QUALITY_TIME

    def __init__(
        self, *, session: Session, scrolled: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(session=session, default_field="what", scrolled=scrolled, parent=parent)
        self.what = text_box(_("What we did"), _("A walk, dinner, a long talk…"), height=60)
        self.minutes = minutes_box()
        self.connection = connection_box()
        self.appreciated = text_box(
            _("What I appreciated"), _("Something they did or said, however small"), height=60
        )
        form = self.form
        form.row(_("What we did"), self.what, "what")
        form.row(_("How long"), self.minutes, "minutes")
        form.row(_("Connection"), self.connection, "connection", question=_(CONNECTION_QUESTION))
        form.row(_("Appreciated"), self.appreciated, "appreciated")
        self.add_envelope_rows()
        self.watch(
            self.what.textChanged,
            self.minutes.valueChanged,
            self.connection.valueChanged,
            self.appreciated.textChanged,
        )
        self.load(None)

    def _load_fields(self, entry: Entry | None) -> None:
        loaded = entry if isinstance(entry, QualityTime) else None
        self.what.setPlainText(loaded.what if loaded else "")
        self.minutes.setValue(loaded.minutes or 0 if loaded else 0)
        connection = loaded.connection if loaded else None
        self.connection.setValue(-1 if connection is None else connection)
        self.appreciated.setPlainText(loaded.appreciated if loaded else "")

    def _fields(self) -> dict[str, Any]:
        return {
            "what": self.what.toPlainText(),
            "minutes": minutes_of(self.minutes),
            "connection": connection_of(self.connection),
            "appreciated": self.appreciated.toPlainText(),
        }

    def _draft_fields(self) -> dict[str, Any]:
        return {
            "what": self.what.toPlainText(),
            "minutes": self.minutes.value(),
            "connection": self.connection.value(),
            "appreciated": self.appreciated.toPlainText(),
        }

    def _restore_fields(self, draft: dict[str, Any]) -> None:
        def number(name: str, default: int) -> int:
            value = draft.get(name, default)
            return value if isinstance(value, int) and not isinstance(value, bool) else default

        self.what.setPlainText(str(draft.get("what", "")))
        self.minutes.setValue(number("minutes", 0))  # the box clamps to its range
        self.connection.setValue(number("connection", -1))
        self.appreciated.setPlainText(str(draft.get("appreciated", "")))

    def focus_first(self) -> None:
        self.what.setFocus()
