"""The main window's menu bar: Edit → Undo and Redo follow the undo stack of the page shown and
name its command; nothing of the journal shows in the menus; the unlock screen has no menu bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import NOW
from tests.ui.shell_helpers import (
    PASSPHRASE,
    fixed_clock,
    open_journal,
    unlock,
)
from trustjournal.app import Shell
from trustjournal.core.entries import About, GratitudeEntry, MoodCheckIn
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.editors.mood import MoodEditor
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.today_page import TodayPage

NOTE = "the words only the journal may hold"


def _open(qtbot: QtBot, app: QApplication, tmp_path: Path) -> Shell:
    return open_journal(qtbot, app, tmp_path)[0]


def _frame(shell: Shell) -> MainFrame:
    frame = shell.controller.frame
    assert frame is not None
    return frame


def _add_entry(shell: Shell) -> int:
    vault = shell.controller.vault
    assert vault is not None
    saved = EntryRepository(db=vault.db, clock=fixed_clock).add(
        MoodCheckIn(occurred_at=NOW, mood=6, note=NOTE)
    )
    shell.events.notify({"entries"})
    assert saved.id is not None
    return saved.id


def _menus(shell: Shell) -> dict[str, QMenu]:
    bar = shell.window.menuWidget()
    assert isinstance(bar, QMenuBar)
    menus = {}
    for action in bar.actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        menus[action.text()] = menu
    return menus


def _entries(menu: QMenu) -> Iterator[QAction]:
    yield from (a for a in menu.actions() if not a.isSeparator())


def _entry(menu: QMenu, text: str) -> QAction:
    found = [a for a in _entries(menu) if a.text().split("\t")[0] == text]
    assert len(found) == 1, [a.text() for a in menu.actions()]
    return found[0]


def _undo(shell: Shell) -> QAction:
    found = _menus(shell)["&Edit"].findChildren(QAction, "menuUndo")
    assert len(found) == 1
    return found[0]


def _redo_key() -> str:
    """The platform's first key for Redo as the menu shows it (Ctrl+Shift+Z works everywhere)."""
    key = QKeySequence(QKeySequence.StandardKey.Redo)
    return key.toString(QKeySequence.SequenceFormat.NativeText)


def _redo(shell: Shell) -> QAction:
    found = _menus(shell)["&Edit"].findChildren(QAction, "menuRedo")
    assert len(found) == 1
    return found[0]


def _journal(shell: Shell) -> JournalPage:
    page = _frame(shell).page("journal")
    assert isinstance(page, JournalPage)
    return page


def test_edit_undo_brings_back_the_deleted_entry_while_the_journal_offers_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    entry_id = _add_entry(shell)
    menus = _menus(shell)
    undo = _undo(shell)
    _entry(menus["&Go"], "Journal").trigger()
    frame = _frame(shell)
    assert frame.current_key == "journal"
    assert not undo.isEnabled()  # nothing deleted yet
    assert undo.text() == "&Undo\tCtrl+Z"
    page = _journal(shell)
    assert page.select_id(entry_id)
    page.delete_selected()
    vault = shell.controller.vault
    assert vault is not None
    repo = EntryRepository(db=vault.db, clock=fixed_clock)
    assert entry_id not in repo.ids()

    words = "delete of the mood entry of Sat 14 Mar"  # the entry's kind and day, never its text
    assert undo.isEnabled()
    assert undo.text() == f"&Undo {words}\tCtrl+Z"  # the key is shown, but bound by the page
    assert undo.shortcut().isEmpty()
    redo = _redo(shell)
    assert not redo.isEnabled()
    undo.trigger()
    assert entry_id in repo.ids()
    assert not page.undo_bar.isVisible()
    assert page.current_id() == entry_id
    assert not undo.isEnabled()
    assert undo.text() == "&Undo\tCtrl+Z"
    assert redo.isEnabled()
    assert redo.text() == f"&Redo {words}\t{_redo_key()}"
    assert redo.shortcut().isEmpty()
    redo.trigger()  # deleted again, with the bar offering Undo again
    assert entry_id not in repo.ids()
    assert page.undo_bar.isVisible()
    assert not redo.isEnabled()
    undo.trigger()
    assert entry_id in repo.ids()

    page.delete_selected()  # on another page there is nothing of its own to undo
    assert undo.isEnabled()
    _entry(menus["&Go"], "Today").trigger()
    assert frame.current_key == "today"
    assert not undo.isEnabled()
    assert undo.text() == "&Undo\tCtrl+Z"  # Today's own Ctrl+Z, with nothing to undo yet
    undo.trigger()
    assert entry_id not in repo.ids()
    assert frame.current_key == "today"
    _entry(menus["&Go"], "Journal").trigger()  # back on the Journal: its undo is offered again
    assert undo.isEnabled()
    undo.trigger()
    assert entry_id in repo.ids()
    assert page.current_id() == entry_id


