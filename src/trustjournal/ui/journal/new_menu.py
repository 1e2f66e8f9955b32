"""The Journal's "New entry" button: a menu of every kind of entry there is an editor for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from trustjournal.core.entries import EntryKind
from trustjournal.core.i18n import _
from trustjournal.core.wording import kind_word
from trustjournal.ui.icons import Icon, icon

KIND_ICONS: dict[EntryKind, Icon] = {
    EntryKind.MOOD: Icon.HEART,
    EntryKind.GRATITUDE: Icon.GRATITUDE,
    EntryKind.TRIGGER: Icon.TRIGGER,
    EntryKind.REFLECTION: Icon.REFLECTION,
    EntryKind.STATEMENT: Icon.STATEMENT,
    EntryKind.QUALITY_TIME: Icon.TOGETHER,
    EntryKind.SESSION: Icon.CLOCK,
}


def menu_words(kind: EntryKind) -> str:
    """A kind as a menu item, with its mnemonic ("&Reflection")."""
    words = {
        EntryKind.MOOD: _("&Mood check-in"),
        EntryKind.GRATITUDE: _("&Gratitude"),
        EntryKind.TRIGGER: _("&Trigger record"),
        EntryKind.REFLECTION: _("&Reflection"),
        EntryKind.STATEMENT: _("&I statement"),
        EntryKind.QUALITY_TIME: _("Time t&ogether"),
        EntryKind.SESSION: _("Therapy &session"),
    }
    return words.get(kind) or kind_word(kind)


class NewEntryButton(QPushButton):
    """A button whose menu starts a new entry of any kind that has an editor.

    Signals:
        chosen(EntryKind): a kind was picked from the menu.
    """

    chosen = Signal(object)

    def __init__(self, *, can_edit: Callable[[EntryKind], bool], parent: QWidget | None = None):
        # Only an icon beside "New check-in" (as one split button): its words would not fit
        # the top row at 800×600 in longer languages. Screen readers read its name.
        super().__init__(parent)
        self.setIcon(icon(Icon.PLUS))
        self.setAccessibleName(_("New entry"))
        self.setToolTip(_("Start a new entry of any kind (Ctrl+Shift+N)"))
        menu = QMenu(self)
        self.actions_by_kind: dict[EntryKind, QAction] = {}
        for kind in EntryKind:  # every kind, in the order they are declared
            if not can_edit(kind):
                continue
            action = menu.addAction(icon(KIND_ICONS.get(kind, Icon.JOURNAL)), menu_words(kind))
            action.triggered.connect(lambda _checked=False, k=kind: self.chosen.emit(k))
            self.actions_by_kind[kind] = action
        self.setMenu(menu)
