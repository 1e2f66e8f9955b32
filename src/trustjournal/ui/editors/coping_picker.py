"""What I did to cope: strategies from the shipped library and my own, searchable, many at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from trustjournal.core.i18n import _
from trustjournal.store.vocabulary import VocabularyList
from trustjournal.ui.editors.vocabulary_picker import VocabularyPicker
from trustjournal.ui.operations import WordLists
from trustjournal.ui.widgets.common import label

DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 1


class CopingPicker(VocabularyPicker[QListWidgetItem]):
    """A filterable list of checkable coping strategies; the current one's description below.

    Names chosen that are not (or no longer) in the list, such as a hidden strategy an entry
    was saved with, are kept and shown in the "Chosen" line.

    Signals:
        changed: the chosen strategies changed.
    """

    def __init__(self, *, vocabulary: WordLists, parent: QWidget | None = None) -> None:
        super().__init__(
            vocabulary=vocabulary,
            kind=VocabularyList.COPING,
            placeholder=_("Find or add something you did"),
            search_name=_("Find or add a way of coping"),
            parent=parent,
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Ways of coping"))
        self.list.setMinimumHeight(130)
        self.list.setMaximumHeight(200)
        self.description = label("", role="hint")
        self._lay_out(self.list, self.description, spacing=4)
        self._fill()
        self._show_chosen()
        self._show_description(None)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.list.itemActivated.connect(self._on_list_item_activated)

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self._items.clear()
        for entry in self._vocabulary.items(VocabularyList.COPING):
            item = QListWidgetItem(entry.name, self.list)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsSelectable)
            self._tick(item, self._is_chosen(entry.name))
            item.setData(DESCRIPTION_ROLE, entry.description or "")
            if entry.description:
                item.setToolTip(entry.description)
            self._items[entry.name.casefold()] = item
        self.list.blockSignals(False)

    def _tick(self, item: QListWidgetItem, checked: bool) -> None:
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _show_description(self, item: QListWidgetItem | None) -> None:
        text = str(item.data(DESCRIPTION_ROLE) or "") if item is not None else ""
        self.description.setText(text)
        self.description.setVisible(bool(text))

    def _is_shown(self, item: QListWidgetItem) -> bool:
        return not item.isHidden()

    def _name_of(self, item: QListWidgetItem) -> str:
        return item.text()

    def _focus_item(self, item: QListWidgetItem) -> None:
        self.list.setCurrentItem(item)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self._on_view_activated(item.text())

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        self._ticked(item.text(), item.checkState() == Qt.CheckState.Checked)

    def _on_list_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self._show_description(current)

    def _filter(self, text: str) -> None:
        needle = " ".join(text.split()).casefold()
        for key, item in self._items.items():
            item.setHidden(bool(needle) and needle not in key)
