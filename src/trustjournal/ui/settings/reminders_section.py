"""Settings: reminders (check-in, homework, the day before a session, their words) and autostart.

The settings are saved inside the vault; the running app keeps only unlabelled times and the
words outside it (see services/reminders.py and docs/reminders.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLineEdit,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _, pgettext
from trustjournal.services import autostart
from trustjournal.services.reminder_facts import reminder_settings
from trustjournal.services.reminders import (
    DEFAULT_TEXT,
    MAX_TEXT,
    ReminderSettings,
    as_values,
    check_text,
)
from trustjournal.ui.check_row import check_row
from trustjournal.ui.editors.fields import qt_format
from trustjournal.ui.errors import describe
from trustjournal.ui.session import Session
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import field_label, label

log = logging.getLogger(__name__)


class RemindersSection(QFrame):
    """The Settings card for reminders and for starting at login; changes are saved at once."""

    def __init__(
        self,
        *,
        session: Session,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        autostart_supported: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = reminder_settings(vault=session.vault)
        self.setProperty("card", True)
        layout = QVBoxLayout(self)  # the look and padding of `common.card`
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(label(_("Reminders"), role="heading"))
        layout.addWidget(
            label(
                _(
                    "While TrustJournal runs, locked or not, it can remind you with a short "
                    "note. The note shows only the words below, never anything from your "
                    "journal, and opening it never unlocks."
                ),
                role="hint",
            )
        )
        self.enabled_check, row = check_row(_("Remin&d me"))
        layout.addLayout(row)
        self._add_times(layout)
        self._add_words(layout)
        self.no_tray_hint = label(
            _(
                "This desktop has no notification area, so reminders cannot show here. "
                "Your choices are kept for a desktop that has one."
            ),
            role="warning",
        )
        layout.addWidget(self.no_tray_hint)  # in its place first: a parentless label shown
        self.no_tray_hint.setVisible(not tray_available())  # would be a window of its own
        layout.addWidget(
            label(
                _(
                    "While the journal is locked, TrustJournal cannot see whether you have "
                    "checked in today, so the check-in reminder may come anyway. The reminder "
                    "before a session is set each time you unlock, and kept only until "
                    "TrustJournal closes."
                ),
                role="hint",
            )
        )
        self._add_autostart(
            layout, autostart.supported() if autostart_supported is None else (autostart_supported)
        )
        self._show_settings()
        self.enabled_check.toggled.connect(self._on_any_changed)
        for check in (self.checkin_check, self.homework_check, self.session_check):
            check.toggled.connect(self._on_any_changed)
        for edit in (self.checkin_time, self.homework_time, self.session_time):
            edit.timeChanged.connect(self._on_any_changed)
        self.words_edit.editingFinished.connect(self._on_words_edit_finished)

    def _add_times(self, layout: QVBoxLayout) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(24, 0, 0, 0)  # under "Remind me", as its parts
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(0, 280)  # short enough at 800×600, long words wrap once
        rows = (
            (_("Daily chec&k-in, at"), _("Check-in reminder time")),
            (_("Home&work, on days it runs, at"), _("Homework reminder time")),
            (_("The da&y before a session, at"), _("Reminder time before a session")),
        )
        made: list[tuple[QCheckBox, QTimeEdit]] = []
        # The clock Today names the next session by ("at 19:40"), not Qt's locale default,
        # which is 12-hour for English and would make a reminder read as another clock.
        # Translators: a CLDR time pattern, 24-hour clock unless your language prefers otherwise.
        time_format = qt_format(pgettext("short time pattern", "HH:mm"), "HH:mm")
        for index, (words, name) in enumerate(rows):
            check, check_words = check_row(words)
            edit = QTimeEdit(self)
            guard_wheel(edit)
            edit.setDisplayFormat(time_format)
            edit.setAccessibleName(name)
            edit.setMinimumHeight(32)
            # The words' first line level with the middle of the time box beside them.
            line = self.fontMetrics().lineSpacing()
            check_words.setContentsMargins(0, max(0, (edit.sizeHint().height() - line) // 2), 0, 0)
            grid.addLayout(check_words, index, 0)
            grid.addWidget(edit, index, 1, Qt.AlignmentFlag.AlignTop)
            made.append((check, edit))
        layout.addLayout(grid)
        (
            (self.checkin_check, self.checkin_time),
            (self.homework_check, self.homework_time),
            (
                self.session_check,
                self.session_time,
            ),
        ) = made

    def _add_words(self, layout: QVBoxLayout) -> None:
        self.words_edit = QLineEdit(self)
        self.words_edit.setMaxLength(MAX_TEXT * 2)  # room to see it is too long, and say so
        self.words_edit.setPlaceholderText(_(DEFAULT_TEXT))
        self.words_edit.setAccessibleName(_("Words the reminder shows"))
        self.words_edit.setMinimumHeight(32)
        layout.addWidget(field_label(_("Words sh&own"), self.words_edit))
        layout.addWidget(self.words_edit)
        layout.addWidget(
            label(
                _(
                    "They show on screen even while the journal is locked, so keep them "
                    "neutral: anyone nearby may read them. For the same reason they and the "
                    "daily times are kept outside the encrypted journal."
                ),
                role="hint",
            )
        )
        self.words_error = label(role="error")
        self.words_error.hide()
        layout.addWidget(self.words_error)

    def _add_autostart(self, layout: QVBoxLayout, supported: bool) -> None:
        self.autostart_check, row = check_row(_("Start TrustJournal when I lo&g in"))
        layout.addLayout(row)
        if supported:
            self.autostart_check.setChecked(autostart.is_enabled())
            hint = _("It starts locked, so that reminders can show.")
        else:
            self.autostart_check.setEnabled(False)
            hint = _(
                "On this system, add TrustJournal to the programs started at login yourself; "
                "the README says how."
            )
        layout.addWidget(label(hint, role="hint"))
        self.autostart_error = label(role="error")
        self.autostart_error.hide()
        layout.addWidget(self.autostart_error)
        self.autostart_check.toggled.connect(self._on_autostart_check_toggled)

    # --- behaviour ---------------------------------------------------------------------------

    @property
    def settings(self) -> ReminderSettings:
        """The reminders as saved."""
        return self._settings

    def _show_settings(self) -> None:
        s = self._settings
        self.enabled_check.setChecked(s.enabled)
        for check, edit, on, at in (
            (self.checkin_check, self.checkin_time, s.checkin_on, s.checkin_at),
            (self.homework_check, self.homework_time, s.homework_on, s.homework_at),
            (self.session_check, self.session_time, s.session_eve_on, s.session_eve_at),
        ):
            check.setChecked(on)
            edit.setTime(QTime(at.hour, at.minute))
        self.words_edit.setText(s.words())
        self._show_enabled_state()

    def _show_enabled_state(self) -> None:
        on = self.enabled_check.isChecked()
        for widget in (
            self.checkin_check,
            self.homework_check,
            self.session_check,
            self.words_edit,
        ):
            widget.setEnabled(on)
        self.checkin_time.setEnabled(on and self.checkin_check.isChecked())
        self.homework_time.setEnabled(on and self.homework_check.isChecked())
        self.session_time.setEnabled(on and self.session_check.isChecked())

    def _on_any_changed(self) -> None:
        self._show_enabled_state()
        self._save(
            self._settings.with_changes(
                enabled=self.enabled_check.isChecked(),
                checkin_on=self.checkin_check.isChecked(),
                checkin_at=_as_time(self.checkin_time.time()),
                homework_on=self.homework_check.isChecked(),
                homework_at=_as_time(self.homework_time.time()),
                session_eve_on=self.session_check.isChecked(),
                session_eve_at=_as_time(self.session_time.time()),
            )
        )

    def _on_words_edit_finished(self) -> None:
        try:
            words = check_text(self.words_edit.text())
        except ValidationError as exc:  # the typed words stay in the field, to be mended
            self.words_error.setText(describe(exc))
            self.words_error.show()
            return
        self.words_error.hide()
        stored = "" if words == _(DEFAULT_TEXT) else words  # the default follows the language
        if stored != self._settings.text:
            self._save(self._settings.with_changes(text=stored))

    def _save(self, settings: ReminderSettings) -> None:
        if not self._session.is_open():
            return  # the journal locked meanwhile
        values = as_values(settings)
        try:
            self._session.services.operations.run(lambda ops: ops.save_settings(values))
        except Exception as exc:
            self.words_error.setText(describe(exc))
            self.words_error.show()
            return
        self._settings = settings

    def _on_autostart_check_toggled(self, on: bool) -> None:
        try:
            if on:
                autostart.enable(autostart.launch_command())
            else:
                autostart.disable()
        except OSError as exc:
            log.warning("the autostart entry could not be changed: %s", type(exc).__name__)
            self.autostart_error.setText(
                _("TrustJournal could not change what starts at login. Nothing else changed.")
            )
            self.autostart_error.show()
            self.autostart_check.blockSignals(True)
            self.autostart_check.setChecked(not on)
            self.autostart_check.blockSignals(False)
            return
        self.autostart_error.hide()


def _as_time(value: QTime) -> time:
    return time(value.hour(), value.minute())
