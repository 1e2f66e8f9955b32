"""The Share page's composer: audience defaults, the checklist, the preview, drafts (S6, S7)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from tests.services.export_data import (
    CHOSEN_SITUATION,
    INJECTION,
    LEFT_OUT,
    PRIVATE,
    RTL,
    ZERO_WIDTH,
)
from tests.ui.share_helpers import labels, make_composer
from trustjournal.core.entries import TriggerRecord
from trustjournal.services.export.request import Audience, Section, TriggerField, defaults_for
from trustjournal.ui.pages.share_page import DRAFT_KEY, SharePage
from trustjournal.ui.share.entries_model import Role, hard_moment_text
from trustjournal.ui.tasks import ScopedTasks


def test_each_audience_brings_its_defaults_and_every_choice_stays_changeable(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page = make_composer(qtbot, tmp_path).page
    for audience in Audience:
        page.choices.set_audience(audience)
        defaults = defaults_for(audience)
        request = page.request()
        assert request.audience == audience
        assert request.sections == defaults.sections
        assert request.trigger_fields == defaults.trigger_fields
    page.choices.set_audience(Audience.PARTNER)
    page.choices.fields[TriggerField.THOUGHTS].setChecked(True)
    page.choices.sections[Section.GRATITUDE].setChecked(False)
    request = page.request()
    assert TriggerField.THOUGHTS in request.trigger_fields
    assert Section.GRATITUDE not in request.sections
    assert request.title == "Summary for my partner"


def test_leaving_an_entry_out_updates_the_counts_at_once_and_the_preview_after(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot, tmp_path)
    page, left_out = composer.page, composer.journal.left_out
    total = page.model.total()
    assert page.counts.text() == f"{total} of {total} entries will be shared"
    assert LEFT_OUT in page.preview.toPlainText()
    row = page.model.row_of(left_out)
    page.model.setData(
        page.model.index(row), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert page.counts.text() == f"{total - 1} of {total} entries will be shared"
    assert page.preview_timer.isActive()  # the preview waits for the pause
    assert LEFT_OUT in page.preview.toPlainText()
    page.flush()
    assert LEFT_OUT not in page.preview.toPlainText()
    assert page.shown is not None and left_out not in page.shown.summary.entry_ids
    assert page.model.total() == total  # still offered, just unticked
    page.include_all.click()
    page.flush()
    assert LEFT_OUT in page.preview.toPlainText()


def test_private_entries_never_appear_in_the_checklist_or_the_preview(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot, tmp_path)
    page = composer.page
    offered = {page.model.candidate(r).entry_id for r in range(page.model.rowCount())}
    assert offered and not offered & composer.journal.private
    assert all(PRIVATE not in text for text in labels(page))
    assert PRIVATE not in page.preview.toPlainText()
    assert composer.journal.outside not in offered


def test_a_fresh_intense_trigger_record_carries_the_hard_moment_marker(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot, tmp_path)
    fresh = composer.repo.add(
        TriggerRecord(occurred_at=composer.clock.now, situation="Just now, shaking", intensity=9)
    )
    mild = composer.repo.add(
        TriggerRecord(occurred_at=composer.clock.now, situation="Just now, mild", intensity=7)
    )
    composer.session.events.notify({"trigger"})
    composer.page.flush()
    model = composer.page.model
    marked = {
        model.candidate(r).entry_id
        for r in range(model.rowCount())
        if model.data(model.index(r), Role.HARD_MOMENT)
    }
    # The intensity-8 record of the test journal was written three days ago: no marker.
    assert marked == {fresh.id}
    assert mild.id not in marked
    row = model.row_of(fresh.id or 0)
    assert str(model.data(model.index(row))).endswith(hard_moment_text())
    assert model.data(model.index(row), Qt.ItemDataRole.ToolTipRole) == hard_moment_text()


def test_hostile_text_is_shown_literally_in_the_checklist_and_the_preview(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot, tmp_path)
    page = composer.page
    row = page.model.row_of(composer.journal.hostile)
    assert INJECTION[0] in str(page.model.data(page.model.index(row)))
    shown = page.preview.toPlainText()
    for text in (*INJECTION, RTL, ZERO_WIDTH):
        assert text in shown
    assert page.preview.refused == []  # nothing was asked for: no <img> became markup
    assert CHOSEN_SITUATION in shown


def test_a_stale_preview_is_dropped_and_the_newest_choices_win(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot, tmp_path)
    held: list[tuple[object, object]] = []

    class HeldTasks:
        def run_in_background(self, fn, on_done, on_error):  # type: ignore[no-untyped-def]
            held.append((fn, on_done))

    session = composer.session
    slow = type(session)(
        **{**session.__dict__, "tasks": ScopedTasks(tasks=HeldTasks(), is_current=lambda: True)}
    )
    page = SharePage(session=slow)
    qtbot.addWidget(page)
    page.note.setPlainText("first words")
    page.flush()
    page.note.setPlainText("second words")
    page.flush()  # a build is running: this one waits for it
    assert len(held) == 1
    fn, done = held.pop()
    done(fn())  # type: ignore[operator]
    assert page.shown is None  # built for "first words": stale, dropped
    assert len(held) == 1  # and the next build started at once
    fn, done = held.pop()
    done(fn())  # type: ignore[operator]
    assert page.shown is not None and page.shown.request.note == "second words"
    assert "second words" in page.preview.toPlainText()


def test_the_note_is_kept_as_an_encrypted_draft_across_a_lock(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make_composer(qtbot, tmp_path)
    page, session = composer.page, composer.session
    page.note.setPlainText("What I want to say, canary-5e1d")
    assert page.draft_timer.isActive()
    page.stash_drafts()
    page.clear()
    assert page.note.toPlainText() == ""
    assert page.model.rowCount() == 0 and page.preview.toPlainText() == ""
    assert session.drafts.load(DRAFT_KEY) == {
        "notes": {"therapist": "What I want to say, canary-5e1d"}
    }
    for file in (tmp_path / "journal").iterdir():
        assert b"canary-5e1d" not in file.read_bytes()
    again = SharePage(session=session)
    qtbot.addWidget(again)
    again.restore_drafts()
    assert again.note.toPlainText() == "What I want to say, canary-5e1d"
    again.note.clear()
    again.stash_drafts()
    assert session.drafts.load(DRAFT_KEY) is None


def test_the_checklist_model_is_a_well_behaved_qt_model(
    qtbot: QtBot, tmp_path: Path, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    page = make_composer(qtbot, tmp_path).page
    qtmodeltester.check(page.model)


def test_each_audience_keeps_its_own_note_and_left_out_entries(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot, tmp_path)
    page, left_out = composer.page, composer.journal.left_out
    page.choices.set_audience(Audience.PARTNER)
    page.note.setPlainText("For you: thank you for Sunday.")
    page.model.set_excluded(left_out, True)
    page.flush()
    page.choices.set_audience(Audience.SELF)
    page.flush()
    assert page.note.toPlainText() == ""
    assert left_out not in page.request().excluded_ids
    assert "thank you for Sunday" not in page.preview.toPlainText()
    page.note.setPlainText("Only mine.")
    page.choices.set_audience(Audience.PARTNER)  # switching back brings back their choices
    page.flush()
    assert page.note.toPlainText() == "For you: thank you for Sunday."
    assert left_out in page.request().excluded_ids
    assert LEFT_OUT not in page.preview.toPlainText()
    page.stash_drafts()
    assert composer.session.drafts.load(DRAFT_KEY) == {
        "notes": {"self": "Only mine.", "partner": "For you: thank you for Sunday."}
    }
    again = SharePage(session=composer.session)
    qtbot.addWidget(again)
    again.restore_drafts()
    assert again.note.toPlainText() == ""  # the therapist's, shown first, is empty
    again.choices.set_audience(Audience.SELF)
    assert again.note.toPlainText() == "Only mine."


def test_a_hard_moment_is_left_out_until_ticked_and_its_question_is_shown_in_full(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer = make_composer(qtbot, tmp_path)
    fresh = composer.repo.add(
        TriggerRecord(
            occurred_at=composer.clock.now, situation="Shaking after the call", intensity=9
        )
    )
    composer.session.events.notify({"trigger"})
    page = composer.page
    page.flush()
    model, row = page.model, page.model.row_of(fresh.id or 0)
    assert model.data(model.index(row), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "Shaking after the call" not in page.preview.toPlainText()
    model.setData(model.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    composer.session.events.notify({"mood"})  # a refresh does not leave it out again
    page.flush()
    assert "Shaking after the call" in page.preview.toPlainText()
    # The question wraps within the row (not elided): the row is as tall as its text needs.
    page.resize(560, 600)
    page.show()
    qtbot.waitExposed(page)
    page.entries.doItemsLayout()
    rect = page.entries.visualRect(model.index(row))
    text = str(model.data(model.index(row)))
    assert text.endswith(hard_moment_text())
    room = QRect(0, 0, rect.width() - 60, 10_000)  # less the check box and the marker
    needed = page.entries.fontMetrics().boundingRect(room, Qt.TextFlag.TextWordWrap, text)
    assert rect.height() >= needed.height() > 3 * page.entries.fontMetrics().lineSpacing()


def test_the_preview_chart_is_drawn_again_to_fit_when_the_page_narrows(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page = make_composer(qtbot, tmp_path).page
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    page.flush()
    wide = page.shown.chart.width() if page.shown and page.shown.chart else 0
    page.resize(760, 600)  # the steps and the preview now share two columns
    qtbot.waitUntil(page.preview_timer.isActive)
    page.flush()
    assert page.shown is not None and page.shown.chart is not None
    document = page.preview.document()
    assert document.size().width() <= page.preview.viewport().width()  # no sideways scrolling
    assert page.preview.horizontalScrollBar().maximum() == 0
    assert wide > 0
