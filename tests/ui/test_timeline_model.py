"""The lazy timeline model: day headings, pages read on demand, roles, Qt's model checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.journal_helpers import HOSTILE, NOW, MovableClock, create_vault, sample_entries
from trustjournal.core.entries import EntryKind, MoodCheckIn, TriggerRecord
from trustjournal.core.query import EntryQuery
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.journal import rows, timeline_model
from trustjournal.ui.journal.rows import FOR_SESSION, RowView
from trustjournal.ui.journal.timeline_model import Role, TimelineModel, day_heading


def _model(tmp_path: Path, entries: int = 3) -> tuple[TimelineModel, EntryRepository]:
    vault = create_vault(tmp_path / "journal")
    repo = EntryRepository(db=vault.db, clock=MovableClock())
    repo.add_many(sample_entries(days=entries))
    return TimelineModel(entries=repo), repo


def test_model_passes_qt_model_checks(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    model, _repo = _model(tmp_path)
    model.set_query(EntryQuery())
    qtmodeltester.check(model)


def test_every_day_gets_one_heading_above_its_entries_newest_first(tmp_path: Path) -> None:
    model, repo = _model(tmp_path)
    model.set_query(EntryQuery())
    headers = [r for r in range(model.rowCount()) if model.is_header(r)]
    assert len(headers) == len({e.occurred_at.date() for e in repo.list(limit=100)})
    assert model.data(model.index(0), Qt.ItemDataRole.DisplayRole) == "Saturday 14 March 2026"
    ids = [model.entry_id(r) for r in range(model.rowCount()) if not model.is_header(r)]
    assert ids == repo.ids()
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.data(model.index(1), Role.KIND) == "mood"
    assert model.data(model.index(1), Role.DAY) == date(2026, 3, 14)


def test_entries_are_read_a_page_at_a_time(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(timeline_model, "PAGE", 4)
    model, repo = _model(tmp_path, entries=4)
    calls: list[int] = []
    real = repo.get_many
    monkeypatch.setattr(repo, "get_many", lambda ids: calls.append(len(ids)) or real(ids))
    model.set_query(EntryQuery())
    assert calls == []
    model.data(model.index(1), Role.SUMMARY)
    model.data(model.index(2), Role.SUMMARY)
    assert calls == [4]


def test_filters_and_search_run_in_the_store(tmp_path: Path) -> None:
    model, _repo = _model(tmp_path)
    model.set_query(EntryQuery(kinds=frozenset({EntryKind.MOOD}), search="river"))
    kinds = {
        model.data(model.index(r), Role.KIND)
        for r in range(model.rowCount())
        if not model.is_header(r)
    }
    assert kinds == {"mood"}
    assert model.entry_count() == 3
    model.set_query(EntryQuery(kinds=frozenset({EntryKind.GRATITUDE}), search="river"))
    assert model.entry_count() == 0
    model.set_query(EntryQuery(tag="home", search="breakfast"))
    assert model.rowCount() == 0


def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    vault = create_vault(tmp_path / "journal")
    repo = EntryRepository(db=vault.db, clock=MovableClock())
    for text in HOSTILE:
        repo.add(MoodCheckIn(occurred_at=NOW, mood=5, note=text))
    model = TimelineModel(entries=repo)
    model.set_query(EntryQuery())
    shown = [
        str(model.data(model.index(r), Qt.ItemDataRole.DisplayRole))
        for r in range(1, model.rowCount())
    ]
    for text in HOSTILE[:4]:
        assert any(text in line for line in shown)
    assert day_heading(date(2026, 3, 14)) == "Saturday 14 March 2026"


def test_the_index_is_read_in_growing_slices_as_the_view_asks(
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(timeline_model, "FIRST_FETCH", 2)
    model, repo = _model(tmp_path, entries=4)  # 12 entries over 4 days
    model.set_query(EntryQuery())
    assert model.entry_count() == 2
    assert model.canFetchMore()
    model.fetchMore()
    assert model.entry_count() == 6
    model.fetch_all()
    assert not model.canFetchMore()
    ids = [model.entry_id(r) for r in range(model.rowCount()) if not model.is_header(r)]
    assert ids == repo.ids()
    headers = [
        model.data(model.index(r), Role.DAY) for r in range(model.rowCount()) if model.is_header(r)
    ]
    assert len(headers) == len(set(headers)) == 4


def test_paged_model_passes_qt_model_checks(qtmodeltester, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(timeline_model, "FIRST_FETCH", 2)
    model, _repo = _model(tmp_path, entries=4)
    model.set_query(EntryQuery())
    qtmodeltester.check(model)
    model.fetch_all()
    qtmodeltester.check(model)


def test_a_rows_text_is_worked_out_once_for_every_role_and_again_after_reload(
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    model, repo = _model(tmp_path, entries=1)
    worked_out: list[int | None] = []
    real = rows.row_summary
    monkeypatch.setattr(rows, "row_summary", lambda e: worked_out.append(e.id) or real(e))
    model.set_query(EntryQuery())
    index = model.index(1)
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Role.SUMMARY]
    for role in [*roles, Role.TIME, Role.MARKS, Role.KIND, Role.ROW] * 3:
        model.data(index, role)
    view = model.data(index, Role.ROW)
    assert isinstance(view, RowView) and not view.header
    assert worked_out == [model.entry_id(1)]
    assert model.data(index, Role.SUMMARY) == view.summary
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == view.text
    assert view.time in view.text and view.summary in view.text
    heading = model.data(model.index(0), Role.ROW)
    assert isinstance(heading, RowView) and heading.header
    assert heading.text == "Saturday 14 March 2026"
    assert model.data(model.index(0), Role.SUMMARY) is None
    entry = model.entry(1)
    assert isinstance(entry, MoodCheckIn)
    repo.update(replace(entry, note="a new note"))
    model.reload()
    assert "a new note" in str(model.data(model.index(1), Role.SUMMARY))
    assert len(worked_out) == 2


def test_a_trigger_rows_marks_are_in_its_row_view_and_its_spoken_text(tmp_path: Path) -> None:
    model, _repo = _model(tmp_path)
    model.set_query(EntryQuery(kinds=frozenset({EntryKind.TRIGGER})))
    flagged = [
        view
        for r in range(model.rowCount())
        if isinstance(view := model.data(model.index(r), Role.ROW), RowView) and view.marks
    ]
    assert flagged
    assert all(view.marks == (FOR_SESSION,) for view in flagged)
    assert all(view.text.endswith(f" ({FOR_SESSION})") for view in flagged)


def test_a_trigger_summary_says_before_and_after_only_as_it_was() -> None:
    when = NOW.replace(hour=9)
    eased = TriggerRecord(occurred_at=when, situation="s", intensity=7, intensity_after=3)
    steady = replace(eased, intensity_after=7)
    unrated = replace(eased, intensity_after=None, category="Work")
    assert rows.trigger_summary(eased) == "7 → 3 of 10 · s"
    assert rows.trigger_summary(steady) == "7 of 10 before and after · s"
    assert rows.trigger_summary(unrated) == "7 of 10 · Work · s"


def test_each_slice_starts_after_the_last_row_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_model, "FIRST_FETCH", 2)
    model, repo = _model(tmp_path, entries=4)
    # Back-dated, and two of them at the same moment as a shown row: ids do not follow time.
    for hours in (1, 1, 30):
        repo.add(MoodCheckIn(occurred_at=NOW - timedelta(hours=hours), mood=5, note="walk"))
    query = EntryQuery(search="walk")
    model.set_query(query)
    shown = repo.ids(query)
    assert model.entry_count() == 2
    # A new newest entry before the next slice (no reload yet) must not show a row twice, as
    # reading at an offset would.
    repo.add(MoodCheckIn(occurred_at=NOW, mood=5, note="walk"))
    model.fetch_all()
    ids = [model.entry_id(r) for r in range(model.rowCount()) if not model.is_header(r)]
    assert ids == shown
    model.reload()
    model.fetch_all()
    ids = [model.entry_id(r) for r in range(model.rowCount()) if not model.is_header(r)]
    assert ids == repo.ids(query)


def test_finding_an_entry_reads_slices_only_when_the_query_lists_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_model, "FIRST_FETCH", 2)
    model, repo = _model(tmp_path, entries=4)  # a "walk by the river" mood on each day
    walks = repo.ids(EntryQuery(search="walk"))
    other = next(i for i in repo.ids() if i not in walks)
    model.set_query(EntryQuery(search="walk"))
    assert model.find_row(other) == -1
    assert model.entry_count() == 2  # nothing more was read to learn that
    oldest = model.find_row(walks[-1])
    assert model.entry_id(oldest) == walks[-1]
    assert model.find_row(walks[0]) == model.row_of(walks[0]) >= 0
