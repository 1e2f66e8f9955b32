"""The unlocked main window's content: a side bar of pages and the page being shown.

Only the page shown first is built before the window paints; every other page is built the
first time it is needed (shown, asked to open an entry, asked for a command), so unlocking
costs one page, not all of them. A page never built holds nothing, and its drafts wait in the
vault until it is.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trustjournal.core.entries import EntryKind
from trustjournal.core.i18n import _
from trustjournal.ui.icons import Icon, icon
from trustjournal.ui.pages.registry import EntryOpener, EntryStarter, Page, PageAction, PageSpec
from trustjournal.ui.session import Session
from trustjournal.ui.widgets.common import button

log = logging.getLogger(__name__)

SIDEBAR_WIDTH = 210
# Below this width the side bar shows its icons only (names in tooltips and for screen readers),
# so a page with a list beside an editor keeps room for both in an 800×600 window.
COMPACT_BELOW = 1000
COMPACT_SIDEBAR_WIDTH = 68  # the list's own least width: icons alone, edge to edge
SIDE_MARGINS = (12, 18, 12, 14)
_FULL_TEXT = Qt.ItemDataRole.UserRole + 1  # a row's name while the side bar is compact
# Rows get a fixed height: Qt measures list items when they are added, and a style sheet that
# arrives later (a theme change) would otherwise leave padded rows overlapping each other.
SIDEBAR_ROW_HEIGHT = 44
SHARE_PAGE = "share"  # the page that answers events.share_requested


class MainFrame(QWidget):
    """Offers every registered page of one session, builds each on first use, switches.

    Signals:
        lock_clicked: the side bar's Lock button was pressed.
        page_changed(str): the key of the page now shown.
    """

    lock_clicked = Signal()
    page_changed = Signal(str)

    def __init__(
        self,
        *,
        specs: tuple[PageSpec, ...],
        session: Session,
        first: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`first` is the key of the page to show (and build) at once; default the first one."""
        super().__init__(parent)
        self._specs = specs
        self._session = session
        self._events = session.events
        self._pages: dict[str, QWidget] = {}
        self._unplaced: set[str] = set()  # pages made ahead, not yet in the stack
        self._to_prepare: list[PageSpec] = []
        self._cleared = False
        self.page_actions: list[QAction] = []  # commands offered from anywhere (for menus)
        self.go_actions: list[QAction] = []  # one per page, Ctrl+1…5, in side-bar order

        self._compact = False
        self.sidebar = sidebar = QWidget(self)
        sidebar.setObjectName("sidebar")
        sidebar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self._side = side = QVBoxLayout(sidebar)
        side.setContentsMargins(*SIDE_MARGINS)
        side.setSpacing(8)
        self.page_list = QListWidget(sidebar)
        self.page_list.setObjectName("pageList")
        self.page_list.setAccessibleName(_("Pages"))
        self.page_list.setIconSize(QSize(20, 20))
        self.page_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.addWidget(self.page_list, 1)
        self.lock_button = button(_("&Lock"), icon_name=Icon.LOCK)
        self.lock_button.setToolTip(_("Lock the journal now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_clicked)
        side.addWidget(self.lock_button)

        self.stack = QStackedWidget(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(self.stack, 1)

        for spec in specs:
            self._add_entry(spec)
        self.page_list.currentRowChanged.connect(self._on_page_list_current_row_changed)
        self._events.open_entry_requested.connect(self._on_events_open_entry_requested)
        self._events.new_entry_requested.connect(self._on_events_new_entry_requested)
        self._events.share_requested.connect(self._on_events_share_requested)
        self.setTabOrder(self.page_list, self.stack)
        keys = [spec.key for spec in specs]
        if keys:
            self.page_list.setCurrentRow(keys.index(first) if first in keys else 0)

    @property
    def compact(self) -> bool:
        """Whether the side bar shows icons only (a narrow window)."""
        return self._compact

    def page_names(self) -> list[str]:
        """The side bar's page names, in order, whether or not it shows them now."""
        items = [self.page_list.item(row) for row in range(self.page_list.count())]
        return [str(i.data(_FULL_TEXT)) if self._compact else i.text() for i in items]

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Make the side bar compact in a narrow window, and whole again in a wide one."""
        super().resizeEvent(event)
        self._set_compact(event.size().width() < COMPACT_BELOW)

    def _set_compact(self, compact: bool) -> None:
        if compact == self._compact:
            return
        self._compact = compact
        self.sidebar.setFixedWidth(COMPACT_SIDEBAR_WIDTH if compact else SIDEBAR_WIDTH)
        left, top, right, bottom = SIDE_MARGINS
        self._side.setContentsMargins(0 if compact else left, top, 0 if compact else right, bottom)
        inner = COMPACT_SIDEBAR_WIDTH if compact else SIDEBAR_WIDTH - left - right
        for row in range(self.page_list.count()):
            item = self.page_list.item(row)
            if compact:
                item.setData(_FULL_TEXT, item.text())
                item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text())
                item.setText("")
            else:
                item.setText(str(item.data(_FULL_TEXT) or item.text()))
            item.setSizeHint(QSize(inner, SIDEBAR_ROW_HEIGHT))
        if compact:
            self.lock_button.setProperty("fullText", self.lock_button.text())
            self.lock_button.setAccessibleName(self.lock_button.text().replace("&", ""))
            self.lock_button.setText("")
        else:
            self.lock_button.setText(str(self.lock_button.property("fullText") or ""))

    def _add_entry(self, spec: PageSpec) -> None:
        """A page's side-bar row, its Ctrl+number action and its commands (not the page)."""
        title = _(spec.title)  # marked with N_ where the page is declared; translated now
        item = QListWidgetItem(icon(spec.icon), title)
        item.setData(Qt.ItemDataRole.UserRole, spec.key)
        item.setSizeHint(QSize(SIDEBAR_WIDTH - 24, SIDEBAR_ROW_HEIGHT))
        native = QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        item.setToolTip(_("{page} ({shortcut})").format(page=title, shortcut=native))
        self.page_list.addItem(item)
        action = QAction(title, self)
        action.setShortcut(QKeySequence(spec.shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False, key=spec.key: self.go_to_page(key))
        self.addAction(action)
        self.go_actions.append(action)
        for page_action in spec.actions:
            self.page_actions.append(self._page_action(spec.key, page_action))

    def _build(self, spec: PageSpec) -> QWidget:
        """Build a page, put it in the stack (hidden) and give it back its drafts."""
        page = self._make(spec)
        self._place(spec.key)
        return page

    def _make(self, spec: PageSpec) -> QWidget:
        page = spec.build(self._session)
        self._pages[spec.key] = page  # the lock clears it from now on, placed or not
        self._unplaced.add(spec.key)
        return page

    def _place(self, key: str) -> None:
        """Put a page made in the stack (hidden) and give it back its drafts."""
        if key not in self._unplaced:
            return
        self._unplaced.discard(key)
        page = self._pages[key]
        self.stack.addWidget(page)  # Qt puts it in the Tab chain where the stack is
        if isinstance(page, Page):
            self._guard(key, "restore", page.restore_drafts)

    def prepare_pages(self) -> None:
        """Build the pages marked `prepared` that are not built yet, ahead of their shortcut.

        Each page's `modules` are imported first, one a turn of the event loop; then it is
        made on one turn and put in the stack on the next, one page after another, so no turn
        keeps the UI thread long (Insights: 8-14 ms to make, 3-4 to put in the stack, against
        15-22 ms in one turn when Ctrl+3 built it). A page asked for in between is finished
        at once. Nothing is made once the frame was cleared (locked).
        """
        self._to_prepare = [s for s in self._specs if s.prepared and s.key not in self._pages]
        self._prepare_next()

    def _prepare_next(self) -> None:
        if self._cleared or not self._session.is_open():
            self._to_prepare = []
            return
        while self._to_prepare and self._to_prepare[0].key in self._pages:
            self._to_prepare.pop(0)  # built meanwhile, when it was asked for
        if not self._to_prepare:
            return
        missing = [name for name in self._to_prepare[0].modules if name not in sys.modules]
        if missing:  # its modules first, one a turn
            importlib.import_module(missing[0])
            QTimer.singleShot(0, self, self._prepare_next)
            return
        spec = self._to_prepare.pop(0)
        self._make(spec)
        QTimer.singleShot(0, self, lambda: self._placed_then_next(spec.key))

    def _placed_then_next(self, key: str) -> None:
        if self._cleared:
            return
        self._place(key)
        QTimer.singleShot(0, self, self._prepare_next)

    def is_prepared(self, key: str) -> bool:
        """Whether page `key` is built and in the stack, ready to be shown."""
        return key in self._pages and key not in self._unplaced

    @property
    def session(self) -> Session:
        """The session this frame shows (File → Export and Import act on it)."""
        return self._session

    @property
    def current_key(self) -> str | None:
        """The key of the page being shown."""
        row = self.page_list.currentRow()
        return self._specs[row].key if 0 <= row < len(self._specs) else None

    def page(self, key: str) -> QWidget:
        """The page for `key`, built now if it was not yet (shown or not).

        Raises:
            KeyError: if there is no such page.
        """
        built = self._pages.get(key)
        if built is not None:
            self._place(key)  # a page made ahead whose turn in the stack had not come yet
            return built
        for spec in self._specs:
            if spec.key == key:
                return self._build(spec)
        raise KeyError(key)

    def is_built(self, key: str) -> bool:
        """Whether the page `key` has been built in this session."""
        return key in self._pages

    def show_page(self, key: str) -> bool:
        """Show the page `key`; False if there is no such page."""
        for row, spec in enumerate(self._specs):
            if spec.key == key:
                self.page_list.setCurrentRow(row)
                return True
        return False

    def go_to_page(self, key: str) -> None:
        """Show page `key` with the keys in it (Ctrl+number): on its first control, not on the
        frame or scroll area around it (where Qt leaves them), unless they were in it already."""
        before = QApplication.focusWidget()
        if not self.show_page(key):
            return
        page = self.page(key)
        if before is not None and page.isAncestorOf(before):
            return  # already working in this page: the keys stay where they were
        first = _first_control(page)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _page_action(self, key: str, spec: PageAction) -> QAction:
        action = QAction(_(spec.title), self)
        action.setShortcut(QKeySequence(spec.shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: self.run_page_action(key, spec.method))
        self.addAction(action)
        return action

    def run_page_action(self, key: str, method: str) -> None:
        """Show page `key` and call its no-argument method `method`."""
        self.show_page(key)
        getattr(self.page(key), method)()

    def open_entry(self, entry_id: int) -> bool:
        """Show the page that opens entries with `entry_id` open; False if none could.

        Pages are looked at in side-bar order, each built if it was not yet, up to the first
        one that opens entries (the Journal, second).
        """
        for spec in self._specs:
            page = self.page(spec.key)
            if isinstance(page, EntryOpener):
                self.show_page(spec.key)
                return page.open_entry(entry_id)
        return False

    def start_entry(self, kind: EntryKind, fields: dict[str, Any]) -> bool:
        """Show the page that starts entries with a new `kind` entry open, `fields` filled in."""
        for spec in self._specs:
            page = self.page(spec.key)
            if isinstance(page, EntryStarter):
                self.show_page(spec.key)
                return page.start_entry(kind, fields)
        return False

    def stash_and_clear(self) -> None:
        """Ask every built page to keep its drafts, then to empty itself. Never raises."""
        self._cleared = True
        self._to_prepare = []
        for key in self._unplaced:  # made ahead, never placed: the frame will not own it
            self._pages[key].deleteLater()
        self._events.open_entry_requested.disconnect(self._on_events_open_entry_requested)
        self._events.new_entry_requested.disconnect(self._on_events_new_entry_requested)
        self._events.share_requested.disconnect(self._on_events_share_requested)
        for key, page in self._pages.items():
            if isinstance(page, Page):
                self._guard(key, "stash", page.stash_drafts)
        for key, page in self._pages.items():
            if isinstance(page, Page):
                self._guard(key, "clear", page.clear)

    @staticmethod
    def _guard(key: str, step: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:
            log.error("page %s failed to %s drafts: %s", key, step, type(exc).__name__)

    def _on_events_open_entry_requested(self, entry_id: object) -> None:
        if isinstance(entry_id, int):
            self.open_entry(entry_id)

    def _on_events_new_entry_requested(self, kind: object, fields: object) -> None:
        if isinstance(kind, EntryKind) and isinstance(fields, dict):
            self.start_entry(kind, fields)

    def _on_events_share_requested(self, preset: str) -> None:
        # The Share page (built now if it was not yet) chooses what the preset names.
        if self.show_page(SHARE_PAGE):
            show_preset = getattr(self.page(SHARE_PAGE), "show_preset", None)
            if callable(show_preset):
                show_preset(preset)

    def _on_page_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._specs):
            key = self._specs[row].key
            self.stack.setCurrentWidget(self.page(key))
            self.page_changed.emit(key)


def _first_control(page: QWidget) -> QWidget | None:
    """The page's first control in the Tab chain (a scroll area around the controls is passed
    over: the keys would only scroll it)."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget):
        reachable = widget.isVisible() and widget.isEnabled()
        tabbed = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if reachable and tabbed and not isinstance(widget, QAbstractScrollArea):
            return widget
        widget = widget.nextInFocusChain()
    return None
