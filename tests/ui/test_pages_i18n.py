"""Settings, the side bar, Today's trigger cards and the entry editors in the pseudo-locale (no
word escapes translation, nothing clipped at 800×600), and the language chosen in Settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.i18n_helpers import escaped_texts
from tests.ui.journal_helpers import MovableClock, create_vault, open_session, shown
from tests.ui.layout_checks import out_of_reach, overlaps, save_shot, settle, sideways, squeezed
from tests.ui.shell_helpers import open_journal
from trustjournal.app import Shell
from trustjournal.core import i18n
from trustjournal.core.entries import EntryKind
from trustjournal.store.db import cipher_version
from trustjournal.ui.editors.reflection_prompts import reflection_prompts
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.main_frame import MainFrame
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.session import Session

KINDS = tuple(kind for kind in EntryKind if default_editors().can_edit(kind))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def _settings(frame: MainFrame) -> SettingsPage:
    assert frame.show_page("settings")
    page = frame.page("settings")
    assert isinstance(page, SettingsPage)
    settle()
    return page


def _settings_user_texts(page: SettingsPage) -> list[str]:
    """What Settings shows that is not ours to translate: the folders, each language named in
    itself, the names and versions in About, and the vocabulary's words (the journal's data)."""
    combo = page.language_combo
    texts = [
        page.path_label.text(),
        page.backups.folder_label.text(),
        *(combo.itemText(i) for i in range(1, combo.count())),
    ]
    texts += ["TrustJournal", "Qt", "PySide6", "SQLCipher", "Python", cipher_version() or ""]
    for names in page.vocabulary.findChildren(QListWidget):
        texts += [names.item(i).text() for i in range(names.count())]
    return texts


def _fits(root: QWidget) -> None:
    assert overlaps(root) == []
    assert squeezed(root) == []
    assert out_of_reach(root) == []
    assert sideways(root) == []


def _at_800_by_600(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> tuple[Shell, MainFrame]:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(800, 600)
    settle()
    return shell, frame


@pytest.mark.usefixtures("pseudo")
def test_no_word_of_the_side_bar_or_settings_escapes_translation(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = open_journal(qtbot, qapp, tmp_path)
    page = _settings(frame)
    # The frame holds the side bar and, of its pages, only the one shown: Settings.
    assert escaped_texts(frame, user_texts=_settings_user_texts(page)) == []
    titles = frame.page_names()
    assert all(title.startswith("[") for title in titles), titles


@pytest.mark.usefixtures("pseudo")
def test_settings_and_the_side_bar_fit_800_by_600_in_the_pseudo_locale(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = _at_800_by_600(qtbot, qapp, tmp_path)
    page = _settings(frame)
    save_shot(page, "settings-pseudo-800x600", tmp_path)
    _fits(frame)


@pytest.mark.usefixtures("pseudo")
def test_todays_trigger_cards_speak_pseudo_and_fit_800_by_600(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = _at_800_by_600(qtbot, qapp, tmp_path)
    today = frame.page("today")
    assert isinstance(today, TodayPage)
    frame.run_page_action("today", "focus_trigger")  # Ctrl+T: builds the cards below the fold
    card = today.trigger
    QTest.keyClicks(card.situation, "A message they deleted")
    card.intensity.group.button(7).click()
    QTest.keyClick(card.situation, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(card.unfinished.rows) == 1)
    settle()
    later = today._build_later_cards()  # the same cards: built once, given back
    cards = (card, later.logged_card, later.flagged.parentWidget(), later.coping.parentWidget())
    for shown_card in cards:
        assert shown_card is not None
        assert escaped_texts(shown_card, user_texts=["A message they deleted"]) == []
    [row] = card.unfinished.rows
    assert row.meta.text().startswith("[")  # the date and intensity through the formatters
    save_shot(card, "today-trigger-pseudo-800x600", tmp_path)
    for shown_card in cards:
        assert shown_card is not None
        _fits(shown_card)


@pytest.mark.usefixtures("pseudo")
def test_todays_time_together_card_speaks_pseudo_and_fits_800_by_600(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = _at_800_by_600(qtbot, qapp, tmp_path)
    today = frame.page("today")
    assert isinstance(today, TodayPage)
    card = today.together
    QTest.keyClicks(card.what, "A walk")
    QTest.keyClick(card.what, Qt.Key.Key_Return)  # the confirmation and Undo show too
    today.scroll_area.ensureWidgetVisible(card, 0, 0)
    settle()
    assert card.undo_button.isVisibleTo(card)
    assert escaped_texts(card) == []
    save_shot(card, "today-together-pseudo-800x600", tmp_path)
    _fits(card)


@pytest.mark.usefixtures("pseudo")
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_no_word_of_an_editor_escapes_translation(
    qtbot: QtBot, session: Session, kind: EntryKind
) -> None:
    editor = default_editors(scrolled=True).create(kind, session, None)
    shown(qtbot, editor, (520, 760))
    settle()
    # The vocabulary's words (ways of coping, emotions) are data, kept as they were written;
    # so is today's prompt, which the gratitude editor's Use button shows as its tip.
    words = [getattr(getattr(editor, "prompt", None), "use_button", editor).toolTip()]
    words += [
        names.item(i).text()
        for names in editor.findChildren(QListWidget)
        for i in range(names.count())
    ]
    words += [prompt.text for prompt in reflection_prompts()]  # shipped words, like the above
    assert escaped_texts(editor, user_texts=words) == []


@pytest.mark.usefixtures("pseudo")
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_each_editor_fits_the_journal_pane_at_800_by_600(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, kind: EntryKind
) -> None:
    _shell, frame = _at_800_by_600(qtbot, qapp, tmp_path)
    assert frame.show_page("journal")
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    journal.pane.open(None, kind)
    journal.right.setCurrentWidget(journal.pane)  # as the page does when it opens an entry
    settle()
    editor = journal.pane.editor
    assert editor is not None and editor.isVisible()
    save_shot(editor, f"editor-{kind.value}-pseudo-800x600", tmp_path)
    assert overlaps(editor) == []
    assert squeezed(editor) == []
    assert sideways(editor) == []
    assert out_of_reach(editor) == []


@pytest.mark.usefixtures("pseudo")
def test_every_control_of_the_trigger_editor_can_be_scrolled_to_in_the_pane(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = _at_800_by_600(qtbot, qapp, tmp_path)
    assert frame.show_page("journal")
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    journal.pane.open(None, EntryKind.TRIGGER)
    journal.right.setCurrentWidget(journal.pane)
    settle()
    editor = journal.pane.editor
    assert editor is not None and editor.isVisible()
    assert out_of_reach(editor) == []


@pytest.mark.usefixtures("english")
def test_tab_shows_the_whole_field_it_reaches_in_the_trigger_editor_at_800_by_600(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    # Qt scrolls to a text box's cursor line only: the Thoughts box once peeked in 22 px.
    _shell, frame = _at_800_by_600(qtbot, qapp, tmp_path)
    assert frame.show_page("journal")
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    journal.pane.open(None, EntryKind.TRIGGER)
    journal.right.setCurrentWidget(journal.pane)
    settle()
    editor = journal.pane.editor
    assert editor is not None and editor.scroll_area is not None
    frame.window().activateWindow()
    qtbot.waitUntil(frame.window().isActiveWindow)
    view = editor.scroll_area.viewport()
    editor.focus_first()
    reached: list[QWidget] = []
    for _step in range(40):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None or not editor.isAncestorOf(now) or now in reached:
            break
        reached.append(now)
        top = now.mapTo(view, QPoint(0, 0)).y()
        assert top >= 0 and top + min(now.height(), view.height()) <= view.height(), now
    assert sum(isinstance(w, QPlainTextEdit) for w in reached) >= 5  # Thoughts among them


@pytest.mark.usefixtures("english")
def test_the_language_is_chosen_in_settings_by_keys_and_kept_for_the_next_start(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, frame = open_journal(qtbot, qapp, tmp_path)
    page = _settings(frame)
    combo = page.language_combo
    assert combo.itemText(0) == "Follow the system"
    assert sorted(combo.itemText(i) for i in range(1, combo.count())) == ["Deutsch", "English"]
    assert not page.language_hint.isVisibleTo(page)
    combo.setFocus()
    for _step in range(combo.findText("Deutsch")):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    stored = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    assert stored.value(i18n.LANGUAGE_SETTING_KEY) == "de"
    assert i18n.current_language() == "de"
    assert page.language_hint.isVisibleTo(page)
    assert page.language_hint.text() == (
        "A new language shows everywhere after TrustJournal starts again."
    )  # the page already built keeps its words
    QTest.keyClick(combo, Qt.Key.Key_Home)
    stored.sync()
    assert stored.value(i18n.LANGUAGE_SETTING_KEY) is None


def test_the_side_bar_speaks_the_language_chosen_after_import(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, english: None
) -> None:
    i18n.set_language("de")
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    shell.window.resize(1280, 800)  # wide enough for the side bar to show its words
    qtbot.waitUntil(lambda: not frame.compact)
    titles = frame.page_names()
    assert titles == ["Heute", "Tagebuch", "Einblicke", "Teilen", "Einstellungen"]
    assert frame.lock_button.text() == "&Sperren"
