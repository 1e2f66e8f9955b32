"""The Share page and sessions: "since my last session" for the therapist, the sessions section,
and the preset other pages ask for (issue 20)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.services.between_export_data import (
    GOAL_TITLE,
    HOMEWORK_TITLE,
    PRIVATE_SESSION,
    SESSION_WITH,
    STEP_DONE,
    BetweenJournal,
    fill_between,
)
from tests.services.export_data import NOW, PERIOD, fill_journal
from tests.ui.i18n_helpers import escaped_texts
from tests.ui.journal_helpers import MovableClock, create_vault, open_session
from tests.ui.layout_checks import settle
from tests.ui.share_helpers import WRITTEN_EARLIER, labels
from tests.ui.shell_helpers import open_journal
from trustjournal.core.entries_session import TherapySession
from trustjournal.core.periods import Period
from trustjournal.services.export.request import Audience, Section
from trustjournal.services.export.text import day_text
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.events import SHARE_SINCE_SESSION
from trustjournal.ui.pages.share_page import SharePage
from trustjournal.ui.session import Session
from trustjournal.ui.share.choices import CUSTOM, SESSION, SINCE, since_session_text

PRIVATE_DAY = date(2026, 3, 13)  # the last session is a private one


def _page(
    qtbot: QtBot, tmp_path: Path, *, sessions: bool = True
) -> tuple[SharePage, Session, BetweenJournal | None]:
    vault = create_vault(tmp_path / "journal")
    repo = EntryRepository(db=vault.db, clock=lambda: WRITTEN_EARLIER)
    fill_journal(repo)
    between = fill_between(vault.db, repo, lambda: WRITTEN_EARLIER) if sessions else None
    session = open_session(vault, MovableClock(NOW))
    page = SharePage(session=session)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.flush()
    return page, session, between


def test_the_therapist_starts_since_the_last_session_a_private_one_too(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page, _session, _between = _page(qtbot, tmp_path)
    choices = page.choices
    assert choices.audience == Audience.THERAPIST
    assert choices.period.currentData() == SESSION
    assert choices.period.currentText() == since_session_text(PRIVATE_DAY)
    assert page.request().period == Period(PRIVATE_DAY, NOW.date())
    assert day_text(PRIVATE_DAY) in choices.period_hint.text()
    # The private session sets the day but is never shown, offered or counted.
    assert PRIVATE_SESSION not in page.preview.toPlainText()
    assert all(PRIVATE_SESSION not in text for text in labels(page))
    keys = [choices.period.itemData(i) for i in range(choices.period.count())]
    assert keys[:2] == [SINCE, SESSION]  # beside "since the last summary for them"


def test_a_partner_keeps_since_the_last_summary_and_no_sessions_section(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page, _session, _between = _page(qtbot, tmp_path)
    page.choices.set_audience(Audience.PARTNER)
    assert page.choices.period.currentData() == SINCE
    assert Section.SESSIONS not in page.request().sections
    assert not page.choices.sections[Section.SESSIONS].isChecked()
    page.flush()
    assert SESSION_WITH not in page.preview.toPlainText()
    page.choices.set_audience(Audience.THERAPIST)
    assert page.choices.period.currentData() == SESSION


def test_without_a_session_nothing_changes(qtbot: QtBot, tmp_path: Path) -> None:
    page, _session, _between = _page(qtbot, tmp_path, sessions=False)
    assert page.choices.period.currentData() == SINCE
    assert page.choices.period.findData(SESSION) == -1
    page.show_preset(SHARE_SINCE_SESSION)  # asked for anyway: the therapist, since the last
    assert page.choices.audience == Audience.THERAPIST
    assert page.choices.period.currentData() == SINCE


def test_the_preview_shows_sessions_homework_and_goals_and_the_checklist_offers_sessions(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page, _session, between = _page(qtbot, tmp_path)
    assert between is not None
    assert PERIOD.start is not None and PERIOD.end is not None
    page.choices.set_custom_dates(PERIOD.start, PERIOD.end)
    page.flush()
    shown = page.preview.toPlainText()
    for words in ("Sessions, homework and goals", SESSION_WITH, HOMEWORK_TITLE, GOAL_TITLE):
        assert words in shown
    assert STEP_DONE in shown and PRIVATE_SESSION not in shown
    rows = [text for text in labels(page) if text.startswith("Therapy session")]
    assert len(rows) == 2 and all(PRIVATE_SESSION not in text for text in rows)
    row = page.model.row_of(between.session)
    page.model.setData(
        page.model.index(row), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    page.flush()
    assert SESSION_WITH not in page.preview.toPlainText()
    assert HOMEWORK_TITLE in page.preview.toPlainText()


# A combo box's open list grabs the keyboard, which the offscreen platform cannot do (and says).
@pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)"
)
def test_the_section_and_the_period_are_chosen_by_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    page, _session, _between = _page(qtbot, tmp_path)
    page.show()
    qtbot.waitExposed(page)
    box = page.choices.sections[Section.SESSIONS]
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Space)
    assert Section.SESSIONS not in page.request().sections
    QTest.keyClick(box, Qt.Key.Key_Space)
    assert Section.SESSIONS in page.request().sections
    combo = page.choices.period
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentData() == SINCE
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == SESSION
    assert page.request().period.start == PRIVATE_DAY
    # Through the open list, as a person would: Alt+Down, Up to "since the last summary",
    # Enter to choose it; and back the same way.
    for key, expected in ((Qt.Key.Key_Up, SINCE), (Qt.Key.Key_Down, SESSION)):
        QTest.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(combo.view().isVisible)
        QTest.keyClick(combo.view(), key)
        QTest.keyClick(combo.view(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not combo.view().isVisible())
        assert combo.currentData() == expected


def test_a_session_recorded_while_the_page_is_open_moves_the_choice(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page, session, _between = _page(qtbot, tmp_path, sessions=False)
    saved = session.entries.add(TherapySession(occurred_at=NOW.replace(hour=9), with_whom="Ana"))
    session.events.notify({"entries"})
    index = page.choices.period.findData(SESSION)
    assert page.choices.period.itemText(index) == since_session_text(NOW.date())
    page.show_preset(SHARE_SINCE_SESSION)
    assert page.choices.period.currentData() == SESSION
    session.entries.delete(saved.id or 0)
    session.events.notify({"entries"})
    assert page.choices.period.findData(SESSION) == -1
    assert page.choices.period.currentData() == SINCE


@pytest.mark.usefixtures("qapp")
def test_the_share_request_on_a_real_shell_shows_the_page_with_the_preset(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    session = frame.session
    day = session.clock().date().replace(day=10)
    session.entries.add(TherapySession(occurred_at=session.clock().replace(day=10)))
    assert not frame.is_built("share")
    session.events.request_share(SHARE_SINCE_SESSION)
    assert frame.current_key == "share"
    page = frame.page("share")
    assert isinstance(page, SharePage)
    assert page.choices.audience == Audience.THERAPIST
    assert page.choices.period.currentData() == SESSION
    assert page.request().period == Period(day, session.clock().date())
    # Asked again from elsewhere while the page shows a partner's summary: back to the therapist.
    frame.show_page("today")
    page.choices.set_audience(Audience.PARTNER)
    session.events.request_share(SHARE_SINCE_SESSION)
    assert frame.current_key == "share"
    assert page.choices.audience == Audience.THERAPIST
    assert page.choices.period.currentData() == SESSION
    shell.controller.lock()


@pytest.mark.usefixtures("pseudo")
def test_no_word_of_the_session_choices_escapes_translation(qtbot: QtBot, tmp_path: Path) -> None:
    page, _session, _between = _page(qtbot, tmp_path)
    page.show()
    settle()
    user = [page.model.label(row) for row in range(page.model.rowCount())]
    combo = page.choices.language
    user += [combo.itemText(i) for i in range(combo.count())]
    assert page.choices.period.currentData() == SESSION
    assert escaped_texts(page, user_texts=user) == []


def test_between_two_dates_starts_from_the_session_period_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page, _session, _between = _page(qtbot, tmp_path)
    page.choices.set_period_choice(CUSTOM)
    assert page.request().period == Period(PRIVATE_DAY, NOW.date())


@pytest.mark.usefixtures("qapp")
def test_todays_prepare_button_opens_share_for_the_therapist_since_the_session(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """The whole way a person takes, by keys: Today's offer the day before → the Share page."""
    shell, frame = open_journal(qtbot, qapp, tmp_path)
    session = frame.session
    now = session.clock()
    last = now - timedelta(days=6)
    session.entries.add(TherapySession(occurred_at=last, next_at=now + timedelta(days=1)))
    session.events.notify(["session"])
    frame.show_page("today")
    today = frame.page("today")
    settle()
    button = today.between.next_session.prepare_button  # type: ignore[attr-defined]
    assert button.isVisibleTo(today)
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert frame.current_key == "share"
    page = frame.page("share")
    assert isinstance(page, SharePage)
    assert page.choices.audience == Audience.THERAPIST
    assert page.choices.period.currentData() == SESSION
    assert page.request().period == Period(last.date(), now.date())
    assert QApplication.focusWidget() is page.choices.period  # the keys go on from the choice
    shell.controller.lock()
