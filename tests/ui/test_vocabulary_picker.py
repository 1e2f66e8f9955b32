"""The emotion and coping pickers (one shared VocabularyPicker): tick many in order, find, add my
own words, keep names no longer offered, and refuse an own word calmly without losing it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import MovableClock, create_vault, open_session
from trustjournal.core.entries import MAX_NAME
from trustjournal.store.vocabulary import VocabularyList, VocabularyRepository
from trustjournal.ui.editors.coping_picker import CopingPicker
from trustjournal.ui.editors.emotion_picker import EmotionPicker
from trustjournal.ui.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


def _vocabulary(session: Session) -> VocabularyRepository:
    return VocabularyRepository(db=session.vault.db, clock=session.clock)


def _pickers(qtbot: QtBot, session: Session) -> tuple[EmotionPicker, CopingPicker]:
    vocabulary = _vocabulary(session)
    emotions = EmotionPicker(vocabulary=vocabulary)
    coping = CopingPicker(vocabulary=vocabulary)
    for picker in (emotions, coping):
        qtbot.addWidget(picker)
        picker.show()
    return emotions, coping


def test_names_are_chosen_in_the_order_ticked_and_unknown_ones_kept(
    qtbot: QtBot, session: Session
) -> None:
    emotions, coping = _pickers(qtbot, session)
    with qtbot.waitSignal(coping.changed):
        coping.choose("Slow breathing")
    coping.choose("Writing it down")
    coping.choose("slow breathing")  # ticking again, in any case, keeps one
    assert coping.chosen() == ["Slow breathing", "Writing it down"]
    assert coping.summary.text() == "Chosen: Slow breathing, Writing it down"
    coping.set_chosen(["A way no longer offered", "Writing it down"])
    assert coping.chosen() == ["A way no longer offered", "Writing it down"]
    assert coping.summary.text() == "Chosen: A way no longer offered, Writing it down"
    coping.set_chosen([])
    assert not coping.summary.isVisibleTo(coping)

    emotions.set_chosen(["hurt", "a feeling of my own"])
    assert emotions.chosen() == ["hurt", "a feeling of my own"]
    assert emotions.summary.text() == "Chosen: hurt, a feeling of my own"


def test_finding_and_adding_my_own_words(qtbot: QtBot, session: Session) -> None:
    emotions, coping = _pickers(qtbot, session)
    QTest.keyClicks(coping.search, "  held   the cat ")
    assert coping.add_button.isEnabled()
    assert coping.add_button.text() == "Add “held the cat” as my own word"
    assert coping.matches() == []
    coping.add_button.click()
    assert coping.chosen() == ["held the cat"]
    assert coping.search.text() == ""
    assert any(i.name == "held the cat" for i in _vocabulary(session).items(VocabularyList.COPING))

    QTest.keyClicks(emotions.search, "hurt")
    assert not emotions.add_button.isEnabled()  # offered already: tick it instead
    QTest.keyClick(emotions.search, Qt.Key.Key_Return)
    assert "hurt" in [name.casefold() for name in emotions.chosen()]


@pytest.mark.parametrize("which", ["emotions", "coping"])
def test_an_own_word_too_long_is_refused_calmly_and_kept_in_the_field(
    qtbot: QtBot, session: Session, which: str
) -> None:
    emotions, coping = _pickers(qtbot, session)
    picker = emotions if which == "emotions" else coping
    too_long = "w" * (MAX_NAME + 1)
    picker.search.setText(too_long)
    QTest.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.error.isVisibleTo(picker)
    assert picker.error.text() == (
        f"A word of your own can be up to {MAX_NAME} characters; this one has {MAX_NAME + 1}. "
        "A shorter one will fit."
    )
    assert picker.search.text() == too_long  # nothing lost
    assert picker.chosen() == []
    picker.search.setText("steady as a rock")
    assert not picker.error.isVisibleTo(picker)
    picker.add_button.click()
    assert picker.chosen() == ["steady as a rock"]


@pytest.mark.parametrize("which", ["emotions", "coping"])
def test_enter_ticks_the_first_match_and_never_adds_half_a_word(
    qtbot: QtBot, session: Session, which: str
) -> None:
    emotions, coping = _pickers(qtbot, session)
    picker = emotions if which == "emotions" else coping
    typed = "anx" if which == "emotions" else "slow br"
    QTest.keyClicks(picker.search, typed)
    first = picker.matches()[0]
    assert first.casefold().startswith(typed)
    QTest.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.chosen() == [first]
    assert picker.search.text() == ""
    kind = VocabularyList.EMOTION if which == "emotions" else VocabularyList.COPING
    own = [i.name for i in _vocabulary(session).items(kind) if not i.shipped]
    assert own == []  # "anx" did not become a word of my own


def test_enter_with_no_match_shows_the_add_choice_and_adding_is_deliberate(
    qtbot: QtBot, session: Session
) -> None:
    emotions, _coping = _pickers(qtbot, session)
    emotions.activateWindow()
    qtbot.waitUntil(emotions.isActiveWindow)
    emotions.search.setFocus()
    QTest.keyClicks(emotions.search, "zzfeel")
    QTest.keyClick(emotions.search, Qt.Key.Key_Return)
    assert emotions.chosen() == []
    assert emotions.search.text() == "zzfeel"  # nothing lost
    assert emotions.no_match.isVisibleTo(emotions)
    assert "Add “zzfeel” as my own word" in emotions.no_match.text()
    assert emotions.add_button.text() == "Add “zzfeel” as my own word"
    assert emotions.search.hasFocus()
    QTest.keyClick(emotions.search, Qt.Key.Key_Tab)
    assert emotions.add_button.hasFocus()
    QTest.keyClick(emotions.add_button, Qt.Key.Key_Space)
    assert emotions.chosen() == ["zzfeel"]
    assert [i.name for i in _vocabulary(session).items("emotion") if not i.shipped] == ["zzfeel"]


def test_down_goes_from_the_field_into_the_list_where_enter_ticks(
    qtbot: QtBot, session: Session
) -> None:
    emotions, coping = _pickers(qtbot, session)
    for picker in (emotions, coping):
        picker.activateWindow()
        qtbot.waitUntil(picker.isActiveWindow)
        picker.search.setFocus()
        QTest.keyClicks(picker.search, "a")
        second = picker.matches()[1]
        QTest.keyClick(picker.search, Qt.Key.Key_Down)
        view = emotions.tree if picker is emotions else coping.list
        assert view.hasFocus()
        QTest.keyClick(view, Qt.Key.Key_Down)
        QTest.keyClick(view, Qt.Key.Key_Return)
        assert picker.chosen() == [second]
        QTest.keyClick(view, Qt.Key.Key_Return)
        assert picker.chosen() == []
    emotions.search.setText("R&R time")
    assert emotions.add_button.text() == "Add “R&&R time” as my own word"
