"""Finds visible text that escaped translation, for page tests run in the pseudo-locale."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from trustjournal.core.i18n_pseudo import is_pseudo


def _texts(widget: QWidget) -> Iterable[tuple[str, str]]:
    """(what, text) pairs a person can read on one widget; never what they typed."""
    yield "toolTip", widget.toolTip()
    if widget.isWindow():
        yield "windowTitle", widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield "text", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "title", widget.title()
    elif isinstance(widget, QLineEdit):
        yield "placeholder", widget.placeholderText()  # the text itself is the person's
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QAbstractSpinBox):
        yield "specialValueText", widget.specialValueText()
        yield "suffix", getattr(widget, "suffix", str)()
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        yield from (("item", widget.itemText(i)) for i in range(widget.count()))
    elif isinstance(widget, QListWidget):
        yield from (("item", widget.item(i).text()) for i in range(widget.count()))
    elif isinstance(widget, QTabWidget):
        yield from (("tab", widget.tabText(i)) for i in range(widget.count()))
    elif isinstance(widget, QMenu):
        yield from (("action", a.text()) for a in widget.actions() if not a.isSeparator())


def escaped_texts(root: QWidget, *, user_texts: Iterable[str] = ()) -> list[str]:
    """Every text shown under root (root included) that is not in pseudo form.

    Run after i18n.set_language("pseudo") and building the page. Numbers and signs pass (the
    pseudo check looks only for ASCII letters outside pseudo brackets); dates made with the
    core.i18n formatters are pseudo too, so a date made with strftime is reported. Pass the
    texts the test itself entered (entry text, names) as user_texts; editable fields are skipped.
    """
    ignored = {t for t in user_texts if t}
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        for what, text in _texts(widget):
            if text and text not in ignored and not is_pseudo(text):
                found.append(f"{type(widget).__name__}.{what}: {text!r}")
    return found
