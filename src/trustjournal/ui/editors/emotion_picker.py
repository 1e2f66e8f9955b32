"""Emotions picked from the shipped vocabulary grouped by family, searchable, own words allowed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustjournal.store.vocabulary import VocabularyList, VocabularyRepository
from trustjournal.ui.widgets.common import button, label


class EmotionPicker(QWidget):
    """A filterable tree of emotion families with checkable emotions.

    Signals:
        changed: the chosen emotions changed.
    """

    changed = Signal()

    def __init__(self, *, vocabulary: VocabularyRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find or add an emotion")
        self.search.setAccessibleName("Find or add an emotion")
        self.add_button = button("Add as my own")
        self.add_button.setEnabled(False)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Emotions")
        self.tree.setMinimumHeight(120)
        self.tree.setMaximumHeight(190)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self.summary = label("", role="hint")
        layout.addWidget(self.summary)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._order: list[str] = []  # chosen names in the order chosen
        self._fill()
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._add_own)
        self.add_button.clicked.connect(self._add_own)
        self.tree.itemChanged.connect(self._on_item_changed)

    def _fill(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        for family, names in self._vocabulary.emotion_families():
            parent = QTreeWidgetItem(self.tree, [family])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for name in names:
                child = QTreeWidgetItem(parent, [name])
                child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                checked = name.casefold() in {n.casefold() for n in self._order}
                child.setCheckState(
                    0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                )
                self._items[name.casefold()] = child
        self.tree.collapseAll()
        self.tree.blockSignals(False)

    def _show_chosen(self) -> None:
        self.summary.setText("Chosen: " + ", ".join(self._order) if self._order else "")
        self.summary.setVisible(bool(self._order))

    def chosen(self) -> list[str]:
        """The chosen emotions, in the order chosen."""
        return list(self._order)

    def set_chosen(self, names: list[str] | tuple[str, ...]) -> None:
        """Choose exactly `names` (names not in the vocabulary are kept as they are)."""
        self._order = list(names)
        self.tree.blockSignals(True)
        keys = {n.casefold() for n in names}
        for key, item in self._items.items():
            item.setCheckState(0, Qt.CheckState.Checked if key in keys else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self._show_chosen()

    def choose(self, name: str) -> None:
        """Tick one emotion of the vocabulary."""
        item = self._items.get(name.casefold())
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Checked)

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        name = item.text(0)
        self._order = [n for n in self._order if n.casefold() != name.casefold()]
        if item.checkState(0) == Qt.CheckState.Checked:
            self._order.append(name)
        self._show_chosen()
        self.changed.emit()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        root = self.tree.invisibleRootItem()
        for f in range(root.childCount()):
            family = root.child(f)
            assert family is not None
            family_hit = bool(needle) and needle in family.text(0).casefold()
            shown = 0
            for c in range(family.childCount()):
                child = family.child(c)
                assert child is not None
                hit = not needle or family_hit or needle in child.text(0).casefold()
                child.setHidden(not hit)
                shown += hit
            family.setHidden(shown == 0)
            family.setExpanded(bool(needle) and shown > 0)
        self.add_button.setEnabled(bool(needle) and needle not in self._items)

    def _add_own(self) -> None:
        name = " ".join(self.search.text().split())
        if not name:
            return
        if name.casefold() not in self._items:
            self._vocabulary.add(VocabularyList.EMOTION.value, name)
            self._fill()
        self.search.clear()
        self.choose(name)
