"""Today's gratitude card: prompt of the day, quick field, unshared list, Ctrl+G, drafts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QBoxLayout
from pytestqt.qtbot import QtBot

from tests.services.export_data import INJECTION, RTL, ZERO_WIDTH
from tests.ui.journal_helpers import (
    HOSTILE,
    NOW,
    MovableClock,
    create_vault,
    open_session,
    shown,
)
from tests.ui.shell_helpers import PASSPHRASE, fixed_clock, make_vault, start_shell, unlock
from trustjournal.app import Shell
from trustjournal.core.entries import About, EntryKind, GratitudeEntry
from trustjournal.core.query import EntryQuery
from trustjournal.core.wording import first_line
from trustjournal.services.gratitude import prompt_of_the_day
from trustjournal.store.vocabulary import VocabularyRepository
from trustjournal.ui.pages.journal_page import JournalPage
from trustjournal.ui.pages.journal_pages import journal_pages
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.session import Session
from trustjournal.ui.today.gratitude_card import DRAFT_KEY, SAVED, GratitudeCard
from trustjournal.ui.today.unshared import SHOWN, UNSHARED

GRATITUDE = EntryQuery(kinds=frozenset({EntryKind.GRATITUDE}))


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def session(tmp_path: Path, clock: MovableClock) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, clock)
    vault.lock()


def _card(qtbot: QtBot, session: Session) -> GratitudeCard:
    return shown(qtbot, GratitudeCard(session=session), (600, 700))


def _prompts(session: Session) -> list[str]:
    return VocabularyRepository(db=session.vault.db, clock=session.clock).prompts()


def _grateful(session: Session, text: str, **fields: object) -> GratitudeEntry:
    fields.setdefault("about", About.PARTNER)
    fields.setdefault("occurred_at", NOW)
    stored = session.entries.add(GratitudeEntry(text=text, **fields))  # type: ignore[arg-type]
    session.events.notify({"gratitude"})
    return stored


def test_the_prompt_of_the_day_shows_and_another_prompt_skips_it(
    qtbot: QtBot, session: Session, clock: MovableClock
) -> None:
    card = _card(qtbot, session)
    prompts = _prompts(session)
    assert card.prompt_text() == prompt_of_the_day(prompts, NOW.date())
    card.another.click()
    assert card.prompt_text() == prompt_of_the_day(prompts, NOW.date(), skip=1)
    assert card.prompt_text() != prompt_of_the_day(prompts, NOW.date())
    clock.now = NOW + timedelta(days=2)
    card.refresh()
    assert card.prompt_text() == prompt_of_the_day(prompts, date(2026, 3, 16))


def test_enter_saves_a_quick_gratitude_with_its_prompt_and_a_calm_confirmation(
    qtbot: QtBot, session: Session
) -> None:
    card = _card(qtbot, session)
    card.another.click()
    shown = card.prompt_text()
    card.about.buttons[About.US].click()
    QTest.keyClicks(card.field, "The long walk on Sunday")
    QTest.keyClick(card.field, Qt.Key.Key_Return)
    [saved] = session.entries.list(GRATITUDE)
    assert isinstance(saved, GratitudeEntry)
    assert (saved.text, saved.about, saved.prompt) == ("The long walk on Sunday", About.US, shown)
    assert saved.occurred_at == NOW and not saved.expressed
    assert card.field.text() == ""
    assert card.status.text() == SAVED
    assert [label.text() for label in card.unshared.texts()] == ["The long walk on Sunday"]


def test_ctrl_enter_saves_too_and_the_prompt_is_left_off_when_not_used(
    qtbot: QtBot, session: Session
) -> None:
    card = _card(qtbot, session)
    card.use_prompt.click()
    QTest.keyClicks(card.field, "Rain on the roof")
    QTest.keyClick(card.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = session.entries.list(GRATITUDE)
    assert isinstance(saved, GratitudeEntry)
    assert saved.text == "Rain on the roof" and saved.prompt is None


def test_blank_quick_gratitude_saves_nothing(qtbot: QtBot, session: Session) -> None:
    card = _card(qtbot, session)
    QTest.keyClicks(card.field, "   ")
    QTest.keyClick(card.field, Qt.Key.Key_Return)
    assert session.entries.count() == 0
    assert "nothing was saved" in card.status.text()


def test_unshared_lists_partner_and_us_not_yet_told_newest_first(
    qtbot: QtBot, session: Session
) -> None:
    card = _card(qtbot, session)
    for hours, text in enumerate(("oldest", "older", "newer", "newest")):
        _grateful(session, text, occurred_at=NOW - timedelta(hours=10 - hours))
    _grateful(session, "about us", about=About.US, occurred_at=NOW)
    _grateful(session, "about me", about=About.MYSELF)
    _grateful(session, "about life", about=None)
    _grateful(session, "already told", expressed_on=date(2026, 3, 1))
    texts = [label.text() for label in card.unshared.texts()]
    assert texts == ["about us", "newest", "newer", "older"][:SHOWN]
    assert card.unshared.more.isVisibleTo(card)
    assert card.unshared.more.text().startswith(f"And {5 - SHOWN} more")


def test_i_told_them_records_today_and_takes_it_off_the_list_with_undo(
    qtbot: QtBot, session: Session
) -> None:
    card = _card(qtbot, session)
    stored = _grateful(session, "Called the plumber so I did not have to")
    assert stored.id is not None
    [row] = card.unshared.rows
    row.told_button.click()
    told = session.entries.get(stored.id)
    assert isinstance(told, GratitudeEntry)
    assert told.expressed and told.expressed_on == NOW.date()
    assert card.unshared.rows == []
    assert card.unshared.empty.isVisibleTo(card)
    assert card.unshared.undo_button.isVisibleTo(card)
    card.unshared.undo_button.click()
    back = session.entries.get(stored.id)
    assert isinstance(back, GratitudeEntry)
    assert not back.expressed and back.expressed_on is None
    assert [r.entry.id for r in card.unshared.rows] == [stored.id]
    assert not card.unshared.undo_button.isVisibleTo(card)


def test_private_gratitude_is_listed_and_stays_private_once_told(
    qtbot: QtBot, session: Session
) -> None:
    card = _card(qtbot, session)
    stored = _grateful(session, "A private thank-you", private=True)
    assert stored.id is not None
    card.unshared.rows[0].told_button.click()
    told = session.entries.get(stored.id)
    assert told.private and isinstance(told, GratitudeEntry) and told.expressed
    shareable = EntryQuery(kinds=frozenset({EntryKind.GRATITUDE}), include_private=False)
    assert session.entries.count(shareable) == 0
    assert session.entries.count(UNSHARED) == 0


def test_hostile_text_is_shown_literally_in_the_unshared_list(
    qtbot: QtBot, session: Session
) -> None:
    card = _card(qtbot, session)
    hostile = [*HOSTILE, *INJECTION, RTL, ZERO_WIDTH, "<img src=x onerror=alert(1)>"]
    for text in hostile:
        _grateful(session, text)
        row = card.unshared.rows[0]
        assert row.text.text() == first_line(text, 140)
        assert row.text.textFormat() == Qt.TextFormat.PlainText
        assert row.meta.textFormat() == Qt.TextFormat.PlainText


def test_typing_in_the_quick_field_is_autosaved_as_an_encrypted_draft(
    qtbot: QtBot, session: Session
) -> None:
    card = _card(qtbot, session)
    QTest.keyClicks(card.field, "half a thank-you")
    qtbot.waitUntil(lambda: session.drafts.load(DRAFT_KEY) is not None, timeout=5000)
    draft = session.drafts.load(DRAFT_KEY)
    assert draft is not None and draft["text"] == "half a thank-you"
    again = _card(qtbot, session)
    again.restore_drafts()
    assert again.field.text() == "half a thank-you"
    QTest.keyClick(again.field, Qt.Key.Key_Return)
    assert session.drafts.load(DRAFT_KEY) is None


def _open_shell(qtbot: QtBot, app: QApplication, tmp_path: Path) -> Shell:
    shell = start_shell(qtbot, app, tmp_path, pages=journal_pages())
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    return shell


def _today(shell: Shell) -> TodayPage:
    frame = shell.controller.frame
    assert frame is not None
    page = frame.page("today")
    assert isinstance(page, TodayPage)
    return page


def test_ctrl_g_from_another_page_focuses_the_quick_field(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = _open_shell(qtbot, qapp, tmp_path)
    frame = shell.controller.frame
    assert frame is not None
    frame.show_page("journal")
    journal = frame.page("journal")
    assert isinstance(journal, JournalPage)
    journal.view.setFocus()
    QTest.keyClick(journal.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    field = _today(shell).gratitude.field
    qtbot.waitUntil(field.hasFocus)
    assert frame.current_key == "today"


def test_locking_with_a_quick_gratitude_typed_brings_it_back_after_unlock(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = _open_shell(qtbot, qapp, tmp_path)
    card = _today(shell).gratitude
    card.another.click()
    shown = card.prompt_text()
    card.about.buttons[About.US].click()
    QTest.keyClicks(card.field, "words before the lock")
    shell.controller.lock("test")
    assert card.field.text() == ""
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    again = _today(shell).gratitude
    assert again.field.text() == "words before the lock"
    assert again.about.value() is About.US
    assert again.prompt_text() == shown
    QTest.keyClick(again.field, Qt.Key.Key_Return)
    [row] = again.unshared.rows
    assert (row.entry.text, row.entry.prompt) == ("words before the lock", shown)
    assert row.entry.occurred_at == fixed_clock()


def test_today_stacks_its_cards_when_two_columns_do_not_fit(qtbot: QtBot, session: Session) -> None:
    page = shown(qtbot, TodayPage(session=session), (800, 700))
    assert page.sides.direction() == QBoxLayout.Direction.TopToBottom
    page.resize(1300, 800)
    qtbot.waitUntil(lambda: page.sides.direction() == QBoxLayout.Direction.LeftToRight)
