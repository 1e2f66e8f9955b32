"""Settings: the words offered when writing (trigger categories, ways of coping, emotions of
one's own) — see, add, rename, hide, show again."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from trustjournal.core.i18n import N_, _
from trustjournal.services.changes import Changes, settings_only
from trustjournal.store.vocabulary import VocabularyList
from trustjournal.ui.session import Session
from trustjournal.ui.settings.vocabulary_list import VocabularyListEditor
from trustjournal.ui.widgets.common import label

HINT = N_(
    "These are the words offered when you write a check-in or a trigger record. Renaming or "
    "hiding one never changes an entry you have already written: it keeps the words it was "
    "saved with. Hidden names are no longer offered, and can be shown again at any time."
)
NO_OWN_EMOTIONS = N_(
    "None yet. An emotion you add as your own word while writing shows here, to rename or hide."
)


class VocabularySection(QFrame):
    """The Settings card holding the lists, two side by side; other pages' changes show at once."""

    def __init__(
        self, *, session: Session, room: int | None = None, parent: QWidget | None = None
    ) -> None:
        """`room`: the width inside the card at the window's smallest; the lists go one under
        another when two side by side need more (a longer language), side by side otherwise."""
        super().__init__(parent)
        self._session = session
        self.setProperty("card", True)
        layout = QVBoxLayout(self)  # the look and padding of `common.card`
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(label(_("Your words"), role="heading"))
        layout.addWidget(label(_(HINT), role="hint"))
        self.categories = VocabularyListEditor(
            session=session,
            kind=VocabularyList.CATEGORY,
            title=_("Trigger categories"),
            placeholder=_("A new category"),
        )
        self.coping = VocabularyListEditor(
            session=session,
            kind=VocabularyList.COPING,
            title=_("Ways of coping"),
            placeholder=_("A new way of coping"),
        )
        self.emotions = VocabularyListEditor(
            session=session,
            kind=VocabularyList.EMOTION,
            title=_("Emotions of my own"),
            placeholder=_("A new emotion of my own"),
            own_only=True,
            empty=_(NO_OWN_EMOTIONS),
        )
        # Side by side rather than in tabs: a tab page's wrapped labels are measured too
        # short inside the scrolled Settings column, and the lists are worth seeing at once.
        lists = QGridLayout()
        lists.setHorizontalSpacing(24)
        lists.setVerticalSpacing(16)
        headings = [label(editor.title, wrap=False) for editor in self._lists()]
        for heading in headings:
            bold = heading.font()
            bold.setBold(True)
            heading.setFont(bold)
        widest = max(w.minimumSizeHint().width() for w in (*headings, *self._lists()))
        columns = 1 if room is not None and 2 * widest + 24 > room else 2
        for place, (editor, heading) in enumerate(zip(self._lists(), headings, strict=True)):
            column = QVBoxLayout()
            column.setSpacing(0)
            heading.setBuddy(editor.list)
            column.addWidget(heading)
            column.addWidget(editor, 1)
            lists.addLayout(column, place // columns, place % columns)
        lists.setColumnStretch(0, 1)
        if columns == 2:
            lists.setColumnStretch(1, 1)
        layout.addLayout(lists)
        session.events.changed.connect(self._on_events_changed)

    def _lists(self) -> tuple[VocabularyListEditor, ...]:
        return (self.categories, self.coping, self.emotions)

    def _on_events_changed(self, changes: Changes) -> None:
        if not settings_only(changes):  # e.g. an own word added while writing a trigger record
            for editor in self._lists():
                editor.reload()

    def showEvent(self, event: QShowEvent) -> None:
        # A word of one's own added in a picker is not announced until its entry is saved.
        for editor in self._lists():
            editor.reload()
        super().showEvent(event)

    def clear(self) -> None:
        """Forget both lists and stop listening; the journal is about to close."""
        self._session.events.changed.disconnect(self._on_events_changed)
        for editor in self._lists():
            editor.clear()
