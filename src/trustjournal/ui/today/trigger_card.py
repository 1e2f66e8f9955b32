"""Today's "log a trigger now": only what happened and how intense, finished later when calmer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from trustjournal.core.entries import TriggerRecord
from trustjournal.core.errors import UserFacingError, ValidationError
from trustjournal.core.i18n import N_, _
from trustjournal.services.changes import settings_only
from trustjournal.ui.editors.fields import text_box
from trustjournal.ui.editors.intensity import IntensityScale
from trustjournal.ui.editors.pane import AUTOSAVE_MS
from trustjournal.ui.editors.trigger import INTENSITY_NEEDED, SITUATION_NEEDED
from trustjournal.ui.session import Session
from trustjournal.ui.today.unfinished import UnfinishedList
from trustjournal.ui.widgets.common import button, card, label
from trustjournal.ui.widgets.fading import Confirmation

DRAFT_KEY = "today.trigger"
HINT = N_("Just what happened and how strong it is. The rest can wait until you feel calmer.")
SAVED = N_("Logged. It waits below until you are ready to finish it.")


class TriggerCard(QWidget):
    """A quick trigger log (Ctrl+T) and the records still to finish."""

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        # Built without a parent, each joins Tab's chain when laid out: in reading order.
        self.situation = text_box(_("What happened"), _("What happened?"), height=52)
        self.situation_error = label("", role="error")
        self.intensity = IntensityScale(name=_("Intensity"))
        self.intensity_error = label("", role="error")
        self.save_button = button(_("Log it"))
        self.save_button.setToolTip(_("Save it as still to finish (Ctrl+Enter)"))
        self.status = label("", role="good")
        self.confirmation = Confirmation(self.status, self)
        self.unfinished = UnfinishedList(session=session)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self._lay_out()
        self._show_errors(None)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.timer.timeout.connect(self.stash_drafts)
        self.situation.textChanged.connect(self._on_edited)
        self.intensity.changed.connect(self._on_edited)
        session.events.changed.connect(self._on_changed)
        self.refresh()

    def _lay_out(self) -> None:
        frame, column = card(self, heading=_("Log a trigger now"), hint=_(HINT))
        column.addWidget(self.situation)
        column.addWidget(self.situation_error)
        column.addWidget(label(_("How intense is it, from 0 to 10?")))
        column.addWidget(self.intensity)
        column.addWidget(self.intensity_error)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        column.addLayout(row)
        column.addSpacing(6)
        column.addWidget(self.unfinished)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def focus_field(self) -> None:
        """Put the cursor in "what happened" (Ctrl+T), after anything already typed."""
        self.situation.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.situation.moveCursor(self.situation.textCursor().MoveOperation.End)

    def save(self) -> TriggerRecord | None:
        """Save as an unfinished trigger record; None (with the message by its field) if not."""
        self._show_errors(None)
        try:
            if not self.situation.toPlainText().strip():
                raise ValidationError(_(SITUATION_NEEDED), field="what happened")
            intensity = self.intensity.value()
            if intensity is None:
                raise ValidationError(_(INTENSITY_NEEDED), field="intensity")
            record = TriggerRecord(
                occurred_at=self._session.clock(),
                situation=self.situation.toPlainText(),
                intensity=intensity,
                unfinished=True,
            )
            stored = self._session.services.operations.run(
                lambda ops: ops.add_entry(record, draft_key=DRAFT_KEY)  # and its draft goes
            )
        except ValidationError as error:
            self._show_errors(error)
            return None
        except UserFacingError as error:
            self.stash_drafts()  # keep every word; the message says what went wrong
            self._say(str(error), role="error")
            return None
        self.timer.stop()
        self.situation.blockSignals(True)
        self.situation.clear()
        self.situation.blockSignals(False)
        self.intensity.set_value(None)
        self.confirmation.confirm(_(SAVED))
        return stored

    def _say(self, text: str, *, role: str) -> None:
        self.confirmation.say(text, role=role)

    def _show_errors(self, error: ValidationError | None) -> None:
        field = error.field if error is not None else None
        for widget, name in (
            (self.situation_error, "what happened"),
            (self.intensity_error, "intensity"),
        ):
            hit = error is not None and field == name
            widget.setText(str(error) if hit else "")
            widget.setVisible(hit)
        if field == "what happened":  # the cursor goes where the message is
            self.situation.setFocus(Qt.FocusReason.OtherFocusReason)
        elif field == "intensity":
            self.intensity.focus_button()

    def _on_edited(self, *_args: object) -> None:
        self.confirmation.clear()
        self.timer.start()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if not settings_only(changes):
            self.refresh()

    def refresh(self) -> None:
        """Read the records still to finish again."""
        if self._session.is_open():
            self.unfinished.refresh()

    # --- drafts -------------------------------------------------------------------------------

    def draft(self) -> dict[str, Any]:
        """What is typed and chosen now."""
        return {"situation": self.situation.toPlainText(), "intensity": self.intensity.value()}

    def stash_drafts(self) -> None:
        """Keep unfinished words as an encrypted draft (or forget an emptied one)."""
        self.timer.stop()  # locking calls this once the session has ended, vault still open
        if self.situation.toPlainText() or self.intensity.value() is not None:
            self._session.drafts.save(DRAFT_KEY, self.draft())
        else:
            self._session.drafts.delete(DRAFT_KEY)

    def restore_drafts(self) -> None:
        """Put unfinished words back."""
        draft = self._session.drafts.load(DRAFT_KEY)
        if not draft:
            return
        self.situation.setPlainText(str(draft.get("situation", "")))
        value = draft.get("intensity")
        self.intensity.set_value(value if isinstance(value, int) and 0 <= value <= 10 else None)
        self.timer.stop()
        self.confirmation.clear()

    def clear(self) -> None:
        """Empty the fields and the list, and stop listening (the journal is locking)."""
        self._session.events.changed.disconnect(self._on_changed)
        self.situation.blockSignals(True)
        self.situation.clear()
        self.situation.blockSignals(False)
        self.intensity.set_value(None)
        self.unfinished.clear()
        self.timer.stop()  # emptying the fields must not write a draft into a closing vault
