"""Settings: locking, appearance, words offered, passphrase and recovery code, location, About.

Every preference is stored inside the vault (they can reveal habits). The one exception is the
language, kept in QSettings because the unlock screen speaks it before the vault is open.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.i18n import N_, _, ngettext
from trustjournal.services.backups import BackupInfo
from trustjournal.ui import preferences
from trustjournal.ui.check_row import check_row
from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.dialogs.change_passphrase import ChangePassphraseDialog
from trustjournal.ui.dialogs.never_lock import NEVER_LOCK_WARNING, NeverLockDialog
from trustjournal.ui.dialogs.new_recovery_code import NewRecoveryCodeDialog
from trustjournal.ui.icons import Icon
from trustjournal.ui.language import choose_language, language_choices, stored_choice
from trustjournal.ui.lock import (
    DEFAULT_IDLE_MINUTES,
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    LockManager,
)
from trustjournal.ui.main_frame import SIDEBAR_WIDTH
from trustjournal.ui.screens.welcome import CANNOT, limits_card
from trustjournal.ui.session import Session
from trustjournal.ui.settings.backups_section import BackupsSection
from trustjournal.ui.settings.reminders_section import RemindersSection
from trustjournal.ui.settings.restore_dialog import RestoreBackupDialog, restore_after_lock
from trustjournal.ui.settings.vocabulary_section import VocabularySection
from trustjournal.ui.theme import ThemeManager, ThemePreference
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.about import about_card
from trustjournal.ui.widgets.common import (
    button,
    card,
    field_label,
    fitting_button_row,
    label,
    scrolled_body,
)

INACTIVE_HINT = N_(
    "The journal also locks as the computer wakes from sleep. Not every system tells "
    "TrustJournal when the screen locks; where it does not, the timer above is what locks it."
)
CARD_WIDTH = 760
# The inside of a card at the window's minimum width: 800 less the side bar, the page's
# margins, the scroll bar and the card's own padding.
CARD_ROOM = 800 - SIDEBAR_WIDTH - 2 * 24 - 16 - 2 * 28
_THEMES = (
    (N_("Follow the system"), ThemePreference.SYSTEM),
    (N_("Light"), ThemePreference.LIGHT),
    (N_("Dark"), ThemePreference.DARK),
)


class SettingsPage(QWidget):
    """The Settings page; changes apply and are saved at once."""

    def __init__(
        self,
        *,
        session: Session,
        lock_manager: LockManager,
        theme: ThemeManager,
        clipboard: ClipboardGuard,
        qsettings: QSettings,
        is_demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._lock_manager = lock_manager
        self._theme = theme
        self._clipboard = clipboard
        self._qsettings = qsettings
        self._prefs = preferences.load(session.settings)
        self._dialog: QWidget | None = None

        body = scrolled_body(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 30, 24, 36)  # as Today: room for 800×600
        column.setSpacing(18)
        column.addWidget(label(_("Settings"), role="title"))
        column.addWidget(self._locking_card())
        column.addWidget(self._appearance_card())
        self.reminders = RemindersSection(session=session, parent=body)
        column.addWidget(self.reminders)
        self.vocabulary = VocabularySection(session=session, room=CARD_ROOM, parent=body)
        column.addWidget(self.vocabulary)
        column.addWidget(self._secrets_card())
        self.backups = BackupsSection(session=session, room=CARD_ROOM, parent=body)
        self.backups.restore_asked.connect(self._on_restore_asked)
        column.addWidget(self.backups)
        column.addWidget(self._location_card(is_demo))
        column.addWidget(about_card())
        column.addWidget(
            limits_card(_("What TrustJournal cannot protect against"), CANNOT, Icon.WARNING)
        )
        column.addStretch(1)
        # The column, not each card, is kept narrow: a layout measures wrapped text at its own
        # width, so cards narrower than the column were given too little height.
        body.setMaximumWidth(CARD_WIDTH + 2 * 36)

    # --- Page protocol: the settings page holds no unfinished text --------------------------

    def restore_drafts(self) -> None:
        """Nothing to restore: every change is saved at once."""

    def stash_drafts(self) -> None:
        """Nothing to keep: every change is saved at once."""

    def clear(self) -> None:
        """Forget the vault's path and preferences shown here."""
        self.path_label.clear()
        self.vocabulary.clear()
        self.backups.clear()

    # --- sections ----------------------------------------------------------------------------

    def _locking_card(self) -> QWidget:
        frame, layout = card(
            heading=_("Locking"),
            hint=_(
                "The journal locks itself when you step away, and at any time "
                "with Ctrl+L or the Lock button."
            ),
        )
        self.idle_spin = QSpinBox(frame)
        guard_wheel(self.idle_spin)
        self.idle_spin.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_spin.setAccessibleName(_("Lock after this many minutes without use"))
        self.idle_spin.valueChanged.connect(self._show_idle_unit)
        self.idle_spin.setValue(self._prefs.idle_minutes or DEFAULT_IDLE_MINUTES)
        self._show_idle_unit(self.idle_spin.value())
        self.idle_spin.setMinimumWidth(140)
        self.idle_spin.setMinimumHeight(32)
        row = QHBoxLayout()
        row.addWidget(field_label(_("Lock a&fter"), self.idle_spin))
        row.addWidget(self.idle_spin)
        row.addWidget(label(_("without use"), wrap=False))
        row.addStretch(1)
        layout.addLayout(row)
        self.never_check, never = check_row(_("&Never lock by itself"))
        self.never_check.setChecked(self._prefs.idle_minutes is None)
        layout.addLayout(never)
        self.never_warning = label(_(NEVER_LOCK_WARNING), role="warning")
        layout.addWidget(self.never_warning)
        self.minimise_check, minimise = check_row(_("Lock when the window is &minimised"))
        self.minimise_check.setChecked(self._prefs.lock_on_minimise)
        layout.addLayout(minimise)
        self.inactive_check, inactive = check_row(
            _("Lock when the computer &sleeps or the screen locks")
        )
        self.inactive_check.setChecked(self._prefs.lock_on_inactive)
        layout.addLayout(inactive)
        layout.addWidget(label(_(INACTIVE_HINT), role="hint"))
        self._show_never_state()
        self.idle_spin.valueChanged.connect(self._on_idle_spin_value_changed)
        self.never_check.clicked.connect(self._on_never_check_clicked)
        self.minimise_check.toggled.connect(
            lambda on: self._update(self._prefs.with_changes(lock_on_minimise=on))
        )
        self.inactive_check.toggled.connect(
            lambda on: self._update(self._prefs.with_changes(lock_on_inactive=on))
        )
        return frame

    def _appearance_card(self) -> QWidget:
        frame, layout = card(heading=_("Appearance"))
        self.theme_combo = QComboBox(frame)
        guard_wheel(self.theme_combo)
        for text, value in _THEMES:
            self.theme_combo.addItem(_(text), value.value)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(self._prefs.theme.value))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.theme_combo.setMinimumWidth(220)
        self.theme_combo.setMinimumHeight(32)
        form.addRow(field_label(_("&Theme"), self.theme_combo), self.theme_combo)
        self.language_combo = QComboBox(frame)
        guard_wheel(self.language_combo)
        self.language_combo.addItem(_("Follow the system"), "")
        for code, name in language_choices():  # each language named in its own words
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(stored_choice(self._qsettings) or ""))
        )
        self.language_combo.setMinimumWidth(220)
        self.language_combo.setMinimumHeight(32)
        form.addRow(field_label(_("&Language"), self.language_combo), self.language_combo)
        layout.addLayout(form)
        # Pages already built keep their words; rebuilding them mid-session could lose what is
        # being written, so the honest promise is the next start.
        self.language_hint = label(
            _("A new language shows everywhere after TrustJournal starts again."), role="hint"
        )
        self.language_hint.hide()
        layout.addWidget(self.language_hint)
        self.theme_combo.currentIndexChanged.connect(self._on_theme_combo_changed)
        self.language_combo.currentIndexChanged.connect(self._on_language_combo_changed)
        return frame

    def _secrets_card(self) -> QWidget:
        frame, layout = card(
            heading=_("Passphrase and recovery code"),
            hint=_(
                "Changing the passphrase keeps your journal as it is. A new "
                "recovery code replaces the old one, which then stops working."
            ),
        )
        self.change_button = button(_("&Change passphrase…"), icon_name=Icon.KEY)
        self.recovery_button = button(_("Make a new &recovery code…"), icon_name=Icon.SHIELD)
        self.change_button.clicked.connect(self._on_change_clicked)
        self.recovery_button.clicked.connect(self._on_recovery_clicked)
        # Side by side where they fit (English); one under the other in a longer language.
        layout.addLayout(
            fitting_button_row(
                CARD_ROOM, self.change_button, self.recovery_button, stretch_first=False
            )
        )
        self.secrets_status = label(role="good")
        self.secrets_status.hide()
        layout.addWidget(self.secrets_status)
        return frame

    def _location_card(self, is_demo: bool) -> QWidget:
        frame, layout = card(heading=_("Where your journal is"))
        if is_demo:
            layout.addWidget(
                label(_("This demo journal is deleted when TrustJournal closes."), role="hint")
            )
        self.path_label = label(str(self._session.vault.directory))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setAccessibleName(_("Journal folder"))
        layout.addWidget(self.path_label)
        self.reveal_button = button(_("Show in &file manager"), icon_name=Icon.FOLDER)
        self.reveal_button.clicked.connect(self._on_reveal_clicked)
        row = QHBoxLayout()
        row.addWidget(self.reveal_button)
        row.addStretch(1)
        layout.addLayout(row)
        return frame

    # --- behaviour ---------------------------------------------------------------------------

    def _update(self, prefs: preferences.Preferences) -> None:
        self._prefs = prefs
        preferences.save_through(self._session.services.operations, prefs)  # announces it
        preferences.apply(prefs, lock_manager=self._lock_manager, theme=self._theme)

    def _show_idle_unit(self, minutes: int) -> None:
        # Translators: after the number in the idle-lock box, with its leading space
        self.idle_spin.setSuffix(ngettext(" minute", " minutes", minutes))

    def _show_never_state(self) -> None:
        never = self._prefs.idle_minutes is None
        self.idle_spin.setEnabled(not never)
        self.never_warning.setVisible(never)

    def _on_idle_spin_value_changed(self, minutes: int) -> None:
        if self._prefs.idle_minutes is not None:
            self._update(self._prefs.with_changes(idle_minutes=minutes))

    def _on_never_check_clicked(self, checked: bool) -> None:
        if checked and not NeverLockDialog.ask(self):
            self.never_check.setChecked(False)
            return
        if not self._session.is_open():
            return  # the journal locked while the warning was open
        minutes = None if checked else self.idle_spin.value()
        self._update(self._prefs.with_changes(idle_minutes=minutes))
        self._show_never_state()

    def _on_theme_combo_changed(self, index: int) -> None:
        value = ThemePreference(self.theme_combo.itemData(index))
        self._update(self._prefs.with_changes(theme=value))

    def _on_language_combo_changed(self, index: int) -> None:
        code = str(self.language_combo.itemData(index) or "")
        choose_language(self._qsettings, code or None)
        self.language_hint.show()

    def _on_change_clicked(self) -> None:
        dialog = ChangePassphraseDialog(
            vault=self._session.vault, tasks=self._session.tasks, parent=self
        )
        dialog.outcome.connect(self._say)
        self._open(dialog)

    def _on_recovery_clicked(self) -> None:
        dialog = NewRecoveryCodeDialog(
            vault=self._session.vault,
            settings=self._session.settings,
            tasks=self._session.tasks,
            clipboard=self._clipboard,
            parent=self,
        )
        dialog.outcome.connect(self._say)
        self._open(dialog)

    def _on_restore_asked(self, info: BackupInfo) -> None:
        dialog = RestoreBackupDialog(
            info=info, service=self.backups.service, tasks=self._session.tasks, parent=self
        )
        dialog.confirmed.connect(self._on_restore_confirmed)
        self._open(dialog)

    def _on_restore_confirmed(self, info: BackupInfo, passphrase: str) -> None:
        restore_after_lock(
            info=info,
            passphrase=passphrase,
            vault_directory=self._session.vault.directory,
            lock=lambda: self._lock_manager.request("restore"),
            clock=self._session.clock,
            window=self.window(),
        )

    def _open(self, dialog: QWidget) -> None:
        self.secrets_status.hide()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    def _say(self, message: str) -> None:
        self.secrets_status.setText(message)
        self.secrets_status.show()

    def _on_reveal_clicked(self) -> None:
        url = QUrl.fromLocalFile(str(self._session.vault.directory))
        if url.isLocalFile():  # only ever a local folder, never a remote location
            QDesktopServices.openUrl(url)
