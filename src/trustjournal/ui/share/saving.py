"""Step 6's work: ask where, make the file off the UI thread, then record and write it at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from trustjournal.core.errors import UserFacingError, ValidationError
from trustjournal.core.i18n import _, ngettext
from trustjournal.services.export.between_source import between_source
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import Audience, ExportRequest
from trustjournal.services.export.saving import not_recorded
from trustjournal.store.exports import ExportLogRepository
from trustjournal.ui.errors import describe
from trustjournal.ui.session import Session
from trustjournal.ui.share.preview import build_job
from trustjournal.ui.share.save_dialog import SaveSummaryDialog
from trustjournal.ui.share.writing import WritePanel, render_bytes


def saved_text(audience: Audience, count: int, name: str) -> str:
    """E.g. "Saved for your therapist: 12 entries, in summary.pdf."."""
    values = {"count": count, "name": name}
    if audience == Audience.THERAPIST:
        text = ngettext(
            "Saved for your therapist: %(count)s entry, in %(name)s.",
            "Saved for your therapist: %(count)s entries, in %(name)s.",
            count,
        )
    elif audience == Audience.PARTNER:
        text = ngettext(
            "Saved for your partner: %(count)s entry, in %(name)s.",
            "Saved for your partner: %(count)s entries, in %(name)s.",
            count,
        )
    else:
        text = ngettext(
            "Saved for yourself: %(count)s entry, in %(name)s.",
            "Saved for yourself: %(count)s entries, in %(name)s.",
            count,
        )
    return text % values


class SummarySaver(QObject):
    """Saves the summary the Share page composed, through its write panel, and keeps the history.

    One save at a time. The file and its line in the export history are written in one
    transaction: there is never a record without the file, nor a file without the record.

    Signals:
        saved(ExportRequest): a summary was written and recorded for this request.
    """

    saved = Signal(object)

    def __init__(
        self,
        *,
        session: Session,
        log: ExportLogRepository,
        panel: WritePanel,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._log = log
        self._panel = panel
        self._page = parent
        self._writing = False
        if session.is_open():  # what a killed save left behind in a folder used before (S18)
            session.services.operations.run(lambda ops: ops.sweep_export_leftovers())

    def save(
        self,
        request: Callable[[], ExportRequest],
        shown: Callable[[ExportRequest], Summary | None],
    ) -> None:
        """Ask where, then write the summary in the chosen format and record it.

        Args:
            request: the page's choices as a request; may raise ValidationError.
            shown: the summary on screen if it was built for exactly that request and is still
                current (asked once the file is chosen), or None to build it afresh.
        """
        if self._writing or not self._session.is_open():
            return
        panel = self._panel
        try:
            password = panel.chosen_password()
            chosen_request = request()
        except ValidationError as error:
            panel.show_error(str(error))
            return
        file_format = panel.file_format
        today = self._session.clock().date()
        path = SaveSummaryDialog.ask(
            self._page, f"summary-{today.isoformat()}.{file_format.value}", file_format
        )
        if path is None or not self._session.is_open():
            return
        summary = shown(chosen_request)
        now, entries = self._session.clock(), self._session.entries
        between = between_source(vault=self._session.vault, clock=self._session.clock)

        def job() -> tuple[Summary, bytes]:
            chosen = (
                summary or build_job(entries, chosen_request, now, between_source=between).summary
            )
            return chosen, render_bytes(chosen, file_format, password)

        self._writing = True
        panel.set_busy(True)
        self._session.tasks.run_in_background(
            job,
            lambda result: self._on_rendered(result, chosen_request, file_format, path),
            self._on_write_failed,
        )

    def _on_rendered(
        self, result: tuple[Summary, bytes], request: ExportRequest, fmt: ExportFormat, path: object
    ) -> None:
        """Record and write in one transaction: no record without the file, nor the reverse."""
        summary, data = result
        target = Path(str(path))
        try:
            record = self._session.services.operations.run(
                lambda ops: ops.record_and_write(summary, request, fmt, target, data)
            )
        except (UserFacingError, OSError) as exc:
            self._on_write_failed(exc)
            return
        self._writing = False
        self._panel.set_busy(False)
        self._panel.clear_secrets()
        count = len(summary.entry_ids)
        done = saved_text(request.audience, count, target.name)
        self._panel.show_done(done if record is not None else f"{done} {not_recorded()}")
        self.show_history()
        self.saved.emit(request)

    def _on_write_failed(self, exc: BaseException) -> None:
        self._writing = False
        self._panel.set_busy(False)
        self._panel.show_error(
            _("The summary was not saved. %(reason)s") % {"reason": describe(exc)}
        )

    def show_history(self) -> None:
        """List what was shared before under the Save button."""
        if self._session.is_open():
            self._panel.show_history(self._log.list(), self._session.clock())
