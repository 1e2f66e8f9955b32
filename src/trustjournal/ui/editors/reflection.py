"""The reflection editor: free writing with an optional title and prompt, in light Markdown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.entries import Entry, EntryKind, Reflection
from trustjournal.core.i18n import N_, _, format_number, ngettext
from trustjournal.ui.editors.form_editor import FormEditor
from trustjournal.ui.editors.markdown_edit import BOLD, ITALIC, MarkdownEdit
from trustjournal.ui.editors.reflection_prompts import prompt_id, reflection_prompts
from trustjournal.ui.session import Session
from trustjournal.ui.wheel_guard import guard_wheel
from trustjournal.ui.widgets.common import button, label

WRITE_FREELY = N_(
    "Write freely. **Bold**, _italic_ and lists (“- ” at a line's start) show as you type."
)
BODY_MIN_HEIGHT = 140  # px: a few lines to write in, even in the smallest window


def word_count_text(count: int) -> str:
    """ "1,234 words", with the language's digit grouping."""
    return ngettext("{count} word", "{count} words", count).format(count=format_number(count))


class PromptChooser(QComboBox):
    """No prompt, one of the shipped prompts, or the prompt an entry was written to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        guard_wheel(self)
        self.setAccessibleName(_("Prompt"))
        self.setToolTip(_("A question to start from, if you like"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)  # long prompts are elided; the list shows them whole
        self.addItem(_("No prompt — write freely"), None)
        for prompt in reflection_prompts():
            self.addItem(prompt.text, prompt.id)

    def prompt(self) -> str | None:
        """The prompt chosen, in the words shown (None: no prompt)."""
        return self.currentText() if self.currentIndex() > 0 else None

    def set_prompt(self, text: str | None) -> None:
        """Choose `text`: a shipped prompt (in any language it was written in) or its own."""
        if not text:
            self.setCurrentIndex(0)
            return
        found = self.findData(prompt_id(text))
        if found <= 0:
            found = self.findText(text, Qt.MatchFlag.MatchExactly)
        if found <= 0:  # a prompt of its own (from the command line, or an older list)
            self.addItem(text, None)
            found = self.count() - 1
        self.setCurrentIndex(found)


def _format_button(text: str, tip: str, style: QFont.Style | QFont.Weight) -> QPushButton:
    """A small button that formats the text; it never takes the focus from the text."""
    widget = button(text, flat=True)
    widget.setToolTip(tip)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    font = widget.font()
    if isinstance(style, QFont.Weight):
        font.setWeight(style)
    else:
        font.setStyle(style)
    widget.setFont(font)
    return widget


class ReflectionEditor(FormEditor):
    """Title, prompt, the body (Markdown shown formatted) with its word count, tags, time…"""

    kind = EntryKind.REFLECTION

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        # Never in a scrolling form: the body scrolls itself, and takes the height there is.
        super().__init__(session=session, default_field="reflection", scrolled=False, parent=parent)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(_("A title, if you like"))
        self.title.setAccessibleName(_("Title"))
        self.prompt = PromptChooser(self)
        self.text = MarkdownEdit(self)
        self.text.setAccessibleName(_("Reflection"))
        self.text.setMinimumHeight(BODY_MIN_HEIGHT)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.bold = _format_button(_("Bold"), _("Bold (Ctrl+B)"), QFont.Weight.Bold)
        self.italic = _format_button(_("Italic"), _("Italic (Ctrl+I)"), QFont.Style.StyleItalic)
        self.list = _format_button(
            _("List"), _("A list, one item per line (Ctrl+Shift+L)"), QFont.Weight.Normal
        )
        self.words = label(word_count_text(0), role="hint", wrap=False)
        self.words.setAccessibleName(_("Word count"))
        writing = QWidget(self)
        column = QVBoxLayout(writing)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.bold, self.italic, self.list):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.words)
        column.addLayout(bar)
        column.addWidget(self.text, 1)
        self.form.row(_("Title"), self.title, "title")
        self.form.row(_("Prompt"), self.prompt, "prompt")
        self.form.row("", writing, "reflection")
        self.add_envelope_rows()
        # The room left over goes to the writing, not below the form.
        outer = self.body.layout()
        if isinstance(outer, QVBoxLayout):
            outer.setStretch(0, 1)
            outer.setStretch(1, 0)
        self.bold.clicked.connect(lambda: self._format(BOLD))
        self.italic.clicked.connect(lambda: self._format(ITALIC))
        self.list.clicked.connect(self._list)
        self.prompt.currentIndexChanged.connect(self._on_prompt_current_index_changed)
        self.text.words_counted.connect(self._on_text_words_counted)
        self.watch(self.title.textChanged, self.prompt.currentIndexChanged, self.text.textChanged)
        self.load(None)

    def _format(self, mark: str) -> None:
        self.text.toggle_emphasis(mark)
        self.text.setFocus()

    def _list(self) -> None:
        self.text.toggle_list()
        self.text.setFocus()

    def _on_prompt_current_index_changed(self, _index: int) -> None:
        prompt = self.prompt.prompt()
        self.text.setPlaceholderText(prompt or _(WRITE_FREELY))

    def _on_text_words_counted(self, count: int) -> None:
        self.words.setText(word_count_text(count))

    def _load_fields(self, entry: Entry | None) -> None:
        loaded = entry if isinstance(entry, Reflection) else None
        self.title.setText(loaded.title if loaded else "")
        self.prompt.set_prompt(loaded.prompt if loaded else None)
        self._on_prompt_current_index_changed(self.prompt.currentIndex())
        self.text.set_markdown(loaded.body if loaded else "")

    def _fields(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "prompt": self.prompt.prompt(),
            "body": self.text.markdown(),
        }

    def _draft_fields(self) -> dict[str, Any]:
        return self._fields()

    def _restore_fields(self, draft: dict[str, Any]) -> None:
        self.title.setText(str(draft.get("title", "")))
        prompt = draft.get("prompt")
        self.prompt.set_prompt(str(prompt) if prompt else None)
        self.text.set_markdown(str(draft.get("body", "")))

    def focus_first(self) -> None:
        self.text.setFocus()
