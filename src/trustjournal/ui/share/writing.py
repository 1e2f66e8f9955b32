"""Step 6: the format, an optional PDF password, Save, progress, and what was shared before."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _, format_date, ngettext, pgettext
from trustjournal.services.export.html import render_html
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import Audience
from trustjournal.store.exports import ExportRecord
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import button, field_label, label
from trustjournal.ui.widgets.password_field import PasswordField

HISTORY_SHOWN = 5


def format_words() -> dict[ExportFormat, str]:
    """What each format is called in the format combo."""
    return {
        ExportFormat.PDF: _("PDF document"),
        ExportFormat.MARKDOWN: _("Markdown text"),
        ExportFormat.HTML: _("Web page (HTML)"),
    }


def render_bytes(summary: Summary, file_format: ExportFormat, password: str | None) -> bytes:
    """The file's bytes (PDF rendering is slow: call it off the UI thread)."""
    if file_format == ExportFormat.PDF:
        from trustjournal.ui.pdf import pdf_bytes

        return pdf_bytes(summary, password=password)
    if file_format == ExportFormat.HTML:
        return render_html(summary).encode("utf-8")
    return render_markdown(summary).encode("utf-8")


def history_line(record: ExportRecord, now: datetime) -> str:
    """E.g. "Shared with your therapist on 3 March: 12 entries (PDF)"."""
    when = record.created_at.astimezone(now.tzinfo).date()
    # Translators: a CLDR date pattern, day and month only (the year is added if not this one)
    day = format_date(when, pgettext("date pattern", "d MMMM") if when.year == now.year else "long")
    count = len(record.entry_ids)
    names = {"pdf": _("PDF"), "md": _("Markdown"), "html": _("web page")}
    values = {"day": day, "count": count, "format": names.get(record.format, record.format)}
    if record.audience == Audience.THERAPIST.value:
        text = ngettext(
            "Shared with your therapist on %(day)s: %(count)s entry (%(format)s)",
            "Shared with your therapist on %(day)s: %(count)s entries (%(format)s)",
            count,
        )
    elif record.audience == Audience.PARTNER.value:
        text = ngettext(
            "Shared with your partner on %(day)s: %(count)s entry (%(format)s)",
            "Shared with your partner on %(day)s: %(count)s entries (%(format)s)",
            count,
        )
    else:
        text = ngettext(
            "Kept for yourself on %(day)s: %(count)s entry (%(format)s)",
            "Kept for yourself on %(day)s: %(count)s entries (%(format)s)",
            count,
        )
    return text % values


class WritePanel(QWidget):
    """The format, the optional PDF password (typed twice, hidden), Save, and the history.

    Signals:
        save_requested: the person pressed Save.
    """

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save_had_focus = False
        self.format = QComboBox(self)
        guard_wheel(self.format)
        for fmt, text in format_words().items():
            self.format.addItem(text, fmt.value)
        self.protect = QCheckBox(_("Protect the PDF with a &password"), self)
        self.password = PasswordField(accessible_name=_("PDF password"), parent=self)
        self.password_again = PasswordField(accessible_name=_("PDF password again"), parent=self)
        self.password_form = QWidget(self)
        form = QFormLayout(self.password_form)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(field_label(_("Pass&word"), self.password), self.password)
        form.addRow(field_label(_("A&gain"), self.password_again), self.password_again)
        self.save_button = button(_("&Save the summary…"), primary=True)
        self.save_button.setToolTip(_("Choose where to save it (Ctrl+S)"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(_("Writing the summary"))
        self.status = label("", role="hint")
        self.error = label("", role="error")
        self.history_heading = label(_("Shared before"), role="heading")
        self.history = label("", role="hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(label(_("6. Save it"), role="heading"))
        format_form = QFormLayout()
        format_form.setContentsMargins(0, 0, 0, 0)
        format_form.addRow(field_label(_("&Format"), self.format), self.format)
        layout.addLayout(format_form)
        layout.addWidget(self.protect)
        layout.addWidget(self.password_form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addWidget(self.history_heading)
        layout.addWidget(self.history)
        self.format.currentIndexChanged.connect(self._on_format_current_index_changed)
        self.protect.toggled.connect(self._on_protect_toggled)
        self.save_button.clicked.connect(self.save_requested)
        self.set_busy(False)
        self.show_error("")
        self.status.hide()
        self._on_format_current_index_changed(0)

    @property
    def file_format(self) -> ExportFormat:
        """The chosen format."""
        return ExportFormat(self.format.currentData())

    def set_format(self, file_format: ExportFormat) -> None:
        """Choose a format."""
        self.format.setCurrentIndex(self.format.findData(file_format.value))

    def chosen_password(self) -> str | None:
        """The PDF password, or None when the PDF is not protected (or not a PDF).

        Raises:
            ValidationError: if it is empty or the two do not match.
        """
        if self.file_format != ExportFormat.PDF or not self.protect.isChecked():
            return None
        first, second = self.password.text(), self.password_again.text()
        if not first:
            raise ValidationError(_("Type a password for the PDF, or untick the box."))
        if first != second:
            raise ValidationError(_("The two passwords are not the same. Type them again."))
        return first

    def set_busy(self, busy: bool) -> None:
        """Show the progress bar and block Save while a file is being written."""
        self.progress.setVisible(busy)
        if busy and self.save_button.hasFocus():
            self._save_had_focus = True
        self.save_button.setEnabled(not busy)
        if not busy and self._save_had_focus:
            # Disabling it moved the focus on (or lost it): give it back to someone saving
            # by keys, so the next Tab starts where they were.
            self._save_had_focus = False
            self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if busy:
            self.status.setText(_("Writing the summary…"))
            self.status.show()
            self.show_error("")

    def show_done(self, text: str) -> None:
        """Say what was written."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def show_error(self, text: str) -> None:
        """Show a calm error (empty text hides it)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            self.status.hide()

    def show_history(self, records: list[ExportRecord], now: datetime) -> None:
        """List the last exports, newest first."""
        lines = [history_line(r, now) for r in records[:HISTORY_SHOWN]]
        self.history.setText("\n".join(lines) if lines else _("Nothing shared yet."))

    def clear_secrets(self) -> None:
        """Empty both password fields."""
        self.password.clear()
        self.password_again.clear()

    def _on_format_current_index_changed(self, _index: int) -> None:
        pdf = self.file_format == ExportFormat.PDF
        self.protect.setVisible(pdf)
        self.password_form.setVisible(pdf and self.protect.isChecked())

    def _on_protect_toggled(self, checked: bool) -> None:
        self.password_form.setVisible(checked and self.file_format == ExportFormat.PDF)
        if not checked:
            self.clear_secrets()
