"""Share with "I" statements, time together and reflections: the audiences' defaults, a
reflection only when ticked one by one, counts of what is included, the preview is the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.services.export_data import PERIOD
from tests.services.written_data import (
    CHOSEN_REFLECTION,
    CHOSEN_STATEMENT,
    CHOSEN_TOGETHER,
    LEFT_OUT_TOGETHER,
    OTHER_REFLECTION,
    PRIVATE_REFLECTION,
    Written,
    fill_written,
)
from tests.ui.share_helpers import Composer, labels, make_composer, save_to
from tests.ui.test_share_preview_is_file import PDFTOTEXT, _file_text, _pdf_words, _same, _words
from trustjournal.services.export.log import ExportFormat
from trustjournal.services.export.request import Audience, Section
from trustjournal.ui.pages.share_page import SharePage
from trustjournal.ui.share.entries_model import Role


def _composer(qtbot: QtBot, tmp_path: Path) -> tuple[Composer, Written]:
    composer = make_composer(qtbot, tmp_path, fill=False)
    written = fill_written(composer.repo)
    composer.page.choices.set_custom_dates(*_period())
    composer.page.flush()
    return composer, written


def _period() -> tuple[date, date]:
    assert PERIOD.start is not None and PERIOD.end is not None
    return PERIOD.start, PERIOD.end


def _tick(page: SharePage, entry_id: int, on: bool) -> None:
    row = page.model.row_of(entry_id)
    assert row >= 0, "not offered"
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    page.model.setData(page.model.index(row), state, Qt.ItemDataRole.CheckStateRole)
    page.flush()


def test_each_audience_starts_with_the_issues_defaults(qtbot: QtBot, tmp_path: Path) -> None:
    page = _composer(qtbot, tmp_path)[0].page
    boxes = page.choices.sections
    for audience, on in (
        (Audience.THERAPIST, {Section.STATEMENTS, Section.TOGETHER}),
        (Audience.PARTNER, {Section.STATEMENTS, Section.TOGETHER}),
    ):
        page.choices.set_audience(audience)
        assert {s for s in (Section.STATEMENTS, Section.TOGETHER) if boxes[s].isChecked()} == on
        assert not boxes[Section.REFLECTIONS].isChecked()
    page.flush()
    assert CHOSEN_STATEMENT in page.preview.toPlainText()
    assert CHOSEN_TOGETHER in page.preview.toPlainText()
    assert OTHER_REFLECTION not in " ".join(labels(page))  # not even offered


def test_a_reflection_is_shared_only_when_its_own_box_is_ticked(
    qtbot: QtBot, tmp_path: Path
) -> None:
    composer, written = _composer(qtbot, tmp_path)
    page = composer.page
    page.choices.sections[Section.REFLECTIONS].setChecked(True)
    page.flush()
    row = page.model.row_of(written.chosen_reflection)
    assert row >= 0 and page.model.row_of(written.private_reflection) < 0
    assert not page.model.data(page.model.index(row), Role.INCLUDED)
    assert "shared only if you tick it" in labels(page)[row]
    assert CHOSEN_REFLECTION not in page.preview.toPlainText()  # the section alone: none
    included, total = page.model.included_count(), page.model.total()
    page.include_all.click()
    page.flush()
    assert CHOSEN_REFLECTION not in page.preview.toPlainText()  # "Include all" is not a tick
    _tick(page, written.chosen_reflection, True)
    text = page.preview.toPlainText()
    assert CHOSEN_REFLECTION in text
    assert OTHER_REFLECTION not in text and PRIVATE_REFLECTION not in text
    assert page.model.included_count() == included + 1 and page.model.total() == total
    assert page.request().reflection_ids == {written.chosen_reflection}
    assert page.counts.text() == f"{included + 1} of {total} entries will be shared"
    _tick(page, written.chosen_reflection, False)
    assert CHOSEN_REFLECTION not in page.preview.toPlainText()


def test_reflections_ticked_for_one_person_stay_with_them(qtbot: QtBot, tmp_path: Path) -> None:
    composer, written = _composer(qtbot, tmp_path)
    page = composer.page
    page.choices.sections[Section.REFLECTIONS].setChecked(True)
    page.flush()
    _tick(page, written.chosen_reflection, True)
    page.choices.set_audience(Audience.PARTNER)
    page.flush()
    assert page.request().reflection_ids == frozenset()
    page.choices.set_audience(Audience.THERAPIST)
    assert page.request().reflection_ids == {written.chosen_reflection}


def test_time_together_left_out_is_not_counted(qtbot: QtBot, tmp_path: Path) -> None:
    composer, written = _composer(qtbot, tmp_path)
    page = composer.page
    page.choices.set_audience(Audience.PARTNER)
    page.flush()
    assert LEFT_OUT_TOGETHER in page.preview.toPlainText()
    _tick(page, written.left_out_together, False)
    text = page.preview.toPlainText()
    assert LEFT_OUT_TOGETHER not in text and CHOSEN_TOGETHER in text
    shown = page.shown
    assert shown is not None
    assert shown.summary.figures.together_count == 1
    assert "10 h" not in text and "11 h" not in text  # its 600 minutes are not added in


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_the_preview_is_the_file_with_statements_time_together_and_a_chosen_reflection(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: ExportFormat
) -> None:
    composer, written = _composer(qtbot, tmp_path)
    page = composer.page
    page.choices.set_audience(Audience.PARTNER)
    page.choices.sections[Section.REFLECTIONS].setChecked(True)
    page.flush()
    _tick(page, written.chosen_reflection, True)
    _tick(page, written.left_out_together, False)
    # Its right-to-left override runs on through the composed sentence, which a PDF's text
    # comes out of reversed (as it is seen); the hostile text is covered by the services' tests.
    _tick(page, written.hostile_statement, False)
    preview = _words(page.preview.toPlainText())
    out = tmp_path / f"summary.{fmt.value}"
    save_to(monkeypatch, page, out, fmt)
    assert not page.write.error.isVisibleTo(page), page.write.error.text()
    text = _file_text(out, fmt, page)
    if fmt == ExportFormat.PDF:
        _same(_pdf_words(text, page), sorted(preview), "written kinds")
    else:
        _same(_words(text), preview, "written kinds")
    assert "harbour" in text and "fennel" not in text and "damson" not in text
