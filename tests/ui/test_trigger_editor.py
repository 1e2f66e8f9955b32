"""The trigger editor through its widgets: every step, errors by the field, drafts, unfinished."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.services.export_data import INJECTION, RTL, ZERO_WIDTH
from tests.ui.journal_helpers import HOSTILE, NOW, MovableClock, create_vault, open_session, shown
from trustjournal.core.entries import EntryKind, TriggerRecord
from trustjournal.core.query import EntryQuery
from trustjournal.core.wording import INTENSITY_ANCHORS, SCALE_ANCHORS
from trustjournal.store.vocabulary import VocabularyList, VocabularyRepository
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.editors.trigger import (
    INTENSITY_NEEDED,
    SITUATION_FIELD,
    SITUATION_NEEDED,
    TriggerEditor,
)
from trustjournal.ui.session import Session

DRAFT = "test.trigger"
TRIGGERS = EntryQuery(kinds=frozenset({EntryKind.TRIGGER}))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


@pytest.fixture
def pane(qtbot: QtBot, session: Session) -> EditorPane:
    built = EditorPane(session=session, editors=default_editors(), draft_key=DRAFT)
    shown(qtbot, built, (520, 760)).open(None, EntryKind.TRIGGER)
    return built


def _editor(pane: EditorPane) -> TriggerEditor:
    editor = pane.editor
    assert isinstance(editor, TriggerEditor)
    return editor


def _vocabulary(session: Session) -> VocabularyRepository:
    return VocabularyRepository(db=session.vault.db, clock=session.clock)


def test_every_step_typed_and_chosen_is_saved_with_ctrl_enter(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.situation, "Phone face down at dinner")
    editor.category.setEditText("Secrecy and phones")
    editor.intensity.group.button(5).click()
    QTest.keyClick(editor.intensity.group.button(5), Qt.Key.Key_Right)
    QTest.keyClick(editor.intensity.group.button(6), Qt.Key.Key_8)
    assert editor.intensity.value() == 8
    assert editor.intensity.word.text() == f"8 — {INTENSITY_ANCHORS[8]}"
    editor.emotions.choose("Anxious")
    QTest.keyClicks(editor.thoughts, "They are hiding something")
    QTest.keyClicks(editor.body_sensations, "Tight chest")
    QTest.keyClicks(editor.urge, "Grab the phone")
    QTest.keyClicks(editor.response, "Asked who it was")
    editor.coping.choose("Slow breathing")
    QTest.keyClicks(editor.coping.search, "Held the cat")
    QTest.keyClick(editor.coping.search, Qt.Key.Key_Return)  # no match: Enter adds nothing
    assert "Held the cat" not in editor.coping.chosen()
    QTest.keyClick(editor.coping.search, Qt.Key.Key_Tab)
    QTest.keyClick(editor.coping.add_button, Qt.Key.Key_Space)  # my own, added to my list
    editor.intensity_after.group.button(4).click()
    QTest.keyClicks(editor.need, "To hear it was my sister")
    editor.for_session.click()
    editor.tags.setText("dinner")
    saved = pane.save()
    assert saved is not None, {k: v.text() for k, v in editor.errors.items()}
    assert isinstance(saved, TriggerRecord)
    assert (saved.situation, saved.category) == ("Phone face down at dinner", "Secrecy and phones")
    assert (saved.intensity, saved.intensity_after) == (8, 4)
    assert [e.casefold() for e in saved.emotions] == ["anxious"]
    assert (saved.thoughts, saved.body) == ("They are hiding something", "Tight chest")
    assert (saved.urge, saved.response) == ("Grab the phone", "Asked who it was")
    assert saved.coping == ("Slow breathing", "Held the cat")
    assert saved.need == "To hear it was my sister"
    assert saved.for_session and not saved.unfinished
    assert saved.tags == ("dinner",) and saved.occurred_at == NOW
    own = [i.name for i in _vocabulary(session).items(VocabularyList.COPING) if not i.shipped]
    assert own == ["Held the cat"]


def test_only_what_happened_and_intensity_are_required_each_shown_by_its_field(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    assert pane.save() is None
    assert editor.errors[SITUATION_FIELD].isVisibleTo(editor)
    assert editor.errors[SITUATION_FIELD].text() == SITUATION_NEEDED
    QTest.keyClicks(editor.situation, "A late message")
    assert pane.save() is None
    assert not editor.errors[SITUATION_FIELD].isVisibleTo(editor)
    assert editor.errors["intensity"].text() == INTENSITY_NEEDED
    assert editor.errors["intensity"].isVisibleTo(editor)
    assert session.entries.count() == 0
    editor.intensity.group.button(0).click()  # 0 is a real answer, not "none"
    saved = pane.save()
    assert isinstance(saved, TriggerRecord)
    assert (saved.intensity, saved.intensity_after, saved.category) == (0, None, None)


def test_the_scale_speaks_in_words_and_works_from_the_keyboard(pane: EditorPane) -> None:
    scale = _editor(pane).intensity
    assert [a.text() for a in scale.anchors] == list(SCALE_ANCHORS.values())
    assert scale.word.text().startswith("Choose")
    first = scale.group.button(3)
    QTest.keyClick(first, Qt.Key.Key_End)
    assert scale.value() == 10
    QTest.keyClick(scale.group.button(10), Qt.Key.Key_Home)
    assert scale.value() == 0
    assert scale.word.text() == f"0 — {INTENSITY_ANCHORS[0]}"
    after = _editor(pane).intensity_after
    after.group.button(6).click()
    QTest.keyClick(after.group.button(6), Qt.Key.Key_Delete)
    assert after.value() is None  # the optional one can be cleared again
    after.group.button(2).click()
    after.clear_button.click()
    assert after.value() is None


def test_an_unfinished_record_says_so_and_mark_as_finished_completes_it(
    pane: EditorPane, session: Session
) -> None:
    stored = session.entries.add(
        TriggerRecord(occurred_at=NOW, situation="Late again", intensity=6, unfinished=True)
    )
    pane.open(stored)
    editor = _editor(pane)
    assert editor.banner.isVisibleTo(editor) and editor.unfinished.isChecked()
    editor.intensity_after.group.button(3).click()
    kept = pane.save()
    assert isinstance(kept, TriggerRecord) and kept.unfinished  # saving alone never completes
    editor.finish_button.click()
    assert not editor.banner.isVisibleTo(editor)
    done = pane.save()
    assert isinstance(done, TriggerRecord)
    assert not done.unfinished and done.intensity_after == 3


def test_an_own_category_joins_the_list_and_a_hidden_one_stays_on_its_record(
    pane: EditorPane, session: Session
) -> None:
    vocabulary = _vocabulary(session)
    vocabulary.hide(VocabularyList.CATEGORY, "Money")
    stored = session.entries.add(
        TriggerRecord(occurred_at=NOW, situation="Bank statement", intensity=4, category="Money")
    )
    pane.open(stored)
    editor = _editor(pane)
    assert editor.category.currentText() == "Money"
    assert editor.category.findText("Money") < 0  # hidden from the choices
    pane.open(None, EntryKind.TRIGGER)
    QTest.keyClicks(editor.situation, "Their friend's party")
    editor.intensity.group.button(5).click()
    editor.category.setEditText("Parties")
    assert pane.save() is not None
    names = [i.name for i in vocabulary.items(VocabularyList.CATEGORY)]
    assert names[-1] == "Parties"
    assert editor.category.findText("Parties") >= 0
    kept = session.entries.get(stored.id or 0)
    assert isinstance(kept, TriggerRecord) and kept.category == "Money"


def test_a_draft_brings_back_every_step(qtbot: QtBot, pane: EditorPane, session: Session) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.situation, "half written")
    editor.category.setEditText("Reminders of the past")
    editor.intensity.group.button(9).click()
    editor.emotions.choose("Hurt")
    QTest.keyClicks(editor.thoughts, "t")
    QTest.keyClicks(editor.body_sensations, "b")
    QTest.keyClicks(editor.urge, "u")
    QTest.keyClicks(editor.response, "r")
    editor.coping.choose("Writing it down")
    editor.intensity_after.group.button(2).click()
    QTest.keyClicks(editor.need, "n")
    editor.for_session.click()
    editor.unfinished.click()
    editor.private.click()
    qtbot.waitUntil(lambda: session.drafts.load(DRAFT) is not None, timeout=5000)
    QTest.keyClick(editor.need, Qt.Key.Key_Escape)  # set aside: the draft is kept
    assert session.entries.count() == 0
    other = EditorPane(session=session, editors=default_editors(), draft_key=DRAFT)
    qtbot.addWidget(other)
    assert other.restore()
    restored = _editor(other)
    assert restored.draft() == editor.draft()
    assert restored.banner.isVisibleTo(restored) is False or restored.unfinished.isChecked()
    assert (restored.situation.toPlainText(), restored.intensity.value()) == ("half written", 9)
    assert restored.coping.chosen() == ["Writing it down"]


def test_hostile_text_is_shown_literally_in_every_field(pane: EditorPane, session: Session) -> None:
    for text in [*HOSTILE, *INJECTION, RTL, ZERO_WIDTH, "<img src=x onerror=alert(1)>"]:
        name = text[:40]
        stored = session.entries.add(
            TriggerRecord(
                occurred_at=NOW,
                situation=text,
                intensity=5,
                category=name,
                emotions=(name,),
                coping=(name,),
                thoughts=text,
                need=text,
            )
        )
        pane.open(stored)
        editor = _editor(pane)
        assert editor.situation.toPlainText() == text
        assert (editor.thoughts.toPlainText(), editor.need.toPlainText()) == (text, text)
        clean = " ".join(name.split())
        assert editor.category.currentText() == clean
        assert editor.coping.summary.text() == f"Chosen: {clean}"
        assert editor.coping.summary.textFormat() == Qt.TextFormat.PlainText
        assert editor.emotions.summary.textFormat() == Qt.TextFormat.PlainText


def test_private_is_kept_and_left_out_of_what_can_be_shared(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.situation, "Only for me")
    editor.intensity.group.button(7).click()
    editor.private.click()
    saved = pane.save()
    assert isinstance(saved, TriggerRecord) and saved.private
    pane.open(saved)
    assert editor.private.isChecked()
    shareable = EntryQuery(kinds=frozenset({EntryKind.TRIGGER}), include_private=False)
    assert session.entries.count(shareable) == 0


def test_an_autosave_that_comes_due_after_a_lock_writes_nothing(
    qtbot: QtBot, pane: EditorPane, session: Session
) -> None:
    """The lock keeps the draft first; the autosave timer racing it must not raise."""
    editor = _editor(pane)
    QTest.keyClicks(editor.situation, "typed just before the lock")
    assert pane.timer.isActive()
    pane.stash()  # what locking does first
    QTest.keyClicks(editor.situation, " and a little more")
    session.vault.lock()
    with qtbot.captureExceptions() as raised:
        pane.timer.timeout.emit()
    assert raised == []
