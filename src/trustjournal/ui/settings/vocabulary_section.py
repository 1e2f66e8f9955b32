"""Settings: the trigger categories and coping strategies — see, add, rename, hide, show again."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from trustjournal.store.vocabulary import VocabularyList
from trustjournal.ui.session import Session
from trustjournal.ui.settings.vocabulary_list import VocabularyListEditor
from trustjournal.ui.widgets.common import label

HINT = (
    "These are the words offered when you write a trigger record. Renaming or hiding one "
    "never changes a record you have already written: it keeps the words it was saved with. "
    "Hidden names are no longer offered, and can be shown again at any time."
)


class VocabularySection(QFrame):
    """The Settings card holding both lists side by side; other pages' changes show at once."""

    def __init__(self, *, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setProperty("card", True)
        layout = QVBoxLayout(self)  # the look and padding of `common.card`
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(label("Trigger categories and ways of coping", role="heading"))
        layout.addWidget(label(HINT, role="hint"))
        self.categories = VocabularyListEditor(
            session=session,
            kind=VocabularyList.CATEGORY,
            title="Trigger categories",
            placeholder="A new category",
        )
        self.coping = VocabularyListEditor(
            session=session,
            kind=VocabularyList.COPING,
            title="Ways of coping",
            placeholder="A new way of coping",
        )
        # Side by side rather than in tabs: a tab page's wrapped labels are measured too
        # short inside the scrolled Settings column, and both lists are worth seeing at once.
        lists = QHBoxLayout()
        lists.setSpacing(24)
        for title, editor in (
            (self.categories.title, self.categories),
            (self.coping.title, self.coping),
        ):
            column = QVBoxLayout()
            column.setSpacing(0)
            heading = label(title, wrap=False)
            bold = heading.font()
            bold.setBold(True)
            heading.setFont(bold)
            heading.setBuddy(editor.list)
            column.addWidget(heading)
            column.addWidget(editor, 1)
            lists.addLayout(column, 1)
        layout.addLayout(lists)
        session.events.changed.connect(self._on_events_changed)

    def _on_events_changed(self, kinds: frozenset[str]) -> None:
        if kinds != {"settings"}:  # e.g. an own word added while writing a trigger record
            self.categories.reload()
            self.coping.reload()

    def clear(self) -> None:
        """Forget both lists and stop listening; the journal is about to close."""
        self._session.events.changed.disconnect(self._on_events_changed)
        self.categories.clear()
        self.coping.clear()
