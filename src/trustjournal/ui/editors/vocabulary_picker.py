"""What the emotion and coping pickers share: find or add a name, tick many, the "Chosen" line."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from trustjournal.core.entries import MAX_NAME
from trustjournal.core.errors import ValidationError
from trustjournal.store.vocabulary import VocabularyList, VocabularyRepository
from trustjournal.ui.widgets.common import button, label

ItemT = TypeVar("ItemT")


class VocabularyPicker(QWidget, Generic[ItemT]):
    """A search field with "Add as my own" over a view of checkable names, many at once.

    Names are kept in the order they were ticked. Names chosen that are not (or no longer)
    offered, such as a hidden one an entry was saved with, are kept and shown in the "Chosen"
    line. An own name the vocabulary refuses (too long, or hidden in Settings) is said under
    the view. A subclass builds its view and calls `_lay_out`, fills `_items` in `_fill`,
    filters in `_filter`, ticks in `_tick`, and reports each tick with `_ticked`.

    Signals:
        changed: the chosen names changed.
    """

    changed = Signal()

    def __init__(
        self,
        *,
        vocabulary: VocabularyRepository,
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
        self.add_button = button("Add as my own")
        self.add_button.setEnabled(False)
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
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._add_own)
        self.add_button.clicked.connect(self._add_own)

    def _fill(self) -> None:
        """Fill the view from the vocabulary and `_items` by casefolded name, ticking `_order`."""
        raise NotImplementedError

    def _filter(self, text: str) -> None:
        """Show only what matches `text`."""
        raise NotImplementedError

    def _tick(self, item: ItemT, checked: bool) -> None:
        """Tick or untick `item` in the view."""
        raise NotImplementedError

    def _show_chosen(self) -> None:
        self.summary.setText("Chosen: " + ", ".join(self._order) if self._order else "")
        self.summary.setVisible(bool(self._order))

    def chosen(self) -> list[str]:
        """The chosen names, in the order chosen."""
        return list(self._order)

    def set_chosen(self, names: list[str] | tuple[str, ...]) -> None:
        """Choose exactly `names` (names not offered are kept as they are)."""
        self._order = list(names)
        keys = {n.casefold() for n in names}
        self._view.blockSignals(True)
        for key, item in self._items.items():
            self._tick(item, key in keys)
        self._view.blockSignals(False)
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

    def _add_own(self) -> None:
        name = " ".join(self.search.text().split())
        if not name:
            return
        if len(name) > MAX_NAME:  # said here in our words; the store's are about its fields
            self._say_error(
                f"A word of your own can be up to {MAX_NAME} characters; this one has "
                f"{len(name)}. A shorter one will fit."
            )
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
