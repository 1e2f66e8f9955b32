"""What the emotion and coping pickers share: find or add a name, tick many, the "Chosen" line.

Enter in the search field ticks the first name that matches; it never adds a word. Adding
one's own word is its own choice, the "Add “…” as my own word" button beside the field (Tab,
then Enter, or a click). Down moves from the field into the list (or to that button when
nothing matches), where Enter or Space ticks the name under the cursor.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from trustjournal.core.entries import MAX_NAME
from trustjournal.core.errors import ValidationError
from trustjournal.core.i18n import N_, _, ngettext
from trustjournal.store.vocabulary import VocabularyList
from trustjournal.ui.operations import WordLists
from trustjournal.ui.widgets.common import button, label

ItemT = TypeVar("ItemT")
ADD_TEXT = N_("Add as my own word")
SHOWN_IN_BUTTON = 16  # characters of the typed word the Add button repeats


def add_text(name: str) -> str:
    """The Add button's words for `name`: "Add “anx” as my own word"."""
    if not name:
        return _(ADD_TEXT)
    short = name if len(name) <= SHOWN_IN_BUTTON else name[: SHOWN_IN_BUTTON - 1] + "…"
    return _("Add “{word}” as my own word").format(word=short)


class VocabularyPicker(QWidget, Generic[ItemT]):
    """A search field with "Add … as my own word" over a view of checkable names, many at once.

    Names are kept in the order they were ticked. Names chosen that are not (or no longer)
    offered, such as a hidden one an entry was saved with, are kept and shown in the "Chosen"
    line. An own name the vocabulary refuses (too long, or hidden in Settings) is said under
    the view. A subclass builds its view and calls `_lay_out`, fills `_items` in `_fill`,
    filters in `_filter`, ticks in `_tick`, answers `_is_shown`, `_name_of` and `_focus_item`,
    reports each tick with `_ticked` and each Enter on a name with `_on_view_activated`.

    Signals:
        changed: the chosen names changed.
    """

    changed = Signal()

    def __init__(
        self,
        *,
        vocabulary: WordLists,
        kind: VocabularyList,
        placeholder: str,
        search_name: str,
        summary_role: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._kind = kind
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(placeholder)
        self.search.setAccessibleName(search_name)
        self.add_button = button(_(ADD_TEXT))
        self.add_button.setEnabled(False)
        self.add_button.setAutoDefault(False)  # Enter in the field picks a match, never this
        self.no_match = label("", role="hint")
        self.no_match.hide()
        self.summary = label("", role=summary_role)
        self.error = label("", role="error")
        self.error.hide()
        self._items: dict[str, ItemT] = {}  # by casefolded name
        self._order: list[str] = []  # chosen names in the order chosen
        self._view: QWidget = self

    def _lay_out(self, view: QWidget, *below: QWidget, spacing: int | None = None) -> None:
        """The search row, `view`, `below` it, then any error and the "Chosen" line."""
        self._view = view
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if spacing is not None:
            layout.setSpacing(spacing)
        layout.addLayout(top)
        layout.addWidget(view)
        for widget in below:
            layout.addWidget(widget)
        layout.addWidget(self.no_match)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._pick_match)
        self.search.installEventFilter(self)
        self.add_button.clicked.connect(self._add_own)
        QWidget.setTabOrder(self.search, self.add_button)
        QWidget.setTabOrder(self.add_button, view)

    def _fill(self) -> None:
        """Fill the view from the vocabulary and `_items` by casefolded name, ticking `_order`."""
        raise NotImplementedError

    def _filter(self, text: str) -> None:
        """Show only what matches `text`."""
        raise NotImplementedError

    def _tick(self, item: ItemT, checked: bool) -> None:
        """Tick or untick `item` in the view."""
        raise NotImplementedError

    def _is_shown(self, item: ItemT) -> bool:
        """Whether `item` is shown (matches the search)."""
        raise NotImplementedError

    def _name_of(self, item: ItemT) -> str:
        """The name `item` offers."""
        raise NotImplementedError

    def _focus_item(self, item: ItemT) -> None:
        """Make `item` the view's current one and put the keyboard focus there."""
        raise NotImplementedError

    def matches(self) -> list[str]:
        """The names offered for what is typed, in the order shown."""
        return [self._name_of(item) for item in self._items.values() if self._is_shown(item)]

    def _typed(self) -> str:
        return " ".join(self.search.text().split())

    def _on_search_text_changed(self, text: str) -> None:
        self._filter(text)
        name = self._typed()
        can_add = bool(name) and name.casefold() not in self._items
        self.add_button.setEnabled(can_add)
        # "&" doubled: a word of one's own is shown as typed, never as a shortcut mark.
        self.add_button.setText(add_text(name).replace("&", "&&") if can_add else _(ADD_TEXT))
        self.add_button.setAccessibleName(
            _("Add “{word}” as my own word").format(word=name) if can_add else _(ADD_TEXT)
        )
        self.no_match.hide()
        self.error.hide()

    def _pick_match(self) -> None:
        """Enter in the field: tick the name typed or the first match; never add a word."""
        name = self._typed()
        if not name:
            return
        if len(name) > MAX_NAME:
            self._say_too_long(name)
            return
        exact = self._items.get(name.casefold())
        shown = [item for item in self._items.values() if self._is_shown(item)]
        item = exact if exact is not None else (shown[0] if shown else None)
        if item is None:
            self.no_match.setText(
                _(
                    "Nothing here matches “{word}”. To keep it as a word of your own, "
                    "choose “{button}” (Tab, then Enter)."
                ).format(word=name, button=add_text(name))
            )
            self.no_match.show()
            return
        self.search.clear()
        self._tick(item, True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            shown = [item for item in self._items.values() if self._is_shown(item)]
            if shown:
                self._focus_item(shown[0])
            elif self.add_button.isEnabled():
                self.add_button.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _on_view_activated(self, name: str) -> None:
        """Enter on a name in the view: tick it, or untick it if it was ticked."""
        item = self._items.get(name.casefold())
        if item is not None:
            self._tick(item, not self._is_chosen(name))

    def _show_chosen(self) -> None:
        self.summary.setText(
            _("Chosen: {words}").format(words=", ".join(self._order)) if self._order else ""
        )
        self.summary.setVisible(bool(self._order))

    def chosen(self) -> list[str]:
        """The chosen names, in the order chosen."""
        return list(self._order)

    def set_chosen(self, names: list[str] | tuple[str, ...]) -> None:
        """Choose exactly `names` (names not offered are kept as they are).

        The names offered are read again first, so a word renamed or hidden in Settings
        shows as it is now each time an entry is opened.
        """
        self._order = list(names)
        self._fill()
        self._filter(self.search.text())
        self._show_chosen()

    def choose(self, name: str) -> None:
        """Tick one offered name."""
        item = self._items.get(name.casefold())
        if item is not None:
            self._tick(item, True)

    def _is_chosen(self, name: str) -> bool:
        return name.casefold() in {n.casefold() for n in self._order}

    def _ticked(self, name: str, checked: bool) -> None:
        """The person ticked (or unticked) `name` in the view."""
        self._order = [n for n in self._order if n.casefold() != name.casefold()]
        if checked:
            self._order.append(name)
        self._show_chosen()
        self.changed.emit()

    def _say_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _say_too_long(self, name: str) -> None:
        # Said here in our words; the store's are about its fields.
        self._say_error(
            ngettext(
                "A word of your own can be up to {limit} characters; this one has {count}. "
                "A shorter one will fit.",
                "A word of your own can be up to {limit} characters; this one has {count}. "
                "A shorter one will fit.",
                MAX_NAME,
            ).format(limit=MAX_NAME, count=len(name))
        )

    def _add_own(self) -> None:
        """The Add button: keep what is typed as a word of one's own, and tick it."""
        name = self._typed()
        if not name:
            return
        if len(name) > MAX_NAME:
            self._say_too_long(name)
            return
        if name.casefold() not in self._items:
            try:
                self._vocabulary.add(self._kind.value, name)
            except ValidationError as error:  # e.g. there already, but hidden in Settings
                self._say_error(str(error))
                return
            self._fill()
        self.error.hide()
        self.search.clear()
        self.choose(name)
        self.search.setFocus()
