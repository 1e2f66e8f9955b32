"""The Share page: build a summary in steps, see exactly what will leave, and save it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.errors import ValidationError
from trustjournal.core.periods import Period
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import Audience, ExportRequest, default_period
from trustjournal.store.exports import ExportLogRepository
from trustjournal.ui.errors import describe
from trustjournal.ui.session import Session
from trustjournal.ui.share.choices import ChoicesPanel
from trustjournal.ui.share.entries_model import EntriesModel, counts_text
from trustjournal.ui.share.preview import Preview, PreviewBrowser, build_job
from trustjournal.ui.share.saving import SummarySaver
from trustjournal.ui.share.writing import WritePanel
from trustjournal.ui.widgets.common import button, label, scrolled_body

DRAFT_KEY = "share.note"
PREVIEW_DELAY_MS = 300  # rebuild the preview this long after the last change
DRAFT_DELAY_MS = 1000  # keep the note as a draft this long after typing stops


class SharePage(QWidget):
    """The export composer: audience, period, sections, entries, preview, and Save."""

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._log = ExportLogRepository(db=session.vault.db, clock=session.clock)
        self._generation = 0  # bumped on every change; a preview built for an older one is stale
        self._building = False
        self.shown: Preview | None = None  # the preview on screen
        self.choices = ChoicesPanel(
            today=lambda: session.clock().date(), since_last=self._since_last, parent=self
        )
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName("What I want to say")
        self.note.setPlaceholderText("What I want to say (for this summary only, shown first)")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(90)
        self.model = EntriesModel(entries=session.entries, parent=self)
        self.entries = QListView(self)
        self.entries.setModel(self.model)
        self.entries.setAccessibleName("Entries to share")
        self.entries.setAlternatingRowColors(True)
        self.entries.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.entries.setWordWrap(False)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.counts = label("")
        self.include_all = button("Include all", flat=True)
        self.preview = PreviewBrowser(self)
        self.preview_error = label("", role="error")
        self.write = WritePanel(self)
        self.saver = SummarySaver(session=session, log=self._log, panel=self.write, parent=self)
        self.preview_timer = self._timer(PREVIEW_DELAY_MS, self._build)
        self.draft_timer = self._timer(DRAFT_DELAY_MS, self.stash_drafts)
        self._lay_out()
        self._wire()
        self.saver.show_history()
        self._changed()

    def _timer(self, ms: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _lay_out(self) -> None:
        left = QWidget(self)
        body = scrolled_body(left)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(8)
        column.addWidget(self.choices)
        column.addWidget(label("In your own words", role="hint"))
        column.addWidget(self.note)
        column.addStretch(1)
        middle = QWidget(self)
        steps = QVBoxLayout(middle)
        steps.setContentsMargins(12, 0, 12, 0)
        steps.setSpacing(8)
        steps.addWidget(label("4. Which entries", role="heading"))
        steps.addWidget(label("Untick any entry you would rather keep to yourself.", role="hint"))
        steps.addWidget(self.entries, 1)
        counts = QHBoxLayout()
        counts.addWidget(self.counts, 1)
        counts.addWidget(self.include_all)
        steps.addLayout(counts)
        line = QFrame(middle)
        line.setFrameShape(QFrame.Shape.HLine)
        steps.addSpacing(6)
        steps.addWidget(line)
        steps.addWidget(self.write)
        right = QWidget(self)
        preview = QVBoxLayout(right)
        preview.setContentsMargins(12, 0, 0, 0)
        preview.addWidget(label("5. How it will read", role="heading"))
        preview.addWidget(self.preview_error)
        preview.addWidget(self.preview, 1)
        self.preview_error.hide()
        splitter = QSplitter(self)
        for part, stretch in ((left, 0), (middle, 1), (right, 2)):
            splitter.addWidget(part)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setChildrenCollapsible(False)
        # As wide as its choices need, so the column scrolls only up and down.
        scrollbar = left.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        left.setMinimumWidth(max(320, body.sizeHint().width() + scrollbar + 4))
        middle.setMinimumWidth(300)
        right.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(6)
        layout.addWidget(label("Share", role="title", wrap=False))
        layout.addWidget(
            label("Choose exactly what to share. Nothing leaves until you save it.", role="hint")
        )
        layout.addSpacing(6)
        layout.addWidget(splitter, 1)

    def _wire(self) -> None:
        self.choices.changed.connect(self._changed)
        self.note.textChanged.connect(self._on_note_text_changed)
        self.model.excluded_changed.connect(self._changed)
        self.include_all.clicked.connect(self.model.include_all)
        self.write.save_requested.connect(self.save)
        self._session.events.changed.connect(self._on_events_changed)
        save = QAction("Save the summary", self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)

    # --- the request and its preview -------------------------------------------------------------

    def _since_last(self, audience: Audience) -> tuple[Period, date | None]:
        last = self._log.last_for(audience.value) if self._session.is_open() else None
        end = last.period.end if last else None
        return default_period(end, today=self._session.clock().date()), end

    def request(self) -> ExportRequest:
        """Every choice on the page as one request.

        Raises:
            ValidationError: if a choice cannot be used (the note is too long).
        """
        return ExportRequest(
            self.choices.audience,
            self.choices.chosen_period(),
            self.choices.sections_chosen(),
            self.choices.fields_chosen(),
            excluded_ids=self.model.excluded,
            note=self.note.toPlainText(),
        )

    def _changed(self) -> None:
        self._generation += 1
        self.counts.setText(counts_text(self.model.included_count(), self.model.total()))
        self.preview_timer.start()

    def flush(self) -> None:
        """Build the preview now instead of after the pause (tests, screenshots)."""
        self.preview_timer.stop()
        self._build()

    def _build(self) -> None:
        if self._building or not self._session.is_open():
            return  # the running build's result is stale on arrival and starts the next one
        try:
            request = self.request()
        except ValidationError as error:
            self._show_preview_error(str(error))
            return
        generation, now, entries = self._generation, self._session.clock(), self._session.entries
        width = self.preview.chart_width()
        self._building = True
        self._session.tasks.run_in_background(
            lambda: build_job(entries, request, now, width),
            lambda preview: self._on_built(generation, preview),
            lambda exc: self._on_build_failed(generation, exc),
        )

    def _on_built(self, generation: int, preview: Preview) -> None:
        self._building = False
        if generation != self._generation:
            if not self.preview_timer.isActive():
                self._build()
            return
        self._show_preview_error("")
        self.shown = preview
        self.model.set_candidates(preview.summary.candidates)
        self.counts.setText(counts_text(self.model.included_count(), self.model.total()))
        self.preview.show_preview(preview)

    def _on_build_failed(self, generation: int, exc: BaseException) -> None:
        self._building = False
        if generation == self._generation:
            self._show_preview_error(f"The preview could not be made. {describe(exc)}")
        elif not self.preview_timer.isActive():
            self._build()

    def _show_preview_error(self, text: str) -> None:
        self.preview_error.setText(text)
        self.preview_error.setVisible(bool(text))

    def _on_events_changed(self, _kinds: frozenset[str]) -> None:
        self.model.refresh_labels()
        self._changed()

    def _on_note_text_changed(self) -> None:
        self.draft_timer.start()
        self._changed()

    # --- writing ---------------------------------------------------------------------------------

    def save(self) -> None:
        """Ask where, then write the summary in the chosen format and record it."""
        self.saver.save(self.request, self._shown_summary)

    def _shown_summary(self, request: ExportRequest) -> Summary | None:
        """The summary on screen, if it was built for `request` and no rebuild is waiting."""
        fresh = self.shown if self.shown and self.shown.request == request else None
        return fresh.summary if fresh and not self.preview_timer.isActive() else None

    def history_lines(self) -> list[str]:
        """The export history as shown."""
        return [line for line in self.write.history.text().splitlines() if line]

    # --- Page protocol ---------------------------------------------------------------------------

    def restore_drafts(self) -> None:
        """Put back the note written before a lock or a crash."""
        draft = self._session.drafts.load(DRAFT_KEY)
        if draft and isinstance(draft.get("note"), str):
            self.note.setPlainText(draft["note"])
            self.draft_timer.stop()

    def stash_drafts(self) -> None:
        """Keep the note as an encrypted draft (or forget the draft once the note is empty)."""
        self.draft_timer.stop()  # locking calls this once the session has ended, vault still open
        text = self.note.toPlainText()
        if text.strip():
            self._session.drafts.save(DRAFT_KEY, {"note": text})
        else:
            self._session.drafts.delete(DRAFT_KEY)

    def clear(self) -> None:
        """Forget every entry, the preview, the note and the passwords."""
        self._session.events.changed.disconnect(self._on_events_changed)
        self._generation += 1
        self.preview_timer.stop()
        self.draft_timer.stop()
        self.shown = None
        self.model.clear()
        self.preview.clear_preview()
        self.note.blockSignals(True)
        self.note.clear()
        self.note.blockSignals(False)
        self.write.clear_secrets()
        self.write.history.clear()
