"""A plain-text box for Markdown that shows it formatted as it is typed, fast at any length.

The text is the Markdown exactly as written: it is never converted to or from HTML, so what is
typed (`<b>`, `<img src=…>`, `[link](…)`) stays literal text and nothing is ever loaded. The
formatting is painted by a highlighter, which Qt runs only over the paragraphs that changed,
and each paragraph's word count is kept beside it; the total adds those up after typing pauses.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QSyntaxHighlighter,
    QTextBlockUserData,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")  # marks (#, -, *, >) are not words
COUNT_DELAY_MS = 250  # the word count is added up this long after typing pauses
BOLD, ITALIC = "**", "_"
LIST_MARK = "- "
_HEADING = re.compile(r"^(#{1,6})(\s+)")
_QUOTE = re.compile(r"^(\s*>\s?)")
_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])(\s+)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_CODE = re.compile(r"(`+)(.+?)\1")
SHORTCUTS = {  # the keys the box keeps for itself while it has the focus
    QKeySequence("Ctrl+B").toString(): "bold",
    QKeySequence("Ctrl+I").toString(): "italic",
    QKeySequence("Ctrl+Shift+L").toString(): "list",
}


def count_words(text: str) -> int:
    """How many words `text` holds (Markdown's marks are not counted)."""
    return sum(1 for _ in WORD.finditer(text))


class _Words(QTextBlockUserData):
    """A paragraph's word count, kept on it by the highlighter (which sees every change)."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count


class MarkdownHighlighter(QSyntaxHighlighter):
    """Paints Markdown's headings, emphasis, lists, quotes and code; its marks are dimmed."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        """Take the colours of `palette` (light or dark) for the marks."""
        self._mark = QTextCharFormat()
        self._mark.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
        self._bullet = QTextCharFormat()
        self._bullet.setForeground(palette.color(QPalette.ColorRole.Link))
        self._bullet.setFontWeight(QFont.Weight.Bold)
        self._bold = QTextCharFormat()
        self._bold.setFontWeight(QFont.Weight.Bold)
        self._italic = QTextCharFormat()
        self._italic.setFontItalic(True)
        self._code = QTextCharFormat()
        self._code.setFontFixedPitch(True)
        self._code.setFontFamilies(["monospace"])
        self._heading = QTextCharFormat()
        self._heading.setFontWeight(QFont.Weight.Bold)
        document = self.document()
        size = document.defaultFont().pointSizeF() if document is not None else 10.0
        self._heading.setFontPointSize(max(size, 9.0) * 1.2)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        self.setCurrentBlockUserData(_Words(count_words(text)))
        if not text:
            return
        heading = _HEADING.match(text)
        if heading:
            self.setFormat(0, len(text), self._heading)
            self.setFormat(0, heading.end(1), self._mark)
            return
        start = 0
        quote = _QUOTE.match(text)
        if quote:
            self.setFormat(0, quote.end(), self._mark)
            self.setFormat(quote.end(), len(text) - quote.end(), self._italic)
            start = quote.end()
        item = _ITEM.match(text, start)
        if item:
            self.setFormat(item.start(2), len(item.group(2)), self._bullet)
        self._spans(text, _STRONG, self._bold)
        self._spans(text, _EMPH, self._italic)
        for found in _CODE.finditer(text):
            self.setFormat(found.start(), found.end() - found.start(), self._code)

    def _spans(self, text: str, pattern: re.Pattern[str], look: QTextCharFormat) -> None:
        for found in pattern.finditer(text):
            mark = len(found.group(1))
            # Added to what is there, so bold inside italic (and the reverse) shows as both.
            for position in range(found.start(), found.end()):
                merged = self.format(position)
                merged.merge(look)
                self.setFormat(position, 1, merged)
            self.setFormat(found.start(), mark, self._mark)
            self.setFormat(found.end() - mark, mark, self._mark)


class MarkdownEdit(QPlainTextEdit):
    """Markdown text with Ctrl+B, Ctrl+I and Ctrl+Shift+L (a list), and a live word count.

    Signals:
        words_counted(int): the number of words, after typing pauses (and at once on load).
    """

    words_counted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = MarkdownHighlighter(self.document(), self.palette())
        self._words = 0
        self.count_timer = QTimer(self)
        self.count_timer.setSingleShot(True)
        self.count_timer.setInterval(COUNT_DELAY_MS)
        self.count_timer.timeout.connect(self.count_now)
        self.textChanged.connect(self.count_timer.start)
        self.installEventFilter(self)

    def set_markdown(self, text: str) -> None:
        """Show `text` (Markdown) and count its words now."""
        self.setPlainText(text)
        self.count_now()

    def markdown(self) -> str:
        """The text as typed: Markdown."""
        return self.toPlainText()

    def words(self) -> int:
        """The word count last added up."""
        return self._words

    def count_now(self) -> None:
        """Add up the paragraphs' word counts (each kept since its paragraph last changed)."""
        self.count_timer.stop()
        total = 0
        block = self.document().firstBlock()
        while block.isValid():
            data = block.userData()
            total += data.count if isinstance(data, _Words) else count_words(block.text())
            block = block.next()
        self._words = total
        self.words_counted.emit(total)

    # --- formatting ---------------------------------------------------------------------------

    def toggle_emphasis(self, mark: str) -> None:
        """Wrap the selection in `mark` ("**" bold, "_" italic), or unwrap it if it is wrapped.

        With nothing selected, the marks go either side of the cursor, ready to type between.
        """
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = self.document().characterCount()
        size = len(mark)
        before = self._text_at(start - size, size) if start >= size else ""
        after = self._text_at(end, size) if end + size < text else ""
        cursor.beginEditBlock()
        if start != end and before == mark and after == mark:
            self._remove(end, size)
            self._remove(start - size, size)
            start -= size
            end -= size
        else:
            selected = cursor.selectedText()
            inner = len(selected) > 2 * size and selected.startswith(mark)
            if inner and selected.endswith(mark):
                cursor.insertText(selected[size:-size])
                end -= 2 * size
            else:
                cursor.insertText(f"{mark}{selected}{mark}")
                start += size
                end += size
        cursor.endEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def toggle_list(self) -> None:
        """Make the selected paragraphs a list ("- " before each), or plain paragraphs again."""
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        listed = all(_ITEM.match(b.text()) for b in blocks if b.text().strip())
        edit = QTextCursor(document)
        edit.beginEditBlock()
        for block in blocks:
            found = _ITEM.match(block.text())
            edit.setPosition(block.position())
            if listed and found:
                edit.setPosition(block.position() + found.end(), QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
                edit.insertText(found.group(1))
            elif not listed and not found and (block.text().strip() or len(blocks) == 1):
                edit.insertText(LIST_MARK)
        edit.endEditBlock()

    def _continue_list(self) -> bool:
        """Enter in a list item starts the next item; in an empty one it ends the list."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        found = _ITEM.match(block.text())
        if not found or cursor.positionInBlock() < found.end():
            return False
        cursor.beginEditBlock()
        if not block.text()[found.end() :].strip():
            cursor.setPosition(block.position())
            cursor.setPosition(
                block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
        else:
            number = found.group(2)
            mark = f"{int(number[:-1]) + 1}{number[-1]}" if number[0].isdigit() else number
            cursor.insertText(f"\n{found.group(1)}{mark}{found.group(3)}")
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def _text_at(self, position: int, size: int) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + size, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def _remove(self, position: int, size: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + size, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()

    def _act(self, action: str) -> None:
        if action == "list":
            self.toggle_list()
        else:
            self.toggle_emphasis(BOLD if action == "bold" else ITALIC)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Claimed before any shortcut of the window (a page's Ctrl+I, say) can take the keys,
        # as Qt's own text boxes claim Ctrl+Z; they are handled as the key press that follows.
        if watched is self and event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_palette(self.palette())  # light or dark: the marks' colours
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if watched is not self or event.type() not in kinds or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        action = SHORTCUTS.get(QKeySequence(event.keyCombination()).toString())
        if event.type() == QEvent.Type.ShortcutOverride:
            if action:
                event.accept()
            return bool(action)
        if action:
            self._act(action)
            return True
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        return enter and plain and self._continue_list()
