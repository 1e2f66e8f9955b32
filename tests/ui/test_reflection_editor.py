"""The reflection editor through its keys: Markdown shown formatted, kept literal, drafts, count."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCharFormat
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.journal_helpers import (
    NOW,
    editor_of,
    new_entry_pane,
    new_session,
    shown,
)
from trustjournal.core.entries import EntryKind, Reflection
from trustjournal.core.query import EntryQuery
from trustjournal.ui.editors.markdown_edit import MarkdownEdit, count_words
from trustjournal.ui.editors.pane import EditorPane
from trustjournal.ui.editors.reflection import ReflectionEditor
from trustjournal.ui.editors.reflection_prompts import reflection_prompts
from trustjournal.ui.editors.registry import default_editors
from trustjournal.ui.session import Session

DRAFT = "test.reflection"
CTRL = Qt.KeyboardModifier.ControlModifier
HOSTILE_MARKDOWN = (
    "<b>not bold</b> <script>alert(1)</script>\n"
    '<img src="file:///etc/passwd"> <img src="http://example.com/x.png">\n'
    "![a picture](http://example.com/p.png) ![local](file:///etc/hostname)\n"
    "[a link](javascript:alert(1)) <a href='http://example.com'>here</a>\n"
    "\u202eevil\u202c zero\u200bwidth"
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    yield from new_session(tmp_path)


@pytest.fixture
def pane(qtbot: QtBot, session: Session) -> Iterator[EditorPane]:
    yield from new_entry_pane(
        qtbot, session, EntryKind.REFLECTION, draft_key=DRAFT, size=(700, 600)
    )


def _editor(pane: EditorPane) -> ReflectionEditor:
    return editor_of(pane, ReflectionEditor)


def _type(box: MarkdownEdit, text: str) -> None:
    box.setFocus()
    QTest.keyClicks(box, text)


def _select_last(box: MarkdownEdit, count: int) -> None:
    box.moveCursor(box.textCursor().MoveOperation.End)
    for _ in range(count):
        QTest.keyClick(box, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)


def test_title_prompt_and_body_are_saved_with_ctrl_enter(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.title, "After the session")
    editor.prompt.setCurrentIndex(2)
    _type(editor.text, "We talked.")
    QTest.keyClick(editor.text, Qt.Key.Key_Return, CTRL)
    [saved] = session.entries.list(EntryQuery())
    assert isinstance(saved, Reflection)
    assert saved.title == "After the session"
    assert saved.prompt == reflection_prompts()[1].text
    assert saved.body == "We talked."


def test_an_empty_body_is_named_by_the_field_and_nothing_is_saved(
    pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.title, "Only a title")
    QTest.keyClick(editor.title, Qt.Key.Key_Return, CTRL)
    assert editor.errors["reflection"].isVisibleTo(editor)
    assert editor.text.hasFocus()
    assert session.entries.list(EntryQuery()) == []


def test_ctrl_b_and_ctrl_i_wrap_the_selection_and_unwrap_it_again(pane: EditorPane) -> None:
    box = _editor(pane).text
    _type(box, "I felt heard")
    _select_last(box, 5)
    QTest.keyClick(box, Qt.Key.Key_B, CTRL)
    assert box.toPlainText() == "I felt **heard**"
    QTest.keyClick(box, Qt.Key.Key_B, CTRL)
    assert box.toPlainText() == "I felt heard"
    QTest.keyClick(box, Qt.Key.Key_I, CTRL)
    assert box.toPlainText() == "I felt _heard_"
    assert box.textCursor().selectedText() == "heard"


def test_ctrl_b_with_nothing_selected_puts_the_cursor_between_the_marks(pane: EditorPane) -> None:
    box = _editor(pane).text
    _type(box, "so ")
    QTest.keyClick(box, Qt.Key.Key_B, CTRL)
    QTest.keyClicks(box, "much")
    assert box.toPlainText() == "so **much**"


def test_the_box_keeps_its_keys_from_a_window_shortcut(qtbot: QtBot, pane: EditorPane) -> None:
    # A page may bind Ctrl+I (an "I statement" action, say); in the text it means italic.
    fired: list[bool] = []
    action = QAction("elsewhere", pane)
    action.setShortcut(QKeySequence("Ctrl+I"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda: fired.append(True))
    pane.addAction(action)
    box = _editor(pane).text
    _type(box, "word")
    _select_last(box, 4)
    QTest.keyClick(box, Qt.Key.Key_I, CTRL)
    assert box.toPlainText() == "_word_"
    assert fired == []


def test_the_list_key_toggles_items_and_enter_continues_or_ends_the_list(
    pane: EditorPane,
) -> None:
    box = _editor(pane).text
    _type(box, "bread")
    QTest.keyClick(box, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert box.toPlainText() == "- bread"
    box.moveCursor(box.textCursor().MoveOperation.End)
    QTest.keyClick(box, Qt.Key.Key_Return)
    QTest.keyClicks(box, "milk")
    QTest.keyClick(box, Qt.Key.Key_Return)
    QTest.keyClick(box, Qt.Key.Key_Return)  # on an empty item: the list ends
    QTest.keyClicks(box, "done")
    assert box.toPlainText() == "- bread\n- milk\ndone"
    box.selectAll()
    QTest.keyClick(box, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert box.toPlainText() == "- bread\n- milk\n- done"
    QTest.keyClick(box, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert box.toPlainText() == "bread\nmilk\ndone"


def test_formatting_is_shown_while_the_text_stays_markdown(pane: EditorPane) -> None:
    box = _editor(pane).text
    box.set_markdown("plain **strong** _soft_")
    layout = box.document().firstBlock().layout()
    ranges = layout.formats()
    looks = [
        (r.start, r.start + r.length, r.format.fontWeight(), r.format.fontItalic()) for r in ranges
    ]
    assert any(start <= 9 < end and weight >= 700 for start, end, weight, _i in looks)  # strong
    assert any(start <= 18 < end and italic for start, end, _w, italic in looks)  # soft
    assert not any(
        start <= 2 < end and (weight >= 700 or italic) for start, end, weight, italic in looks
    )
    assert box.toPlainText() == "plain **strong** _soft_"


def _no_image_or_link(box: MarkdownEdit) -> bool:
    """Whether no character of the text, as stored or as painted, is an image or a link."""
    block = box.document().firstBlock()
    while block.isValid():
        layout = block.layout()
        ranges = layout.formats()
        looks: list[QTextCharFormat] = [QTextCharFormat(r.format) for r in ranges]
        iterator = block.begin()
        while not iterator.atEnd():
            looks.append(iterator.fragment().charFormat())
            iterator += 1
        if any(look.isImageFormat() or look.isAnchor() or look.anchorHref() for look in looks):
            return False
        block = block.next()
    return True


def test_markup_links_and_images_typed_stay_literal_and_load_nothing(
    qtbot: QtBot, pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    editor.text.setFocus()
    QTest.keyClicks(editor.text, "<b>typed</b> ")
    editor.text.insertPlainText(HOSTILE_MARKDOWN)  # as a paste would
    text = "<b>typed</b> " + HOSTILE_MARKDOWN
    assert editor.text.toPlainText() == text
    assert _no_image_or_link(editor.text)
    QTest.keyClick(editor.text, Qt.Key.Key_Return, CTRL)
    [saved] = session.entries.list(EntryQuery())
    assert isinstance(saved, Reflection) and saved.body == text
    pane.open(saved)
    assert _editor(pane).text.toPlainText() == text


def test_the_word_count_follows_typing_and_loading(qtbot: QtBot, pane: EditorPane) -> None:
    editor = _editor(pane)
    assert editor.words.text() == "0 words"
    _type(editor.text, "one **two** - three")
    qtbot.waitUntil(lambda: editor.words.text() == "3 words")
    QTest.keyClick(editor.text, Qt.Key.Key_Return)
    QTest.keyClicks(editor.text, "four")
    qtbot.waitUntil(lambda: editor.words.text() == "4 words")
    editor.text.selectAll()
    QTest.keyClick(editor.text, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: editor.words.text() == "0 words")
    pane.open(Reflection(occurred_at=NOW, body="word " * 1234))
    assert _editor(pane).words.text() == "1,234 words"  # at once, no waiting
    assert count_words("- one\n# two\n> it's ok") == 4


def test_the_draft_keeps_title_prompt_and_body(
    qtbot: QtBot, pane: EditorPane, session: Session
) -> None:
    editor = _editor(pane)
    QTest.keyClicks(editor.title, "Half")
    editor.prompt.setCurrentIndex(3)
    _type(editor.text, "a **thought**")
    qtbot.waitUntil(lambda: session.drafts.load(DRAFT) is not None, timeout=5000)
    again = EditorPane(session=session, editors=default_editors(), draft_key=DRAFT)
    shown(qtbot, again)
    assert again.restore()
    restored = _editor(again)
    assert restored.title.text() == "Half"
    assert restored.prompt.currentIndex() == 3
    assert restored.text.toPlainText() == "a **thought**"
    again.clear()


@pytest.mark.usefixtures("german")
def test_a_prompt_written_in_english_is_the_same_prompt_in_german(
    qtbot: QtBot, session: Session
) -> None:
    english = reflection_prompts("en")[4]
    editor = shown(qtbot, ReflectionEditor(session=session))
    editor.load(Reflection(occurred_at=NOW, body="x", prompt=english.text))
    assert editor.prompt.currentData() == english.id
    assert editor.prompt.currentText() == reflection_prompts("de")[4].text
    assert editor.prompt.currentText() != english.text


def test_a_prompt_of_its_own_is_kept(pane: EditorPane, session: Session) -> None:
    pane.open(Reflection(occurred_at=NOW, body="x", prompt="From the command line"))
    editor = _editor(pane)
    assert editor.prompt.currentText() == "From the command line"
    assert editor.entry().prompt == "From the command line"  # type: ignore[attr-defined]
