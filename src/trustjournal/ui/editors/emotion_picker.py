"""Emotions picked from the shipped vocabulary grouped by family, searchable, own words allowed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from trustjournal.core.i18n import _
from trustjournal.store.vocabulary import VocabularyList
from trustjournal.ui.editors.vocabulary_picker import VocabularyPicker
from trustjournal.ui.operations import WordLists


class EmotionPicker(VocabularyPicker[QTreeWidgetItem]):
    """A filterable tree of emotion families with checkable emotions.

    Signals:
        changed: the chosen emotions changed.
    """

    def __init__(self, *, vocabulary: WordLists, parent: QWidget | None = None) -> None:
        super().__init__(
            vocabulary=vocabulary,
            kind=VocabularyList.EMOTION,
            placeholder=_("Find or add an emotion"),
            search_name=_("Find or add an emotion"),
            summary_role="hint",
            parent=parent,
        )
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(_("Emotions"))
        self.tree.setMinimumHeight(120)
        self.tree.setMaximumHeight(190)
        self._lay_out(self.tree)
        self._fill()
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.tree.itemActivated.connect(self._on_tree_item_activated)

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
                self._tick(child, self._is_chosen(name))
                self._items[name.casefold()] = child
        self.tree.collapseAll()
        self.tree.blockSignals(False)

    def _tick(self, item: QTreeWidgetItem, checked: bool) -> None:
        item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _is_shown(self, item: QTreeWidgetItem) -> bool:
        family = item.parent()
        return not item.isHidden() and (family is None or not family.isHidden())

    def _name_of(self, item: QTreeWidgetItem) -> str:
        return item.text(0)

    def _focus_item(self, item: QTreeWidgetItem) -> None:
        self.tree.setCurrentItem(item)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            self._on_view_activated(item.text(0))

    def _on_tree_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        self._ticked(item.text(0), item.checkState(0) == Qt.CheckState.Checked)

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
