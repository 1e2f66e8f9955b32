"""The shell's flow: welcome → create → recovery code → main window; unlock; lock (S5).

The store is imported only when it is first needed, so the unlock screen paints before any
database or crypto module loads. Every slow step (key derivation) runs through `tasks`;
a result that arrives after the flow moved on is dropped, and a vault it opened is locked.
The screens that set or show secrets (create, recovery code, new passphrase) are in
`secret_flows`, which this class builds on.
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from trustjournal.ui.clipboard import ClipboardGuard
from trustjournal.ui.errors import describe
from trustjournal.ui.events import JournalEvents
from trustjournal.ui.first_paint import AfterFirstPaint
from trustjournal.ui.lock import LockManager, close_dialogs
from trustjournal.ui.main_window import MainWindow
from trustjournal.ui.pages.registry import PageRegistry
from trustjournal.ui.paint_report import PaintReporter
from trustjournal.ui.screens.unlock import UnlockScreen
from trustjournal.ui.secret_flows import SecretFlows
from trustjournal.ui.single_instance import SingleInstance
from trustjournal.ui.tasks import ScopedTasks, Tasks, after_pending_paints
from trustjournal.ui.theme import ThemeManager
from trustjournal.ui.vault_folder import looks_like_vault

if TYPE_CHECKING:
    from datetime import datetime

    from trustjournal.store.keyfile import KdfParams
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


def preload_modules(names: tuple[str, ...]) -> None:
    """Import `names` one per turn of the event loop, so the screen stays responsive."""
    pending = [name for name in names if name not in sys.modules]

    def next_one() -> None:
        if pending:
            importlib.import_module(pending.pop(0))
            QTimer.singleShot(0, next_one)

    QTimer.singleShot(0, next_one)


class ShellController(SecretFlows):
    """Decides which screen the window shows, and owns the open vault.

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
        vault_dir: Path,
        pages: PageRegistry,
        tasks: Tasks,
        events: JournalEvents,
        lock_manager: LockManager,
        clipboard: ClipboardGuard,
        theme: ThemeManager,
        paint: PaintReporter,
        clock: Callable[[], datetime],
        kdf: KdfParams | None = None,
        demo_passphrase: str | None = None,
        instance: SingleInstance | None = None,
        after_paint: AfterFirstPaint | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._window = window
        self._vault_dir = vault_dir
        self._pages = pages
        self._tasks = tasks
        self._events = events
        self._lock_manager = lock_manager
        self._clipboard = clipboard
        self._theme = theme
        self._paint = paint
        self._clock = clock
        self._kdf = kdf
        self._demo_passphrase = demo_passphrase
        self._instance = instance
        self._after_paint = after_paint
        self._vault: Vault | None = None
        self._frame: MainFrame | None = None
        self._last_page: str | None = None
        self._flow = 0  # bumped whenever the screen changes; stale callbacks are dropped
        self._session = 0  # bumped on every unlock and lock; pages' tasks check it
        self._closing = False
        self.last_lock_seconds: float | None = None
        window.lock_action.triggered.connect(lambda: lock_manager.request("shortcut"))
        window.preferences_action.triggered.connect(self._on_window_preferences_triggered)
        window.minimised.connect(lock_manager.notify_minimised)
        window.closing.connect(self.shutdown)
        lock_manager.lock_requested.connect(self.lock)

    # --- state -------------------------------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        """The open vault, or None while locked."""
        return self._vault

    @property
    def frame(self) -> MainFrame | None:
        """The main frame while the journal is open and showing."""
        return self._frame

    def screen(self) -> QWidget | None:
        """The screen the window shows."""
        return self._window.screen_widget()

    # --- start -------------------------------------------------------------------------------

    def start(
        self, *, prepare: Callable[[], Any] | None = None, showing: UnlockScreen | None = None
    ) -> None:
        """Show the first screen; `prepare` (e.g. building the demo journal) runs first.

        `showing` is an unlock screen the window already shows (painted before the shell was
        built); the controller takes it over instead of building another.
        """
        if showing is not None:
            self._show_unlock(showing)
            if showing.field.isReadOnly():  # submitted before we were listening
                showing.set_busy(False)
                showing.unlock_button.click()
            return
        if prepare is not None:
            screen = self._show_unlock()
            screen.set_busy(True)
            token = self._flow
            self._tasks.run_in_background(
                prepare,
                self._if_current(token, lambda _r: screen.set_busy(False)),
                self._if_current(token, lambda exc: screen.show_error(describe(exc))),
            )
            return
        if looks_like_vault(self._vault_dir):
            self._show_unlock()
        else:
            from trustjournal.ui.screens.welcome import WelcomeScreen

            welcome = WelcomeScreen()
            welcome.create_requested.connect(self._show_create)
            self._show(welcome)

    # --- unlock ------------------------------------------------------------------------------

    def _show_unlock(self, screen: UnlockScreen | None = None) -> UnlockScreen:
        if screen is None:
            screen = UnlockScreen(demo_passphrase=self._demo_passphrase)
        token = self._show(screen)
        self._paint.watch(screen, "unlock")
        screen.unlock_requested.connect(
            lambda secret, recovery: self._unlock(screen, token, secret, recovery)
        )
        return screen

    def _unlock(self, screen: UnlockScreen, token: int, secret: str, recovery: bool) -> None:
        from trustjournal.store.vault import Vault

        directory = self._vault_dir
        opener = Vault.unlock_with_recovery if recovery else Vault.unlock

        def opened(vault: Vault) -> None:
            if self._adopt(token, vault):
                self._on_unlocked(secret)

        self._tasks.run_in_background(
            lambda: opener(directory, secret),
            opened,
            self._if_current(token, lambda exc: screen.show_error(describe(exc))),
        )
        preload_modules(MAIN_MODULES)

    def _adopt(self, token: int, vault: Vault) -> bool:
        """Take an opened vault, unless the flow moved on meanwhile (then lock it again)."""
        from trustjournal.ui import preferences  # not needed before a journal opens

        if token != self._flow or self._closing or self._vault is not None:
            vault.lock()
            return False
        if self._after_paint is not None:
            self._after_paint.run_now()  # the tray and the second-launch answer, if not yet
        self._vault = vault
        if self._instance is not None and self._instance.acquire():
            self._instance.listen()  # a new journal: its folder exists only now
        self.vault_opened.emit()
        preferences.apply(
            preferences.load(self._settings()), lock_manager=self._lock_manager, theme=self._theme
        )
        return True

    def _on_unlocked(self, passphrase: str) -> None:
        """Go on after unlocking; `passphrase` is what opened it (never kept beyond this)."""
        from trustjournal.ui import preferences

        vault = self._vault
        assert vault is not None
        if vault.needs_new_passphrase:
            self._show_new_passphrase()
        elif self._settings().get(preferences.RECOVERY_CONFIRMED) is False:
            self._renew_unconfirmed_recovery_code(passphrase)
        else:
            self._enter_main()

    def _fail_open(self, exc: BaseException) -> None:
        message = describe(exc)
        self.lock("error")
        screen = self.screen()
        if isinstance(screen, UnlockScreen):
            screen.show_error(message)

    # --- main --------------------------------------------------------------------------------

    def _enter_main(self) -> None:
        from trustjournal.store.drafts import DraftRepository
        from trustjournal.store.entries import EntryRepository
        from trustjournal.ui.main_frame import MainFrame
        from trustjournal.ui.menus import install_menus
        from trustjournal.ui.session import Session

        vault = self._vault
        assert vault is not None
        self._session += 1
        session_id = self._session

        def is_open() -> bool:
            return self._session == session_id and self._vault is not None

        tasks = ScopedTasks(tasks=self._tasks, is_current=is_open)
        tasks.hold()  # the first page's background reads start once it has painted
        session = Session(
            vault=vault,
            settings=self._settings(),
            drafts=DraftRepository(db=vault.db, clock=self._clock),
            entries=EntryRepository(db=vault.db, clock=self._clock),
            tasks=tasks,
            events=self._events,
            clock=self._clock,
            is_open=is_open,
        )
        # Only the page shown first is built now (the one they were on before locking).
        frame = MainFrame(specs=self._pages.specs(), session=session, first=self._last_page)
        frame.lock_clicked.connect(lambda: self._lock_manager.request("button"))
        self._frame = frame
        self._show(frame)
        install_menus(self._window, frame)
        self._paint.watch(frame, "main")
        self._lock_manager.arm()

        def release() -> None:  # the page's held work would have slowed its first paint
            if self._session == session_id:
                tasks.release()
                self.unlocked.emit()

        # A turn after the paint, so that what notes the paint (the paint report, the
        # benchmark) comes first, not after the cards below the fold have been built.
        after_pending_paints(lambda: QTimer.singleShot(0, self, release))

    def show_page(self, key: str) -> bool:
        """Show a page of the main window (False when locked or unknown)."""
        return self._frame is not None and self._frame.show_page(key)

    def _on_window_preferences_triggered(self) -> None:
        self.show_page("settings")

    # --- lock --------------------------------------------------------------------------------

    def lock(self, reason: str = "") -> None:
        """Lock now: drafts saved, dialogs closed, widgets emptied, vault closed. Never waits."""
        if self._vault is None:
            return
        started = time.perf_counter()
        self._lock_manager.disarm()
        self._session += 1
        close_dialogs(self._app)
        frame, self._frame = self._frame, None
        if frame is not None:
            from trustjournal.ui.menus import remove_menus  # loaded with the frame

            remove_menus(self._window)
            self._last_page = frame.current_key
            frame.stash_and_clear()
        self._clipboard.clear_if_ours()
        vault, self._vault = self._vault, None
        try:
            vault.lock()
        except Exception as exc:
            log.error("closing the journal failed: %s", type(exc).__name__)
        if not self._closing:
            self._show_unlock().note_lock(reason, self._lock_manager.idle_ms)
            self.locked.emit()
        self.last_lock_seconds = time.perf_counter() - started
        log.info("locked (%s) in %.1f ms", reason or "request", self.last_lock_seconds * 1000)

    def shutdown(self) -> None:
        """The app is closing: lock with drafts kept, and leave nothing on the clipboard."""
        self._closing = True
        self.lock("quit")
        self._lock_manager.disarm()
        self._clipboard.clear_if_ours()
