"""A passphrase field with a show/hide toggle, reachable by keyboard and named for readers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from trustjournal.core.i18n import _
from trustjournal.ui.icons import Icon, icon


class PasswordField(QLineEdit):
    """A `QLineEdit` in password mode with an eye button.

    The toggle sits inside the field (out of the tab order, as in most password managers) and is
    reached from the keyboard with Ctrl+H while the field has focus.
    """

    def __init__(self, *, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name)
        self.setClearButtonEnabled(False)
        self._toggle = QAction(icon(Icon.EYE), _("Show passphrase"), self)
        self._toggle.setCheckable(True)
        self._toggle.setShortcut(QKeySequence("Ctrl+H"))
        self._toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._toggle.toggled.connect(self._on_toggle_toggled)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)
        self._on_toggle_toggled(False)

    @property
    def toggle_action(self) -> QAction:
        """The show/hide action (for tests and menus)."""
        return self._toggle

    def _on_toggle_toggled(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        text = _("Hide passphrase") if shown else _("Show passphrase")
        self._toggle.setIcon(icon(Icon.EYE_OFF if shown else Icon.EYE))
        self._toggle.setText(text)
        # Translators: {action} is "Show passphrase" or "Hide passphrase"
        self._toggle.setToolTip(_("{action} (Ctrl+H)").format(action=text))