def test_edit_undo_stays_after_the_undo_bar_goes(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    entry_id = _add_entry(shell)
    _frame(shell).show_page("journal")
    page = _journal(shell)
    undo = _undo(shell)
    page.undo_bar.timer.setInterval(1)
    assert page.select_id(entry_id)
    page.delete_selected()
    qtbot.waitUntil(page.undo_bar.isHidden)
    # The bar is a reminder for a moment; the undo stack keeps the delete until the lock.
    assert undo.isEnabled()
    undo.trigger()
    vault = shell.controller.vault
    assert vault is not None
    assert entry_id in EntryRepository(db=vault.db, clock=fixed_clock).ids()
    assert not undo.isEnabled()
    undo.trigger()  # a menu entry triggered anyway (an accessibility tool) does nothing
    assert entry_id in EntryRepository(db=vault.db, clock=fixed_clock).ids()


def test_edit_undo_takes_back_i_told_them_on_today(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    vault = shell.controller.vault
    assert vault is not None
    repo = EntryRepository(db=vault.db, clock=fixed_clock)
    saved = repo.add(GratitudeEntry(occurred_at=NOW, text=NOTE, about=About.PARTNER))
    shell.events.notify({"gratitude"})
    assert saved.id is not None
    frame = _frame(shell)
    frame.show_page("today")
    today = frame.page("today")
    assert isinstance(today, TodayPage)
    undo = _undo(shell)
    assert not undo.isEnabled()
    unshared = today.gratitude.unshared
    unshared.rows[0].told_button.click()
    told = repo.get(saved.id)
    assert isinstance(told, GratitudeEntry) and told.expressed
    words = "“I told them” for the gratitude entry of Sat 14 Mar"
    assert undo.isEnabled()
    assert undo.text() == f"&Undo {words}\tCtrl+Z"
    assert NOTE not in undo.text()
    undo.trigger()
    back = repo.get(saved.id)
    assert isinstance(back, GratitudeEntry) and not back.expressed
    assert not undo.isEnabled()
    assert unshared.undo_button.isHidden()
    redo = _redo(shell)
    assert redo.text() == f"&Redo {words}\t{_redo_key()}"
    redo.trigger()
    again = repo.get(saved.id)
    assert isinstance(again, GratitudeEntry) and again.expressed
    assert not unshared.undo_button.isHidden()  # the moment's Undo comes back with it
    unshared.undo_button.click()
    untold = repo.get(saved.id)
    assert isinstance(untold, GratitudeEntry) and not untold.expressed


def test_ctrl_z_still_undoes_once_the_menu_bar_is_there(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    entry_id = _add_entry(shell)
    frame = _frame(shell)
    frame.show_page("journal")
    page = frame.page("journal")
    assert isinstance(page, JournalPage)
    assert page.select_id(entry_id)
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Delete)
    assert page.current_id() != entry_id
    # A second binding of Ctrl+Z would be "ambiguous" to Qt: a warning, which fails the test.
    QTest.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.current_id() == entry_id


def test_menus_hold_only_our_words_and_reuse_the_shortcuts(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    _add_entry(shell)
    menus = _menus(shell)
    assert list(menus) == ["&File", "&Edit", "&Go"]
    texts = {name: [a.text().split("\t")[0] for a in _entries(m)] for name, m in menus.items()}
    assert texts["&File"] == ["&Export everything…", "&Import…", "&Lock", "&Quit"]
    # on Today: nothing to undo, redo or delete
    assert texts["&Edit"] == ["&Undo", "&Redo", "&Delete entry"]
    assert texts["&Go"][:5] == ["Today", "Journal", "Insights", "Share", "Settings"]
    assert _entry(menus["&File"], "&Lock") is shell.window.lock_action
    assert _entry(menus["&File"], "&Quit") is shell.window.quit_action
    shortcuts = {a.text(): a.shortcut().toString() for a in _entries(menus["&Go"])}
    assert shortcuts["Today"] == "Ctrl+1" and shortcuts["Journal"] == "Ctrl+2"
    assert shortcuts["Settings"] == "Ctrl+5"
    every_text = " ".join(" ".join(t) for t in texts.values())
    assert NOTE not in every_text and "6" not in every_text

    _entry(menus["&Go"], "Settings").trigger()
    assert _frame(shell).current_key == "settings"
    _entry(menus["&File"], "&Lock").trigger()
    assert shell.controller.frame is None
    assert shell.window.menuWidget() is None  # the unlock screen shows no menus
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    assert list(_menus(shell)) == ["&File", "&Edit", "&Go"]
    qtbot.waitUntil(lambda: len(shell.window.findChildren(QMenuBar)) == 1)  # the old one goes


def test_edit_delete_entry_takes_the_entry_shown_in_the_journal(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    kept = _add_entry(shell)
    shown = _add_entry(shell)
    menus = _menus(shell)
    [delete] = menus["&Edit"].findChildren(QAction, "menuDelete")
    _entry(menus["&Go"], "Journal").trigger()
    page = _journal(shell)
    assert not delete.isEnabled()  # nothing shown yet
    assert page.select_id(shown)
    assert page.pane.shown_id() == shown
    assert delete.isEnabled()
    assert delete.text() == "&Delete entry\tDel"
    assert delete.shortcut().isEmpty()  # the Delete key is the timeline's own
    delete.trigger()
    vault = shell.controller.vault
    assert vault is not None
    ids = EntryRepository(db=vault.db, clock=fixed_clock).ids()
    assert shown not in ids
    assert kept in ids
    assert page.undo_bar.isVisible()
    _entry(menus["&Go"], "Today").trigger()
    assert not delete.isEnabled()


def test_edit_undo_and_redo_take_back_and_redo_an_edit_saved_in_the_journal(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell = _open(qtbot, qapp, tmp_path)
    entry_id = _add_entry(shell)
    menus = _menus(shell)
    _entry(menus["&Go"], "Journal").trigger()
    page = _journal(shell)
    assert page.select_id(entry_id)
    editor = page.pane.editor
    assert isinstance(editor, MoodEditor)
    editor.note.setPlainText("Said it better")
    page.pane.save()
    undo, redo = _undo(shell), _redo(shell)
    words = "edit of the mood entry of Sat 14 Mar"
    assert undo.text() == f"&Undo {words}\tCtrl+Z"
    vault = shell.controller.vault
    assert vault is not None
    repo = EntryRepository(db=vault.db, clock=fixed_clock)

    undo.trigger()
    back = repo.get(entry_id)
    assert isinstance(back, MoodCheckIn) and back.note == NOTE
    assert editor.note.toPlainText() == NOTE
    assert redo.text() == f"&Redo {words}\t{_redo_key()}"
    redo.trigger()
    again = repo.get(entry_id)
    assert isinstance(again, MoodCheckIn) and again.note == "Said it better"
    assert editor.note.toPlainText() == "Said it better"
    assert undo.text() == f"&Undo {words}\tCtrl+Z"
