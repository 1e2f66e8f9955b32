"""Settings → trigger categories and ways of coping: add, rename, hide, show again, entries kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import HOSTILE, NOW, MovableClock, create_vault, open_session, shown
from tests.ui.shell_helpers import PASSPHRASE, make_vault, start_shell, unlock
from trustjournal.core.entries import MAX_NAME, MoodCheckIn, TriggerRecord
from trustjournal.core.resources import load_json
from trustjournal.store.vocabulary import VocabularyRepository
from trustjournal.ui.editors.emotion_picker import EmotionPicker
from trustjournal.ui.pages.settings_page import SettingsPage
from trustjournal.ui.session import Session
from trustjournal.ui.settings.vocabulary_list import HIDDEN_MARK, VocabularyListEditor
from trustjournal.ui.settings.vocabulary_section import VocabularySection

CATEGORIES = [c["name"] for c in load_json("vocabulary", "trigger_categories.json")["categories"]]
STRATEGIES = [s["name"] for s in load_json("vocabulary", "coping_strategies.json")["strategies"]]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = create_vault(tmp_path / "journal")
    yield open_session(vault, MovableClock())
    vault.lock()


@pytest.fixture
def section(qtbot: QtBot, session: Session) -> VocabularySection:
    built = shown(qtbot, VocabularySection(session=session), (760, 700))
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    return built


def _vocabulary(session: Session) -> VocabularyRepository:
    return VocabularyRepository(db=session.vault.db, clock=session.clock)


def _shown(editor: VocabularyListEditor) -> list[str]:
    return [editor.list.item(row).text() for row in range(editor.list.count())]


def _choose(editor: VocabularyListEditor, name: str) -> None:
    for row in range(editor.list.count()):
        if editor.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
            editor.list.setCurrentRow(row)
            editor.list.setFocus()
            return
    raise AssertionError("not in the list")


def _type(editor: VocabularyListEditor, text: str) -> None:
    editor.field.setFocus()
    editor.field.selectAll()
    QTest.keyClicks(editor.field, text)
    QTest.keyClick(editor.field, Qt.Key.Key_Return)


def test_both_lists_show_shipped_and_own_names_hidden_ones_marked(
    qtbot: QtBot, session: Session
) -> None:
    vocabulary = _vocabulary(session)
    vocabulary.add("category", "Old photos")
    vocabulary.hide("coping", STRATEGIES[1])
    section = shown(qtbot, VocabularySection(session=session), (760, 700))
    assert _shown(section.categories) == [*CATEGORIES, "Old photos"]
    coping = _shown(section.coping)
    assert coping[1] == STRATEGIES[1] + HIDDEN_MARK
    assert coping[0] == STRATEGIES[0]
    assert section.categories.list.accessibleName() == "Trigger categories"
    assert section.coping.list.accessibleName() == "Ways of coping"


def test_adding_with_enter_saves_announces_and_selects_it(
    qtbot: QtBot, section: VocabularySection, session: Session
) -> None:
    editor = section.categories
    with qtbot.waitSignal(session.events.changed) as changed:
        _type(editor, "  Old   photos ")
    assert changed.args == [frozenset({"vocabulary"})]
    assert [i.name for i in _vocabulary(session).items("category")][-1] == "Old photos"
    assert editor.current_name() == "Old photos"
    assert editor.field.text() == ""
    assert editor.status.isVisible()
    assert editor.status.text() == "Added “Old photos”."


def test_a_blank_or_duplicate_name_is_refused_calmly_by_the_field(
    section: VocabularySection, session: Session
) -> None:
    editor = section.coping
    before = _vocabulary(session).items("coping", include_hidden=True)
    _type(editor, "   ")
    assert editor.error.isVisible()
    assert editor.error.text() == "Please write a name."
    _type(editor, STRATEGIES[0].upper())
    assert editor.error.text() == "That name is already in the list."
    assert editor.field.text() == STRATEGIES[0].upper()  # nothing typed is lost
    _vocabulary(session).hide("coping", STRATEGIES[2])
    _type(editor, STRATEGIES[2])
    assert editor.error.text() == (
        "That name is already in the list (hidden; it can be shown again)."
    )
    QTest.keyClicks(editor.field, "!")
    assert not editor.error.isVisible()  # typing again clears the message
    assert editor.field.maxLength() == MAX_NAME
    assert len(_vocabulary(session).items("coping", include_hidden=True)) == len(before)


def test_rename_with_f2_keeps_the_place_and_existing_entries_keep_their_words(
    section: VocabularySection, session: Session
) -> None:
    record = session.entries.add(
        TriggerRecord(
            occurred_at=NOW,
            situation="The phone face down",
            intensity=7,
            category=CATEGORIES[0],
            coping=(STRATEGIES[0],),
        )
    )
    editor = section.categories
    _choose(editor, CATEGORIES[0])
    QTest.keyClick(editor.list, Qt.Key.Key_F2)
    assert editor.field.hasFocus()
    assert editor.field.text() == CATEGORIES[0]
    assert editor.renaming_note.isVisible()
    assert editor.save_button.text() == "Save new name"
    QTest.keyClicks(editor.field, "Phones")  # replaces the selected old name
    QTest.keyClick(editor.field, Qt.Key.Key_Return)
    assert _shown(editor)[0] == "Phones"
    assert editor.save_button.text() == "Add"
    assert not editor.renaming_note.isVisible()
    _choose(editor, "Phones")
    editor.hide_button.click()
    _choose(section.coping, STRATEGIES[0])
    section.coping.hide_button.click()
    assert session.entries.get(record.id or 0) == record
    assert record.category == CATEGORIES[0]


def test_escape_leaves_a_name_as_it_was(section: VocabularySection, session: Session) -> None:
    editor = section.coping
    _choose(editor, STRATEGIES[3])
    editor.rename_button.click()
    QTest.keyClicks(editor.field, "something else")
    QTest.keyClick(editor.field, Qt.Key.Key_Escape)
    assert editor.field.text() == ""
    assert editor.save_button.text() == "Add"
    assert [i.name for i in _vocabulary(session).items("coping")][3] == STRATEGIES[3]


def test_hide_and_show_again(section: VocabularySection, session: Session) -> None:
    editor = section.coping
    _choose(editor, STRATEGIES[4])
    assert editor.hide_button.text() == "Hide"
    editor.hide_button.click()
    assert STRATEGIES[4] not in [i.name for i in _vocabulary(session).items("coping")]
    assert _shown(editor)[4] == STRATEGIES[4] + HIDDEN_MARK
    assert editor.current_name() == STRATEGIES[4]
    assert editor.hide_button.text() == "Show again"
    assert editor.status.text() == f"“{STRATEGIES[4]}” is hidden. Records that use it keep it."
    editor.hide_button.click()
    assert [i.name for i in _vocabulary(session).items("coping")][4] == STRATEGIES[4]
    assert editor.hide_button.text() == "Hide"


def test_nothing_chosen_means_nothing_to_rename_or_hide(section: VocabularySection) -> None:
    editor = section.categories
    editor.list.setCurrentRow(-1)
    assert not editor.rename_button.isEnabled()
    assert not editor.hide_button.isEnabled()


def test_names_added_elsewhere_show_at_once(section: VocabularySection, session: Session) -> None:
    _vocabulary(session).add("coping", "Cold water on my face")
    session.events.notify({"vocabulary"})
    assert _shown(section.coping)[-1] == "Cold water on my face"


def test_hostile_names_are_shown_literally(section: VocabularySection, session: Session) -> None:
    editor = section.categories
    for text in HOSTILE:
        editor.field.setText(text[:MAX_NAME])  # keyClicks cannot type every character
        QTest.keyClick(editor.field, Qt.Key.Key_Return)
        assert not editor.error.isVisible(), editor.error.text()
    own = [i.name for i in _vocabulary(session).items("category") if not i.shipped]
    assert own == [" ".join(t[:MAX_NAME].split()) for t in HOSTILE]
    assert _shown(editor)[-len(own) :] == own
    for row in range(editor.list.count()):
        assert editor.list.item(row).toolTip() in (
            "",
            *(
                c.get("description")
                for c in load_json("vocabulary", "trigger_categories.json")["categories"]
            ),
        )


def test_the_settings_page_carries_the_section_and_lets_go_on_lock(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_vault(tmp_path / "journal")
    shell = start_shell(qtbot, qapp, tmp_path)
    with qtbot.waitSignal(shell.controller.unlocked):
        unlock(shell, PASSPHRASE)
    frame = shell.controller.frame
    assert frame is not None
    assert frame.show_page("settings")
    page = frame.page("settings")
    assert isinstance(page, SettingsPage)
    assert page.vocabulary.isVisible()
    assert _shown(page.vocabulary.categories) == CATEGORIES
    shell.controller.lock("test")
    assert page.vocabulary.categories.list.count() == 0


def test_own_emotion_words_are_listed_to_rename_or_hide_and_entries_keep_them(
    qtbot: QtBot, session: Session
) -> None:
    section = shown(qtbot, VocabularySection(session=session), (760, 900))
    section.activateWindow()
    qtbot.waitUntil(section.isActiveWindow)
    emotions = section.emotions
    assert emotions.list.count() == 0
    assert emotions.empty.isVisible()  # says where own words come from
    # "anx", added by Enter before it was fixed, and a word added on purpose.
    picker = EmotionPicker(vocabulary=_vocabulary(session))
    qtbot.addWidget(picker)
    for word in ("anx", "Quietly brave"):
        picker.search.setText(word)
        picker.add_button.click()
    saved = session.entries.add(MoodCheckIn(occurred_at=NOW, mood=4, emotions=("anx",)))
    session.events.notify({"mood"})
    assert _shown(emotions) == ["anx", "Quietly brave"]  # own words only, not the shipped ones
    assert not emotions.empty.isVisible()
    assert emotions.list.accessibleName() == "Emotions of my own"
    _choose(emotions, "anx")
    QTest.keyClick(emotions.list, Qt.Key.Key_F2)
    QTest.keyClicks(emotions.field, "Anxious, a bit")
    QTest.keyClick(emotions.field, Qt.Key.Key_Return)
    assert _shown(emotions) == ["Anxious, a bit", "Quietly brave"]
    _choose(emotions, "Quietly brave")
    emotions.hide_button.click()
    assert _shown(emotions)[1] == "Quietly brave" + HIDDEN_MARK
    assert session.entries.get(saved.id or 0) == saved  # the entry keeps "anx"
    picker.set_chosen(["anx"])  # as when the entry is opened again
    assert "quietly brave" not in picker._items
    assert "anxious, a bit" in picker._items
    assert picker.chosen() == ["anx"]
