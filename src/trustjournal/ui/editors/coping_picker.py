"""What I did to cope: strategies from the shipped library and my own, searchable, many at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.errors import ValidationError
from trustjournal.store.vocabulary import VocabularyList, VocabularyRepository
from trustjournal.ui.widgets.common import button, label

DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 1


class CopingPicker(QWidget):
    """A filterable list of checkable coping strategies; the current one's description below.

    Names chosen that are not (or no longer) in the list, such as a hidden strategy an entry
    was saved with, are kept and shown in the "Chosen" line.

    Signals:
        changed: the chosen strategies changed.
    """

    changed = Signal()

    def __init__(self, *, vocabulary: VocabularyRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find or add something you did")
        self.search.setAccessibleName("Find or add a way of coping")
        self.add_button = button("Add as my own")
        self.add_button.setEnabled(False)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Ways of coping")
        self.list.setMinimumHeight(130)
        self.list.setMaximumHeight(200)
        self.description = label("", role="hint")
        self.summary = label("")
        self.error = label("", role="error")
        self.error.hide()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.description)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        self._items: dict[str, QListWidgetItem] = {}
        self._order: list[str] = []  # chosen names in the order chosen
        self._fill()
        self._show_chosen()
        self._show_description(None)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._add_own)
        self.add_button.clicked.connect(self._add_own)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self._items.clear()
        chosen = {n.casefold() for n in self._order}
        for entry in self._vocabulary.items(VocabularyList.COPING):
            item = QListWidgetItem(entry.name, self.list)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsSelectable)
            checked = entry.name.casefold() in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setData(DESCRIPTION_ROLE, entry.description or "")
            if entry.description:
                item.setToolTip(entry.description)
            self._items[entry.name.casefold()] = item
        self.list.blockSignals(False)

    def _show_chosen(self) -> None:
        self.summary.setText("Chosen: " + ", ".join(self._order) if self._order else "")
        self.summary.setVisible(bool(self._order))

    def _show_description(self, item: QListWidgetItem | None) -> None:
        text = str(item.data(DESCRIPTION_ROLE) or "") if item is not None else ""
        self.description.setText(text)
        self.description.setVisible(bool(text))

    def chosen(self) -> list[str]:
        """The chosen strategies, in the order chosen."""
        return list(self._order)

    def set_chosen(self, names: list[str] | tuple[str, ...]) -> None:
        """Choose exactly `names` (names not in the list are kept as they are)."""
        self._order = list(names)
        keys = {n.casefold() for n in names}
        self.list.blockSignals(True)
        for key, item in self._items.items():
            item.setCheckState(Qt.CheckState.Checked if key in keys else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._show_chosen()

    def choose(self, name: str) -> None:
        """Tick one strategy of the list."""
        item = self._items.get(name.casefold())
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        name = item.text()
        self._order = [n for n in self._order if n.casefold() != name.casefold()]
        if item.checkState() == Qt.CheckState.Checked:
            self._order.append(name)
        self._show_chosen()
        self.changed.emit()

    def _on_list_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self._show_description(current)

    def _filter(self, text: str) -> None:
        needle = " ".join(text.split()).casefold()
        for key, item in self._items.items():
            item.setHidden(bool(needle) and needle not in key)
        self.add_button.setEnabled(bool(needle) and needle not in self._items)

    def _add_own(self) -> None:
        name = " ".join(self.search.text().split())
        if not name:
            return
        if name.casefold() not in self._items:
            try:
                self._vocabulary.add(VocabularyList.COPING.value, name)
            except ValidationError as error:  # too long, or hidden in Settings
                self.error.setText(str(error))
                self.error.show()
                return
            self._fill()
        self.error.hide()
        self.search.clear()
        self.choose(name)
