"""File → Export everything… and File → Import… by keys on real vaults and real files: a 0600
JSON or an encrypted archive, a stop that leaves nothing, a preview before anything changes,
a backup first, every page told, and the same file twice adding nothing."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.dialog_helpers import (
    NEW_PASSPHRASE,
    HeldTasks,
    Journal,
    delete_closed_dialogs,
    export_data_dialog,
    import_data_dialog,
)
from tests.ui.i18n_helpers import escaped_texts
from tests.ui.journal_helpers import NOW
from tests.ui.shell_helpers import fixed_clock, open_journal
from trustjournal.core import i18n
from trustjournal.core.between import Counts, Goal, GoalStep, Homework, Per
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn
from trustjournal.core.query import EntryQuery
from trustjournal.services.between import BetweenOperations
from trustjournal.services.portable_archive import read_archive
from trustjournal.store.entries import EntryRepository
from trustjournal.store.goals import GoalRepository
from trustjournal.ui.data.export_dialog import ExportDataDialog
from trustjournal.ui.data.import_dialog import ImportDataDialog

DAYLIO = Path(__file__).resolve().parent.parent / "data" / "daylio-export.csv"
CANARY = "a sentence only the journal may hold"


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    found = Journal(tmp_path / "journal")
    repo = EntryRepository(db=found.vault.db, clock=fixed_clock)
    repo.add(MoodCheckIn(occurred_at=NOW, mood=7, note=CANARY, tags=("walk",)))
    repo.add(GratitudeEntry(occurred_at=NOW.replace(year=2024), text="the tea you made"))
    yield found
    delete_closed_dialogs()


def _key(widget: QWidget, key: Qt.Key) -> None:
    widget.setFocus()
    QTest.keyClick(widget, key)


def _at_smallest(dialog: QWidget) -> None:
    dialog.resize(min(dialog.width(), 800), min(dialog.height(), 600))


def _entries(journal: Journal) -> list[object]:
    repo = EntryRepository(db=journal.vault.db, clock=fixed_clock)
    return repo.get_many(repo.ids(EntryQuery()))


def test_export_by_keys_writes_a_private_json_of_everything(qtbot: QtBot, journal: Journal) -> None:
    dialog = export_data_dialog(journal)
    _at_smallest(dialog)
    assert dialog.warning.isVisible() and "not encrypted" in dialog.warning.text()
    target = dialog.target.path()
    assert target is not None and target.suffix == ".json"
    _key(dialog.target.field, Qt.Key.Key_Return)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    data = json.loads(target.read_text(encoding="utf-8"))
    assert sorted(e["kind"] for e in data["entries"]) == ["gratitude", "mood"]
    assert "Saved 2 entries in" in dialog.status.text()
    assert dialog.default_button is dialog.cancel_button  # Enter now closes
    _key(dialog.cancel_button, Qt.Key.Key_Return)
    assert dialog.is_finished


def test_the_encrypted_archive_by_keys_holds_no_plain_text_and_opens_with_its_passphrase(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = export_data_dialog(journal)
    _key(dialog.archive_choice, Qt.Key.Key_Space)
    assert not dialog.warning.isVisible() and "1000" in dialog.kdf_note.text()
    for field in (dialog.passphrase, dialog.repeat):
        field.setFocus()
        QTest.keyClicks(field, NEW_PASSPHRASE)
    target = dialog.target.path()
    assert target is not None and target.suffix == ".zip"
    _key(dialog.repeat, Qt.Key.Key_Return)
    raw = target.read_bytes()
    assert CANARY.encode() not in raw
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    inner = json.loads(read_archive(raw, NEW_PASSPHRASE, limit=10**7))
    assert CANARY in [e.get("note") for e in inner["entries"]]


def test_a_weak_archive_passphrase_is_refused_and_nothing_is_written(
    qtbot: QtBot, journal: Journal
) -> None:
    dialog = export_data_dialog(journal)
    _key(dialog.archive_choice, Qt.Key.Key_Space)
    for field in (dialog.passphrase, dialog.repeat):
        field.setFocus()
        QTest.keyClicks(field, "sunshine")
    _key(dialog.repeat, Qt.Key.Key_Return)
    assert "too easy to guess" in dialog.error.text()
    target = dialog.target.path()
    assert target is not None and not list(target.parent.iterdir())


@pytest.mark.parametrize("files", ["unnamed", "named"])
def test_escape_while_writing_stops_and_leaves_no_file(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch, files: str
) -> None:
    """With unnamed files (Linux `O_TMPFILE`) and, as elsewhere, a hidden named temp file."""
    if files == "named":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    elif not hasattr(os, "O_TMPFILE"):
        pytest.skip("this system has no unnamed files")
    tasks = HeldTasks()
    dialog = export_data_dialog(journal, tasks)
    target = dialog.target.path()
    assert target is not None
    _key(dialog.target.field, Qt.Key.Key_Return)
    assert dialog.is_busy and dialog.cancel_button.text() == "&Stop"
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    assert not dialog.is_finished  # it waits, to say how it ended
    tasks.run_all()
    assert dialog.status.text() == "Stopped. Nothing was saved."
    assert not list(target.parent.iterdir())


def _export_file(journal: Journal, folder: Path) -> Path:
    dialog = export_data_dialog(journal)
    target = folder / "everything.json"
    dialog.target.field.setText(str(target))
    _key(dialog.target.field, Qt.Key.Key_Return)
    return target


def test_import_previews_by_year_and_kind_backs_up_tells_every_page_and_twice_adds_nothing(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    source = _export_file(journal, tmp_path)
    other = Journal(tmp_path / "other")
    dialog = import_data_dialog(other)
    _at_smallest(dialog)
    QTest.keyClicks(dialog.source.field, str(source))
    _key(dialog.source.field, Qt.Key.Key_Return)  # Preview: nothing changes yet
    assert dialog.what.text() == "A TrustJournal export"
    assert "2 entries would be added." in dialog.summary.text()
    assert dialog.details.text().splitlines() == ["2024 · Gratitude: 1", "2026 · Mood: 1"]
    assert _entries(other) == [] and not (other.directory / "backups").exists()
    told: list[object] = []
    other.events.changed.connect(told.append)
    assert dialog.import_button.text() == "&Import 2 entries"
    _key(dialog.import_button, Qt.Key.Key_Return)
    assert len(_entries(other)) == 2
    assert told  # announced once, so every page refreshes
    assert any(p.name.startswith("auto-") for p in (other.directory / "backups").iterdir())
    assert "Added 2 entries" in dialog.status.text()
    again = import_data_dialog(other)
    QTest.keyClicks(again.source.field, str(source))
    _key(again.source.field, Qt.Key.Key_Return)
    assert "0 entries would be added." in again.summary.text()
    assert "2 are already in your journal" in again.summary.text()
    assert not again.import_button.isEnabled()
    QTest.keyClick(again.focusWidget() or again, Qt.Key.Key_Return)
    assert again.error.text() == "Everything in this file is already in your journal."
    assert len(_entries(other)) == 2


def test_homework_and_goals_alone_are_previewed_and_imported_by_keys(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    other = Journal(tmp_path / "other")
    first = import_data_dialog(other)
    QTest.keyClicks(first.source.field, str(_export_file(journal, tmp_path)))
    _key(first.source.field, Qt.Key.Key_Return)
    _key(first.import_button, Qt.Key.Key_Return)  # the entries are there; nothing else yet
    ops = BetweenOperations(vault=journal.vault, clock=fixed_clock)
    ops.add_homework(
        Homework(title="Walk", counts=Counts.MANUAL, times=1, per=Per.WEEK, start=NOW.date())
    )
    ops.add_goal(Goal(title="Talk kindly", steps=(GoalStep(text="Ask first"),)))
    later = tmp_path / "later"
    later.mkdir()
    dialog = import_data_dialog(other)
    QTest.keyClicks(dialog.source.field, str(_export_file(journal, later)))
    _key(dialog.source.field, Qt.Key.Key_Return)
    assert "0 entries would be added." in dialog.summary.text()
    assert dialog.details.text().splitlines() == ["Homework items: 1", "Goals: 1"]
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "&Import"
    told: list[frozenset[str]] = []
    other.events.changed.connect(told.append)
    _key(dialog.import_button, Qt.Key.Key_Return)
    assert "Between sessions, added: 1 homework item, 1 goal" in dialog.status.text()
    assert told and {"homework", "goals"} <= set(told[0])
    assert [g.title for g in GoalRepository(db=other.vault.db, clock=fixed_clock).list()] == [
        "Talk kindly"
    ]


def test_daylio_own_moods_are_mapped_by_keys_and_unreadable_rows_named(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    other = Journal(tmp_path / "other")
    dialog = import_data_dialog(other)
    QTest.keyClicks(dialog.source.field, str(DAYLIO))
    _key(dialog.source.field, Qt.Key.Key_Return)
    assert dialog.what.text() == "A Daylio export"
    details = dialog.details.text()
    assert "line 8: A cell looks like a spreadsheet formula" in details
    assert "line 9: The date is not a date" in details
    assert "HYPERLINK" not in details  # where and why, never the text
    assert dialog.mapping is not None
    box = dialog.mapping.boxes["sleepy"]
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, "4")
    assert dialog.import_button.text() == "&Import the 5 readable entries"
    _key(dialog.import_button, Qt.Key.Key_Return)
    moods = sorted(e.mood for e in _entries(other) if isinstance(e, MoodCheckIn))
    assert moods == [1, 4, 5, 7, 9]  # sleepy as chosen; awful, meh, good, rad as documented


def test_an_archive_asks_for_its_passphrase_before_the_preview(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    made = export_data_dialog(journal)
    _key(made.archive_choice, Qt.Key.Key_Space)
    made.passphrase.setText(NEW_PASSPHRASE)
    made.repeat.setText(NEW_PASSPHRASE)
    _key(made.repeat, Qt.Key.Key_Return)
    archive = made.target.path()
    assert archive is not None and archive.exists()
    other = Journal(tmp_path / "other")
    dialog = import_data_dialog(other)
    QTest.keyClicks(dialog.source.field, str(archive))
    _key(dialog.source.field, Qt.Key.Key_Return)
    assert dialog.passphrase.isVisible() and dialog.focusWidget() is dialog.passphrase
    assert "encrypted archive" in dialog.error.text()
    QTest.keyClicks(dialog.passphrase, "not the passphrase")
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.error.text() == "That passphrase does not open this archive."
    dialog.passphrase.clear()
    QTest.keyClicks(dialog.passphrase, NEW_PASSPHRASE)
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.what.text() == "An encrypted TrustJournal archive"
    _key(dialog.import_button, Qt.Key.Key_Return)
    assert len(_entries(other)) == 2


def test_the_file_menu_opens_both_dialogs(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    shell, _frame = open_journal(qtbot, qapp, tmp_path)
    bar = shell.window.menuWidget()
    assert isinstance(bar, QMenuBar)
    file_menu = bar.actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    names = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert names[:2] == ["&Export everything…", "&Import…"]
    for name, cls in (("menuExportData", ExportDataDialog), ("menuImportData", ImportDataDialog)):
        [action] = [a for a in file_menu.actions() if a.objectName() == name]
        action.trigger()
        [dialog] = [w for w in qapp.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        assert dialog.is_finished


@pytest.fixture
def pseudo() -> Iterator[None]:
    i18n.set_language("pseudo")
    yield
    i18n.set_language("en")


def test_both_dialogs_are_translated_in_every_step(
    qtbot: QtBot, journal: Journal, tmp_path: Path, pseudo: None
) -> None:
    export = export_data_dialog(journal)
    assert escaped_texts(export) == []
    export.archive_choice.setChecked(True)
    assert escaped_texts(export) == []
    dialog = import_data_dialog(Journal(tmp_path / "other"))
    assert escaped_texts(dialog) == []
    dialog.source.field.setText(str(DAYLIO))
    dialog.preview_button.click()
    assert dialog.mapping is not None
    assert [t for t in escaped_texts(dialog) if "sleepy" not in t] == []  # the file's own word
