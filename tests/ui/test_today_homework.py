"""Today between sessions: the next session's line (and the summary offered the day before),
this week's homework with its progress, "Done today" with Undo, and the homework dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.dialog_helpers import HeldTasks
from tests.ui.homework_helpers import add_homework, between
from tests.ui.i18n_helpers import escaped_texts
from tests.ui.journal_helpers import HOSTILE, NOW, MovableClock, create_vault, open_session
from tests.ui.layout_checks import settle
from trustjournal.core.between import Counts, Per
from trustjournal.core.entries import MoodCheckIn
from trustjournal.core.entries_session import TherapySession
from trustjournal.ui.events import SHARE_SINCE_SESSION
from trustjournal.ui.pages.today_page import TodayPage
from trustjournal.ui.session import Session
from trustjournal.ui.tasks import ScopedTasks
from trustjournal.ui.today.homework_card import HomeworkCard, HomeworkRow
from trustjournal.ui.today.homework_dialog import HomeworkDialog
from trustjournal.ui.today.next_session import next_session_text

THURSDAY_18 = datetime(2026, 3, 19, 18, 0, tzinfo=UTC)  # NOW is Saturday 14 March, 09:30


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def session(tmp_path: Path, clock: MovableClock) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, clock)
    vault.lock()


def _page(qtbot: QtBot, session: Session, size: tuple[int, int] = (1100, 800)) -> TodayPage:
    page = TodayPage(session=session)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _book_session(session: Session, next_at: datetime) -> None:
    session.services.operations.run(
        lambda ops: ops.add_entry(
            TherapySession(
                occurred_at=NOW - timedelta(days=2), with_whom="Dr. Lee", next_at=next_at
            )
        )
    )


def _row(card: HomeworkCard, title: str) -> HomeworkRow:
    return next(row for row in card.rows if row.progress.item.title == title)


# --- the next session ---------------------------------------------------------------------------


def test_no_session_booked_shows_no_line(qtbot: QtBot, session: Session) -> None:
    page = _page(qtbot, session)
    assert not page.between.next_session.isVisible()


def test_the_next_session_is_named_by_weekday_and_the_summary_offered_the_day_before(
    qtbot: QtBot, session: Session, clock: MovableClock
) -> None:
    _book_session(session, THURSDAY_18)
    page = _page(qtbot, session)
    line = page.between.next_session
    assert line.isVisible()
    assert line.text.text() == "Next session: Thursday at 18:00 — prepare a summary"
    assert not line.prepare_button.isVisible()  # five days ahead: not yet
    clock.now = datetime(2026, 3, 18, 8, 0, tzinfo=UTC)
    line.refresh()
    assert line.text.text() == "Next session: tomorrow at 18:00 — prepare a summary"
    assert line.prepare_button.isVisible()
    assert line.prepare_button.text() == "Prepare a summary since my last session"
    clock.now = datetime(2026, 3, 19, 9, 0, tzinfo=UTC)
    line.refresh()
    assert line.text.text() == "Next session: today at 18:00 — prepare a summary"
    assert line.prepare_button.isVisible()
    clock.now = datetime(2026, 3, 19, 19, 0, tzinfo=UTC)  # it has begun: nothing ahead
    line.refresh()
    assert not line.isVisible()


def test_prepare_a_summary_asks_for_share_since_the_last_session_by_keys(
    qtbot: QtBot, session: Session, clock: MovableClock
) -> None:
    clock.now = datetime(2026, 3, 18, 8, 0, tzinfo=UTC)
    _book_session(session, THURSDAY_18)
    page = _page(qtbot, session)
    button = page.between.next_session.prepare_button
    asked: list[str] = []
    session.events.share_requested.connect(asked.append)
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    QTest.keyClick(button, Qt.Key.Key_Return)
    button.click()
    assert asked == [SHARE_SINCE_SESSION] * 3


def test_a_session_weeks_ahead_is_named_by_its_date() -> None:
    now = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
    far = datetime(2026, 3, 26, 18, 0, tzinfo=UTC)
    assert next_session_text(far, now) == (
        "Next session: Thursday 26 March at 18:00 — prepare a summary"
    )


# --- the homework card --------------------------------------------------------------------------


def test_done_today_by_space_and_enter_counts_and_undo_takes_it_back(
    qtbot: QtBot, session: Session
) -> None:
    add_homework(session, "A walk together", Counts.MANUAL)
    card = _page(qtbot, session).between.homework
    row = _row(card, "A walk together")
    assert row.meta.text() == "0 of 3 this week · Last week: 0 of 3"
    row.done_button.setFocus()
    QTest.keyClick(row.done_button, Qt.Key.Key_Space)
    row = _row(card, "A walk together")
    assert row.meta.text() == "1 of 3 this week · Last week: 0 of 3"
    assert row.done_button.hasFocus()  # the rebuilt row keeps the person's place
    assert card.undo_text.text() == "Ticked as done today."
    assert card.undo_button.isVisible()
    QTest.keyClick(row.done_button, Qt.Key.Key_Return)
    assert _row(card, "A walk together").meta.text().startswith("2 of 3 this week")
    card.undo_button.click()
    assert _row(card, "A walk together").meta.text().startswith("1 of 3 this week")
    assert card.undo_stack.undoText() == "“Done” for a homework item on Sat 14 Mar"


def _tab_names(qtbot: QtBot, card: HomeworkCard, presses: int, *, back: bool = False) -> list[str]:
    """What each press of Tab (or Shift+Tab) lands on, by name as a screen reader reads it."""
    modifier = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    names = []
    for _ in range(presses):
        qtbot.waitUntil(lambda: all(row.isVisible() for row in card.rows))
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab, modifier)
        landed = QApplication.focusWidget()
        assert isinstance(landed, QPushButton)
        names.append(landed.accessibleName() or landed.text())
    return names


def test_tab_runs_add_then_each_row_then_undo_after_a_tick(qtbot: QtBot, session: Session) -> None:
    add_homework(session, "A walk together", Counts.MANUAL)
    add_homework(session, "Ask first", Counts.MANUAL)
    card = _page(qtbot, session).between.homework
    card.add_button.setFocus()
    assert _tab_names(qtbot, card, 1) == ["Done today: A walk together"]
    QTest.keyClick(card.rows[0].done_button, Qt.Key.Key_Space)  # rebuilds the rows under it
    # The rows made after the card still come before its Undo, as they are read.
    forth = ["Edit: A walk together", "Done today: Ask first", "Edit: Ask first", "Undo"]
    assert _tab_names(qtbot, card, 4) == forth
    assert _tab_names(qtbot, card, 4, back=True) == [*forth[2::-1], "Done today: A walk together"]


def test_undo_by_keys_leaves_the_focus_in_the_homework_card(qtbot: QtBot, session: Session) -> None:
    add_homework(session, "A walk together", Counts.MANUAL)
    card = _page(qtbot, session).between.homework
    card.rows[0].done_button.setFocus()
    QTest.keyClick(card.rows[0].done_button, Qt.Key.Key_Space)
    assert _tab_names(qtbot, card, 2) == ["Edit: A walk together", "Undo"]
    QTest.keyClick(card.undo_button, Qt.Key.Key_Space)
    assert _row(card, "A walk together").meta.text().startswith("0 of 3 this week")
    # Undo goes away; the focus goes back to the Done it undid, not on into the next card.
    assert _row(card, "A walk together").done_button.hasFocus()


@pytest.mark.parametrize("undo_key", ["space", "ctrl+z"])
def test_undo_of_a_tick_puts_the_keys_back_on_its_row_not_the_last(
    qtbot: QtBot, session: Session, undo_key: str
) -> None:
    for title in ("A walk together", "Ask first", "Name one thing"):
        add_homework(session, title, Counts.MANUAL)
    card = _page(qtbot, session).between.homework
    _row(card, "A walk together").done_button.setFocus()
    QTest.keyClick(_row(card, "A walk together").done_button, Qt.Key.Key_Space)
    if undo_key == "space":
        card.undo_button.setFocus()
        QTest.keyClick(card.undo_button, Qt.Key.Key_Space)
    else:
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _row(card, "A walk together").meta.text().startswith("0 of 3 this week")
    assert _row(card, "A walk together").done_button.hasFocus()


def test_ctrl_z_from_elsewhere_in_the_page_leaves_the_keys_where_they_are(
    qtbot: QtBot, session: Session
) -> None:
    add_homework(session, "A walk together", Counts.MANUAL)
    page = _page(qtbot, session)
    card = page.between.homework
    _row(card, "A walk together").done_button.setFocus()
    QTest.keyClick(_row(card, "A walk together").done_button, Qt.Key.Key_Space)
    elsewhere = next(  # writing in the check-in
        w for w in page.findChildren(QPlainTextEdit) if w.isVisible() and not card.isAncestorOf(w)
    )
    elsewhere.setFocus()
    QTest.keyClick(elsewhere, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the note's own
    card.undo_stack.undo()  # Edit → Undo
    assert _row(card, "A walk together").meta.text().startswith("0 of 3 this week")
    assert elsewhere.hasFocus()


def test_undo_of_a_tick_read_back_later_puts_the_keys_back_on_its_row(
    qtbot: QtBot, tmp_path: Path, clock: MovableClock
) -> None:
    """As in the app: the rows are read again in the background, after Undo has gone and
    left the keys on the last row."""
    vault = create_vault(tmp_path / "held")
    held = HeldTasks()
    session = open_session(vault, clock)
    session = Session(
        **{**vars(session), "tasks": ScopedTasks(tasks=held, is_current=lambda: True)}
    )
    for title in ("A walk together", "Ask first", "Name one thing"):
        add_homework(session, title, Counts.MANUAL)
    card = _page(qtbot, session).between.homework
    held.run_all()
    _row(card, "A walk together").done_button.setFocus()
    QTest.keyClick(_row(card, "A walk together").done_button, Qt.Key.Key_Space)
    held.run_all()
    card.undo_button.setFocus()
    QTest.keyClick(card.undo_button, Qt.Key.Key_Space)
    assert _row(card, "Name one thing").edit_button.hasFocus()  # Undo has gone, not the rows yet
    held.run_all()
    assert _row(card, "A walk together").meta.text().startswith("0 of 3 this week")
    assert _row(card, "A walk together").done_button.hasFocus()
    vault.lock()


def test_counted_homework_is_read_only_and_follows_entries_written(
    qtbot: QtBot, session: Session
) -> None:
    add_homework(session, "Check in daily", Counts.CHECKIN, times=1, per=Per.DAY)
    card = _page(qtbot, session).between.homework
    row = _row(card, "Check in daily")
    assert not row.done_button.isVisibleTo(card)
    assert row.meta.text() == "0 of 7 this week · Last week: 0 of 7"  # the whole week
    assert "counted from your check-ins" in row.details.text()
    session.services.operations.run(lambda ops: ops.add_entry(MoodCheckIn(occurred_at=NOW, mood=6)))
    assert _row(card, "Check in daily").meta.text().startswith("1 of 7 this week")


def test_a_week_that_fell_short_is_stated_plainly_never_as_a_broken_streak(
    qtbot: QtBot, session: Session
) -> None:
    item = add_homework(session, "A walk together", Counts.MANUAL)
    between(session).mark_done(item.id or 0, NOW - timedelta(days=7))
    card = _page(qtbot, session).between.homework
    row = _row(card, "A walk together")
    assert row.meta.text() == "0 of 3 this week · Last week: 1 of 3"
    shown = " ".join(w.text() for w in card.findChildren(QLabel)).casefold()
    for word in ("streak", "broken", "missed", "failed"):
        assert word not in shown
    roles = {w.property("role") for w in card.findChildren(QLabel) if w.isVisible()}
    assert "error" not in roles and "warning" not in roles  # never red


def test_titles_are_plain_text_even_when_hostile(qtbot: QtBot, session: Session) -> None:
    for text in HOSTILE[:4]:
        add_homework(session, text, Counts.MANUAL)
    card = _page(qtbot, session).between.homework
    for text in HOSTILE[:4]:
        row = _row(card, " ".join(text.split()))
        assert row.title.textFormat() == Qt.TextFormat.PlainText
        assert row.title.text() == " ".join(text.split())


def test_ended_and_finished_homework_leaves_today(qtbot: QtBot, session: Session) -> None:
    add_homework(session, "Over", Counts.MANUAL, start=date(2026, 2, 2), end=date(2026, 3, 1))
    ended = add_homework(session, "Ended", Counts.MANUAL)
    between(session).end_homework(ended.id or 0, date(2026, 3, 10))
    add_homework(session, "Still on", Counts.MANUAL, end=date(2026, 3, 10))
    card = _page(qtbot, session).between.homework
    assert [r.progress.item.title for r in card.rows] == ["Still on"]


def test_no_homework_says_so_warmly(qtbot: QtBot, session: Session) -> None:
    card = _page(qtbot, session).between.homework
    assert card.rows == []
    assert card.empty.isVisible()
    assert card.add_button.isVisible()


def test_homework_read_later_never_moves_the_check_in(
    qtbot: QtBot, tmp_path: Path, clock: MovableClock
) -> None:
    vault = create_vault(tmp_path / "held")
    held = HeldTasks()
    session = open_session(vault, clock)
    tasks = ScopedTasks(tasks=held, is_current=lambda: True)
    session = Session(**{**vars(session), "tasks": tasks})
    for n in range(5):
        add_homework(session, f"Practice {n}", Counts.MANUAL)
    for size in ((1100, 800), (800, 600)):
        page = _page(qtbot, session, size)
        settle()
        card = page.between.homework
        assert not card.loaded and card.rows == []
        check_in = page.pane.mapTo(page, page.pane.rect().topLeft())
        held.run_all()
        settle()
        assert len(card.rows) == 5
        assert page.pane.mapTo(page, page.pane.rect().topLeft()) == check_in
    vault.lock()


# --- the dialog -----------------------------------------------------------------------------------


def test_add_homework_by_keys_defaults_to_today_until_the_next_session(
    qtbot: QtBot, session: Session
) -> None:
    _book_session(session, THURSDAY_18)
    card = _page(qtbot, session).between.homework
    card.add_button.setFocus()
    QTest.keyClick(card.add_button, Qt.Key.Key_Return)
    dialog = card.dialog
    assert isinstance(dialog, HomeworkDialog)
    QTest.keyClicks(dialog.title, "Tell each other one appreciation")
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.is_finished
    [item] = between_reader_items(session)
    assert (item.start, item.end, item.counts, item.times, item.per) == (
        date(2026, 3, 14),
        date(2026, 3, 18),  # the day before the session, as homework agreed in one runs
        Counts.MANUAL,
        1,
        Per.WEEK,
    )
    assert [r.progress.item.title for r in card.rows] == ["Tell each other one appreciation"]
    assert card.undo_text.text() == "Homework added."
    card.undo_button.click()
    assert between_reader_items(session) == [] and card.rows == []


def between_reader_items(session: Session) -> list:  # type: ignore[type-arg]
    from trustjournal.ui.today.between_access import between_reader

    return [p.item for p in between_reader(session).homework(session.clock().date())]


def test_bad_input_is_explained_in_the_dialog_and_nothing_is_saved(
    qtbot: QtBot, session: Session
) -> None:
    card = _page(qtbot, session).between.homework
    dialog = card.open_dialog(None)
    qtbot.waitUntil(dialog.isActiveWindow)  # Escape goes to the dialog, not the page behind
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.message.text() == "Write what the homework is, in a few words."
    QTest.keyClicks(dialog.title, "A walk")
    dialog.times.setValue(0)
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.message.text() == "How often needs to be at least once. Choose 1 or more."
    dialog.times.setValue(2)
    dialog.has_end.setChecked(True)
    dialog.end.setDate(dialog.start.date().addDays(-3))
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.message.text() == (
        "It would end before it starts. Choose an end on or after the start."
    )
    assert not dialog.is_finished and between_reader_items(session) == []
    QTest.keyClick(dialog.title, Qt.Key.Key_Escape)
    assert dialog.is_finished and between_reader_items(session) == []


def test_once_by_a_date_is_once_a_week_until_that_date(qtbot: QtBot, session: Session) -> None:
    card = _page(qtbot, session).between.homework
    dialog = card.open_dialog(None)
    QTest.keyClicks(dialog.title, "Book the weekend away")
    dialog.per.setCurrentIndex(dialog.per.findData("once"))
    assert not dialog.times.isEnabled() and dialog.has_end.isChecked()
    dialog.end.setDate(dialog.start.date().addDays(5))
    dialog.save_button.click()
    [item] = between_reader_items(session)
    assert (item.times, item.per, item.end) == (1, Per.WEEK, date(2026, 3, 19))
    edit = card.open_dialog(item)
    assert edit.per.currentData() == "once"


def test_edit_then_end_then_delete_each_with_undo(qtbot: QtBot, session: Session) -> None:
    item = add_homework(session, "A walk", Counts.MANUAL)
    between(session).mark_done(item.id or 0, NOW - timedelta(days=7))
    card = _page(qtbot, session).between.homework
    row = _row(card, "A walk")
    row.edit_button.click()
    dialog = card.dialog
    assert isinstance(dialog, HomeworkDialog) and dialog.title.text() == "A walk"
    dialog.title.selectAll()
    QTest.keyClicks(dialog.title, "A long walk")
    dialog.save_button.click()
    assert [r.progress.item.title for r in card.rows] == ["A long walk"]
    assert card.undo_text.text() == "Homework saved."
    card.undo_button.click()
    assert [r.progress.item.title for r in card.rows] == ["A walk"]

    card.open_dialog(_row(card, "A walk").progress.item).end_button.click()
    assert card.rows == []
    assert card.undo_text.text() == "Homework ended; its weeks so far are kept."
    [ended] = between_reader_items(session)
    assert ended.ended_on == date(2026, 3, 14)
    card.undo_button.click()
    assert [r.progress.item.title for r in card.rows] == ["A walk"]
    assert _row(card, "A walk").meta.text().endswith("Last week: 1 of 3")  # its history kept

    card.open_dialog(_row(card, "A walk").progress.item).delete_button.click()
    assert card.rows == [] and between_reader_items(session) == []
    assert card.undo_text.text() == "Homework deleted."
    card.undo_button.click()
    assert [r.progress.item.title for r in card.rows] == ["A walk"]


# --- words in every language ------------------------------------------------------------------


def test_pseudo_locale_wraps_every_word_of_the_card_line_and_dialog(
    qtbot: QtBot, session: Session, clock: MovableClock, pseudo: None
) -> None:
    clock.now = datetime(2026, 3, 18, 8, 0, tzinfo=UTC)
    _book_session(session, THURSDAY_18)
    add_homework(session, "A walk", Counts.MANUAL)
    add_homework(session, "Check in", Counts.CHECKIN)
    page = _page(qtbot, session, (800, 600))
    for part in (page.between.next_session, page.between.homework):
        assert escaped_texts(part, user_texts=["A walk", "Check in"]) == []
    dialog = page.between.homework.open_dialog(page.between.homework.rows[0].progress.item)
    assert escaped_texts(dialog, user_texts=["A walk"]) == []


def test_dialog_fits_its_words_in_german(
    qtbot: QtBot, qapp: QApplication, session: Session, german: None
) -> None:
    from tests.ui.layout_checks import squeezed

    item = add_homework(session, "A walk", Counts.MANUAL)
    card = _page(qtbot, session, (800, 600)).between.homework
    dialog = card.open_dialog(item)
    settle()
    assert squeezed(dialog) == []
