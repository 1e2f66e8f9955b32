"""The shell's coordinator: connects the way in (`UnlockFlow`), what is open (`JournalSession`)
and the main frame (`WindowFrame`), and locks them all together (S5).

None of these modules imports the store at load time, so the unlock screen paints before any
database or crypto module loads; the main window's modules are imported while the key is
derived.
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.first_paint import AfterFirstPaint
from trustjournal.ui.journal_session import JournalSession
from trustjournal.ui.lock import LockManager, close_dialogs
from trustjournal.ui.main_window import MainWindow
from trustjournal.ui.paint_report import PaintReporter
from trustjournal.ui.screen_switch import ScreenSwitch
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.single_instance import SingleInstance
from trustjournal.ui.tasks import after_pending_paints, let_go_of_session
from trustjournal.ui.unlock_flow import UnlockFlow
from trustjournal.ui.window_frame import WindowFrame

if TYPE_CHECKING:
    from trustjournal.store.vault import Vault
    from trustjournal.ui.main_frame import MainFrame

# What the main window needs first, imported while the key is derived (Argon2id leaves the
# interpreter free), so unlocking does not wait for them after it.
MAIN_MODULES = (
    "trustjournal.store.drafts",
    "trustjournal.store.entries",
    "trustjournal.ui.preferences",
    "trustjournal.ui.session",
    "trustjournal.ui.main_frame",
    "trustjournal.ui.menus",
    "trustjournal.ui.pages.today_page",
)

log = logging.getLogger(__name__)

PREPARE_AFTER_MS = 1000  # after the first paint of the unlocked window: pages made ahead


def preload_modules(names: tuple[str, ...]) -> None:
    """Import `names` one per turn of the event loop, so the screen stays responsive."""
    pending = [name for name in names if name not in sys.modules]

    def next_one() -> None:
        if pending:
            importlib.import_module(pending.pop(0))
            QTimer.singleShot(0, next_one)

    QTimer.singleShot(0, next_one)


class ShellController(QObject):
    """Decides which screen the window shows: the way in, the main frame, or locked.

    Signals:
        vault_opened: a journal was created or unlocked (before any further step).
        unlocked: the main window is showing an open journal (once it has painted).
        locked: the journal was locked and the unlock screen is showing.
    """

    unlocked = Signal()
    locked = Signal()
    vault_opened = Signal()

    def __init__(
        self,
        *,
        app: QApplication,
        window: MainWindow,
        screens: ScreenSwitch,
        journal: JournalSession,
        flow: UnlockFlow,
        frame: WindowFrame,
        lock_manager: LockManager,
        clipboard: ClipboardGuard,
        paint: PaintReporter,
        instance: SingleInstance | None = None,
        after_paint: AfterFirstPaint | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._lock_manager = lock_manager
        self._clipboard = clipboard
        self._paint = paint
        self._instance = instance
        self._screens = screens
        self._journal = journal
        self._flow = flow
        self._frame = frame
        self.last_lock_seconds: float | None = None
        if after_paint is not None:  # the tray and the second-launch answer, if not yet
            self._journal.opening.connect(after_paint.run_now)
        self._journal.opened.connect(self._on_journal_opened)
        self._flow.unlocking.connect(self._on_flow_unlocking)
        self._flow.ready.connect(self._on_flow_ready)
        self._flow.failed.connect(self._on_flow_failed)
        window.lock_action.triggered.connect(lambda: lock_manager.request("shortcut"))
        window.preferences_action.triggered.connect(self._on_window_preferences_triggered)
        window.minimised.connect(lock_manager.notify_minimised)
        window.closing.connect(self.shutdown)
        lock_manager.lock_requested.connect(self.lock)

    # --- state -------------------------------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        """The open vault, or None while locked."""
        return self._journal.vault

    @property
    def frame(self) -> MainFrame | None:
        """The main frame while the journal is open and showing."""
        return self._frame.frame

    def screen(self) -> QWidget | None:
        """The screen the window shows."""
        return self._screens.current()

    def start(
        self, *, prepare: Callable[[], Any] | None = None, showing: UnlockScreen | None = None
    ) -> None:
        """Show the first screen (see `UnlockFlow.start`)."""
        self._flow.start(prepare=prepare, showing=showing)

    # --- the way in --------------------------------------------------------------------------

    def _on_flow_unlocking(self) -> None:
        preload_modules(MAIN_MODULES)

    def _on_journal_opened(self) -> None:
        if self._instance is not None and self._instance.acquire():
            self._instance.listen()  # a new journal: its folder exists only now
        self.vault_opened.emit()

    def _on_flow_failed(self, message: str) -> None:
        self.lock("error")
        screen = self.screen()
        if isinstance(screen, UnlockScreen):
            screen.show_error(message)

    # --- main --------------------------------------------------------------------------------

    def _on_flow_ready(self) -> None:
        session = self._journal.begin()
        frame = self._frame.build(session)
        frame.lock_clicked.connect(lambda: self._lock_manager.request("button"))
        self._screens.show(frame)
        self._frame.install_menus()
        self._paint.watch(frame, "main")
        self._lock_manager.arm()

        def release() -> None:  # the page's held work would have slowed its first paint
            if session.is_open():
                session.tasks.release()
                self.unlocked.emit()
                # Pages slow to make are made ahead, once the first page's reads are done.
                QTimer.singleShot(PREPARE_AFTER_MS, frame, frame.prepare_pages)

        # A turn after the paint, so that what notes the paint (the paint report, the
        # benchmark) comes first, not after the cards below the fold have been built.
        after_pending_paints(lambda: QTimer.singleShot(0, self, release))

    def show_page(self, key: str) -> bool:
        """Show a page of the main window (False when locked or unknown)."""
        return self._frame.show_page(key)

    def _on_window_preferences_triggered(self) -> None:
        self.show_page("settings")

    # --- lock --------------------------------------------------------------------------------

    def lock(self, reason: str = "") -> None:
        """Lock now: drafts saved, dialogs closed, widgets emptied, vault closed. Never waits."""
        started = time.perf_counter()

        def while_open() -> None:
            self._lock_manager.disarm()
            close_dialogs(self._app)
            self._frame.take_down()
            self._clipboard.clear_if_ours()

        if not self._journal.lock(while_open=while_open):
            return
        if self._journal.accepting:
            self._flow.show_unlock().note_lock(reason, self._lock_manager.idle_ms)
            self.locked.emit()
        # Once the unlock screen shows (and the pages taken down are deleted, the turn before).
        after_pending_paints(let_go_of_session)
        self.last_lock_seconds = time.perf_counter() - started
        log.info("locked (%s) in %.1f ms", reason or "request", self.last_lock_seconds * 1000)

    def shutdown(self) -> None:
        """The app is closing: lock with drafts kept, and leave nothing on the clipboard."""
        self._journal.refuse_new()
        self.lock("quit")
        self._lock_manager.disarm()
        self._clipboard.clear_if_ours()
