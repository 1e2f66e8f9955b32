"""The Journal page, Edit → Undo/Redo and Today's gratitude card in other languages: no word
escapes translation (pseudo-locale), nothing clipped at 800×600, Undo named in whole German."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.i18n_helpers import escaped_texts
from tests.ui.journal_helpers import NOW, MovableClock, create_vault, open_session, shown
from tests.ui.layout_checks import out_of_reach, overlaps, save_shot, settle, sideways, squeezed
from tests.ui.shell_helpers import fixed_clock, open_journal
from trustjournal.app import Shell
from trustjournal.core.entries import About, GratitudeEntry, MoodCheckIn
from trustjournal.core.i18n_pseudo import is_pseudo
from trustjournal.core.wording import short_day
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.session import Session
from trustjournal.ui.today.gratitude_card import GratitudeCard

NOTE = "what I wrote tonight"
THANKS = ["You made tea when I came home late", "We laughed at the station", "The walk on Sunday"]


def _with_entry(shell: Shell) -> int:
    vault = shell.controller.vault
    assert vault is not None
    saved = EntryRepository(db=vault.db, clock=fixed_clock).add(
        MoodCheckIn(occurred_at=NOW, mood=6, note=NOTE)
    )
    shell.events.notify({"entries"})
    assert saved.id is not None
    return saved.id


def _journal_with_entry_open(
    qtbot: QtBot, app: QApplication, tmp_path: Path
) -> tuple[Shell, JournalPage]:
    shell, frame = open_journal(qtbot, app, tmp_path)
    shell.window.resize(800, 600)
    entry_id = _with_entry(shell)
    frame.show_page("journal")
    page = frame.page("journal")
    assert isinstance(page, JournalPage)
    assert page.select_id(entry_id)
    settle()
    assert page.shown_id() == entry_id
    return shell, page


def _not_ours(*roots: QWidget | None) -> set[str]:
    """Escaped texts of parts the 'pages' catalogue converts (the filter bar, the mood editor):
    reported by their own tests once that work is merged, not by this area's."""
    return {t for root in roots if root is not None for t in escaped_texts(root)}


@pytest.mark.usefixtures("pseudo")
def test_no_word_of_the_journal_page_with_an_entry_open_escapes_translation(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, page = _journal_with_entry_open(qtbot, qapp, tmp_path)
    found = escaped_texts(page, user_texts=[NOTE])
    others = _not_ours(page.filters, page.pane.editor)
    assert [t for t in found if t not in others] == []
    assert is_pseudo(page.delete_button.text())  # the page's own words are reached


@pytest.mark.usefixtures("pseudo")
def test_the_journal_page_with_an_entry_open_fits_800_by_600_in_the_pseudo_locale(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _shell, page = _journal_with_entry_open(qtbot, qapp, tmp_path)
    for shot in ("journal-pseudo-800x600", "journal-pseudo-undo-800x600"):
        settle()
        save_shot(page, shot, tmp_path)
        assert overlaps(page) == []
        assert squeezed(page) == [], "\n".join(squeezed(page))
        assert out_of_reach(page) == []
        assert sideways(page) == []
        page.delete_selected()  # then again with the Undo bar and its longest words
        assert page.undo_bar.isVisible()


def _edit_action(shell: Shell, name: str) -> QAction:
    bar = shell.window.menuWidget()
    assert isinstance(bar, QMenuBar)
    menus = {a.text(): a.menu() for a in bar.actions()}
    edit = menus["&Bearbeiten"]
    assert isinstance(edit, QMenu)
    found = edit.findChildren(QAction, name)
    assert len(found) == 1
    return found[0]


@pytest.mark.usefixtures("german")
def test_edit_undo_and_redo_name_a_delete_in_one_german_sentence(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, page = _journal_with_entry_open(qtbot, qapp, tmp_path)
    undo, redo = _edit_action(shell, "menuUndo"), _edit_action(shell, "menuRedo")
    assert undo.text() == "&Rückgängig\tStrg+Z"  # Qt names the keys in German too
    page.delete_selected()
    day = short_day(NOW.date())
    assert day == "Sa., 14. März"  # the locale's own short day, not "Sat 14 Mar"
    assert undo.text() == f"&Rückgängig: Stimmungseintrag vom {day} löschen\tStrg+Z"
    assert page.undo_bar.text.text() == (
        "Stimmungseintrag vom Sa., 14. März, 09:30 liegt jetzt im Papierkorb."
    )
    undo.trigger()
    assert undo.text() == "&Rückgängig\tStrg+Z"
    assert redo.text().split("\t")[0] == f"&Wiederholen: Stimmungseintrag vom {day} löschen"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


@pytest.mark.usefixtures("pseudo")
def test_no_word_of_todays_gratitude_card_and_unshared_list_escapes_translation(
    qtbot: QtBot, session: Session
) -> None:
    for text in THANKS * 2:  # more than the list shows: "And 3 more" too
        session.entries.add(GratitudeEntry(occurred_at=NOW, text=text, about=About.PARTNER))
    card = shown(qtbot, GratitudeCard(session=session), (600, 700))
    qtbot.waitUntil(card.unshared.more.isVisible)
    card.unshared.mark_told(card.unshared.rows[0].entry)  # "Marked as told today." and Undo
    # The prompt comes from resources/prompts/<lang>/, not the catalogue: the person's words
    # in effect (their own prompts live in the vault). The chooser of whom is 'pages' work.
    user = [*THANKS, card.prompt_text()]
    found = escaped_texts(card, user_texts=user)
    others = _not_ours(card.about)
    assert [t for t in found if t not in others] == []
    assert is_pseudo(card.unshared.more.text())
    assert is_pseudo(card.unshared.undo_text.text())


@pytest.mark.usefixtures("pseudo")
def test_todays_heading_and_streak_are_translated_with_a_local_date(
    qtbot: QtBot, session: Session
) -> None:
    page = shown(qtbot, TodayPage(session=session))
    assert is_pseudo(page.heading.text())
    assert is_pseudo(page.streak.text())
    page.clear()
