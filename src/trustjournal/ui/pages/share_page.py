"""The Share page: build a summary in steps, see exactly what will leave, and save it."""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import _, pgettext
from trustjournal.core.periods import Period
from trustjournal.services.export.between_source import between_source
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import Audience, ExportRequest, default_period
from trustjournal.ui.errors import describe
from trustjournal.ui.events import SHARE_SINCE_SESSION
from trustjournal.ui.session import Session
from trustjournal.ui.share.choices import SESSION, ChoicesPanel
from trustjournal.ui.share.chosen_charts import ChosenCharts
from trustjournal.ui.share.columns import ShareColumns
from trustjournal.ui.share.entries_model import EntriesModel, LeftOut, counts_text
from trustjournal.ui.share.notes import draft_of, notes_from_draft
from trustjournal.ui.share.preview import Preview, PreviewBrowser, build_job
from trustjournal.ui.share.saving import SummarySaver
from trustjournal.ui.share.writing import WritePanel
from trustjournal.ui.widgets.common import button, label

DRAFT_KEY = "share.note"
PREVIEW_DELAY_MS = 300  # rebuild the preview this long after the last change
DRAFT_DELAY_MS = 1000  # keep the note as a draft this long after typing stops


class SharePage(QWidget):
    """The export composer: audience, period, sections, entries, preview, and Save."""

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._log = session.services.export_history
        self._generation = 0  # bumped on every change; a preview built for an older one is stale
        self._building = False
        self.shown: Preview | None = None  # the preview on screen
        self.choices = ChoicesPanel(
            today=lambda: session.clock().date(),
            since_last=self._since_last,
            last_session=self._last_session,
            parent=self,
        )
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(_("What I want to say"))
        self.note.setPlaceholderText(_("What I want to say (for this summary only, shown first)"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(90)
        self.charts = ChosenCharts(session=session, parent=self)
        self.model = EntriesModel(entries=session.entries, parent=self)
        self.entries = QListView(self)
        self.entries.setModel(self.model)
        self.entries.setAccessibleName(_("Entries to share"))
        self.entries.setAlternatingRowColors(True)
        self.entries.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Rows wrap, so the hard-moment question is read in full at any width (not elided).
        self.entries.setWordWrap(True)
        self.entries.setResizeMode(QListView.ResizeMode.Adjust)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.counts = label("")
        self.include_all = button(_("Include all"), flat=True)
        self.preview = PreviewBrowser(self)
        self.preview_error = label("", role="error")
        self.write = WritePanel(self)
        self.saver = SummarySaver(session=session, log=self._log, panel=self.write, parent=self)
        self.preview_timer = self._timer(PREVIEW_DELAY_MS, self._build)
        self.draft_timer = self._timer(DRAFT_DELAY_MS, self.stash_drafts)
        # Each audience keeps its own note and entry choices; these are the ones not shown.
        self._audience = self.choices.audience
        self._kept: dict[Audience, tuple[str, LeftOut]] = {}
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

    def _block(self, *widgets: QWidget, stretch: QWidget | None = None) -> QWidget:
        block = QWidget(self)
        column = QVBoxLayout(block)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        for widget in widgets:
            column.addWidget(widget, 1 if widget is stretch else 0)
        return block

    def _lay_out(self) -> None:
        counts = QWidget(self)
        row = QHBoxLayout(counts)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.counts, 1)
        row.addWidget(self.include_all)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        self.columns = ShareColumns(
            choices=self._block(
                self.choices, label(_("In your own words"), role="hint"), self.note, self.charts
            ),
            entries=self._block(
                label(_("4. Which entries"), role="heading"),
                label(_("Untick any entry you would rather keep to yourself."), role="hint"),
                self.entries,
                counts,
                stretch=self.entries,
            ),
            entries_list=self.entries,
            preview=self._block(
                label(_("5. How it will read"), role="heading"),
                self.preview_error,
                self.preview,
                stretch=self.preview,
            ),
            preview_view=self.preview,
            write=self._block(line, self.write),
            parent=self,
        )
        self.preview_error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(6)
        layout.addWidget(label(pgettext("page title", "Share"), role="title", wrap=False))
        layout.addWidget(
            label(_("Choose exactly what to share. Nothing leaves until you save it."), role="hint")
        )
        layout.addSpacing(6)
        layout.addWidget(self.columns, 1)

    def _wire(self) -> None:
        self.choices.changed.connect(self._on_choices_changed)
        self.note.textChanged.connect(self._on_note_text_changed)
        self.model.excluded_changed.connect(self._changed)
        self.include_all.clicked.connect(self.model.include_all)
        self.preview.chart_width_changed.connect(self._changed)  # redraw the chart to fit
        self.write.save_requested.connect(self.save)
        self.saver.saved.connect(self._on_saver_saved)
        self._session.events.changed.connect(self._on_events_changed)
        save = QAction(_("Save the summary"), self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)

    # --- the request and its preview -------------------------------------------------------------

    def _since_last(self, audience: Audience) -> tuple[Period, date | None]:
        last = self._log.last_for(audience.value) if self._session.is_open() else None
        end = last.period.end if last else None
        return default_period(end, today=self._session.clock().date()), end

    def _last_session(self) -> date | None:
        """The day of the latest session; a private one counts (it is the person's own), though
        the summary never shows it."""
        if not self._session.is_open():
            return None
        from trustjournal.services.stores import between_reader

        reader = between_reader(vault=self._session.vault, clock=self._session.clock)
        return reader.last_session_day(self._session.clock().date())

    def show_preset(self, preset: str) -> None:
        """Choose what `events.request_share(preset)` asked for (the main frame shows the page).

        SHARE_SINCE_SESSION: for my therapist, since my last session (while one is recorded).
        """
        if preset != SHARE_SINCE_SESSION:
            return
        if self.choices.audience != Audience.THERAPIST:
            self.choices.set_audience(Audience.THERAPIST)  # brings the session period with it
        elif self.choices.refresh_sessions() is not None:
            self.choices.set_period_choice(SESSION)
        # Asked for from a button elsewhere: the keys go on from the choice just made, not
        # from wherever the page last had them (or its scroll area).
        self.choices.period.setFocus(Qt.FocusReason.OtherFocusReason)

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
            reflection_ids=self.model.reflections,
            note=self.note.toPlainText(),
            language=self.choices.summary_language,
            charts=self.charts.kinds,
        )

    def _on_choices_changed(self) -> None:
        if self.choices.audience != self._audience:
            self._switch_audience(self.choices.audience)
        self._changed()

    def _switch_audience(self, audience: Audience) -> None:
        """Keep the note and entry choices made for one person; bring back the other's."""
        self._kept[self._audience] = (self.note.toPlainText(), self.model.left_out())
        note, left_out = self._kept.pop(audience, ("", LeftOut()))
        self._audience = audience
        self.model.restore_left_out(left_out)
        self.note.blockSignals(True)
        self.note.setPlainText(note)
        self.note.blockSignals(False)
        self.draft_timer.start()

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
        between = between_source(vault=self._session.vault, clock=self._session.clock)
        width = self.preview.chart_width()
        self._building = True
        self._session.tasks.run_in_background(
            lambda: build_job(entries, request, now, width, between),
            lambda preview: self._on_built(generation, preview),
            lambda exc: self._on_build_failed(generation, exc),
        )

    def _on_built(self, generation: int, preview: Preview) -> None:
        if not shiboken6.isValid(self):  # the page was closed while its preview was built
            return
        self._building = False
        if generation != self._generation:
            if not self.preview_timer.isActive():
                self._build()
            return
        self.model.set_candidates(preview.summary.candidates)
        if generation != self._generation:  # a new hard moment was left out: build without it
            self.flush()
            return
        self._show_preview_error("")
        self.shown = preview
        self.counts.setText(counts_text(self.model.included_count(), self.model.total()))
        self.preview.show_preview(preview)

    def _on_build_failed(self, generation: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._building = False
        if generation == self._generation:
            self._show_preview_error(
                _("The preview could not be made. %(reason)s") % {"reason": describe(exc)}
            )
        elif not self.preview_timer.isActive():
            self._build()

    def _show_preview_error(self, text: str) -> None:
        self.preview_error.setText(text)
        self.preview_error.setVisible(bool(text))

    def _on_events_changed(self, _kinds: frozenset[str]) -> None:
        self.model.refresh_labels()
        self.choices.refresh_sessions()  # a session recorded, moved or deleted
        self._changed()

    def _on_note_text_changed(self) -> None:
        self.draft_timer.start()
        self._changed()

    # --- writing ---------------------------------------------------------------------------------

    def save(self) -> None:
        """Ask where, then write the summary in the chosen format and record it."""
        self.saver.save(self.request, self._shown_summary)

    def _shown_summary(self, request: ExportRequest) -> Summary | None:
        """The summary on screen, if it was built for `request` and no rebuild is waiting.

        When it was not (the day changed since), the preview is rebuilt too, so the screen
        catches up with the file being written.
        """
        fresh = self.shown if self.shown and self.shown.request == request else None
        if fresh and not self.preview_timer.isActive():
            return fresh.summary
        self._changed()
        return None

    def _on_saver_saved(self, request: ExportRequest) -> None:
        self.choices.keep_period(request.period)

    def history_lines(self) -> list[str]:
        """The export history as shown."""
        return [line for line in self.write.history.text().splitlines() if line]

    # --- Page protocol ---------------------------------------------------------------------------

    def restore_drafts(self) -> None:
        """Put back the notes written before a lock or a crash, each for its own person."""
        for audience, text in notes_from_draft(
            self._session.drafts.load(DRAFT_KEY), self._audience
        ).items():
            if audience == self._audience:
                self.note.setPlainText(text)
            else:
                self._kept[audience] = (text, self._kept.get(audience, ("", LeftOut()))[1])
        self.draft_timer.stop()

    def stash_drafts(self) -> None:
        """Keep the notes as an encrypted draft (or forget the draft once every note is empty)."""
        self.draft_timer.stop()  # locking calls this once the session has ended, vault still open
        notes = {a: note for a, (note, _left) in self._kept.items()}
        notes[self._audience] = self.note.toPlainText()
        draft = draft_of(notes)
        if draft:
            self._session.drafts.save(DRAFT_KEY, draft)
        else:
            self._session.drafts.delete(DRAFT_KEY)

    def clear(self) -> None:
        """Forget every entry, the preview, the note and the passwords."""
        self._session.events.changed.disconnect(self._on_events_changed)
        self.charts.clear()
        self._generation += 1
        self.preview_timer.stop()
        self.draft_timer.stop()
        self.shown = None
        self._kept.clear()
        self.model.clear()
        self.preview.clear_preview()
        self.note.blockSignals(True)
        self.note.clear()
        self.note.blockSignals(False)
        self.write.clear_secrets()
        self.write.history.clear()
