"""Choose a passphrase: typed twice, with live strength feedback; very weak ones are refused."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from trustjournal.core.i18n import _
from trustjournal.core.strength import Strength, estimate
from trustjournal.ui.widgets.common import field_label, label, set_role
from trustjournal.ui.widgets.password_field import PasswordField

_DEBOUNCE_MS = 120


def text_height(hint: QLabel, *, lines: int) -> int:
    """The height `lines` lines of text take in `hint`, in bold (the "error" role's weight)."""
    probe = QLabel("\n".join(["Xg"] * lines))
    font = QFont(hint.font())
    font.setBold(True)
    probe.setFont(font)
    return probe.sizeHint().height()


class PassphraseForm(QWidget):
    """Two passphrase fields, a strength bar and a verdict.

    Signals:
        validity_changed(bool): whether the form holds an acceptable, repeated passphrase.
        submitted: Enter was pressed in the second field while the form was valid.
    """

    validity_changed = Signal(bool)
    submitted = Signal()

    def __init__(self, *, new_label: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._valid = False
        self._strength: Strength | None = None
        self.first = PasswordField(accessible_name=_("New passphrase"), parent=self)
        self.second = PasswordField(accessible_name=_("Repeat the new passphrase"), parent=self)
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 5)  # score + 1, so even the weakest shows a sliver of colour
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(_("Passphrase strength"))
        self.verdict = label(role="hint")
        self.verdict.setAccessibleName(_("Passphrase strength"))
        self.detail = label(role="hint")
        self.match = label(role="hint")

        form = self.fields = QFormLayout()
        form.setSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(field_label(new_label or _("&New passphrase"), self.first), self.first)
        form.addRow(field_label(_("&Repeat it"), self.second), self.second)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.meter)
        layout.addWidget(self.verdict)
        layout.addWidget(self.detail)
        layout.addWidget(self.match)
        # The hints keep their room while empty, so the page does not jump as they come and go;
        # measured in bold, the weight of the "error" role.
        self.verdict.setMinimumHeight(text_height(self.verdict, lines=2))
        self.detail.setMinimumHeight(text_height(self.detail, lines=1))
        self.match.setMinimumHeight(text_height(self.match, lines=1))

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._update_strength)
        self.first.textChanged.connect(self._on_first_text_changed)
        self.second.textChanged.connect(self._update_validity)
        self.second.returnPressed.connect(self._on_second_return_pressed)
        self.first.returnPressed.connect(self.second.setFocus)
        self._show_strength(None)

    @property
    def is_valid(self) -> bool:
        """Whether the passphrase is acceptable and typed the same twice."""
        return self._valid

    @property
    def strength(self) -> Strength | None:
        """The latest estimate of the first field (None while empty or not yet estimated)."""
        return self._strength

    def passphrase(self) -> str:
        """The chosen passphrase (only meaningful when `is_valid`)."""
        return self.first.text()

    def set_enabled(self, enabled: bool) -> None:
        """Allow or stop typing (while the key is being derived)."""
        self.first.setEnabled(enabled)
        self.second.setEnabled(enabled)

    def clear(self) -> None:
        """Forget both fields."""
        self.first.clear()
        self.second.clear()

    def evaluate_now(self) -> None:
        """Run the strength estimate without waiting for typing to pause."""
        self._debounce.stop()
        self._update_strength()

    def _on_first_text_changed(self, _text: str) -> None:
        self._strength = None
        self._update_validity()
        self._debounce.start()

    def _update_strength(self) -> None:
        text = self.first.text()
        self._strength = estimate(text) if text else None
        self._show_strength(self._strength)
        self._update_validity()

    def _show_strength(self, strength: Strength | None) -> None:
        self.meter.setValue(0 if strength is None else strength.score + 1)
        if strength is None:
            self.verdict.setText(
                _(
                    "Four or five ordinary words that don't belong together make a "
                    "passphrase that is easy to remember and hard to guess."
                )
            )
            set_role(self.verdict, "hint")
        else:
            self.verdict.setText(strength.verdict)
            role = "good" if strength.score >= 3 else "warning" if strength.accepted else "error"
            set_role(self.verdict, role)
            set_role(self.meter, role, name="level")
        self.detail.setText(strength.warning if strength else "")

    def _update_validity(self) -> None:
        first, second = self.first.text(), self.second.text()
        mismatch = bool(second) and first != second
        self.match.setText(_("The two passphrases are not the same yet.") if mismatch else "")
        valid = bool(
            first and first == second and self._strength is not None and self._strength.accepted
        )
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def _on_second_return_pressed(self) -> None:
        if self._strength is None and self.first.text():
            self.evaluate_now()
        if self._valid:
            self.submitted.emit()
